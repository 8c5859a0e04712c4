import { describe, expect, it } from 'vitest'
import { screenshotAtReviewSizes } from './support/browser'
import { previewSession } from './support/previewSession'
import { coupaApi, type CoupaUser } from './support/tenantApis'
import { openUserList, openUserPanel } from './support/userList'

interface Limit {
  amount: string
  currency: { code: string } | null
}
interface Approver extends CoupaUser {
  'requisition-approval-limit': Limit | null
  'approval-groups': { name: string }[]
}

/**
 * Deactivating a Coupa approver in Chromium: the deprovision confirmation says, before the change,
 * what they approve (the requisition limit with its currency) and which approval groups they are
 * in, as Coupa's own API answers them; the user is then inactive in Coupa.
 */
describe('deprovisioning an approver on the Coupa sandbox', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '120' }, sandbox: 'coupa' })
  const askCoupa = coupaApi(() => session.tenant)

  it('names the approval limit and approval groups in the confirmation, then deactivates', async () => {
    const users = await askCoupa<Approver[]>('/api/users?active=true&limit=50')
    const approver = users.find((user) => user.login !== 'lanyard.api' && Number(user['requisition-approval-limit']?.amount ?? 0) > 0)
    if (!approver) throw new Error('the sandbox seeded no active approver among the first 50 users')
    const limit = approver['requisition-approval-limit']!
    const fullName = `${approver.firstname} ${approver.lastname}`

    const { page, problems } = await session.open()
    await openUserList(page, /Coupa Sandbox/)
    const panel = await openUserPanel(page, { search: approver.login, id: approver.id, name: fullName })
    await panel.getByRole('button', { name: 'Deprovision…' }).click()

    const warning = page.getByRole('dialog').locator('.confirmation__warnings')
    await warning.waitFor()
    const grouped = Number(limit.amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    expect(await warning.textContent()).toContain(`${fullName} approves requisitions up to ${grouped} ${limit.currency?.code ?? ''}`.trim())
    for (const group of approver['approval-groups']) expect(await warning.textContent()).toContain(group.name)
    await screenshotAtReviewSizes(page, 'coupa-approver-deprovision-confirm')

    await page.getByRole('dialog').getByRole('button', { name: 'Deprovision' }).click()
    await expect.poll(async () => (await askCoupa<CoupaUser>(`/api/users/${approver.id}`)).active).toBe(false)
    expect(problems).toEqual([])
  })
})
