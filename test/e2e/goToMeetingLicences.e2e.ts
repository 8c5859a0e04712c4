import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, screenshotAtReviewSizes } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'
import { expectSecretsNowhere, sandboxProfileAccess, type SandboxProfileAccess } from './support/sandboxProfile'

interface GoToUser {
  key: string
  email: string
  firstName: string
  lastName: string
  status: string
  licenseKeys: string[]
  adminRoles: string[]
}

/**
 * A GoToMeeting user's licences and admin roles on their panel in Chromium: a licence assigned and
 * removed again, each confirmed as before → after, checked with the account's own admin API.
 */
describe('licences on the GoToMeeting sandbox', () => {
  let browser: Browser
  let app: PreviewApp
  let page: Page
  let problems: string[]
  let access: SandboxProfileAccess
  let bearer = ''

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startPreviewApp({ env: { LANYARD_SANDBOX_USERS: '120' } })
    access = await sandboxProfileAccess(app, 'gotomeeting')
    bearer = await signIn(access)
    ;({ page, problems } = await openPage(browser, app.url))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    if (app) await removeDataFolder(app)
  })

  async function askGoTo<T>(path: string): Promise<T> {
    const response = await fetch(new URL(path, access.values.url), { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } })
    expect(response.status, path).toBe(200)
    return (await response.json()) as T
  }

  it('shows the licences and admin roles, assigns a licence and removes it again, as GoTo then holds them', async () => {
    const account = access.values.accountKey
    const listing = await askGoTo<{ results: GoToUser[] }>(`accounts/${account}/users?pageSize=100`)
    const person = listing.results.find((user) => user.status === 'ACTIVE' && user.licenseKeys.length === 1 && !/admin/i.test(user.email))
    if (!person) throw new Error('the sandbox seeded nobody active with one licence')

    await page.getByRole('link', { name: /GoToMeeting Sandbox/ }).first().click()
    await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
    await page.keyboard.press('/')
    await page.keyboard.type(person.lastName, { delay: 40 })
    await page.locator(`[role="row"][data-id="${person.key}"]`).click()
    const panel = page.getByRole('complementary', { name: `${person.firstName} ${person.lastName}` })
    const section = panel.locator('.licences')
    await section.getByText('Admin roles:').waitFor()
    await screenshotAtReviewSizes(page, 'gotomeeting-licences')

    const choice = section.locator('#licence-choice')
    const chosen = await choice.inputValue()
    await section.getByRole('button', { name: 'Assign…' }).click()
    await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(/Licences/)
    await screenshotAtReviewSizes(page, 'gotomeeting-assign-licence-confirm')
    await page.getByRole('dialog').getByRole('button', { name: 'Assign licence' }).click()
    await expect.poll(async () => (await askGoTo<GoToUser>(`accounts/${account}/users/${person.key}`)).licenseKeys).toEqual([...person.licenseKeys, chosen])

    await expect.poll(() => section.getByRole('button', { name: /^Remove/ }).count()).toBe(2)
    await section.getByRole('button', { name: /^Remove/ }).last().click()
    await page.getByRole('dialog').getByRole('button', { name: 'Remove licence' }).click()
    await expect.poll(async () => (await askGoTo<GoToUser>(`accounts/${account}/users/${person.key}`)).licenseKeys).toEqual(person.licenseKeys)
    await expectSecretsNowhere(app, page, Object.values(access.secrets))
    expect(problems).toEqual([])
  })
})

async function signIn(access: SandboxProfileAccess): Promise<string> {
  const basic = Buffer.from(`${access.values.clientId}:${access.secrets.clientSecret}`).toString('base64')
  const response = await fetch(new URL('/oauth/token', access.values.url), {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'password', username: access.values.username!, password: access.secrets.password! }).toString(),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { access_token: string }).access_token
}
