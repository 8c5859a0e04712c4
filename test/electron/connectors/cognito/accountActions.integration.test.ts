import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { cognitoHarness, type CognitoHarness } from './cognitoSandboxHarness'

/** An enabled, CONFIRMED person whose email is verified (a reset code can reach them). */
function confirmedPerson({ tenant }: CognitoHarness): string {
  return tenant.users().find((user) => user.enabled && user.status === 'CONFIRMED' && user.attributes.email_verified === 'true')!.username
}

const operations = (harness: CognitoHarness) => harness.calls().map((call) => call.operation)

describe('Cognito connector: the everyday account actions against the sandbox pool', () => {
  it('resets a password with one AdminResetUserPassword: the user is RESET_REQUIRED and a code went out', async () => {
    const harness = await cognitoHarness()
    const person = confirmedPerson(harness)
    harness.mark()
    expect(await harness.connector.runAccountAction('users', person, 'resetPassword')).toEqual({})
    expect(operations(harness)).toEqual(['AdminResetUserPassword'])
    expect(harness.tenant.userStatus(person)).toBe('RESET_REQUIRED')
    expect(harness.tenant.deliveriesTo(person).map((delivery) => delivery.kind)).toEqual(['reset'])
    expect((await harness.connector.get('users', person)).status?.label).toBe('RESET_REQUIRED')
  })

  it("says AWS's own reason when the user's state refuses a reset, as a conflict, and changes nothing", async () => {
    const harness = await cognitoHarness()
    harness.tenant.addUser({ username: 'never.signed.in', status: 'FORCE_CHANGE_PASSWORD' })
    harness.mark()
    const error = await expectAppError(harness.connector.runAccountAction('users', 'never.signed.in', 'resetPassword'), 'conflict')
    expect(error.message).toContain('User password cannot be reset in the current state.')
    // Sent once: a reset is never sent again (each would send another code).
    expect(harness.calls()).toEqual([{ operation: 'AdminResetUserPassword', outcome: expect.any(String), attempt: 1 }])
    expect(harness.tenant.userStatus('never.signed.in')).toBe('FORCE_CHANGE_PASSWORD')
  })

  it('resends an invitation where the user can receive it: AdminGetUser, then AdminCreateUser with RESEND by EMAIL', async () => {
    const harness = await cognitoHarness()
    harness.tenant.addUser({ username: 'waiting.person', status: 'FORCE_CHANGE_PASSWORD' })
    harness.mark()
    await harness.connector.runAccountAction('users', 'waiting.person', 'resendActivation')
    expect(operations(harness)).toEqual(['AdminGetUser', 'AdminCreateUser'])
    expect(harness.tenant.deliveriesTo('waiting.person')).toEqual([{ username: 'waiting.person', mediums: ['EMAIL'], kind: 'resend' }])
    // A user who has set a password: AWS's UnsupportedUserStateException, as a conflict.
    await expectAppError(harness.connector.runAccountAction('users', confirmedPerson(harness), 'resendActivation'), 'conflict')
  })

  it('signs out everywhere, disables and enables with one request each, as the tenant then shows', async () => {
    const harness = await cognitoHarness()
    const { connector, tenant } = harness
    const person = confirmedPerson(harness)
    harness.mark()
    await connector.runAccountAction('users', person, 'signOutEverywhere')
    expect(tenant.signOutCount(person)).toBe(1)
    await connector.runAccountAction('users', person, 'disable')
    expect(tenant.enabled(person)).toBe(false)
    expect(tenant.tokensRevokedAt(person)).not.toBeNull()
    await connector.runAccountAction('users', person, 'enable')
    expect(tenant.enabled(person)).toBe(true)
    expect(operations(harness)).toEqual(['AdminUserGlobalSignOut', 'AdminDisableUser', 'AdminEnableUser'])
  })

  it('refuses an action Cognito does not have, sending nothing', async () => {
    const harness = await cognitoHarness()
    harness.mark()
    await expectAppError(harness.connector.runAccountAction('users', confirmedPerson(harness), 'unlock'), 'unsupported')
    expect(harness.calls()).toEqual([])
  })
})
