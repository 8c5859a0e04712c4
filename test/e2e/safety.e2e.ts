import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshotAtReviewSizes } from './support/browser'
import { previewSession } from './support/previewSession'
import { oktaApi, type OktaUser } from './support/tenantApis'

/**
 * Safety on the Okta sandbox, in Chromium through the preview bridge, light and dark: the account
 * the profile's token belongs to is refused with why, and goes only behind a typed reason; a
 * deprovision's ticket shows in Activity and its search finds it. The tenant is asked directly,
 * with its own token, whether each user is still active.
 */
describe('admins, yourself, who and why on the Okta sandbox', () => {
  const session = previewSession({ sandbox: 'okta' })
  const askOkta = oktaApi(() => session.tenant)

  async function openUser(page: Page, user: OktaUser) {
    await page.goto(`${new URL(session.app.url).origin}/#/profiles/${session.access.profileId}/users/${encodeURIComponent(user.id)}`)
    const panel = page.getByRole('complementary', { name: `${user.profile.firstName} ${user.profile.lastName}` })
    await panel.getByRole('button', { name: 'Deprovision…' }).waitFor()
    return panel
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`refuses the token's own user with why, and offers the override only behind a typed reason (${colorScheme})`, async () => {
      const { page, problems } = await session.open({ colorScheme })
      const admin = await askOkta<OktaUser>('/api/v1/users/me')
      const panel = await openUser(page, admin)

      await panel.getByRole('button', { name: 'Deprovision…' }).click()
      await page.getByRole('dialog').getByLabel(/Ticket or reason/).fill('INC-1 admin test')
      await page.getByRole('dialog').getByRole('button', { name: 'Deprovision', exact: true }).click()
      await expect.poll(() => panel.textContent()).toMatch(/would lock Lanyard out of Okta/)
      await screenshotAtReviewSizes(page, `safety-own-account-${colorScheme}`)
      expect((await askOkta<OktaUser>(`/api/v1/users/${admin.id}`)).status).toBe('ACTIVE')

      await panel.getByRole('button', { name: 'Deprovision anyway…' }).click()
      const dialog = page.getByRole('dialog')
      const confirm = dialog.getByRole('button', { name: 'Deprovision anyway' })
      expect(await confirm.isDisabled()).toBe(true)
      await dialog.getByLabel(/Why must it go anyway/).fill('   ')
      expect(await confirm.isDisabled()).toBe(true)
      await screenshotAtReviewSizes(page, `safety-override-${colorScheme}`)
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      expect((await askOkta<OktaUser>(`/api/v1/users/${admin.id}`)).status).toBe('ACTIVE')
      expect(problems).toEqual([])
      await page.context().close()
    })
  }

  it("keeps a deprovision's ticket: shown in Activity, found by its search", async () => {
    const { page, problems } = await session.open()
    const admin = await askOkta<OktaUser>('/api/v1/users/me')
    const active = await askOkta<OktaUser[]>(`/api/v1/users?limit=50&search=${encodeURIComponent('status eq "ACTIVE"')}`)
    const person = active.find((user) => user.id !== admin.id)!
    const panel = await openUser(page, person)

    await panel.getByRole('button', { name: 'Deprovision…' }).click()
    await page.getByRole('dialog').getByLabel(/Ticket or reason/).fill('  INC-4711 leaver ')
    await page.getByRole('dialog').getByRole('button', { name: 'Deprovision', exact: true }).click()
    await expect.poll(async () => (await askOkta<OktaUser>(`/api/v1/users/${person.id}`)).status).toBe('SUSPENDED')

    await page.getByRole('link', { name: 'Activity' }).click()
    await page.getByPlaceholder('Name, id, ticket or reason').fill('inc-4711')
    const row = page.locator('tr.activity-row', { hasText: `${person.profile.firstName} ${person.profile.lastName}` })
    await expect.poll(() => row.textContent()).toContain('Ticket or reason: INC-4711 leaver')
    await screenshotAtReviewSizes(page, 'safety-activity-ticket')
    await page.getByPlaceholder('Name, id, ticket or reason').fill('INC-0000')
    await expect.poll(() => row.count()).toBe(0)
    expect(problems).toEqual([])
  })
})
