import { describe, expect, it } from 'vitest'
import { seedCognitoTenant } from '../../../../electron/sandbox/cognito/seedCognitoTenant'
import { startCognitoSandbox } from '../../../../electron/sandbox/cognito/startCognitoSandbox'
import { cognitoClient, useCognitoSandbox } from './cognitoClient'
import { seededAccounts } from '../../../support/sandboxPeople'

describe('Cognito sandbox: seeded pool', () => {
  const startSandbox = useCognitoSandbox()

  it('gives the same pool for the same seed and another for another seed', () => {
    const first = seedCognitoTenant(50, 'same')
    expect(seedCognitoTenant(50, 'same')).toEqual(first)
    const other = seedCognitoTenant(50, 'other')
    expect(other.pool.id).not.toBe(first.pool.id)
    expect(other.users.map((user) => user.username)).not.toEqual(first.users.map((user) => user.username))
  })

  it('seeds readable usernames (a share of generated ids) with a verified email alias, E.164 phones and unique subs', async () => {
    const sandbox = await startSandbox({ users: 200 })
    const users = sandbox.tenant.users()
    expect(users).toHaveLength(seededAccounts('cognito', 200))
    const generatedIds = users.filter((user) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(user.username))
    expect(generatedIds.length).toBeGreaterThan(0)
    expect(generatedIds.length).toBeLessThan(users.length / 4)
    for (const user of users) {
      if (!generatedIds.includes(user)) {
        expect(user.username).toMatch(/^[a-z-]+\.[a-z-]+\d*$/)
        expect(user.attributes.email).toBe(`${user.username}@example.com`)
      }
      expect(user.attributes.email).toMatch(/^[a-z-]+\.[a-z-]+\d*@example\.com$/)
      expect(user.attributes.phone_number).toMatch(/^\+\d{8,15}$/)
      expect(user.attributes.given_name).toBeTruthy()
    }
    expect(new Set(users.map((user) => user.attributes.email)).size).toBe(users.length)
    expect(new Set(users.map((user) => user.attributes.sub)).size).toBe(users.length)
  })

  it('seeds a few disabled, FORCE_CHANGE_PASSWORD and RESET_REQUIRED users among the confirmed ones', async () => {
    const sandbox = await startSandbox({ users: 2000 })
    const users = sandbox.tenant.users()
    const count = (predicate: (user: (typeof users)[number]) => boolean) => users.filter(predicate).length
    expect(count((user) => user.enabled && user.status === 'CONFIRMED')).toBeGreaterThan(users.length * 0.9)
    expect(count((user) => !user.enabled)).toBeGreaterThan(5)
    expect(count((user) => user.status === 'FORCE_CHANGE_PASSWORD')).toBeGreaterThan(5)
    expect(count((user) => user.status === 'RESET_REQUIRED')).toBeGreaterThan(0)
    expect(count((user) => user.status === 'UNCONFIRMED')).toBe(0)
    expect(users.filter((user) => user.status === 'FORCE_CHANGE_PASSWORD').every((user) => user.attributes.email_verified === 'false')).toBe(true)
  })

  it('seeds memberships from the generated directory, no one in more than 25 groups', async () => {
    const sandbox = await startSandbox({ users: 300 })
    const sizes = sandbox.tenant.users().map((user) => sandbox.tenant.groupsOf(user.username).length)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(25)
    expect(sandbox.tenant.membersOf('engineering').every((user) => user.attributes['custom:department'] === 'Engineering')).toBe(true)
  })

  it('describes the pool: email alias, case-insensitive usernames, the password policy and the user estimate', async () => {
    const sandbox = await startSandbox({ users: 42 })
    const answer = await cognitoClient(sandbox)('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId })
    expect(answer.body.UserPool).toMatchObject({
      Id: sandbox.credentials.userPoolId,
      AliasAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      EstimatedNumberOfUsers: seededAccounts('cognito', 42),
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true } },
    })
    expect((answer.body.UserPool as Record<string, unknown>).UsernameAttributes).toBeUndefined()
  })

  it('starts with 20,000 people and lists them', async () => {
    const sandbox = await startCognitoSandbox({ users: 20_000 })
    try {
      expect(sandbox.tenant.count().users).toBe(seededAccounts('cognito', 20_000))
      const answer = await cognitoClient(sandbox)('ListUsers', { UserPoolId: sandbox.credentials.userPoolId, Filter: 'email ^= "zz"' })
      expect(answer.status).toBe(200)
    } finally {
      await sandbox.close()
    }
  })
})
