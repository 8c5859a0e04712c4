import { describe, expect, it } from 'vitest'
import { hasCapability } from '../../../../electron/connectors/capabilities'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, goToHarness } from './goToSandboxHarness'

describe('GoToMeeting connector: groups against the sandbox account', () => {
  it('lists and searches groups with their member counts', async () => {
    const { connector, tenant } = await goToHarness()
    const page = await connector.list('groups', { search: '', pageSize: 100 })
    expect(page.total).toBe(tenant.groups().length)
    expect(page.items.map((item) => item.displayName).sort()).toEqual(tenant.groups().map((group) => group.name).sort())
    const engineering = tenant.group('Engineering')!
    const found = await connector.list('groups', { search: 'gineer', pageSize: 10 })
    expect(found.items).toEqual([expect.objectContaining({ id: engineering.key, secondary: `${tenant.membersOf(engineering.key).length} members` })])
  })

  it('creates, renames and deletes a group, and refuses a second group of the same name', async () => {
    const { connector, tenant } = await goToHarness()
    const created = await connector.create('groups', { displayName: 'Help Desk' }, {})
    expect(created).toMatchObject({ displayName: 'Help Desk', attributes: { id: created.id, displayName: 'Help Desk' } })
    expect(tenant.group('Help Desk')?.key).toBe(created.id)
    const duplicate = await expectAppError(connector.create('groups', { displayName: 'help desk' }, {}), 'conflict')
    expect(duplicate.message).toContain('already exists')
    expect((await connector.update('groups', created.id, { displayName: 'Service Desk' })).displayName).toBe('Service Desk')
    expect(tenant.group('Service Desk')?.key).toBe(created.id)
    await connector.delete('groups', created.id)
    await expectAppError(connector.get('groups', created.id), 'not_found')
    await expectAppError(connector.get('groups', 'not-a-key'), 'not_found')
  })

  it('shows a group’s members page by page, all of them once', async () => {
    const { connector, tenant } = await goToHarness({ users: 200 })
    const group = [...tenant.groups()].sort((left, right) => tenant.membersOf(right.key).length - tenant.membersOf(left.key).length)[0]!
    const expected = tenant.membersOf(group.key).map((user) => user.key)
    expect(expected.length).toBeGreaterThan(20)
    const first = await connector.listMembers('groups', group.key, { pageSize: 7 })
    expect(first.total).toBe(expected.length)
    const { ids, pageSizes } = await allPages((cursor) => connector.listMembers('groups', group.key, { cursor, pageSize: 7 }))
    expect(ids).toEqual(expected)
    expect(Math.max(...pageSizes)).toBe(7)
  })

  it('shows a user’s one group, and none for a user in no group', async () => {
    const { connector, tenant } = await goToHarness()
    const person = tenant.users().find((user) => user.groupKey !== null)!
    const groups = await connector.listGroupsOf(person.key, 'groups', { pageSize: 10 })
    expect(groups.items.map((item) => item.id)).toEqual([person.groupKey])
    const loner = tenant.users().find((user) => user.groupKey === null)
    if (loner) expect((await connector.listGroupsOf(loner.key, 'groups', { pageSize: 10 })).items).toEqual([])
  })

  it('has no way to change memberships: GoToMeeting shows members read-only, and the directory refuses before any call', async () => {
    const { connector } = await goToHarness()
    expect(hasCapability(connector, 'managesMemberships')).toBe(false)
    expect('addMember' in connector || 'removeMember' in connector).toBe(false)
  })
})
