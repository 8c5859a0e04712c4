import { describe, expect, it } from 'vitest'
import { cognitoHarness } from './cognitoSandboxHarness'

/*
 * The Cognito transport shares identical reads in flight as the HTTP client does (the rules
 * themselves are tested in test/electron/http/sharedReads.test.ts): same operation, same input.
 */
describe('Cognito connector: identical reads in flight share one call', () => {
  it('sends one AdminGetUser for two reads of the same user at once, and answers both with their own copy', async () => {
    const { connector, tenant, calls } = await cognitoHarness({ users: 5 })
    const username = tenant.users()[0]!.username
    const [one, two] = await Promise.all([connector.get('users', username), connector.get('users', username)])
    expect(calls().map((call) => call.operation)).toEqual(['AdminGetUser'])
    expect(two).toEqual(one)
    expect(two).not.toBe(one)
  })

  it('sends a call per user when the reads differ, and never shares a write', async () => {
    const { connector, tenant, calls } = await cognitoHarness({ users: 5 })
    const [first, second] = tenant.users().map((user) => user.username)
    await Promise.all([connector.get('users', first!), connector.get('users', second!)])
    const group = tenant.groups()[0]!.name
    // Identical writes at once (removing is unconditional: no read first): each is sent.
    await Promise.allSettled([connector.removeMember('groups', group, first!), connector.removeMember('groups', group, first!)])
    const operations = calls().map((call) => call.operation)
    expect(operations.filter((operation) => operation === 'AdminGetUser')).toHaveLength(2)
    expect(operations.filter((operation) => operation === 'AdminRemoveUserFromGroup')).toHaveLength(2)
  })
})
