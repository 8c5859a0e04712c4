import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { rowOf } from '../../../../electron/connectors/listedObjects'
import { allPages, coupaHarness, queryOf } from './coupaSandboxHarness'

/** A seeded user with a default account and a chart of accounts, active, not the API or support user. */
function ordinaryUser(tenant: Awaited<ReturnType<typeof coupaHarness>>['tenant']) {
  return tenant.users().find((user) => user.fields.active === true && user.defaultAccount?.accountTypeId != null && user.accountGroupIds.length > 0)!
}

describe('Coupa users against the sandbox instance', () => {
  it('lists every user exactly once, in pages of at most the size asked, asking Coupa 50 at a time, with no total', async () => {
    const { connector, tenant, requests } = await coupaHarness()
    const { ids, pageSizes } = await allPages(async (cursor) => {
      const page = await connector.list('users', { search: '', cursor, pageSize: 75 })
      expect(page.total).toBeNull()
      return page
    })
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.sort()).toEqual(tenant.users().map((user) => String(user.id)).sort())
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(75)
    const limits = requests().filter((request) => request.path.startsWith('/api/users?')).map((request) => Number(queryOf(request, 'limit')))
    expect(Math.max(...limits)).toBe(50)
  })

  it('lists users with only the fields Lanyard reads, yet exactly as opening each one shows them', async () => {
    const { connector, requests } = await coupaHarness()
    const page = await connector.list('users', { search: '', pageSize: 40 })
    expect(queryOf(requests()[0]!, 'fields')).toContain('"login"')
    for (const listed of page.items) expect(listed).toEqual(await connector.get('users', listed.id))
  })

  it('asks Coupa for a row\'s fields only when the list is for a table\'s rows, and gives the same rows', async () => {
    const { connector, requests } = await coupaHarness()
    const rows = await connector.list('users', { search: '', pageSize: 40, rowsOnly: true })
    const asked = JSON.parse(queryOf(requests().at(-1)!, 'fields') ?? '[]') as unknown[]
    expect(asked.sort()).toEqual(['active', 'firstname', 'fullname', 'id', 'lastname', 'login'])
    const full = await connector.list('users', { search: '', pageSize: 40 })
    expect(rows.items.map(rowOf)).toEqual(full.items.map(rowOf))
    // A cursor is the list's, not the projection's (as Okta's): a table's cursor reads on in full.
    const onward = await connector.list('users', { search: '', pageSize: 40, cursor: rows.nextCursor })
    const fullOnward = await connector.list('users', { search: '', pageSize: 40, cursor: full.nextCursor })
    expect(onward.items).toEqual(fullOnward.items)
  })

  it('fetches the 50-row pages of a large page several at once, rows in order', async () => {
    const { connector, sandbox, tenant } = await coupaHarness({ users: 400 })
    // Signed in first: the token is asked for once per session, before the first list.
    await connector.get('users', String(tenant.users()[0]!.id))
    sandbox.setLatency(120)
    const started = performance.now()
    const page = await connector.list('users', { search: '', pageSize: 200 })
    const elapsed = performance.now() - started
    expect(page.items.map((item) => Number(item.id))).toEqual(tenant.users().slice(0, 200).map((user) => user.id))
    // Four pages one after another take 480 ms at least; four at once about one latency.
    expect(elapsed).toBeLessThan(400)
  })

  it('keeps inactive users visible, badged inactive, found by the word "inactive" and by id', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = ordinaryUser(tenant)
    tenant.setActive(person.id, false)
    const { ids } = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 100 }))
    expect(ids).toContain(String(person.id))
    const inactive = await connector.list('users', { search: 'inactive', pageSize: 100 })
    expect(inactive.items.map((item) => item.id)).toContain(String(person.id))
    expect(inactive.items.every((item) => item.status?.label === 'inactive' && item.status.tone === 'danger')).toBe(true)
    expect((await connector.get('users', String(person.id))).status).toEqual({ label: 'inactive', tone: 'danger', active: false })
    const active = await connector.list('users', { search: 'active', pageSize: 200 })
    expect(active.items.map((item) => item.id)).not.toContain(String(person.id))
  })

  it('finds a user by part of the login, by email and by first and last name', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = ordinaryUser(tenant)
    const login = String(person.fields.login)
    const ids = async (search: string) => (await connector.list('users', { search, pageSize: 100 })).items.map((item) => item.id)
    expect(await ids(login.slice(0, Math.max(3, login.length - 2)))).toContain(String(person.id))
    expect(await ids(String(person.fields.email))).toEqual([String(person.id)])
    expect(await ids(`${String(person.fields.firstname)} ${String(person.fields.lastname)}`)).toContain(String(person.id))
    expect(await ids('nobody-has-this-login')).toEqual([])
  })

  it('answers not found for an unknown id, and for an id that is not a number before any request', async () => {
    const { connector, requests, mark } = await coupaHarness()
    await expectAppError(connector.get('users', '999999'), 'not_found')
    mark()
    await expectAppError(connector.get('users', '../roles'), 'not_found')
    expect(requests()).toEqual([])
  })

  it('creates a user with only what was given, the User role added by Coupa', async () => {
    const { connector, tenant } = await coupaHarness()
    const created = await connector.create(
      'users',
      { userName: 'new.person', 'emails[0].value': 'new.person@example.com', 'name.givenName': 'New', 'name.familyName': 'Person', 'Extension.PurchasingUser': true },
      { password: 'Pa55-word-for-Coupa' },
    )
    expect(created.displayName).toBe('New Person')
    expect(created.status?.label).toBe('active')
    const [posted] = tenant.lastRequestBodies(1)
    expect(posted).toMatchObject({ method: 'POST', path: '/api/users' })
    expect(posted?.body).toEqual({ login: 'new.person', email: 'new.person@example.com', firstname: 'New', lastname: 'Person', 'purchasing-user': true, password: 'Pa55-word-for-Coupa' })
    expect(tenant.rolesOf(created.id).map((role) => role.name)).toEqual(['User'])
  })

  it('refuses a create without the mandatory fields before any request, and a taken login as a conflict', async () => {
    const { connector, tenant, requests, mark } = await coupaHarness()
    mark()
    const missing = await expectAppError(connector.create('users', { userName: 'x.y' }, {}), 'invalid_input')
    expect(Object.keys(missing.extra.fields ?? {})).toEqual(expect.arrayContaining(['emails[0].value', 'name.givenName', 'name.familyName']))
    expect(requests()).toEqual([])
    const taken = ordinaryUser(tenant)
    const conflict = await expectAppError(
      connector.create('users', { userName: String(taken.fields.login), 'emails[0].value': 'other@example.com', 'name.givenName': 'A', 'name.familyName': 'B' }, {}),
      'conflict',
    )
    expect(conflict.message).toContain('Login has already been taken')
    expect(conflict.extra.details?.requestId).toBeTruthy()
  })

  it('sends only the changed attributes, and empties a field by sending null', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = ordinaryUser(tenant)
    const updated = await connector.update('users', String(person.id), { 'name.givenName': 'Renamed', 'Extension.SsoIdentifier': null })
    expect(tenant.lastRequestBodies(1)[0]?.body).toEqual({ firstname: 'Renamed', 'sso-identifier': null })
    expect(updated.attributes['name.givenName']).toBe('Renamed')
    expect(updated.attributes).not.toHaveProperty('Extension.SsoIdentifier')
    expect(tenant.user(person.id)?.fields['sso-identifier']).toBeNull()
  })
})
