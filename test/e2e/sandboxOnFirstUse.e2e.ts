import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { managedProfilesFileName } from '../../electron/services/sandboxProfiles'
import { launchBrowser, openPage, screenshot } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'

/** The tenants that ran: each writes its state file (`okta.json`…) when it starts. */
async function tenantsThatRan(app: PreviewApp): Promise<string[]> {
  const names = await readdir(join(app.home, 'sandbox')).catch(() => [])
  return names.filter((name) => name.endsWith('.json') && name !== managedProfilesFileName).map((name) => name.replace(/\.json$/, '')).sort()
}

// Lanyard's simulated tenants start when their Sandbox profile is first used, not with the app,
// and a setting under Profiles turns them off for good.
describe('sandbox tenants, as a help-desk user meets them', () => {
  let browser: Browser
  let app: PreviewApp | undefined

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    if (app) await removeDataFolder(app)
  })

  it('a first start shows the four Sandbox profiles; opening one starts its tenant alone', async () => {
    app = await startPreviewApp({ env: { LANYARD_SANDBOX_USERS: '40' } })
    const { page, problems } = await openPage(browser, `${app.url}#/profiles`)

    for (const name of ['Okta Sandbox', 'AWS Cognito Sandbox', 'Coupa Sandbox', 'GoToMeeting Sandbox']) {
      await page.getByRole('listitem', { name }).waitFor()
    }
    await expect.poll(() => page.getByRole('listitem', { name: 'Okta Sandbox' }).textContent()).toContain('when this profile is first used')
    expect(await tenantsThatRan(app)).toEqual([])
    await screenshot(page, 'sandbox-profiles-before-first-use')

    await page.getByRole('link', { name: 'Okta Sandbox', exact: true }).click()
    await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
    expect(await tenantsThatRan(app)).toEqual(['okta'])
    expect(problems).toEqual([])
  })

  it('turned off under Profiles, they stay off after a restart: the profile says so and its tenant does not start', async () => {
    const { page } = await openPage(browser, `${app!.url}#/profiles`)
    await page.getByRole('checkbox', { name: /Use Lanyard's simulated/ }).uncheck()
    await expect.poll(() => page.getByRole('listitem', { name: 'Coupa Sandbox' }).textContent()).toContain('Sandbox profiles are off')
    await page.context().close()
    await app!.stop()

    app = await startPreviewApp({ home: app!.home })
    const restarted = await openPage(browser, `${app.url}#/profiles`)
    await restarted.page.getByRole('link', { name: 'Coupa Sandbox', exact: true }).click()
    await expect.poll(() => restarted.page.getByRole('region', { name: 'Sandbox profiles are off' }).textContent()).toContain('Turn them on under Profiles')
    await screenshot(restarted.page, 'sandbox-profiles-off')
    expect(await tenantsThatRan(app)).toEqual(['okta'])
    expect(restarted.problems).toEqual([])
  })
})
