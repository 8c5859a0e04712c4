import { describe, expect, it } from 'vitest'
import { asList, asObject, oktaClient, readAllPages, useOktaSandbox } from './oktaClient'

describe('Okta sandbox: group memberships', () => {
  const startSandbox = useOktaSandbox()

  it('lists a group’s members in pages with Link headers, each with only its self link', async () => {
    const sandbox = await startSandbox({ users: 60 })
    const vpn = sandbox.tenant.findGroupByName('VPN Users') as { id: string }
    const call = oktaClient(sandbox)
    const { items, answers } = await readAllPages(call, `/api/v1/groups/${vpn.id}/users?limit=3`)
    expect(items.map((user) => user.id)).toEqual(sandbox.tenant.membersOf(vpn.id).map((user) => user.id))
    expect(items.length).toBeGreaterThan(3)
    expect(answers[0]?.links.self).toBe(`${sandbox.url}/api/v1/groups/${vpn.id}/users?limit=3`)
    expect(items.every((user) => Object.keys(user._links as object).join() === 'self')).toBe(true)
    const whole = await call('GET', `/api/v1/groups/${vpn.id}/users`)
    expect(asList(whole)).toHaveLength(items.length)
    expect(whole.links.self).toBe(`${sandbox.url}/api/v1/groups/${vpn.id}/users?limit=1000`)
  })

  it('counts every user, DEPROVISIONED ones included, as a member of Everyone', async () => {
    const sandbox = await startSandbox({ users: 60 })
    const everyone = sandbox.tenant.findGroupByName('Everyone') as { id: string }
    const { items } = await readAllPages(oktaClient(sandbox), `/api/v1/groups/${everyone.id}/users`)
    expect(items).toHaveLength(sandbox.tenant.countUsers())
  })

  it('adds and removes OKTA_GROUP members with 204, quietly when nothing changes, bumping lastMembershipUpdated', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const group = sandbox.tenant.addGroup({ name: 'Pilots' })
    const user = sandbox.tenant.users()[7] as { id: string }
    await new Promise((resolve) => setTimeout(resolve, 5))
    const added = await call('PUT', `/api/v1/groups/${group.id}/users/${user.id}`)
    expect([added.status, added.body]).toEqual([204, undefined])
    expect((await call('PUT', `/api/v1/groups/${group.id}/users/${user.id}`)).status).toBe(204)
    expect(sandbox.tenant.membersOf(group.id).map((member) => member.id)).toEqual([user.id])
    expect(sandbox.tenant.group(group.id)?.lastMembershipUpdated).not.toBe(group.lastMembershipUpdated)
    const userGroups = asList(await call('GET', `/api/v1/users/${user.id}/groups`))
    expect(userGroups.map((each) => each.id)).toContain(group.id)
    expect((await call('DELETE', `/api/v1/groups/${group.id}/users/${user.id}`)).status).toBe(204)
    expect((await call('DELETE', `/api/v1/groups/${group.id}/users/${user.id}`)).status).toBe(204)
    expect(sandbox.tenant.membersOf(group.id)).toEqual([])
  })

  it('refuses membership changes to APP_GROUPs (403 E0000006) and Everyone (501 E0000060 to add, 403 to remove)', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const user = sandbox.tenant.users()[4] as { id: string }
    const imported = sandbox.tenant.groups().find((group) => group.type === 'APP_GROUP') as { id: string }
    const everyone = sandbox.tenant.findGroupByName('Everyone') as { id: string }
    const outcomes = [
      await call('PUT', `/api/v1/groups/${imported.id}/users/${user.id}`),
      await call('DELETE', `/api/v1/groups/${imported.id}/users/${user.id}`),
      await call('PUT', `/api/v1/groups/${everyone.id}/users/${user.id}`),
      await call('DELETE', `/api/v1/groups/${everyone.id}/users/${user.id}`),
    ].map((answer) => [answer.status, asObject(answer).errorCode])
    expect(outcomes).toEqual([[403, 'E0000006'], [403, 'E0000006'], [501, 'E0000060'], [403, 'E0000006']])
  })

  it('answers unknown groups and users with 404 E0000007', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const group = sandbox.tenant.findGroupByName('Sales') as { id: string }
    const user = sandbox.tenant.users()[4] as { id: string }
    for (const path of [`/api/v1/groups/00gNOPE/users/${user.id}`, `/api/v1/groups/${group.id}/users/00uNOPE`]) {
      const answer = await call('PUT', path)
      expect([answer.status, asObject(answer).errorCode]).toEqual([404, 'E0000007'])
    }
    expect((await call('GET', '/api/v1/groups/00gNOPE/users')).status).toBe(404)
    expect((await call('GET', '/api/v1/users/00uNOPE/groups')).status).toBe(404)
  })

  it('lists a user’s groups with Everyone included and the self link Okta sends', async () => {
    const sandbox = await startSandbox()
    const user = sandbox.tenant.users()[9] as { id: string }
    const answer = await oktaClient(sandbox)('GET', `/api/v1/users/${user.id}/groups`)
    const names = asList(answer).map((group) => (group.profile as { name: string }).name)
    expect(names).toContain('Everyone')
    expect(names.sort()).toEqual(sandbox.tenant.groupsOf(user.id).map((group) => String(group.profile.name)).sort())
    expect(answer.links.self).toBe(`${sandbox.url}/api/v1/users/${user.id}/groups?limit=200`)
  })
})
