import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { cognitoHarness } from './cognitoSandboxHarness'

const weakPassword = 'weakpass'

describe('Cognito connector: creates and updates as named steps', () => {
  it('creates the user anyway when the temporary password breaks the policy, and says exactly which steps happened', async () => {
    const { connector, tenant } = await cognitoHarness()
    const group = tenant.groups()[0]!.name
    const error = await expectAppError(
      connector.create('users', { userName: 'weak.temp', 'emails[0].value': 'weak.temp@example.com' }, { password: weakPassword, groups: [group] }),
      'partial_failure',
    )
    expect(error.extra.steps).toEqual([
      { name: 'Create user weak.temp', status: 'applied', message: expect.stringContaining('refused the temporary password') },
      { name: 'Set the temporary password', status: 'failed', message: expect.stringContaining("The pool's password policy: at least 8 characters"), writes: ['password'] },
      { name: `Add to ${group}`, status: 'applied' },
    ])
    expect(error.message).toContain('The user weak.temp was created anyway')
    expect(error.extra.details).toMatchObject({ objectId: 'weak.temp', objectName: 'weak.temp', targetCode: 'InvalidPasswordException', failedStep: 'Set the temporary password' })
    expect(tenant.userStatus('weak.temp')).toBe('FORCE_CHANGE_PASSWORD')
  })

  it('reports a refused permanent password with the policy, the user left existing and in its groups', async () => {
    const { connector, tenant } = await cognitoHarness()
    tenant.setPasswordPolicy({ MinimumLength: 12, RequireSymbols: false })
    const error = await expectAppError(
      connector.create('users', { userName: 'weak.perm', 'emails[0].value': 'weak.perm@example.com', 'Extension.IsPasswordPermanent': true }, { password: 'Short1aA' }),
      'partial_failure',
    )
    expect(error.extra.steps?.map((step) => [step.name, step.status])).toEqual([
      ['Create user weak.perm', 'applied'],
      ['Set the permanent password', 'failed'],
    ])
    expect(error.extra.steps?.[1]?.writes).toEqual(['password', 'Extension.IsPasswordPermanent'])
    expect(error.message).toContain('at least 12 characters, with an upper-case letter, a lower-case letter and a number')
    expect(tenant.findUser('weak.perm')).toBeDefined()
  })

  it('stops at a throttled group step: applied, failed and not attempted are each reported', async () => {
    const { connect, tenant } = await cognitoHarness()
    const connector = connect({}, undefined, { throttling: { maxWaits: 1, initialMs: 5, maxMs: 5 } })
    const [first, second] = tenant.groups()
    tenant.throttle('UserResourceUpdate', 0)
    const error = await expectAppError(
      connector.create('users', { userName: 'mid.create', 'emails[0].value': 'mid.create@example.com' }, { groups: [first!.name, second!.name] }),
      'partial_failure',
    )
    expect(error.extra.steps?.map((step) => [step.name, step.status])).toEqual([
      ['Create user mid.create', 'applied'],
      [`Add to ${first!.name}`, 'failed'],
      [`Add to ${second!.name}`, 'not_attempted'],
    ])
    expect(error.extra.details?.objectId).toBe('mid.create')
    expect(tenant.groupsOf('mid.create')).toEqual([])
  })

  it('says nothing was created only when Cognito refused the create, not when the call broke off and may have landed', async () => {
    const { connector, sandbox, tenant } = await cognitoHarness()
    const existing = tenant.users()[0]!.username
    const refused = await expectAppError(connector.create('users', { userName: existing, 'emails[0].value': 'taken@example.com' }, {}), 'conflict')
    expect(refused.message).toContain('Nothing was created')

    sandbox.faults.script([{ kind: 'reset' }])
    const cutOff = await expectAppError(connector.create('users', { userName: 'cut.off', 'emails[0].value': 'cut.off@example.com' }, {}), 'network')
    // It says what happened; the journal adds, once, that the outcome is not known and is being checked (outcomeWording.test.ts).
    expect(cutOff.message).toContain('"Create user cut.off" got no clear answer')
    expect(cutOff.message).not.toContain('Nothing was created')
  })

  it('runs an update as steps: the attributes stay set when the password step fails', async () => {
    const { connector, tenant } = await cognitoHarness()
    const person = tenant.users().find((user) => user.enabled && user.status === 'CONFIRMED')!
    const error = await expectAppError(connector.update('users', person.username, { 'name.givenName': 'Renamed', password: weakPassword }), 'partial_failure')
    expect(error.extra.steps?.map((step) => [step.name, step.status])).toEqual([
      ['Set Given name', 'applied'],
      ['Set a temporary password', 'failed'],
    ])
    expect(tenant.findUser(person.username)?.attributes.given_name).toBe('Renamed')
  })
})
