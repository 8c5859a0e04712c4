import { readFile } from 'node:fs/promises'
import keytar from 'keytar'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './support/browser'
import { previewSession } from './support/previewSession'

// A help-desk person's first day: configure an Okta profile, offline, and manage it.
// Runs against the real preview entry point, the real keychain (private) and Debian's Chromium.
const token = `00e2e-${Date.now()}-okta-api-token-never-shown`
const keychainService = process.env.LANYARD_KEYCHAIN_SERVICE ?? 'lanyard'

describe('profiles, as a help-desk user', () => {
  // A clean install without the sandbox tenants: this test is about the person's own profiles.
  const session = previewSession({ env: { LANYARD_SANDBOX: 'off' }, page: { at: '#/profiles' } })
  let page: Page
  let problems: string[]
  let exportedFile: string

  // The tests share one page, each going on from where the one before left it.
  beforeAll(() => {
    ;({ page, problems } = session)
  })

  it('shows errors next to the fields when a required value is missing or a URL is malformed', async () => {
    await page.getByRole('button', { name: 'New profile' }).first().click()
    await page.getByRole('link', { name: /Okta/ }).click()
    await page.getByLabel('Target URL').fill('acme.okta')
    await page.getByRole('button', { name: 'Create profile' }).click()

    const nameField = page.getByLabel('Profile name')
    await expect.poll(() => nameField.getAttribute('aria-invalid')).toBe('true')
    const urlField = page.getByLabel('Target URL')
    expect(await urlField.getAttribute('aria-invalid')).toBe('true')
    const urlError = await describedBy(page, 'Target URL')
    expect(urlError).toMatch(/https:\/\//)
    expect(await describedBy(page, 'Profile name')).toMatch(/name/i)
    // No environment is chosen for the person: the form says so at the choice.
    const environment = page.getByRole('group', { name: /Environment/ })
    expect(await page.getByRole('radio', { name: /^Sandbox/ }).isChecked()).toBe(false)
    expect(await page.getByLabel('Real tenant').isChecked()).toBe(false)
    const environmentError = await environment.getAttribute('aria-describedby')
    expect(await page.locator(`[id="${environmentError}"]`).textContent()).toMatch(/Choose Sandbox or Real/)
    await screenshot(page, 'profiles-form-errors')
  })

  it('refuses a real address as Sandbox, at the address, and saves nothing', async () => {
    await page.getByLabel('Profile name').fill('Acme Okta')
    await page.getByLabel('Target URL').fill('https://acme.okta.com')
    await page.getByRole('radio', { name: /^Sandbox/ }).check()
    await page.getByRole('button', { name: 'Create profile' }).click()
    await expect.poll(() => describedBy(page, 'Target URL')).toMatch(/not a sandbox on this computer.*choose Real/)
    expect(await page.getByLabel('Target URL').inputValue()).toBe('https://acme.okta.com')
  })

  it('creates an Okta profile whose token goes to the keychain, and still lists it after a reload', async () => {
    await page.getByLabel('Profile name').fill('Acme Okta')
    await page.getByLabel('Target URL').fill('https://acme.okta.com')
    await page.getByLabel('Real tenant').check()
    await page.getByLabel('Token').fill(token)
    await page.getByRole('button', { name: 'Create profile' }).click()

    await page.reload()
    await page.goto(new URL('#/profiles', page.url()).toString())
    const row = page.getByRole('listitem', { name: 'Acme Okta' })
    await expect.poll(() => row.textContent()).toMatch(/token stored/i)
    expect(await row.textContent()).toMatch(/Real tenant/)
    const stored = await keytar.findCredentials(keychainService)
    expect(stored.map((entry) => entry.password)).toContain(token)
    await screenshot(page, 'profiles-list')
  })

  it('edits the profile without ever showing the token', async () => {
    await page.getByRole('button', { name: 'Edit Acme Okta' }).click()
    expect(await page.getByLabel('Profile name').inputValue()).toBe('Acme Okta')
    expect(await page.content()).not.toContain(token)
    await page.getByLabel('Profile name').fill('Acme Okta (prod)')
    await page.getByRole('button', { name: 'Save changes' }).click()
    const row = page.getByRole('listitem', { name: 'Acme Okta (prod)' })
    await expect.poll(() => row.textContent()).toMatch(/token stored/i)
  })

  it('exports the profile to a file that holds no secret', async () => {
    await page.getByRole('checkbox', { name: 'Select Acme Okta (prod) for export' }).check()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export selected/ }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.lanyard-profiles\.json$/)
    const content = await readFile((await download.path())!, 'utf8')
    const exported = JSON.parse(content) as { profiles: { name: string; values: Record<string, string> }[] }
    expect(exported.profiles).toEqual([
      expect.objectContaining({
        name: 'Acme Okta (prod)',
        // The form fills Lanyard's own choices with their defaults.
        values: { url: 'https://acme.okta.com', deprovisionMode: 'suspend' },
      }),
    ])
    expect(content).not.toContain(token)
    exportedFile = (await download.path())!
  })

  it('imports the export back under a new name, and the copy asks for its token', async () => {
    await page.getByLabel('Profiles file to import').setInputFiles(exportedFile)
    const dialog = page.getByRole('dialog', { name: 'Import profiles' })
    await expect.poll(() => dialog.textContent()).toMatch(/A profile with this name exists/)
    expect(await dialog.getByLabel('Action for Acme Okta (prod)').inputValue()).toBe('rename')
    await dialog.getByLabel('New name for Acme Okta (prod)').fill('Acme Okta (imported)')
    await screenshot(page, 'profiles-import-dialog')
    await dialog.getByRole('button', { name: 'Import 1 profile' }).click()

    const imported = page.getByRole('listitem', { name: 'Acme Okta (imported)' })
    await expect.poll(() => imported.textContent()).toMatch(/token missing/i)
    expect(await page.getByRole('button', { name: 'Enter secrets for Acme Okta (imported)' }).count()).toBe(1)
    const original = page.getByRole('listitem', { name: 'Acme Okta (prod)' })
    expect(await original.textContent()).toMatch(/token stored/i)
  })

  it('deletes the profile and its keychain entry after the name is typed', async () => {
    await page.getByRole('button', { name: 'Delete Acme Okta (prod)' }).click()
    const dialog = page.getByRole('dialog')
    const confirm = dialog.getByRole('button', { name: 'Delete profile' })
    expect(await confirm.isDisabled()).toBe(true)
    await dialog.getByRole('textbox').fill('Acme Okta (prod)')
    await confirm.click()
    await expect.poll(() => page.getByRole('listitem', { name: 'Acme Okta (prod)' }).count()).toBe(0)
    const stored = await keytar.findCredentials(keychainService)
    expect(stored.map((entry) => entry.password)).not.toContain(token)
    await screenshot(page, 'profiles-after-delete')
  })

  it('never put the token in the page, the data folder or the logs, and raised no console error', async () => {
    expect(await page.content()).not.toContain(token)
    for (const file of ['profiles.json', 'logs/lanyard.log']) {
      const content = await readFile(`${session.app.home}/${file}`, 'utf8').catch(() => '')
      expect(content, file).not.toContain(token)
    }
    expect(session.app.output()).not.toContain(token)
    expect(problems).toEqual([])
  })
})

/** The text of the element that describes a labelled field (its error or help). */
async function describedBy(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label).getAttribute('aria-describedby')) ?? ''
  const texts = await Promise.all(
    ids.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()),
  )
  return texts.join(' ')
}
