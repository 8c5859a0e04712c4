import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, screenshot } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'

// What a person sees when their machine is not in order: a profiles file that cannot be read,
// and a keychain that cannot be reached. Nothing is lost and nothing is hidden.
describe('start-up problems, as a help-desk user sees them', () => {
  let browser: Browser
  const apps: PreviewApp[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    for (const app of apps) {
      await app.stop()
      await removeDataFolder(app)
    }
  })

  it('reports an unreadable profiles file and keeps it aside instead of overwriting it', async () => {
    const home = await mkdtemp(join(tmpdir(), 'lanyard-e2e-corrupt-'))
    await writeFile(join(home, 'profiles.json'), '{"schemaVersion": 1, "profiles": [ truncated')
    const app = await startPreviewApp({ home, env: { LANYARD_SANDBOX: 'off' } })
    apps.push(app)
    const { page, problems } = await openPage(browser, app.url)

    const banner = page.getByRole('alert').filter({ hasText: 'could not be read' })
    await expect.poll(() => banner.count()).toBe(1)
    const keptAs = (await readdir(home)).find((name) => name.startsWith('profiles.corrupt-'))
    expect(keptAs).toBeDefined()
    expect(await banner.textContent()).toContain(keptAs)
    expect(await readFile(join(home, keptAs!), 'utf8')).toContain('truncated')
    await screenshot(page, 'startup-corrupt-profiles')
    expect(problems).toEqual([])
  })

  it('saves the profile without its secret when the keychain is unreachable, and says so', async () => {
    const app = await startPreviewApp({
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/lanyard-bus', LANYARD_SANDBOX: 'off' },
    })
    apps.push(app)
    const { page } = await openPage(browser, app.url)
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'keychain is not available' }).count()).toBe(1)

    await page.goto(new URL('#/profiles/new/coupa', page.url()).toString())
    await page.getByLabel('Profile name').fill('Coupa training')
    await page.getByLabel('API key').fill('coupa-key-that-has-nowhere-to-go')
    await page.getByLabel('Target URL').fill('https://acme.coupahost.com')
    await page.getByLabel('Real tenant').check()
    await page.getByRole('button', { name: 'Create profile' }).click()

    const saveBanner = page.getByRole('alert').filter({ hasText: 'was saved' })
    await expect.poll(() => saveBanner.count()).toBe(1)
    await screenshot(page, 'startup-keychain-unavailable')
    const saved = JSON.parse(await readFile(join(app.home, 'profiles.json'), 'utf8')) as {
      profiles: { name: string }[]
    }
    expect(saved.profiles.map((profile) => profile.name)).toEqual(['Coupa training'])
    expect(JSON.stringify(saved)).not.toContain('coupa-key-that-has-nowhere-to-go')

    await page.goto(new URL('#/profiles', page.url()).toString())
    const row = page.getByRole('listitem', { name: 'Coupa training' })
    await expect.poll(() => row.textContent()).toMatch(/API key missing/i)
  })
})
