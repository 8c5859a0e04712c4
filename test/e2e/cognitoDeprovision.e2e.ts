import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage, screenshot } from './support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'
import { expectSecretsNowhere, sandboxProfileAccess, type SandboxProfileAccess } from './support/sandboxProfile'

/**
 * A Cognito user pool through the preview bridge in Chromium: deprovision a person (disable and
 * sign out), see them disabled, undo, and see them enabled and in their groups again, checked
 * with the AWS SDK against the pool as an AWS admin would.
 */
describe('deprovision and undo on the Cognito sandbox', () => {
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
  const enabled = async (username: string) => (await aws.send(new AdminGetUserCommand({ UserPoolId: userPoolId(), Username: username }))).Enabled
  const groupsOf = async (username: string) =>
    ((await aws.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId(), Username: username, Limit: 60 }))).Groups ?? [])
      .map((group) => group.GroupName!)
      .sort()

  it('disables a person and brings them back, enabled and in their groups', async () => {
    const listed = await aws.send(new ListUsersCommand({ UserPoolId: userPoolId(), Limit: 60, Filter: 'status = "Enabled"' }))
    let person: { username: string; groups: string[] } | undefined
    for (const user of listed.Users ?? []) {
      const groups = await groupsOf(user.Username!)
      if (groups.length >= 2) {
        person = { username: user.Username!, groups }
        break
      }
    }
    if (!person) throw new Error('the sandbox seeded nobody enabled in two groups')

    ;({ page, problems } = await openPage(browser, app.url))
    await page.getByRole('link', { name: /Cognito Sandbox/ }).first().click()
    await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
    await page.keyboard.press('/')
    await page.keyboard.type(person.username, { delay: 30 })
    await page.locator(`[role="row"][data-id="${person.username}"]`).click()
    // The panel is named by the person's name (issue 15: the Name column and heading showed the username); the username is its second line.
    const panel = page.locator('aside.object-panel', { has: page.locator('.object-panel__secondary', { hasText: person.username }) })
    for (const group of person.groups) await panel.locator('.membership', { hasText: group }).first().waitFor()
    await screenshot(page, 'cognito-user-panel')

    await panel.getByRole('button', { name: 'Deprovision…' }).click()
    await screenshot(page, 'cognito-deprovision-confirm')
    await page.getByRole('dialog').getByRole('button', { name: 'Deprovision' }).click()
    await expect.poll(() => enabled(person.username)).toBe(false)
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).toMatch(/disabled/i)
    await screenshot(page, 'cognito-user-disabled')

    await panel.getByRole('button', { name: 'Undo deprovision…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: /Undo/ }).click()
    await expect.poll(() => enabled(person.username)).toBe(true)
    expect(await groupsOf(person.username)).toEqual(person.groups)
    await expect.poll(() => panel.locator('.object-panel__header').textContent()).not.toMatch(/disabled/i)
    for (const group of person.groups) await panel.locator('.membership', { hasText: group }).first().waitFor()
    await screenshot(page, 'cognito-user-restored')
    await expectSecretsNowhere(app, page, Object.values(access.secrets))
    expect(problems).toEqual([])
  })
})
