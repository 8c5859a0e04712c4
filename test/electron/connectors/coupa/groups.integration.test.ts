import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, coupaHarness } from './coupaSandboxHarness'

const groupTypes = ['groups', 'roles', 'user-groups', 'account-groups'] as const

describe('Coupa roles and groups against the sandbox instance', () => {
  it.each(groupTypes)('lists, searches and opens %s, read-only with the reason', async (type) => {
    const { connector } = await coupaHarness()
    const { ids, pageSizes } = await allPages((cursor) => connector.list(type, { search: '', cursor, pageSize: 3 }))
    expect(ids.length).toBeGreaterThan(3)
    expect(new Set(ids).size).toBe(ids.length)
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(3)
    const first = await connector.get(type, ids[0]!)
    expect(first.readOnlyReason).toMatch(/from a user's panel/)
    expect(first.attributes).toMatchObject({ id: first.id, displayName: first.displayName, 'meta.created': expect.any(String), 'meta.lastModified': expect.any(String) })
    const fragment = first.displayName.slice(1, 5)
    const found = await connector.list(type, { search: fragment, pageSize: 50 })
    expect(found.items.map((item) => item.id)).toContain(first.id)
    expect(found.items.every((item) => item.displayName.toLowerCase().includes(fragment.toLowerCase()))).toBe(true)
    await expectAppError(connector.get(type, '99999'), 'not_found')
  })

  it('reads roles through GraphQL, since Coupa has no /api/roles', async () => {
    const { connector, tenant, requests } = await coupaHarness()
    const roles = await connector.list('roles', { search: 'Buy', pageSize: 10 })
    expect(roles.items.map((role) => role.displayName)).toEqual(['Buyer'])
    expect(roles.items[0]?.id).toBe(String(tenant.role('Buyer')?.id))
    expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/graphql'])
  })

  it("lists a role's members page by page, each a user to open", async () => {
    const { connector, tenant } = await coupaHarness()
    const role = tenant.role('User')!
    const { ids } = await allPages((cursor) => connector.listMembers('roles', String(role.id), { cursor, pageSize: 40 }))
    expect(ids.sort()).toEqual(tenant.membersOf('roles', role.id).map((user) => String(user.id)).sort())
    const member = await connector.listMembers('roles', String(role.id), { pageSize: 1 })
    expect(member.items[0]?.objectType).toBe('users')
  })

  it.each([
    ['groups', 'contentGroups'],
    ['user-groups', 'userGroups'],
    ['account-groups', 'accountGroups'],
  ] as const)("lists the members of %s from the users filtered on it", async (type, kind) => {
    const { connector, tenant } = await coupaHarness()
    const group = (await connector.list(type, { search: '', pageSize: 1 })).items[0]!
    const { ids } = await allPages((cursor) => connector.listMembers(type, group.id, { cursor, pageSize: 50 }))
    expect(ids.sort()).toEqual(tenant.membersOf(kind, Number(group.id)).map((user) => String(user.id)).sort())
  })

  it("lists a user's roles and groups of each kind from the user, never more than asked", async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.roleIds.length >= 3)!
    const roles = await allPages((cursor) => connector.listGroupsOf(String(person.id), 'roles', { cursor, pageSize: 2 }))
    expect(roles.ids).toEqual(person.roleIds.map(String))
    expect(Math.max(...roles.pageSizes)).toBeLessThanOrEqual(2)
    const content = await connector.listGroupsOf(String(person.id), 'groups', { pageSize: 50 })
    expect(content.items.map((item) => item.id)).toEqual(person.contentGroupIds.map(String))
    const accounts = await connector.listGroupsOf(String(person.id), 'account-groups', { pageSize: 50 })
    expect(accounts.items.map((item) => item.id)).toEqual(person.accountGroupIds.map(String))
    const userGroups = await connector.listGroupsOf(String(person.id), 'user-groups', { pageSize: 50 })
    expect(userGroups.items.map((item) => item.id)).toEqual(person.userGroupIds.map(String))
  })

  it('refuses to create or change a group-like object', async () => {
    const { connector } = await coupaHarness()
    await expectAppError(connector.create('roles', { displayName: 'New role' }, {}), 'unsupported')
    await expectAppError(connector.update('groups', '1', { displayName: 'Renamed' }), 'unsupported')
  })
})
