import { describe, expect, it } from 'vitest'
import { screenshotAtReviewSizes } from './support/browser'
import { previewSession } from './support/previewSession'
import { oktaApi, type OktaGroup, type OktaUser } from './support/tenantApis'
import { openUserList, openUserPanel } from './support/userList'

/*
 * Issue 15, "Counts are right", in Chromium against the Okta sandbox at 300 ms a request: Deprovision…
 * pressed as soon as the panel shows never counts "their groups (0)" while the memberships are on
 * their way; it counts what the panel shows, naming Everyone, which it does not record; and the
 * undo of a suspend (which removed no group) does not claim to put the person back in their groups.
 * Okta's own API says what the person holds.
 */
describe('what the deprovision and its undo count, on the Okta sandbox', () => {
  const session = previewSession({
    env: { LANYARD_SANDBOX_USERS: '60', LANYARD_SANDBOX_LATENCY: '300' },
    sandbox: 'okta',
    page: { viewport: { width: 1024, height: 700 } },
  })
  const askOkta = oktaApi(() => session.tenant)

  it('counts the groups before the dialog opens, as the panel shows them, and undo says only what it does', async () => {
    const { page, problems } = session
    const active = await askOkta<OktaUser[]>(`/api/v1/users?limit=60&search=${encodeURIComponent('status eq "ACTIVE"')}`)
    let person: OktaUser | undefined
    let groups: OktaGroup[] = []
    for (const user of active) {
      groups = await askOkta<OktaGroup[]>(`/api/v1/users/${user.id}/groups`)
      if (groups.filter((group) => group.type === 'OKTA_GROUP').length >= 2 && !/admin|read-only/i.test(user.profile.login)) {
        person = user
        break
      }
    }
    if (!person) throw new Error('the sandbox seeded nobody active with two groups')
    const editable = groups.filter((group) => group.type === 'OKTA_GROUP').map((group) => group.profile.name)
    const fullName = `${person.profile.firstName} ${person.profile.lastName}`

    await openUserList(page, /Okta Sandbox/)
    const panel = await openUserPanel(page, { search: person.profile.login, id: person.id, name: fullName }, 10)
    // At once, while the groups may still be on their way.
    await panel.getByRole('button', { name: 'Deprovision…' }).click()
    const dialog = page.getByRole('dialog')
    const message = (await dialog.locator('.confirm__message').textContent()) ?? ''
    expect(message).not.toContain('(0)')
    expect(message).toContain(`their groups (${editable.length} of the ${groups.length} shown; Everyone is not Lanyard's to change) are recorded`)
    await expect.poll(() => panel.locator('.membership').count()).toBe(groups.length)
    await screenshotAtReviewSizes(page, 'deprovision-counts-dialog')
    await dialog.getByRole('button', { name: 'Deprovision' }).click()
    await expect.poll(async () => (await askOkta<OktaUser>(`/api/v1/users/${person.id}`)).status).toBe('SUSPENDED')

    // A suspend removed no group: undo names them only as what it checks.
    await panel.getByRole('button', { name: 'Undo deprovision…' }).click()
    const undoDialog = page.getByRole('dialog')
    await undoDialog.waitFor()
    const undoText = (await undoDialog.textContent()) ?? ''
    expect(undoText).not.toMatch(/ again/)
    expect(undoText).toContain('missing by then is added back')
    await screenshotAtReviewSizes(page, 'deprovision-counts-undo')
    await undoDialog.getByRole('button', { name: 'Undo deprovision' }).click()
    await expect.poll(async () => (await askOkta<OktaUser>(`/api/v1/users/${person.id}`)).status).toBe('ACTIVE')
    const after = await askOkta<OktaGroup[]>(`/api/v1/users/${person.id}/groups`)
    expect(after.map((group) => group.profile.name).sort()).toEqual(groups.map((group) => group.profile.name).sort())
    expect(problems).toEqual([])
  })
})
