import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, screenshot } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'
import { expectSecretsNowhere, sandboxProfileAccess, type SandboxProfileAccess } from './support/sandboxProfile'

interface GoToUser {
  key: string
  email: string
  firstName: string
  lastName: string
  status: string
  groupKey?: string
  groupName?: string
}

/**
 * A GoToMeeting account through the preview bridge in Chromium: deprovision (suspend) a person,
 * undo, and see them active in their group again, checked with the account's own admin API; then
 * try to create someone who already has an account and see it reported as existing.
 */
describe('deprovision, undo and a duplicate on the GoToMeeting sandbox', () => {
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

  const userByKey = (key: string) => askGoTo<GoToUser>(`accounts/${access.values.accountKey}/users/${key}`)

  async function openUser(person: GoToUser) {
    await page.keyboard.press('/')
    await page.keyboard.type(person.lastName, { delay: 40 })
    const row = page.locator(`[role="row"][data-id="${person.key}"]`)
    await row.click()
    return page.getByRole('complementary', { name: `${person.firstName} ${person.lastName}` })
  }

  it('suspends a person and brings them back, active and in their group', async () => {
    const listing = await askGoTo<{ results: GoToUser[] }>(`accounts/${access.values.accountKey}/users?pageSize=100`)
    const person = listing.results.find((user) => user.status === 'ACTIVE' && user.groupName && !/admin/i.test(user.email))
    if (!person) throw new Error('the sandbox seeded nobody active in a group')

    await page.getByRole('link', { name: /GoToMeeting Sandbox/ }).first().click()
    await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
    const panel = await openUser(person)
    await panel.locator('.membership', { hasText: person.groupName! }).waitFor()
    // The target has no membership operation: the panel says so instead of offering buttons.
    await expect.poll(() => panel.getByText(/does not support membership changes/).count()).toBeGreaterThan(0)
    expect(await panel.getByRole('button', { name: 'Remove' }).count()).toBe(0)
    await screenshot(page, 'gotomeeting-user-panel')

    await panel.getByRole('button', { name: 'Deprovision…' }).click()
    await screenshot(page, 'gotomeeting-deprovision-confirm')
    await page.getByRole('dialog').getByRole('button', { name: 'Deprovision' }).click()
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).toContain('SUSPENDED')
    expect((await userByKey(person.key)).status).toBe('SUSPENDED')
    await screenshot(page, 'gotomeeting-user-suspended')

    await panel.getByRole('button', { name: 'Undo deprovision…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: /Undo/ }).click()
    await expect.poll(async () => (await userByKey(person.key)).status).toBe('ACTIVE')
    const restored = await userByKey(person.key)
    expect(restored.groupKey).toBe(person.groupKey)
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).toContain('ACTIVE')
    await panel.locator('.membership', { hasText: person.groupName! }).waitFor()
    await screenshot(page, 'gotomeeting-user-restored')
  })

  it('reports a create for an email that already has an account as existing, not as new', async () => {
    const listing = await askGoTo<{ results: GoToUser[]; total: number }>(`accounts/${access.values.accountKey}/users?pageSize=100`)
    const existing = listing.results.find((user) => user.status === 'ACTIVE')!
    await page.getByRole('button', { name: 'New user' }).click()
    const form = page.getByRole('complementary', { name: 'New user' })
    await form.getByLabel('Email', { exact: false }).first().fill(existing.email)
    await form.getByLabel('Given name').fill('Someone')
    await form.getByLabel('Family name').fill('Else')
    await form.getByRole('button', { name: /^Create/ }).click()
    const dialog = page.getByRole('dialog')
    await screenshot(page, 'gotomeeting-duplicate-confirm')
    await dialog.getByRole('button', { name: /^Create/ }).click()
    await expect.poll(() => form.textContent()).toMatch(/already exist/i)
    await screenshot(page, 'gotomeeting-duplicate-reported')
    // Nothing new at the target: the same number of users, the existing one unchanged.
    const after = await askGoTo<{ total: number }>(`accounts/${access.values.accountKey}/users?pageSize=1`)
    expect(after.total).toBe(listing.total)
    expect((await userByKey(existing.key)).firstName).toBe(existing.firstName)
    await expectSecretsNowhere(app, page, Object.values(access.secrets))
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
