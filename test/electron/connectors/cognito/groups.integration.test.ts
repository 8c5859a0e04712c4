import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, cognitoHarness } from './cognitoSandboxHarness'

const roleArn = 'arn:aws:iam::123456789012:role/help-desk'

describe('Cognito connector: groups and memberships against the sandbox pool', () => {
  it('lists every group page after page, and finds groups by part of their name or description', async () => {
    const { connector, tenant } = await cognitoHarness()
    const { ids, pageSizes } = await allPages((cursor) => connector.list('groups', { search: '', cursor, pageSize: 4 }))
    expect(ids).toEqual(tenant.groups().map((group) => group.name))
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(4)
    const target = tenant.groups()[1]!
    const part = target.name.slice(1, 5).toUpperCase()
    const found = await allPages((cursor) => connector.list('groups', { search: part, cursor, pageSize: 3 }))
    const expected = tenant.groups().filter((group) => `${group.name} ${group.description ?? ''}`.toLowerCase().includes(part.toLowerCase()))
    expect(found.ids).toEqual(expected.map((group) => group.name))
  })

  it('gets a group with every readable row as the pool holds it', async () => {
    const { connector, tenant } = await cognitoHarness()
    const record = tenant.groups().find((group) => group.roleArn && group.precedence !== null)!
    const object = await connector.get('groups', record.name)
    expect(object.attributes).toEqual({
      id: record.name,
      displayName: record.name,
      'Extension.Precedence': record.precedence,
      'Extension.RoleArn': record.roleArn,
      'Extension.Description': record.description,
      'meta.created': new Date(record.created).toISOString(),
      'meta.lastModified': new Date(record.lastModified).toISOString(),
    })
    await expectAppError(connector.get('groups', 'no-such-group'), 'not_found')
  })

  it('creates a group with precedence, role ARN and description, and refuses a duplicate name', async () => {
    const { connector, tenant } = await cognitoHarness()
    const created = await connector.create('groups', { displayName: 'help-desk', 'Extension.Precedence': 5, 'Extension.RoleArn': roleArn, 'Extension.Description': 'Help desk staff' }, {})
    expect(created.id).toBe('help-desk')
    expect(tenant.group('help-desk')).toMatchObject({ precedence: 5, roleArn, description: 'Help desk staff' })
    const duplicate = await expectAppError(connector.create('groups', { displayName: 'help-desk' }, {}), 'conflict')
    expect(duplicate.extra.details).toMatchObject({ targetCode: 'GroupExistsException' })
  })

  it('updates precedence, role and description, and refuses a rename before any call', async () => {
    const { connector, tenant, calls, mark } = await cognitoHarness()
    const group = tenant.groups()[0]!
    const updated = await connector.update('groups', group.name, { 'Extension.Precedence': 99, 'Extension.RoleArn': roleArn, 'Extension.Description': 'Changed' })
    expect(updated.attributes).toMatchObject({ 'Extension.Precedence': 99, 'Extension.RoleArn': roleArn, 'Extension.Description': 'Changed' })
    expect(tenant.group(group.name)).toMatchObject({ precedence: 99, roleArn, description: 'Changed' })
    mark()
    const rename = await expectAppError(connector.update('groups', group.name, { displayName: 'renamed' }), 'invalid_input')
    expect(rename.message).toContain('cannot rename a group')
    expect(calls()).toEqual([])
  })

  it('deletes a group; its members stay users', async () => {
    const { connector, tenant } = await cognitoHarness()
    const group = tenant.groups().find((candidate) => tenant.membersOf(candidate.name).length > 0)!
    const member = tenant.membersOf(group.name)[0]!
    await connector.delete('groups', group.name)
    expect(tenant.group(group.name)).toBeUndefined()
    expect(tenant.findUser(member.username)).toBeDefined()
  })

  it("pages through a group's members and a user's groups", async () => {
    const { connector, tenant } = await cognitoHarness()
    const group = [...tenant.groups()].sort((left, right) => tenant.membersOf(right.name).length - tenant.membersOf(left.name).length)[0]!
    const members = await allPages((cursor) => connector.listMembers('groups', group.name, { cursor, pageSize: 7 }))
    expect(members.ids).toEqual(tenant.membersOf(group.name).map((user) => user.username))
    expect(members.pageSizes.length).toBeGreaterThan(1)
    const person = members.ids[0]!
    const groupsOf = await allPages((cursor) => connector.listGroupsOf(person, 'groups', { cursor, pageSize: 1 }))
    expect(groupsOf.ids).toEqual(tenant.groupsOf(person).map((candidate) => candidate.name))
  })

  it('adds and removes members, and sends nothing to add someone already in the group', async () => {
    const { connector, tenant, calls, mark } = await cognitoHarness()
    const person = tenant.users()[5]!.username
    const group = tenant.groups().find((candidate) => !tenant.groupsOf(person).some((held) => held.name === candidate.name))!
    await connector.addMember('groups', group.name, person)
    expect(tenant.groupsOf(person).map((held) => held.name)).toContain(group.name)
    mark()
    await connector.addMember('groups', group.name, person)
    expect(calls().map((call) => call.operation)).not.toContain('AdminAddUserToGroup')
    await connector.removeMember('groups', group.name, person)
    expect(tenant.groupsOf(person).map((held) => held.name)).not.toContain(group.name)
  })

  it('refuses a 26th group before calling, naming the limit and the user', async () => {
    const { connector, tenant, calls, mark } = await cognitoHarness()
    const person = tenant.users()[7]!.username
    for (let index = tenant.groupsOf(person).length; index < 25; index++) {
      const name = `extra-${index}`
      tenant.addGroup({ name })
      tenant.addMember(name, person)
    }
    tenant.addGroup({ name: 'one-too-many' })
    mark()
    const error = await expectAppError(connector.addMember('groups', 'one-too-many', person), 'conflict')
    expect(error.message).toContain(`${person} is already in 25 groups`)
    expect(calls().map((call) => call.operation)).toEqual(['AdminListGroupsForUser'])
    expect(tenant.groupsOf(person)).toHaveLength(25)
  })
})
