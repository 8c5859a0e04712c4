import { describe, expect, it } from 'vitest'
import { asList, asObject, oktaClient, readAllPages, useOktaSandbox } from './oktaClient'

describe('Okta sandbox: groups', () => {
  const startSandbox = useOktaSandbox()

  it('has one BUILT_IN Everyone, OKTA_GROUPs for departments and teams, and read-only APP_GROUPs from a directory', async () => {
    const sandbox = await startSandbox()
    const { items } = await readAllPages(oktaClient(sandbox), '/api/v1/groups')
    const types = items.map((group) => group.type)
    expect(types.filter((type) => type === 'BUILT_IN')).toHaveLength(1)
    expect(types.filter((type) => type === 'APP_GROUP').length).toBeGreaterThan(0)
    const everyone = items.find((group) => group.type === 'BUILT_IN')
    expect(everyone?.profile).toEqual({ name: 'Everyone', description: 'All users in your organization' })
    const engineering = items.find((group) => (group.profile as { name: string }).name === 'Engineering')
    expect(engineering).toMatchObject({ type: 'OKTA_GROUP', objectClass: ['okta:user_group'] })
    const imported = items.find((group) => group.type === 'APP_GROUP')
    expect(imported).toMatchObject({ objectClass: ['okta:windows_security_principal'], source: { id: expect.stringMatching(/^0oa/) } })
  })

  it('answers groups without a self link but with absolute users and apps links', async () => {
    const sandbox = await startSandbox()
    const group = sandbox.tenant.findGroupByName('Sales') as { id: string }
    const answer = asObject(await oktaClient(sandbox)('GET', `/api/v1/groups/${group.id}`))
    const links = answer._links as Record<string, unknown>
    expect(links.self).toBeUndefined()
    expect(links.users).toEqual({ href: `${sandbox.url}/api/v1/groups/${group.id}/users` })
    expect(links.apps).toEqual({ href: `${sandbox.url}/api/v1/groups/${group.id}/apps` })
  })

  it('pages groups with Link headers and counts members with expand=stats', async () => {
    const sandbox = await startSandbox({ users: 40 })
    const call = oktaClient(sandbox)
    const { items, pageSizes, answers } = await readAllPages(call, '/api/v1/groups?limit=5')
    expect(items.map((group) => group.id)).toEqual(sandbox.tenant.groups().map((group) => group.id))
    expect(pageSizes.slice(0, -1).every((size) => size === 5)).toBe(true)
    expect(answers[0]?.links.next).toMatch(new RegExp(`^${sandbox.url}/api/v1/groups\\?after=00g\\w+&limit=5$`))
    const everyone = sandbox.tenant.findGroupByName('Everyone') as { id: string }
    const stats = asObject(await call('GET', `/api/v1/groups/${everyone.id}?expand=stats`))
    expect((stats._embedded as { stats: { usersCount: number } }).stats.usersCount).toBe(sandbox.tenant.countUsers())
  })

  it('finds groups by name prefix with q (not paged), and by search and filter', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const q = await call('GET', '/api/v1/groups?q=s')
    expect(asList(q).map((group) => (group.profile as { name: string }).name).sort()).toEqual(
      sandbox.tenant.groups().map((group) => String(group.profile.name)).filter((name) => name.toLowerCase().startsWith('s')).sort(),
    )
    expect(q.links.next).toBeUndefined()
    const builtIn = await call('GET', `/api/v1/groups?filter=${encodeURIComponent('type eq "BUILT_IN"')}&limit=200`)
    expect(asList(builtIn).map((group) => group.type)).toEqual(['BUILT_IN'])
    expect(builtIn.links.self).toBe(`${sandbox.url}/api/v1/groups?limit=200&filter=type+eq+%22BUILT_IN%22`)
    const search = await call('GET', `/api/v1/groups?search=${encodeURIComponent('type eq "OKTA_GROUP" and profile.name co "ers"')}`)
    expect(asList(search).map((group) => (group.profile as { name: string }).name).sort()).toEqual(
      sandbox.tenant.groups().filter((group) => group.type === 'OKTA_GROUP' && String(group.profile.name).includes('ers')).map((group) => String(group.profile.name)).sort(),
    )
    const refused = await call('GET', `/api/v1/groups?filter=${encodeURIComponent('profile.name eq "Sales"')}`)
    expect([refused.status, asObject(refused).errorCode]).toEqual([400, 'E0000031'])
  })

  it('creates OKTA_GROUPs (200), refusing a blank or taken name with 400 E0000001', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const created = await call('POST', '/api/v1/groups', { profile: { name: 'West Coast users', description: 'All users West of The Rockies' } })
    expect(created.status).toBe(200)
    expect(asObject(created)).toMatchObject({ id: expect.stringMatching(/^00g\w{17}$/), type: 'OKTA_GROUP', profile: { name: 'West Coast users', description: 'All users West of The Rockies' } })
    for (const profile of [{ name: '' }, { description: 'no name' }, { name: 'west coast USERS' }, { name: 'Everyone' }]) {
      const refused = await call('POST', '/api/v1/groups', { profile })
      expect([refused.status, asObject(refused).errorCode]).toEqual([400, 'E0000001'])
    }
  })

  it('replaces an OKTA_GROUP profile with PUT (a missing description is removed) and deletes it with 204', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const group = sandbox.tenant.addGroup({ name: 'Temp', description: 'for now' })
    sandbox.tenant.addMember(group.id, sandbox.tenant.users()[3]?.id as string)
    const replaced = await call('PUT', `/api/v1/groups/${group.id}`, { profile: { name: 'Temporary' } })
    expect(asObject(replaced).profile).toEqual({ name: 'Temporary' })
    expect(asObject(replaced).lastUpdated).not.toBe(group.lastUpdated)
    const deleted = await call('DELETE', `/api/v1/groups/${group.id}`)
    expect([deleted.status, deleted.body]).toEqual([204, undefined])
    const gone = await call('GET', `/api/v1/groups/${group.id}`)
    expect([gone.status, asObject(gone).errorCode, asObject(gone).errorSummary]).toEqual([404, 'E0000007', `Not found: Resource not found: ${group.id} (UserGroup)`])
    expect(sandbox.tenant.groupsOf(sandbox.tenant.users()[3]?.id as string).map((each) => each.id)).not.toContain(group.id)
  })

  it('refuses to change APP_GROUP and BUILT_IN profiles and to delete Everyone, but lets an APP_GROUP be deleted', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const everyone = sandbox.tenant.findGroupByName('Everyone') as { id: string }
    const imported = sandbox.tenant.groups().find((group) => group.type === 'APP_GROUP') as { id: string }
    for (const id of [everyone.id, imported.id]) {
      const answer = await call('PUT', `/api/v1/groups/${id}`, { profile: { name: 'Renamed' } })
      expect([answer.status, asObject(answer).errorCode]).toEqual([403, 'E0000006'])
    }
    const deleteEveryone = await call('DELETE', `/api/v1/groups/${everyone.id}`)
    expect([deleteEveryone.status, asObject(deleteEveryone).errorCode]).toEqual([403, 'E0000006'])
    expect((await call('DELETE', `/api/v1/groups/${imported.id}`)).status).toBe(204)
  })
})
