import { AdminCreateUserCommand, AdminGetUserCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshotAtReviewSizes } from './support/browser'
import { previewSession } from './support/previewSession'
import { expectSecretsNowhere } from './support/sandboxProfile'
import { useCognitoPool } from './support/tenantApis'
import { openUserList, openUserPanel } from './support/userList'

/**
 * Cognito's everyday account actions from the user's panel in Chromium, each confirmed and then
 * checked with the AWS SDK against the pool as an AWS admin would: reset password (RESET_REQUIRED),
 * disable and enable (Enabled), sign out everywhere; a user who never set a password is offered
 * Resend invitation… and not Reset password….
 */
describe('the everyday account actions on the Cognito sandbox', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '120' }, sandbox: 'cognito' })
  const pool = useCognitoPool(() => session.tenant)
  const read = (username: string) => pool.aws.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: username }))

  /** Opens the user's panel, named as the list names them: their name where the pool has one, else the username. */
  async function openUser(username: string, displayName = username) {
    await session.page.goto(session.app.url)
    await openUserList(session.page, /Cognito Sandbox/)
    return openUserPanel(session.page, { search: username, id: username, name: displayName }, 20)
  }

  async function run(panel: ReturnType<Page['getByRole']>, label: string, confirm: string) {
    await panel.getByRole('button', { name: label }).click()
    await session.page.getByRole('dialog').getByRole('button', { name: confirm, exact: true }).click()
  }

  it('resets a password, disables, enables and signs out everywhere, as the pool then shows', async () => {
    const listed = await pool.aws.send(new ListUsersCommand({ UserPoolId: pool.userPoolId, Limit: 60, Filter: 'cognito:user_status = "CONFIRMED"' }))
    const found = (listed.Users ?? []).find(
      (user) => user.Enabled && user.Attributes?.some((attribute) => attribute.Name === 'email_verified' && attribute.Value === 'true'),
    )
    const person = found?.Username
    if (!person) throw new Error('the sandbox seeded nobody enabled and CONFIRMED with a verified email')
    const attribute = (name: string) => found?.Attributes?.find((candidate) => candidate.Name === name)?.Value
    const fullName = [attribute('given_name'), attribute('family_name')].filter(Boolean).join(' ') || person

    const { app, access } = session
    const { page, problems } = await session.open()
    const panel = await openUser(person, fullName)
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
    await expect.poll(() => page.locator('.toast').allTextContents()).toContainEqual(expect.stringContaining(`Signed ${fullName} out everywhere`))
    await expectSecretsNowhere(app, page, Object.values(access.secrets))
    expect(problems).toEqual([])
  })

  it('offers a user who never set a password the invitation again, not a reset, and resends it', async () => {
    const username = 'invited.e2e'
    await pool.aws.send(
      new AdminCreateUserCommand({ UserPoolId: pool.userPoolId, Username: username, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'invited.e2e@example.com' }] }),
    )
    const { page, problems } = await session.open()
    const panel = await openUser(username)
    await panel.getByRole('button', { name: 'Resend invitation…' }).waitFor()
    expect(await panel.getByRole('button', { name: 'Reset password…' }).count()).toBe(0)
    await run(panel, 'Resend invitation…', 'Resend invitation')
    await expect.poll(() => page.locator('.toast').allTextContents()).toContainEqual(expect.stringContaining(`Resent the invitation to ${username}`))
    expect((await read(username)).UserStatus).toBe('FORCE_CHANGE_PASSWORD')
    expect(problems).toEqual([])
  })
})
