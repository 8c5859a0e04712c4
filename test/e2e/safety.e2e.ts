import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, screenshotAtReviewSizes } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'
import { sandboxProfileAccess } from './support/sandboxProfile'

interface OktaUser {
  id: string
  status: string
  profile: { firstName: string; lastName: string }
}

/**
 * Safety on the Okta sandbox, in Chromium through the preview bridge, light and dark: the account
 * the profile's token belongs to is refused with why, and goes only behind a typed reason; a
 * deprovision's ticket shows in Activity and its search finds it. The tenant is asked directly,
 * with its own token, whether each user is still active.
 */
describe('admins, yourself, who and why on the Okta sandbox', () => {
  let browser: Browser
  let app: PreviewApp
  let okta: { url: string; token: string; profileId: string }

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startPreviewApp()
    const access = await sandboxProfileAccess(app, 'okta')
    okta = { url: access.values.url!, token: access.secrets.token!, profileId: access.profileId }
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    if (app) await removeDataFolder(app)
  })

  async function askOkta<T>(path: string): Promise<T> {
    const response = await fetch(`${okta.url}${path}`, { headers: { Authorization: `SSWS ${okta.token}`, Accept: 'application/json' } })
    expect(response.status, path).toBe(200)
    return (await response.json()) as T
  }

  async function openUser(page: Page, user: OktaUser) {
    await page.goto(`${new URL(app.url).origin}/#/profiles/${okta.profileId}/users/${encodeURIComponent(user.id)}`)
    const panel = page.getByRole('complementary', { name: `${user.profile.firstName} ${user.profile.lastName}` })
    await panel.getByRole('button', { name: 'Deprovision…' }).waitFor()
    return panel
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`refuses the token's own user with why, and offers the override only behind a typed reason (${colorScheme})`, async () => {
      const { page, problems } = await openPage(browser, app.url, { colorScheme })
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
    const { page, problems } = await openPage(browser, app.url)
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
