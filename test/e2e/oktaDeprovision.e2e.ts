import { describe, expect, it } from 'vitest'
import { screenshot } from './support/browser'
import { startPreviewApp } from './support/previewApp'
import { previewSession } from './support/previewSession'
import { expectSecretsNowhere, sandboxProfileAccess } from './support/sandboxProfile'
import { oktaApi, type OktaGroup, type OktaUser } from './support/tenantApis'
import { openUserList, openUserPanel, searchUsers } from './support/userList'

/**
 * A help-desk morning on the Okta sandbox, through the preview bridge in Chromium: find a person
 * by part of their name, take them out of one group, deprovision them, quit, start again, and
 * undo from the Activity view. The sandbox tenant is then asked directly (with its own token, as
 * an Okta admin would check) whether the person is active and in their remaining groups again.
 */
describe('deprovision and undo on the Okta sandbox', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '300' }, sandbox: 'okta' })
  const askOkta = oktaApi(() => session.tenant)

  async function editableGroupsOf(userId: string): Promise<string[]> {
    const groups = await askOkta<OktaGroup[]>(`/api/v1/users/${userId}/groups`)
    return groups.filter((group) => group.type === 'OKTA_GROUP').map((group) => group.profile.name).sort()
  }

  it('deprovisions a person found by part of their name, and undoes it after a restart', async () => {
    const person = await pickPersonWithThreeGroups()
    const [removedGroup, ...keptGroups] = await editableGroupsOf(person.id)
    const fullName = `${person.profile.firstName} ${person.profile.lastName}`

    let { page, problems } = await session.open()
    await openUserList(page, /Okta Sandbox/)
    await screenshot(page, 'okta-users')

    // Search by part of the name: the family name's first letters.
    const row = await searchUsers(page, person.profile.lastName.slice(0, 4), person.id, 60)
    await row.waitFor()
    await row.click()
    const panel = page.getByRole('complementary', { name: fullName })
    await expect.poll(() => panel.locator('.membership').count()).toBeGreaterThanOrEqual(3)
    await screenshot(page, 'okta-user-panel')

    // Remove one group, confirming the change.
    await panel.locator('.membership', { hasText: removedGroup! }).getByRole('button', { name: 'Remove' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Remove from group' }).click()
    await expect.poll(() => panel.locator('.membership', { hasText: removedGroup! }).count()).toBe(0)

    // Deprovision: the sandbox profile suspends by default.
    await panel.getByRole('button', { name: 'Deprovision…' }).click()
    await screenshot(page, 'okta-deprovision-confirm')
    await page.getByRole('dialog').getByRole('button', { name: 'Deprovision' }).click()
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).toContain('SUSPENDED')
    await expect.poll(() => row.textContent()).toContain('SUSPENDED')
    await screenshot(page, 'okta-user-suspended')
    expect((await askOkta<OktaUser>(`/api/v1/users/${person.id}`)).status).toBe('SUSPENDED')

    // Quit and start again on the same data folder.
    const firstRunToken = session.access.secrets.token!
    await page.context().close()
    await session.app.stop()
    session.app = await startPreviewApp({ home: session.app.home })
    session.access = await sandboxProfileAccess(session.app, 'okta')
    ;({ page, problems } = await session.open())

    // Undo from the Activity view.
    await page.getByRole('link', { name: 'Activity' }).click()
    await page.getByRole('button', { name: `Undo deprovision of ${fullName}` }).click()
    await screenshot(page, 'activity-undo-confirm')
    await page.getByRole('dialog').getByRole('button', { name: /Undo/ }).click()
    await expect.poll(async () => (await askOkta<OktaUser>(`/api/v1/users/${person.id}`)).status).toBe('ACTIVE')
    await expect.poll(() => page.getByText(/matches the state before the deprovision/i).count()).toBeGreaterThan(0)
    await screenshot(page, 'activity-after-undo')

    // The person is active and back in both remaining groups, in the app and at the target.
    expect(await editableGroupsOf(person.id)).toEqual(keptGroups)
    await page.goto(`${new URL(session.app.url).origin}/#/profiles`)
    await page.getByRole('link', { name: /Okta Sandbox/ }).first().click()
    const reopened = await openUserPanel(page, { search: person.profile.lastName.slice(0, 4), id: person.id, name: fullName }, 60)
    await expect.poll(() => reopened.locator('.object-panel__header').textContent()).toContain('ACTIVE')
    for (const group of keptGroups) await reopened.locator('.membership', { hasText: group }).waitFor()
    await screenshot(page, 'okta-user-restored')
    await expectSecretsNowhere(session.app, page, [firstRunToken, session.access.secrets.token!])
    expect(problems).toEqual([])
  })

  async function pickPersonWithThreeGroups(): Promise<OktaUser> {
    const active = await askOkta<OktaUser[]>(`/api/v1/users?limit=200&search=${encodeURIComponent('status eq "ACTIVE"')}`)
    for (const user of active) {
      if ((await editableGroupsOf(user.id)).length >= 3) return user
    }
    throw new Error('the sandbox seeded nobody active with three editable groups')
  }
})
