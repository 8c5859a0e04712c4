import { describe, expect, it } from 'vitest'
import { maximumGroupsPerUser } from '../../../../electron/sandbox/cognito/membershipOperations'
import { cognitoClient, expectOk, useCognitoSandbox, type CognitoCall, type GroupJson, type UserJson } from './cognitoClient'

/** Follows NextToken to the end of ListGroups / ListUsersInGroup / AdminListGroupsForUser. */
async function readAll<Item>(call: CognitoCall, operation: string, input: Record<string, unknown>, key: 'Groups' | 'Users'): Promise<{ items: Item[]; pageSizes: number[] }> {
  const items: Item[] = []
  const pageSizes: number[] = []
  let token: string | undefined
  do {
    const answer = await call(operation, { ...input, ...(token ? { NextToken: token } : {}) })
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
    const page = answer.body[key] as Item[]
    items.push(...page)
    pageSizes.push(page.length)
    token = answer.body.NextToken as string | undefined
  } while (token)
  return { items, pageSizes }
}

describe('Cognito sandbox: groups and memberships', () => {
  const startSandbox = useCognitoSandbox()

  async function setUp(users = 60) {
    const sandbox = await startSandbox({ users })
    const call = cognitoClient(sandbox)
    return { sandbox, call, ok: expectOk(call), pool: { UserPoolId: sandbox.credentials.userPoolId } }
  }

  it('creates, reads, updates and deletes a group', async () => {
    const { sandbox, call, ok, pool } = await setUp()
    const roleArn = 'arn:aws:iam::123456789012:role/help-desk'
    const created = (await ok('CreateGroup', { ...pool, GroupName: 'help-desk', Description: 'First line', Precedence: 5, RoleArn: roleArn })).Group as GroupJson
    expect(created).toMatchObject({ GroupName: 'help-desk', UserPoolId: pool.UserPoolId, Description: 'First line', Precedence: 5, RoleArn: roleArn })
    expect(created.CreationDate).toBeCloseTo(Date.now() / 1000, -1)
    expect((await ok('GetGroup', { ...pool, GroupName: 'help-desk' })).Group).toEqual(created)
    const updated = (await ok('UpdateGroup', { ...pool, GroupName: 'help-desk', Description: 'Second line' })).Group as GroupJson
    expect(updated).toMatchObject({ Description: 'Second line', Precedence: 5, RoleArn: roleArn })
    await ok('DeleteGroup', { ...pool, GroupName: 'help-desk' })
    expect((await call('GetGroup', { ...pool, GroupName: 'help-desk' })).body).toEqual({ __type: 'ResourceNotFoundException', message: 'Group not found.' })
    expect(sandbox.tenant.group('help-desk')).toBeUndefined()
  })

  it('leaves out Description, Precedence and RoleArn when a group has none', async () => {
    const { ok, pool } = await setUp()
    const group = (await ok('CreateGroup', { ...pool, GroupName: 'bare' })).Group as Record<string, unknown>
    expect(Object.keys(group).sort()).toEqual(['CreationDate', 'GroupName', 'LastModifiedDate', 'UserPoolId'])
  })

  it('refuses a name already taken with GroupExistsException and keeps the group and its members', async () => {
    const { sandbox, call, pool } = await setUp()
    const members = sandbox.tenant.membersOf('engineering').length
    const answer = await call('CreateGroup', { ...pool, GroupName: 'engineering', Description: 'again' })
    expect(answer.body).toEqual({ __type: 'GroupExistsException', message: 'A group with the name engineering already exists.' })
    expect(sandbox.tenant.membersOf('engineering')).toHaveLength(members)
    expect(sandbox.tenant.group('engineering')?.description).toBe('Everyone in Engineering')
  })

  it.each([
    [{ GroupName: 'has space' }, "Value 'has space' at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"],
    [{ GroupName: 'negative', Precedence: -1 }, "Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0"],
    [{ GroupName: 'bad-role', RoleArn: 'not-an-arn-but-long-enough' }, "at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:"],
    [{ GroupName: 'x'.repeat(129) }, "at 'groupName' failed to satisfy constraint: Member must have length less than or equal to 128"],
  ])('refuses %j with InvalidParameterException', async (input, message) => {
    const { call, pool } = await setUp()
    const answer = await call('CreateGroup', { ...pool, ...input })
    expect(answer.body.__type).toBe('InvalidParameterException')
    expect(answer.body.message).toContain(message)
  })

  it('seeds groups whose names have no spaces, with descriptions, precedences and department roles', async () => {
    const { sandbox, call, pool } = await setUp()
    const { items, pageSizes } = await readAll<GroupJson>(call, 'ListGroups', { ...pool, Limit: 10 }, 'Groups')
    expect(pageSizes).toEqual([10, 10, 2])
    expect(items.map((group) => group.GroupName)).toEqual(sandbox.tenant.groups().map((group) => group.name))
    expect(items.every((group) => /^[a-z0-9-]+$/.test(group.GroupName) && group.Description)).toBe(true)
    expect(items.find((group) => group.GroupName === 'customer-success')).toMatchObject({ Precedence: 70, RoleArn: expect.stringMatching(/^arn:aws:iam::\d{12}:role\/lanyard-customer-success$/) as unknown })
    expect(items.find((group) => group.GroupName === 'domain-users')?.Precedence).toBeUndefined()
  })

  it('lists a group’s members and a user’s groups, page by page', async () => {
    const { sandbox, call, pool } = await setUp()
    const expected = sandbox.tenant.membersOf('engineering').map((user) => user.username)
    expect(expected.length).toBeGreaterThan(5)
    const members = await readAll<UserJson>(call, 'ListUsersInGroup', { ...pool, GroupName: 'engineering', Limit: 5 }, 'Users')
    expect(members.items.map((user) => user.Username)).toEqual(expected)
    expect(members.pageSizes.every((size) => size <= 5)).toBe(true)
    const member = expected[0] as string
    const groups = await readAll<GroupJson>(call, 'AdminListGroupsForUser', { ...pool, Username: sandbox.tenant.findUser(member)?.attributes.email, Limit: 1 }, 'Groups')
    expect(groups.items.map((group) => group.GroupName)).toEqual(sandbox.tenant.groupsOf(member).map((group) => group.name))
    expect((await call('ListUsersInGroup', { ...pool, GroupName: 'missing' })).body.__type).toBe('ResourceNotFoundException')
    expect((await call('AdminListGroupsForUser', { ...pool, Username: 'nobody' })).body.__type).toBe('UserNotFoundException')
  })

  it('adds and removes members by username, email or sub, idempotently', async () => {
    const { sandbox, ok, pool } = await setUp()
    const user = sandbox.tenant.users().find((candidate) => !sandbox.tenant.groupsOf(candidate.username).some((group) => group.name === 'mentors')) as { username: string; attributes: Record<string, string> }
    await ok('AdminAddUserToGroup', { ...pool, Username: user.attributes.sub, GroupName: 'mentors' })
    await ok('AdminAddUserToGroup', { ...pool, Username: user.username, GroupName: 'mentors' })
    expect(sandbox.tenant.membersOf('mentors').filter((member) => member.username === user.username)).toHaveLength(1)
    await ok('AdminRemoveUserFromGroup', { ...pool, Username: user.attributes.email, GroupName: 'mentors' })
    await ok('AdminRemoveUserFromGroup', { ...pool, Username: user.username, GroupName: 'mentors' })
    expect(sandbox.tenant.groupsOf(user.username).map((group) => group.name)).not.toContain('mentors')
  })

  it('answers UserNotFoundException for a missing user and ResourceNotFoundException for a missing group', async () => {
    const { sandbox, call, pool } = await setUp()
    const user = sandbox.tenant.users()[0]?.username
    expect((await call('AdminAddUserToGroup', { ...pool, Username: 'nobody', GroupName: 'mentors' })).body).toEqual({ __type: 'UserNotFoundException', message: 'User does not exist.' })
    expect((await call('AdminAddUserToGroup', { ...pool, Username: user, GroupName: 'missing' })).body).toEqual({ __type: 'ResourceNotFoundException', message: 'Group not found.' })
    expect((await call('AdminRemoveUserFromGroup', { ...pool, Username: user, GroupName: 'missing' })).body.__type).toBe('ResourceNotFoundException')
  })

  it(`refuses a ${maximumGroupsPerUser + 1}th group with LimitExceededException`, async () => {
    const { sandbox, call, ok, pool } = await setUp(1)
    const user = sandbox.tenant.users()[0]?.username as string
    for (let index = sandbox.tenant.groupsOf(user).length; index < maximumGroupsPerUser; index++) {
      await ok('CreateGroup', { ...pool, GroupName: `extra-${index}` })
      await ok('AdminAddUserToGroup', { ...pool, Username: user, GroupName: `extra-${index}` })
    }
    expect(sandbox.tenant.groupsOf(user)).toHaveLength(25)
    await ok('CreateGroup', { ...pool, GroupName: 'one-too-many' })
    const answer = await call('AdminAddUserToGroup', { ...pool, Username: user, GroupName: 'one-too-many' })
    expect(answer.status).toBe(400)
    expect(answer.body.__type).toBe('LimitExceededException')
    expect(sandbox.tenant.groupsOf(user)).toHaveLength(25)
    await ok('AdminAddUserToGroup', { ...pool, Username: user, GroupName: 'extra-3' })
  })

  it('drops a deleted group from its members’ groups', async () => {
    const { sandbox, ok, pool } = await setUp()
    const member = sandbox.tenant.membersOf('vpn-users')[0]?.username as string
    await ok('DeleteGroup', { ...pool, GroupName: 'vpn-users' })
    expect(sandbox.tenant.groupsOf(member).map((group) => group.name)).not.toContain('vpn-users')
    expect(sandbox.tenant.findUser(member)).toBeDefined()
  })
})
