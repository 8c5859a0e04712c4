import { describe, expect, it } from 'vitest'
import { asList, asObject, coupaClient, createUser, newUser, useCoupaSandbox, type CoupaCall, type CoupaUserJson, type Json } from './coupaClient'

/*
 * The tenant renders each role, group, limit and chart of accounts once and shares it between
 * answers, and compiles each `fields` text once. Every kind of write must show in the very next
 * list all the same, in the whole answer and in a `fields` selection, for the user written and
 * for every user whose answer embeds it.
 */

/** What a connector asks for, and then some: nested selections through shared records. */
const fields = JSON.stringify([
  'id',
  'firstname',
  'active',
  { roles: ['name', { updated_by: ['lastname'] }] },
  { content_groups: ['name'] },
  { user_groups: ['name', { owner: ['lastname'] }] },
  { invoice_approval_limit: ['amount', 'name'] },
  { default_account: ['code', { account_type: ['name'] }] },
  { default_address: ['city', { country: ['code'] }] },
  { manager: ['firstname'] },
  { updated_by: ['firstname'] },
])

/** Every user of the instance (it holds fewer than 50), whole and through `fields`. */
async function listBoth(call: CoupaCall): Promise<{ whole: CoupaUserJson[]; selected: CoupaUserJson[] }> {
  const whole = asList(await call('GET', '/api/users'))
  const selected = asList(await call('GET', `/api/users?fields=${encodeURIComponent(fields)}`))
  expect(whole.length).toBeLessThan(50)
  return { whole, selected }
}

function byId(users: CoupaUserJson[], id: number): CoupaUserJson {
  const user = users.find((candidate) => candidate.id === id)
  if (!user) throw new Error(`user ${id} is not in the list`)
  return user
}

describe('Coupa sandbox: a list shows every write at once', () => {
  const startSandbox = useCoupaSandbox()

  async function started() {
    const sandbox = await startSandbox({ users: 40 })
    const call = coupaClient(sandbox)
    // Read once first, so anything kept from it would show up stale.
    await listBoth(call)
    return { sandbox, call }
  }

  it('shows a PUT and a PATCH of scalars, to the user and in the manager of their reports', async () => {
    const { sandbox, call } = await started()
    const report = sandbox.tenant.users().find((user) => user.managerId !== null)!
    await call('PUT', `/api/users/${report.managerId}`, { firstname: 'Renamed' })
    await call('PATCH', `/api/users/${report.id}`, { active: false })
    const { whole, selected } = await listBoth(call)
    for (const users of [whole, selected]) {
      expect(byId(users, report.managerId!).firstname).toBe('Renamed')
      expect(byId(users, report.id).manager).toMatchObject({ firstname: 'Renamed' })
      expect(byId(users, report.id).active).toBe(false)
    }
  })

  it('shows roles added and cleared, an approval limit made from an amount, and a new default account and address', async () => {
    const { sandbox, call } = await started()
    const user = sandbox.tenant.users()[5]!
    await call('PUT', `/api/users/${user.id}`, { roles: [{ name: 'Analytics Only' }], 'invoice-approval-limit': 777 })
    await call('PUT', `/api/users/${user.id}`, { 'default-account': { code: 'NEW-CODE', 'account-type': { name: 'Europe COA' } }, 'default-address': { city: 'Lyon', country: { code: 'FR' } } })
    let { whole, selected } = await listBoth(call)
    for (const users of [whole, selected]) {
      const listed = byId(users, user.id)
      expect((listed.roles as Json[]).map((role) => role.name)).toContain('Analytics Only')
      expect(listed['invoice-approval-limit']).toMatchObject({ amount: '777.00' })
      expect(listed['default-account']).toMatchObject({ code: 'NEW-CODE', 'account-type': { name: 'Europe COA' } })
      expect(listed['default-address']).toMatchObject({ city: 'Lyon', country: { code: 'FR' } })
    }
    await call('PUT', `/api/users/${user.id}`, { roles: [] })
    ;({ whole, selected } = await listBoth(call))
    for (const users of [whole, selected]) expect(byId(users, user.id).roles).toEqual([])
  })

  it('shows a content group added and removed through the user\'s business_groups actions', async () => {
    const { sandbox, call } = await started()
    const user = sandbox.tenant.users()[7]!
    const legal = sandbox.tenant.contentGroup('Legal Documents')!
    const had = user.contentGroupIds.includes(legal.id)
    await call('PUT', `/api/users/${user.id}/business_groups/${legal.id}/${had ? 'remove' : 'add'}`)
    const { whole, selected } = await listBoth(call)
    for (const users of [whole, selected]) {
      expect((byId(users, user.id)['content-groups'] as Json[]).some((group) => group.name === 'Legal Documents')).toBe(!had)
    }
  })

  it('lists a user created by POST or by the tenant handle, and a deactivation made by the handle', async () => {
    const { sandbox, call } = await started()
    const posted = await createUser(call, newUser('ada.posted'))
    const added = sandbox.tenant.addUser(newUser('ada.added'))
    const someone = sandbox.tenant.users()[9]!
    sandbox.tenant.setActive(someone.id, false)
    const { whole, selected } = await listBoth(call)
    for (const users of [whole, selected]) {
      expect(users.slice(-2).map((user) => user.id)).toEqual([posted.id, added.id])
      expect(byId(users, someone.id).active).toBe(false)
    }
  })

  it('finds by a text filter what was written since the last search (the tenant keeps filter text between searches)', async () => {
    const { sandbox, call } = await started()
    const ids = async (query: string) => asList(await call('GET', `/api/users?${query}&fields=["id"]`)).map((user) => user.id)
    const someone = sandbox.tenant.users()[12]!
    const email = String(someone.fields.email)
    // Searched once before each write, so what a search keeps is in place when the write comes.
    expect(await ids(`email[contains]=${encodeURIComponent(email)}`)).toEqual([someone.id])
    expect(await ids('login[starts_with]=ada.')).toEqual([])
    await call('PUT', `/api/users/${someone.id}`, { email: 'Renamed.Person@Example.com' })
    expect(await ids(`email[contains]=${encodeURIComponent(email)}`)).toEqual([])
    expect(await ids('email[contains]=renamed.person@')).toEqual([someone.id])
    const posted = await createUser(call, newUser('ada.posted'))
    expect(await ids('login[starts_with]=ADA.')).toEqual([posted.id])
    const added = sandbox.tenant.addUser(newUser('ada.added'))
    expect(await ids('login[ends_with]=.added')).toEqual([added.id])
    expect(await ids('login[starts_with]=ada.')).toEqual([posted.id, added.id])
  })

  it('shows a change to the support user in the roles and groups every user embeds', async () => {
    const { sandbox, call } = await started()
    const support = sandbox.tenant.users()[0]!
    await call('PUT', `/api/users/${support.id}`, { lastname: 'Newname' })
    const { whole, selected } = await listBoth(call)
    for (const users of [whole, selected]) {
      const roles = users.flatMap((user) => user.roles as Json[])
      expect(roles.length).toBeGreaterThan(0)
      for (const role of roles) expect(role['updated-by']).toMatchObject({ lastname: 'Newname' })
    }
    expect(((byId(whole, 3)['content-groups'] as Json[])[0]?.['updated-by'] as Json).lastname).toBe('Newname')
  })

  it('shows a change to a group owner in the user groups of its members', async () => {
    const { sandbox, call } = await started()
    const groups = asList(await call('GET', '/api/user_groups')) as Json[]
    const owned = groups.find((group) => group.owner !== null && sandbox.tenant.membersOf('userGroups', group.id as number).length > 0)!
    const member = sandbox.tenant.membersOf('userGroups', owned.id as number)[0]!
    await call('PUT', `/api/users/${(owned.owner as Json).id as number}`, { lastname: 'Owner' })
    const { whole, selected } = await listBoth(call)
    for (const users of [whole, selected]) {
      const group = (byId(users, member.id)['user-groups'] as Json[]).find((candidate) => candidate.name === owned.name)
      expect(group?.owner).toMatchObject({ lastname: 'Owner' })
    }
  })

  it('shows who made the last change in updated-by, after a write by the API user', async () => {
    const { sandbox, call } = await started()
    const api = sandbox.tenant.apiUser
    const user = sandbox.tenant.users()[11]!
    await call('PUT', `/api/users/${user.id}`, { middlename: 'M' })
    await call('PUT', `/api/users/${api.id}`, { firstname: 'Robot' })
    const { whole, selected } = await listBoth(call)
    for (const users of [whole, selected]) expect(byId(users, user.id)['updated-by']).toMatchObject({ firstname: 'Robot' })
    expect(byId(whole, user.id)['updated-by']).toMatchObject({ id: api.id })
  })
})

