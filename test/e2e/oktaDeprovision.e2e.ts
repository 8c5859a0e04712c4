import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, screenshot } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'
import { expectSecretsNowhere, sandboxProfileAccess } from './support/sandboxProfile'

interface OktaUser {
  id: string
  status: string
  profile: { firstName: string; lastName: string; login: string }
}
interface OktaGroup {
  id: string
  type: string
  profile: { name: string }
}

/**
 * A help-desk morning on the Okta sandbox, through the preview bridge in Chromium: find a person
 * by part of their name, take them out of one group, deprovision them, quit, start again, and
 * undo from the Activity view. The sandbox tenant is then asked directly (with its own token, as
 * an Okta admin would check) whether the person is active and in their remaining groups again.
 */
describe('deprovision and undo on the Okta sandbox', () => {
  let browser: Browser
  let app: PreviewApp
  let page: Page
  let problems: string[]
  let okta: { url: string; token: string }

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startPreviewApp({ env: { LANYARD_SANDBOX_USERS: '300' } })
    okta = await sandboxAccess(app)
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

  async function editableGroupsOf(userId: string): Promise<string[]> {
    const groups = await askOkta<OktaGroup[]>(`/api/v1/users/${userId}/groups`)
    return groups.filter((group) => group.type === 'OKTA_GROUP').map((group) => group.profile.name).sort()
  }

  it('deprovisions a person found by part of their name, and undoes it after a restart', async () => {
    const person = await pickPersonWithThreeGroups()
    const [removedGroup, ...keptGroups] = await editableGroupsOf(person.id)
    const fullName = `${person.profile.firstName} ${person.profile.lastName}`

    ;({ page, problems } = await openPage(browser, app.url))
    await page.getByRole('link', { name: /Okta Sandbox/ }).first().click()
    await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
    await screenshot(page, 'okta-users')

    // Search by part of the name: the family name's first letters.
    await page.keyboard.press('/')
    await page.keyboard.type(person.profile.lastName.slice(0, 4), { delay: 60 })
    const row = page.locator(`[role="row"][data-id="${person.id}"]`)
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
    const firstRunToken = okta.token
    await page.context().close()
    await app.stop()
    app = await startPreviewApp({ home: app.home })
    okta = await sandboxAccess(app)
    ;({ page, problems } = await openPage(browser, app.url))

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
    await page.goto(`${new URL(app.url).origin}/#/profiles`)
    await page.getByRole('link', { name: /Okta Sandbox/ }).first().click()
    await page.keyboard.press('/')
    await page.keyboard.type(person.profile.lastName.slice(0, 4), { delay: 60 })
    await page.locator(`[role="row"][data-id="${person.id}"]`).click()
    const reopened = page.getByRole('complementary', { name: fullName })
    await expect.poll(() => reopened.locator('.object-panel__header').textContent()).toContain('ACTIVE')
    for (const group of keptGroups) await reopened.locator('.membership', { hasText: group }).waitFor()
    await screenshot(page, 'okta-user-restored')
    await expectSecretsNowhere(app, page, [firstRunToken, okta.token])
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

async function sandboxAccess(app: PreviewApp): Promise<{ url: string; token: string }> {
  const { values, secrets } = await sandboxProfileAccess(app, 'okta')
  return { url: values.url!, token: secrets.token! }
}
