import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, screenshotAtReviewSizes } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'
import { sandboxProfileAccess, type SandboxProfileAccess } from './support/sandboxProfile'

/*
 * Issue 15, "Errors where the eye is", in Chromium against the sandbox tenants: what only the
 * target can refuse (Okta's password policy, a login or an email another user has) is marked at
 * the field, which is focused, and nothing typed is cleared; fixed, the same form goes through.
 * The tenants are asked through their own APIs what they hold.
 */
describe('a refused create or edit leads to the refused field', () => {
  let browser: Browser
  let app: PreviewApp
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startPreviewApp({ env: { LANYARD_SANDBOX_USERS: '40' } })
    ;({ page, problems } = await openPage(browser, app.url, { viewport: { width: 1024, height: 700 } }))
  })

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    if (app) await removeDataFolder(app)
  })

  async function openProfile(label: RegExp): Promise<void> {
    await page.goto(`${new URL(app.url).origin}/#/profiles`)
    await page.getByRole('link', { name: label }).first().click()
    await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
  }

  async function findAndOpen(text: string, id: string, name: string): Promise<Locator> {
    await page.keyboard.press('/')
    await page.keyboard.type(text, { delay: 20 })
    await page.locator(`[role="row"][data-id="${id}"]`).click()
    return page.getByRole('complementary', { name })
  }

  /** The id of the element with the focus (the e2e tests have no DOM types: the focused element is found by its selector). */
  const focusedId = async () => ((await page.locator(':focus').count()) === 1 ? ((await page.locator(':focus').getAttribute('id')) ?? '') : '')
  const field = (scope: Locator, path: string) => scope.locator(`.attribute-field[data-path="${path}"]`)

  it('Okta: a password its policy refuses is marked and focused, everything typed stays, and Create works once it is fixed', async () => {
    const access = await sandboxProfileAccess(app, 'okta')
    const askOkta = async (path: string) => fetch(`${access.values.url}${path}`, { headers: { Authorization: `SSWS ${access.secrets.token}`, Accept: 'application/json' } })
    const login = 'refused.password@example.com'
    await openProfile(/Okta Sandbox/)
    await page.getByRole('button', { name: 'New user' }).click()
    const panel = page.getByRole('complementary', { name: 'New user' })
    await panel.locator('#create-name-givenName').fill('Refused')
    await panel.locator('#create-name-familyName').fill('Password')
    await panel.locator('#create-userName').fill(login)
    await panel.locator('#create-emails-value').fill(login)
    await panel.locator('#create-title').fill('Analyst')
    await panel.locator('#create-password').fill('weakpassword')
    await panel.getByRole('button', { name: 'Create user…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Create user' }).click()

    await expect.poll(() => panel.locator('#create-password-error').textContent()).toMatch(/Okta says: "Password requirements were not met/)
    await expect.poll(focusedId).toBe('create-password')
    expect(await panel.locator('#create-password').inputValue()).toBe('weakpassword')
    expect(await panel.locator('#create-title').inputValue()).toBe('Analyst')
    expect(await panel.locator('#create-userName').inputValue()).toBe(login)
    await screenshotAtReviewSizes(page, 'refused-okta-password')
    expect((await askOkta(`/api/v1/users/${encodeURIComponent(login)}`)).status).toBe(404)

    await panel.locator('#create-password').fill('Str0ngEnough')
    await expect.poll(() => panel.locator('#create-password-error').count()).toBe(0)
    await panel.getByRole('button', { name: 'Create user…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Create user' }).click()
    await expect.poll(async () => (await askOkta(`/api/v1/users/${encodeURIComponent(login)}`)).status).toBe(200)
    const created = (await (await askOkta(`/api/v1/users/${encodeURIComponent(login)}`)).json()) as { profile: { title: string } }
    expect(created.profile.title).toBe('Analyst')
    expect(problems).toEqual([])
  })

  it("Coupa: a login another user has is marked at Login and focused, and Coupa keeps the user's own", async () => {
    const access = await sandboxProfileAccess(app, 'coupa')
    const askCoupa = async <T>(path: string) => {
      const response = await fetch(new URL(path, access.values.url), { headers: { 'X-COUPA-API-KEY': access.secrets.apiKey!, Accept: 'application/json' } })
      expect(response.status, path).toBe(200)
      return (await response.json()) as T
    }
    type CoupaUser = { id: number; login: string; firstname: string; lastname: string }
    const [person, other] = (await askCoupa<CoupaUser[]>('/api/users?active=true&limit=20')).filter((user) => user.login !== 'lanyard.api')
    await openProfile(/Coupa Sandbox/)
    const panel = await findAndOpen(person!.login, String(person!.id), `${person!.firstname} ${person!.lastname}`)
    await panel.getByRole('button', { name: 'Edit' }).click()
    const login = field(panel, 'userName').locator('input')
    await login.fill(other!.login)
    await panel.getByRole('button', { name: 'Save…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click()

    await expect.poll(() => field(panel, 'userName').locator('.form-field__error').textContent()).toBe('Coupa says: "Login has already been taken".')
    expect(await focusedId()).toBe(await login.getAttribute('id'))
    expect(await login.inputValue()).toBe(other!.login)
    await screenshotAtReviewSizes(page, 'refused-coupa-login')
    expect((await askCoupa<CoupaUser>(`/api/users/${person!.id}`)).login).toBe(person!.login)
    expect(problems).toEqual([])
  })

  it('GoTo: an email another user has is marked at Email and focused, and GoTo keeps the user’s own', async () => {
    const access = await sandboxProfileAccess(app, 'gotomeeting')
    const bearer = await signIn(access)
    const askGoTo = async <T>(path: string) => {
      const response = await fetch(new URL(path, access.values.url), { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } })
      expect(response.status, path).toBe(200)
      return (await response.json()) as T
    }
    type GoToUser = { key: string; email: string; firstName: string; lastName: string; status: string }
    const listing = await askGoTo<{ results: GoToUser[] }>(`accounts/${access.values.accountKey}/users?pageSize=50`)
    const [person, other] = listing.results.filter((user) => user.status === 'ACTIVE' && !/admin/i.test(user.email))
    await openProfile(/GoToMeeting Sandbox/)
    const panel = await findAndOpen(person!.lastName, person!.key, `${person!.firstName} ${person!.lastName}`)
    await panel.getByRole('button', { name: 'Edit' }).click()
    const email = field(panel, 'emails[0].value').locator('input')
    await email.fill(other!.email)
    await panel.getByRole('button', { name: 'Save…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click()

    await expect.poll(() => field(panel, 'emails[0].value').locator('.form-field__error').textContent()).toContain(`already has the email "${other!.email}"`)
    expect(await focusedId()).toBe(await email.getAttribute('id'))
    expect(await email.inputValue()).toBe(other!.email)
    await screenshotAtReviewSizes(page, 'refused-goto-email')
    expect((await askGoTo<GoToUser>(`accounts/${access.values.accountKey}/users/${person!.key}`)).email).toBe(person!.email)
    expect(problems).toEqual([])
  })
})

/** A token of this test's own, from the tenant's OAuth endpoint, as GoTo's admin tools sign in. */
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
