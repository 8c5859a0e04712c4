import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { oktaHarness } from './oktaSandboxHarness'

/*
 * The adapter alone against the sandbox, as when the user's status changed after Lanyard read it:
 * Okta's own refusal comes back as a conflict in words, with Okta's code kept for the details, and
 * no action is retried (a second email, or a second temporary password nobody saw).
 */
describe('Okta account actions refused by Okta itself', () => {
  it('words E0000032 for an unlock of a user who is not locked out', async () => {
    const { connector, tenant } = await oktaHarness({ users: 20 })
    const person = tenant.users().find((user) => user.status === 'ACTIVE')!
    const error = await expectAppError(connector.runAccountAction('users', person.id, 'unlock'), 'conflict')
    expect(error.message).toMatch(/current status \(Okta says: "Unlock is not allowed for this user\."\)/)
    expect(error.extra.details).toMatchObject({ targetCode: 'E0000032' })
  })

  it('words E0000038 for a resend of the activation email to an active user', async () => {
    const { connector, tenant } = await oktaHarness({ users: 20 })
    const person = tenant.users().find((user) => user.status === 'ACTIVE')!
    const error = await expectAppError(connector.runAccountAction('users', person.id, 'resendActivation'), 'conflict')
    expect(error.extra.details).toMatchObject({ targetCode: 'E0000038' })
  })

  it('sends a temporary password request once, even when its answer is lost', async () => {
    const { connector, tenant, sandbox, requests, mark } = await oktaHarness({ users: 20 })
    const person = tenant.users().find((user) => user.status === 'ACTIVE')!
    sandbox.faults.script([{ kind: 'lost_answer_5xx', path: /expire_password_with_temp_password$/ }])
    mark()
    await expect(connector.runAccountAction('users', person.id, 'temporaryPassword')).rejects.toBeTruthy()
    expect(requests().filter((request) => request.path.endsWith('/expire_password_with_temp_password'))).toHaveLength(1)
  })
})
