import { AdminGetUserCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { screenshot } from './support/browser'
import { previewSession } from './support/previewSession'
import { expectSecretsNowhere } from './support/sandboxProfile'
import { useCognitoPool } from './support/tenantApis'
import { openUserList, searchUsers } from './support/userList'

/**
 * A Cognito user pool through the preview bridge in Chromium: deprovision a person (disable and
 * sign out), see them disabled, undo, and see them enabled and in their groups again, checked
 * with the AWS SDK against the pool as an AWS admin would.
 */
describe('deprovision and undo on the Cognito sandbox', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '120' }, sandbox: 'cognito' })
  const pool = useCognitoPool(() => session.tenant)
  const enabled = async (username: string) => (await pool.aws.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: username }))).Enabled
  const groupsOf = (username: string) => pool.groupsOf(username)

  it('disables a person and brings them back, enabled and in their groups', async () => {
    const listed = await pool.aws.send(new ListUsersCommand({ UserPoolId: pool.userPoolId, Limit: 60, Filter: 'status = "Enabled"' }))
    let person: { username: string; groups: string[] } | undefined
    for (const user of listed.Users ?? []) {
      const groups = await groupsOf(user.Username!)
      if (groups.length >= 2) {
        person = { username: user.Username!, groups }
        break
      }
    }
    if (!person) throw new Error('the sandbox seeded nobody enabled in two groups')

    const { app, access } = session
    const { page, problems } = await session.open()
    await openUserList(page, /Cognito Sandbox/)
    await (await searchUsers(page, person.username, person.username)).click()
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
