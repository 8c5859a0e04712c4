import { AdminCreateUserCommand, AdminGetUserCommand, CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, screenshotAtReviewSizes } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'
import { expectSecretsNowhere, sandboxProfileAccess, type SandboxProfileAccess } from './support/sandboxProfile'

/**
 * Cognito's everyday account actions from the user's panel in Chromium, each confirmed and then
 * checked with the AWS SDK against the pool as an AWS admin would: reset password (RESET_REQUIRED),
 * disable and enable (Enabled), sign out everywhere; a user who never set a password is offered
 * Resend invitation… and not Reset password….
 */
describe('the everyday account actions on the Cognito sandbox', () => {
  let browser: Browser
  let app: PreviewApp
  let page: Page
  let problems: string[]
  let access: SandboxProfileAccess
  let aws: CognitoIdentityProviderClient

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startPreviewApp({ env: { LANYARD_SANDBOX_USERS: '120' } })
    access = await sandboxProfileAccess(app, 'cognito')
    aws = new CognitoIdentityProviderClient({
      region: access.values.region!,
      endpoint: access.values.url!,
      credentials: { accessKeyId: access.values.accessKeyId!, secretAccessKey: access.secrets.accessSecret! },
    })
  })

  afterAll(async () => {
    aws?.destroy()
    await browser?.close()
    await app?.stop()
    if (app) await removeDataFolder(app)
  })

  const userPoolId = () => access.values.userPoolId!
  const read = (username: string) => aws.send(new AdminGetUserCommand({ UserPoolId: userPoolId(), Username: username }))

  async function openUser(username: string) {
    await page.goto(app.url)
    await page.getByRole('link', { name: /Cognito Sandbox/ }).first().click()
    await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
    await page.keyboard.press('/')
    await page.keyboard.type(username, { delay: 20 })
    await page.locator(`[role="row"][data-id="${username}"]`).click()
    return page.getByRole('complementary', { name: username })
  }

  async function run(panel: ReturnType<Page['getByRole']>, label: string, confirm: string) {
    await panel.getByRole('button', { name: label }).click()
    await page.getByRole('dialog').getByRole('button', { name: confirm, exact: true }).click()
  }

  it('resets a password, disables, enables and signs out everywhere, as the pool then shows', async () => {
    const listed = await aws.send(new ListUsersCommand({ UserPoolId: userPoolId(), Limit: 60, Filter: 'cognito:user_status = "CONFIRMED"' }))
    const person = (listed.Users ?? []).find(
      (user) => user.Enabled && user.Attributes?.some((attribute) => attribute.Name === 'email_verified' && attribute.Value === 'true'),
    )?.Username
    if (!person) throw new Error('the sandbox seeded nobody enabled and CONFIRMED with a verified email')

    ;({ page, problems } = await openPage(browser, app.url))
    const panel = await openUser(person)
    await panel.getByRole('button', { name: 'Reset password…' }).click()
    await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(/CONFIRMED[\s\S]*RESET_REQUIRED/)
    await screenshotAtReviewSizes(page, 'cognito-reset-password-confirm')
    await page.getByRole('dialog').getByRole('button', { name: 'Reset password', exact: true }).click()
    await expect.poll(async () => (await read(person)).UserStatus).toBe('RESET_REQUIRED')
    // Reset again is still offered (a new code); resend is not (the user has a password).
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).toMatch(/RESET_REQUIRED/)
    expect(await panel.getByRole('button', { name: 'Resend invitation…' }).count()).toBe(0)

    await run(panel, 'Disable…', 'Disable')
    await expect.poll(async () => (await read(person)).Enabled).toBe(false)
    await expect.poll(() => panel.getByRole('button', { name: 'Enable…' }).count()).toBe(1)
    expect(await panel.getByRole('button', { name: 'Reset password…' }).count()).toBe(0)
    await screenshotAtReviewSizes(page, 'cognito-user-disabled-actions')
    await run(panel, 'Enable…', 'Enable')
    await expect.poll(async () => (await read(person)).Enabled).toBe(true)

    await run(panel, 'Sign out everywhere…', 'Sign out everywhere')
    await expect.poll(() => page.locator('.toast').allTextContents()).toContainEqual(expect.stringContaining(`Signed ${person} out everywhere`))
    await expectSecretsNowhere(app, page, Object.values(access.secrets))
    expect(problems).toEqual([])
  })

  it('offers a user who never set a password the invitation again, not a reset, and resends it', async () => {
    const username = 'invited.e2e'
    await aws.send(
      new AdminCreateUserCommand({ UserPoolId: userPoolId(), Username: username, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'invited.e2e@example.com' }] }),
    )
    ;({ page, problems } = await openPage(browser, app.url))
    const panel = await openUser(username)
    await panel.getByRole('button', { name: 'Resend invitation…' }).waitFor()
    expect(await panel.getByRole('button', { name: 'Reset password…' }).count()).toBe(0)
    await run(panel, 'Resend invitation…', 'Resend invitation')
    await expect.poll(() => page.locator('.toast').allTextContents()).toContainEqual(expect.stringContaining(`Resent the invitation to ${username}`))
    expect((await read(username)).UserStatus).toBe('FORCE_CHANGE_PASSWORD')
    expect(problems).toEqual([])
  })
})