describe('Coupa sandbox: fields on a list', () => {
  const startSandbox = useCoupaSandbox()

  it('answers exactly what selecting from the whole answer gives, for nested, repeated and oddly written names', async () => {
    const sandbox = await startSandbox({ users: 30 })
    const call = coupaClient(sandbox)
    const whole = asList(await call('GET', '/api/users'))
    const selections: unknown[] = [
      JSON.parse(fields),
      ['ID', 'Login', { ROLES: ['Id'] }, 'custom-fields'],
      [{ roles: ['id'] }, 'roles', { roles: ['name'] }],
      [{ custom_fields: ['COST_CENTER', 'new-user'] }, ' login '],
      ['no_such_attribute', { manager: [] }],
    ]
    for (const selection of selections) {
      const answer = asList(await call('GET', `/api/users?fields=${encodeURIComponent(JSON.stringify(selection))}`))
      expect(answer, JSON.stringify(selection)).toEqual(whole.map((user) => select(user, selection as Selection)))
    }
    expect(asObject(await call('GET', `/api/users/3?fields=${encodeURIComponent('["id","email"]')}`))).toEqual({ id: 3, email: byId(whole, 3).email })
  })
})

type Selection = (string | Record<string, Selection>)[]

/** A.3's rule, written plainly: each named attribute (any case, `_` or `-`) of the answer, with nested selections inside. */
function select(value: unknown, selection: Selection): unknown {
  if (Array.isArray(value)) return value.map((item) => select(item, selection))
  if (typeof value !== 'object' || value === null) return value
  const record = value as Json
  const normal = (name: string) => name.trim().toLowerCase().replace(/_/g, '-')
  const keyFor = (name: string) => Object.keys(record).find((key) => normal(key) === normal(name))
  const kept: Json = {}
  for (const entry of selection) {
    for (const [name, below] of typeof entry === 'string' ? [[entry, null] as const] : Object.entries(entry)) {
      const key = keyFor(name)
      if (key !== undefined) kept[key] = below === null ? record[key] : select(record[key], below)
    }
  }
  return kept
}
