import { describe, expect, it } from 'vitest'
import { screenshotAtReviewSizes } from './support/browser'
import { previewSession } from './support/previewSession'
import { expectSecretsNowhere } from './support/sandboxProfile'
import { goToApi, type GoToUser } from './support/tenantApis'
import { openUserList, openUserPanel } from './support/userList'

interface WithLicences extends GoToUser {
  licenseKeys: string[]
  adminRoles: string[]
}

/**
 * A GoToMeeting user's licences and admin roles on their panel in Chromium: a licence assigned and
 * removed again, each confirmed as before → after, checked with the account's own admin API.
 */
describe('licences on the GoToMeeting sandbox', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '120' }, sandbox: 'gotomeeting', page: {} })
  const askGoTo = goToApi(() => session.tenant)

  it('shows the licences and admin roles, assigns a licence and removes it again, as GoTo then holds them', async () => {
    const { app, access, page, problems } = session
    const account = access.values.accountKey
    const listing = await askGoTo<{ results: WithLicences[] }>(`accounts/${account}/users?pageSize=100`)
    const person = listing.results.find((user) => user.status === 'ACTIVE' && user.licenseKeys.length === 1 && !/admin/i.test(user.email))
    if (!person) throw new Error('the sandbox seeded nobody active with one licence')

    await openUserList(page, /GoToMeeting Sandbox/)
    const panel = await openUserPanel(page, { search: person.lastName, id: person.key, name: `${person.firstName} ${person.lastName}` }, 40)
    const section = panel.locator('.licences')
    await section.getByText('Admin roles:').waitFor()
    await screenshotAtReviewSizes(page, 'gotomeeting-licences')

    const choice = section.locator('#licence-choice')
    const chosen = await choice.inputValue()
    await section.getByRole('button', { name: 'Assign…' }).click()
    await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(/Licences/)
    await screenshotAtReviewSizes(page, 'gotomeeting-assign-licence-confirm')
    await page.getByRole('dialog').getByRole('button', { name: 'Assign licence' }).click()
    await expect.poll(async () => (await askGoTo<WithLicences>(`accounts/${account}/users/${person.key}`)).licenseKeys).toEqual([...person.licenseKeys, chosen])

    await expect.poll(() => section.getByRole('button', { name: /^Remove/ }).count()).toBe(2)
    await section.getByRole('button', { name: /^Remove/ }).last().click()
    await page.getByRole('dialog').getByRole('button', { name: 'Remove licence' }).click()
    await expect.poll(async () => (await askGoTo<WithLicences>(`accounts/${account}/users/${person.key}`)).licenseKeys).toEqual(person.licenseKeys)
    await expectSecretsNowhere(app, page, Object.values(access.secrets))
    expect(problems).toEqual([])
  })
})
