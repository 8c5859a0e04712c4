import { describe, expect, it } from 'vitest'
import { adminError, asList, asObject, filterQuery, useGoToMeetingSandbox } from './goToClient'

describe('GoTo sandbox: groups and the one-group-per-user membership', () => {
  const start = useGoToMeetingSandbox()
  const groupsPath = (accountKey: string | undefined) => `accounts/${accountKey}/groups`

  it('lists the flat department groups, each naming its members, every user in exactly one', async () => {
    const { sandbox, call } = await start()
    const list = asList(await call('GET', groupsPath(sandbox.credentials.accountKey)))
    expect(list.total).toBe(12)
    expect(list.results.map((group) => group.name)).toContain('Engineering')
    const members = new Map<string, number>()
    for (const group of list.results) {
      expect(group).toMatchObject({ keyPath: [group.key], namePath: [group.name] })
      expect(group.userKeys).toEqual(sandbox.tenant.membersOf(group.key as string).map((user) => user.key))
      expect(group.totalMemberCount).toBe((group.userKeys as string[]).length)
      for (const key of group.userKeys as string[]) members.set(key, (members.get(key) ?? 0) + 1)
    }
    expect(members.size).toBe(sandbox.tenant.count())
    expect([...members.values()].every((count) => count === 1)).toBe(true)
  })

  it('filters groups by name in both syntaxes, and gets one by key', async () => {
    const { sandbox, call } = await start()
    const path = groupsPath(sandbox.credentials.accountKey)
    const regex = asList(await call('GET', `${path}?${filterQuery('(name="(?i)engineering")')}`))
    const scim = asList(await call('GET', `${path}?${filterQuery('name eq "Engineering"')}`))
    expect(regex.results.map((group) => group.name)).toEqual(['Engineering'])
    expect(scim.results).toEqual(regex.results)
    const one = await call('GET', `${path}/${regex.results[0]!.key}`)
    expect(asObject(one)).toEqual(regex.results[0])
  })

  it('creates a group with 201 and its key as a bare JSON string, refusing a missing or taken name', async () => {
    const { sandbox, call } = await start()
    const path = groupsPath(sandbox.credentials.accountKey)
    const created = await call('POST', path, { name: 'Night Shift' })
    expect(created.status).toBe(201)
    expect(created.text).toMatch(/^"\d{17,}"$/)
    expect(sandbox.tenant.group('night shift')).toEqual({ key: created.body, name: 'Night Shift' })
    const missing = await call('POST', path, { name: '  ' })
    expect([missing.status, adminError(missing).code]).toEqual([400, 'group.name.required'])
    const taken = await call('POST', path, { name: 'NIGHT SHIFT' })
    expect([taken.status, adminError(taken)]).toMatchObject([409, { code: 'group.name.conflict', value: 'NIGHT SHIFT' }])
    expect(sandbox.tenant.groups()).toHaveLength(13)
  })

  it('renames with 204, refusing a key in the body and a name another group has', async () => {
    const { sandbox, call } = await start()
    const path = groupsPath(sandbox.credentials.accountKey)
    const design = sandbox.tenant.group('Design')!
    expect((await call('PUT', `${path}/${design.key}`, { name: 'Product Design' })).status).toBe(204)
    expect(sandbox.tenant.group('Product Design')?.key).toBe(design.key)
    const withKey = await call('PUT', `${path}/${design.key}`, { key: design.key, name: 'Other' })
    expect([withKey.status, adminError(withKey).code]).toEqual([400, 'group.key.readonly'])
    const taken = await call('PUT', `${path}/${design.key}`, { name: 'legal' })
    expect([taken.status, adminError(taken).code]).toEqual([409, 'group.name.conflict'])
    expect(sandbox.tenant.group('Product Design')?.key).toBe(design.key)
  })

  it('deletes a group with 204, leaving its members in the account in no group', async () => {
    const { sandbox, call, users } = await start()
    const legal = sandbox.tenant.group('Legal')!
    const members = sandbox.tenant.membersOf(legal.key)
    expect(members.length).toBeGreaterThan(0)
    expect((await call('DELETE', `${groupsPath(sandbox.credentials.accountKey)}/${legal.key}`)).status).toBe(204)
    expect(sandbox.tenant.group('Legal')).toBeUndefined()
    const member = asObject(await call('GET', `${users}/${members[0]!.key}`))
    expect(member).not.toHaveProperty('groupKey')
    expect(sandbox.tenant.user(members[0]!.key)?.groupKey).toBeNull()
  })

  it('moves a user into a group (out of their old one), and takes them out of every group', async () => {
    const { sandbox, call, users } = await start()
    const path = groupsPath(sandbox.credentials.accountKey)
    const user = sandbox.tenant.users()[4]!
    const target = sandbox.tenant.groups().find((group) => group.key !== user.groupKey)!
    expect((await call('PUT', `${path}/${target.key}/users/${user.key}`)).status).toBe(204)
    expect(asObject(await call('GET', `${users}/${user.key}`))).toMatchObject({ groupKey: target.key, groupName: target.name })
    expect(sandbox.tenant.membersOf(user.groupKey!).map((member) => member.key)).not.toContain(user.key)
    expect(sandbox.tenant.membersOf(target.key).map((member) => member.key)).toContain(user.key)

    expect((await call('DELETE', `${users}/${user.key}/groups`)).status).toBe(204)
    expect(sandbox.tenant.user(user.key)?.groupKey).toBeNull()
    expect(sandbox.tenant.membersOf(target.key).map((member) => member.key)).not.toContain(user.key)
    expect((await call('DELETE', `${users}/${user.key}/groups`)).status).toBe(204)
  })

  it('answers a malformed group key with 502 and an unknown one with 404 group.not.found', async () => {
    const { sandbox, call } = await start()
    const path = groupsPath(sandbox.credentials.accountKey)
    const malformed = await call('GET', `${path}/sales`)
    expect([malformed.status, malformed.body]).toEqual([502, { message: 'Internal server error' }])
    const unknown = await call('PUT', `${path}/11111111111111111111/users/${sandbox.tenant.users()[2]!.key}`)
    expect([unknown.status, adminError(unknown)]).toMatchObject([404, { code: 'group.not.found', value: '11111111111111111111' }])
    const unknownUser = await call('PUT', `${path}/${sandbox.tenant.group('IT')!.key}/users/11111111111111111111`)
    expect([unknownUser.status, adminError(unknownUser).code]).toEqual([404, 'user.not.found'])
  })
})
