import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, screenshotAtReviewSizes } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'
import { sandboxProfileAccess, type SandboxProfileAccess } from './support/sandboxProfile'

interface Limit {
  amount: string
  currency: { code: string } | null
}
interface CoupaUser {
  id: number
  login: string
  firstname: string
  lastname: string
  active: boolean
  'requisition-approval-limit': Limit | null
  'approval-groups': { name: string }[]
}

/**
 * Deactivating a Coupa approver in Chromium: the deprovision confirmation says, before the change,
 * what they approve (the requisition limit with its currency) and which approval groups they are
 * in, as Coupa's own API answers them; the user is then inactive in Coupa.
 */
describe('deprovisioning an approver on the Coupa sandbox', () => {
  let browser: Browser
  let app: PreviewApp
  let page: Page
  let problems: string[]
  let access: SandboxProfileAccess

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startPreviewApp({ env: { LANYARD_SANDBOX_USERS: '120' } })
    access = await sandboxProfileAccess(app, 'coupa')
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    if (app) await removeDataFolder(app)
  })

  async function askCoupa<T>(path: string): Promise<T> {
    const response = await fetch(new URL(path, access.values.url), { headers: { 'X-COUPA-API-KEY': access.secrets.apiKey!, Accept: 'application/json' } })
    expect(response.status, path).toBe(200)
    return (await response.json()) as T
  }

  it('names the approval limit and approval groups in the confirmation, then deactivates', async () => {
    const users = await askCoupa<CoupaUser[]>('/api/users?active=true&limit=50')
    const approver = users.find((user) => user.login !== 'lanyard.api' && Number(user['requisition-approval-limit']?.amount ?? 0) > 0)
    if (!approver) throw new Error('the sandbox seeded no active approver among the first 50 users')
    const limit = approver['requisition-approval-limit']!
    const fullName = `${approver.firstname} ${approver.lastname}`

    ;({ page, problems } = await openPage(browser, app.url))
    await page.getByRole('link', { name: /Coupa Sandbox/ }).first().click()
    await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
    await page.keyboard.press('/')
    await page.keyboard.type(approver.login, { delay: 30 })
    await page.locator(`[role="row"][data-id="${approver.id}"]`).click()
    const panel = page.getByRole('complementary', { name: fullName })
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
