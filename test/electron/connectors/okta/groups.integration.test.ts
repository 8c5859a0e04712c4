import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, limitOf, oktaHarness } from './oktaSandboxHarness'

describe('Okta groups', () => {
  it('lists groups in steps of 100 with their types and read-only reasons', async () => {
    const { connector, tenant, requests } = await oktaHarness()
    const { ids, pageSizes } = await allPages((cursor) => connector.list('groups', { search: '', cursor, pageSize: 10 }))
    expect(new Set(ids)).toEqual(new Set(tenant.groups().map((group) => group.id)))
    expect(Math.max(...pageSizes)).toBe(10)
    expect(requests().every((request) => limitOf(request) === '100')).toBe(true)
    const everyone = await connector.get('groups', tenant.findGroupByName('Everyone')!.id)
    expect(everyone.attributes['Extension.GroupType']).toBe('BUILT_IN')
    expect(everyone.readOnlyReason).toMatch(/managed by Okta itself/)
  })

  it('finds groups by name prefix and by type', async () => {
    const { connector, tenant } = await oktaHarness()
    const byName = await connector.list('groups', { search: 'fin', pageSize: 50 })
    expect(byName.items.map((item) => item.displayName).sort()).toEqual(['Finance', 'Finance Approvers'])
    const appGroups = await connector.list('groups', { search: 'APP_GROUP', pageSize: 50 })
    expect(appGroups.items).toHaveLength(tenant.countGroups('APP_GROUP'))
    expect(appGroups.items.every((item) => /change it there/.test(item.readOnlyReason ?? ''))).toBe(true)
  })

  it('creates an OKTA_GROUP', async () => {
    const { connector, tenant } = await oktaHarness()
    const created = await connector.create('groups', { displayName: 'Night Shift', 'Extension.Description': 'After hours' }, {})
    expect(created).toMatchObject({ displayName: 'Night Shift', secondary: 'After hours', readOnlyReason: null })
    expect(tenant.group(created.id)).toMatchObject({ type: 'OKTA_GROUP', profile: { name: 'Night Shift', description: 'After hours' } })
  })

  it('updates a group by sending the whole merged profile', async () => {
    const { connector, tenant, requests, mark } = await oktaHarness()
    const group = tenant.addGroup({ name: 'Night Shift', description: 'After hours' })
    mark()
    const updated = await connector.update('groups', group.id, { 'Extension.Description': 'Evenings and weekends' })
    expect(updated.attributes).toMatchObject({ displayName: 'Night Shift', 'Extension.Description': 'Evenings and weekends' })
    expect(tenant.group(group.id)?.profile).toMatchObject({ name: 'Night Shift', description: 'Evenings and weekends' })
    expect(requests().map((request) => request.method)).toEqual(['GET', 'PUT'])
  })

  it('deletes an OKTA_GROUP', async () => {
    const { connector, tenant } = await oktaHarness()
    const group = tenant.addGroup({ name: 'Short Lived' })
    await connector.delete('groups', group.id)
    expect(tenant.group(group.id)).toBeUndefined()
  })

  for (const [name, type] of [
    ['Domain Users', 'APP_GROUP'],
    ['Everyone', 'BUILT_IN'],
  ] as const) {
    it(`refuses to change, delete or change the members of a ${type} before any change request`, async () => {
      const { connector, tenant, requests, mark } = await oktaHarness()
      const group = tenant.findGroupByName(name)!
      const user = tenant.users().find((candidate) => candidate.status === 'ACTIVE')!
      mark()
      const attempts = [
        connector.update('groups', group.id, { 'Extension.Description': 'x' }),
        connector.delete('groups', group.id),
        connector.addMember('groups', group.id, user.id),
        connector.removeMember('groups', group.id, user.id),
      ]
      for (const attempt of attempts) {
        const error = await expectAppError(attempt, 'unsupported')
        expect(error.message).toContain(name)
        expect(error.message).toContain(type)
      }
      expect(requests().every((request) => request.method === 'GET')).toBe(true)
      expect(tenant.group(group.id)).toEqual(group)
    })
  }
})

describe('Okta memberships', () => {
  it('pages a group’s members in steps of 100, never more than asked, each once', async () => {
    const { connector, tenant, requests, mark } = await oktaHarness()
    const group = tenant.addGroup({ name: 'Big Group' })
    const members = tenant.users().slice(0, 130)
    for (const user of members) tenant.addMember(group.id, user.id)
    mark()
    const { ids, pageSizes } = await allPages((cursor) => connector.listMembers('groups', group.id, { cursor, pageSize: 50 }))
    expect(new Set(ids)).toEqual(new Set(members.map((user) => user.id)))
    expect(ids).toHaveLength(130)
    expect(Math.max(...pageSizes)).toBe(50)
    expect(requests().map(limitOf).every((limit) => limit === '100')).toBe(true)
  })

  it('lists a user’s groups, Everyone included, trimmed to the page size', async () => {
    const { connector, tenant } = await oktaHarness()
    const user = tenant.users().find((candidate) => tenant.groupsOf(candidate.id).length >= 4)!
    const expected = tenant.groupsOf(user.id).map((group) => group.id)
    const { ids, pageSizes } = await allPages((cursor) => connector.listGroupsOf(user.id, 'groups', { cursor, pageSize: 2 }))
    expect(ids).toEqual(expected)
    expect(Math.max(...pageSizes)).toBe(2)
  })

  it('adds and removes a member of an OKTA_GROUP', async () => {
    const { connector, tenant } = await oktaHarness()
    const group = tenant.addGroup({ name: 'Night Shift' })
    const user = tenant.users()[10]!
    await connector.addMember('groups', group.id, user.id)
    expect(tenant.membersOf(group.id).map((member) => member.id)).toEqual([user.id])
    await connector.removeMember('groups', group.id, user.id)
    expect(tenant.membersOf(group.id)).toEqual([])
  })

  it('answers not_found when the group does not exist', async () => {
    const { connector, tenant } = await oktaHarness()
    await expectAppError(connector.addMember('groups', '00gMISSING', tenant.users()[0]!.id), 'not_found')
  })
})

describe('Okta ids that are URL dot segments', () => {
  it('refuses "." and ".." as ids before any change is sent, so a membership removal can never reach the group itself', async () => {
    const { connector, tenant, requests, mark } = await oktaHarness()
    const group = tenant.addGroup({ name: 'Night Shift' })
    const user = tenant.users()[10]!
    tenant.addMember(group.id, user.id)
    mark()
    for (const id of ['.', '..']) {
      await expectAppError(connector.removeMember('groups', group.id, id), 'invalid_input')
      await expectAppError(connector.addMember('groups', group.id, id), 'invalid_input')
      await expectAppError(connector.update('users', id, { title: 'x' }), 'invalid_input')
      await expectAppError(connector.get('groups', id), 'invalid_input')
      await expectAppError(connector.listGroupsOf(id, 'groups', { pageSize: 10 }), 'invalid_input')
    }
    expect(requests().filter((request) => request.method !== 'GET')).toEqual([])
    expect(tenant.group(group.id)).toBeDefined()
    expect(tenant.membersOf(group.id).map((member) => member.id)).toEqual([user.id])
  })
})
