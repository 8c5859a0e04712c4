import { describe, expect, it } from 'vitest'
import { screenshot } from './support/browser'
import { previewSession } from './support/previewSession'
import { expectSecretsNowhere } from './support/sandboxProfile'
import { goToApi, type GoToUser } from './support/tenantApis'
import { openUserList, openUserPanel } from './support/userList'

interface InAGroup extends GoToUser {
  groupKey?: string
  groupName?: string
}

/**
 * A GoToMeeting account through the preview bridge in Chromium: deprovision (suspend) a person,
 * undo, and see them active in their group again, checked with the account's own admin API; then
 * try to create someone who already has an account and see it reported as existing.
 */
describe('deprovision, undo and a duplicate on the GoToMeeting sandbox', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '120' }, sandbox: 'gotomeeting', page: {} })
  const askGoTo = goToApi(() => session.tenant)
  const userByKey = (key: string) => askGoTo<InAGroup>(`accounts/${session.access.values.accountKey}/users/${key}`)

  it('suspends a person and brings them back, active and in their group', async () => {
    const { access, page } = session
    const listing = await askGoTo<{ results: InAGroup[] }>(`accounts/${access.values.accountKey}/users?pageSize=100`)
    const person = listing.results.find((user) => user.status === 'ACTIVE' && user.groupName && !/admin/i.test(user.email))
    if (!person) throw new Error('the sandbox seeded nobody active in a group')

    await openUserList(page, /GoToMeeting Sandbox/)
    const panel = await openUserPanel(page, { search: person.lastName, id: person.key, name: `${person.firstName} ${person.lastName}` }, 40)
    await panel.locator('.membership', { hasText: person.groupName! }).waitFor()
    // The target has no membership operation: the panel says so instead of offering buttons.
    await expect.poll(() => panel.getByText(/does not support membership changes/).count()).toBeGreaterThan(0)
    // Scoped to the memberships: the licences beside them offer their own "Remove…" (an assign / remove GoTo does have).
    expect(await panel.locator('.memberships').getByRole('button', { name: 'Remove' }).count()).toBe(0)
    await screenshot(page, 'gotomeeting-user-panel')

    await panel.getByRole('button', { name: 'Deprovision…' }).click()
    await screenshot(page, 'gotomeeting-deprovision-confirm')
    await page.getByRole('dialog').getByRole('button', { name: 'Deprovision' }).click()
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).toContain('SUSPENDED')
    expect((await userByKey(person.key)).status).toBe('SUSPENDED')
    await screenshot(page, 'gotomeeting-user-suspended')

    await panel.getByRole('button', { name: 'Undo deprovision…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: /Undo/ }).click()
    await expect.poll(async () => (await userByKey(person.key)).status).toBe('ACTIVE')
    const restored = await userByKey(person.key)
    expect(restored.groupKey).toBe(person.groupKey)
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).toContain('ACTIVE')
    await panel.locator('.membership', { hasText: person.groupName! }).waitFor()
    await screenshot(page, 'gotomeeting-user-restored')
  })

  it('reports a create for an email that already has an account as existing, not as new', async () => {
    const { app, access, page, problems } = session
    const listing = await askGoTo<{ results: InAGroup[]; total: number }>(`accounts/${access.values.accountKey}/users?pageSize=100`)
    const existing = listing.results.find((user) => user.status === 'ACTIVE')!
    await page.getByRole('button', { name: 'New user' }).click()
    const form = page.getByRole('complementary', { name: 'New user' })
    await form.getByLabel('Email', { exact: false }).first().fill(existing.email)
    await form.getByLabel('Given name').fill('Someone')
    await form.getByLabel('Family name').fill('Else')
    await form.getByRole('button', { name: /^Create/ }).click()
    const dialog = page.getByRole('dialog')
    await screenshot(page, 'gotomeeting-duplicate-confirm')
    await dialog.getByRole('button', { name: /^Create/ }).click()
    await expect.poll(() => form.textContent()).toMatch(/already exist/i)
    await screenshot(page, 'gotomeeting-duplicate-reported')
    // Nothing new at the target: the same number of users, the existing one unchanged.
    const after = await askGoTo<{ total: number }>(`accounts/${access.values.accountKey}/users?pageSize=1`)
    expect(after.total).toBe(listing.total)
    expect((await userByKey(existing.key)).firstName).toBe(existing.firstName)
    await expectSecretsNowhere(app, page, Object.values(access.secrets))
    expect(problems).toEqual([])
  })
})
