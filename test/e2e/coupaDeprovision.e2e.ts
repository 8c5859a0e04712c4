import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot } from './support/browser'
import { previewSession } from './support/previewSession'
import { expectSecretsNowhere } from './support/sandboxProfile'
import { coupaApi, type CoupaUser } from './support/tenantApis'
import { openUserList, openUserPanel } from './support/userList'

interface Named {
  id: number
  name: string
}
interface WithMemberships extends CoupaUser {
  roles: Named[]
  'account-groups': Named[]
}

/**
 * A Coupa instance through the preview bridge in Chromium: give a person a role and an account
 * group from their panel (Coupa changes memberships from the user), deprovision them, undo, and
 * check with Coupa's own API that they are active with every role and group intact.
 */
describe('memberships, deprovision and undo on the Coupa sandbox', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '120' }, sandbox: 'coupa' })
  const askCoupa = coupaApi(() => session.tenant)

  const names = (items: Named[]) => items.map((item) => item.name).sort()

  it('adds a role and an account group, deprovisions, undoes, and keeps both', async () => {
    const users = await askCoupa<WithMemberships[]>('/api/users?active=true&limit=50')
    // Not the API user the profile signs in as: a person, with no account group yet.
    const person = users.find((user) => user.login !== 'lanyard.api' && user.login.includes('.') && user['account-groups'].length === 0)!
    const roles = (await askCoupa<{ data: { roles: Named[] } }>('/api/graphql', { method: 'POST', body: { query: '{ roles(query: "") { id name } }' } })).data.roles
    const role = roles.find((candidate) => !person.roles.some((held) => held.id === candidate.id))!
    const accountGroup = (await askCoupa<Named[]>('/api/account_groups?limit=5'))[0]!
    const fullName = `${person.firstname} ${person.lastname}`

    const { page, problems } = await session.open()
    await openUserList(page, /Coupa Sandbox/)
    const panel = await openUserPanel(page, { search: person.login, id: person.id, name: fullName })
    await screenshot(page, 'coupa-user-panel')

    await addMembership(panel.locator('[data-section="groupsOf:roles"]'), 'Add to role…', role.name, 'Add to role')
    await addMembership(panel.locator('[data-section="groupsOf:account-groups"]'), 'Add to account group…', accountGroup.name, 'Add to account group')
    await expect.poll(async () => names((await askCoupa<WithMemberships>(`/api/users/${person.id}`)).roles)).toContain(role.name)
    const before = await askCoupa<WithMemberships>(`/api/users/${person.id}`)
    expect(names(before['account-groups'])).toEqual([accountGroup.name])
    await screenshot(page, 'coupa-user-with-role-and-account-group')

    await panel.getByRole('button', { name: 'Deprovision…' }).click()
    await screenshot(page, 'coupa-deprovision-confirm')
    await page.getByRole('dialog').getByRole('button', { name: 'Deprovision' }).click()
    await expect.poll(async () => (await askCoupa<WithMemberships>(`/api/users/${person.id}`)).active).toBe(false)
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).toMatch(/inactive/i)

    await panel.getByRole('button', { name: 'Undo deprovision…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: /Undo/ }).click()
    await expect.poll(async () => (await askCoupa<WithMemberships>(`/api/users/${person.id}`)).active).toBe(true)
    const after = await askCoupa<WithMemberships>(`/api/users/${person.id}`)
    expect(names(after.roles)).toEqual(names(before.roles))
    expect(names(after['account-groups'])).toEqual([accountGroup.name])
    await panel.locator('[data-section="groupsOf:roles"]').getByRole('link', { name: role.name, exact: true }).waitFor()
    await panel.locator('[data-section="groupsOf:account-groups"]').getByRole('link', { name: accountGroup.name, exact: true }).waitFor()
    await screenshot(page, 'coupa-user-restored')
    await expectSecretsNowhere(session.app, page, Object.values(session.access.secrets))
    expect(problems).toEqual([])
  })

  async function addMembership(section: ReturnType<Page['locator']>, buttonLabel: string, name: string, confirmLabel: string): Promise<void> {
    const { page } = session
    await section.getByRole('button', { name: buttonLabel }).click()
    await section.getByRole('combobox').fill(name)
    await section.locator('.picker__choice', { has: page.getByText(name, { exact: true }) }).first().click()
    await section.locator('.picker__add').click()
    await page.getByRole('dialog').getByRole('button', { name: confirmLabel }).click()
    await section.getByRole('link', { name, exact: true }).waitFor()
  }
})
