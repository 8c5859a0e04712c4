import { describe, expect, it } from 'vitest'
import { asList, asObject, coupaClient, useCoupaSandbox, type CoupaCall, type CoupaUserJson } from './coupaClient'
import { pageSizesOf, seededAccounts } from '../../../support/sandboxPeople'

async function readAll(call: CoupaCall, query = ''): Promise<{ users: CoupaUserJson[]; pageSizes: number[] }> {
  const users: CoupaUserJson[] = []
  const pageSizes: number[] = []
  for (let offset = 0; ; offset += 50) {
    const answer = await call('GET', `/api/users?offset=${offset}${query}`)
    expect(answer.status).toBe(200)
    const page = asList(answer)
    users.push(...page)
    pageSizes.push(page.length)
    if (page.length < 50) return { users, pageSizes }
  }
}

describe('Coupa sandbox: listing users', () => {
  const startSandbox = useCoupaSandbox()

  it('answers a bare JSON array of at most 50, in id order, with no total in the body or the headers', async () => {
    const sandbox = await startSandbox({ users: 120 })
    const answer = await coupaClient(sandbox)('GET', '/api/users')
    expect(Array.isArray(answer.body)).toBe(true)
    const ids = asList(answer).map((user) => user.id)
    expect(ids).toHaveLength(50)
    expect(ids).toEqual([...ids].sort((left, right) => left - right))
    expect(ids[0]).toBe(1)
    for (const header of ['x-total-count', 'link', 'x-total', 'total-count']) expect(answer.headers.get(header)).toBeNull()
  })

  it('pages by offset to a short last page, every user exactly once, inactive ones included', async () => {
    const sandbox = await startSandbox({ users: 150 })
    const { users, pageSizes } = await readAll(coupaClient(sandbox))
    const seeded = 2 + seededAccounts('coupa', 150)
    // Coupa gives no total: a reader stops at the first page shorter than 50, an empty one when the count is a multiple of 50.
    expect(pageSizes).toEqual([...pageSizesOf(seeded, 50), ...(seeded % 50 === 0 ? [0] : [])])
    expect(new Set(users.map((user) => user.id)).size).toBe(seeded)
    expect(users.filter((user) => user.active === false).length).toBe(sandbox.tenant.count('inactive'))
    expect(sandbox.tenant.count('inactive')).toBeGreaterThan(0)
  })

  it('caps a limit above 50 at 50, honours a smaller one, and refuses one that is not a whole number', async () => {
    const sandbox = await startSandbox({ users: 80 })
    const call = coupaClient(sandbox)
    expect(asList(await call('GET', '/api/users?limit=200'))).toHaveLength(50)
    expect(asList(await call('GET', '/api/users?limit=7&offset=3')).map((user) => user.id)).toEqual([4, 5, 6, 7, 8, 9, 10])
    for (const query of ['limit=ten', 'limit=0', 'offset=-1']) {
      const answer = await call('GET', `/api/users?${query}`)
      expect(answer.status).toBe(400)
      expect(Object.keys(asObject(answer).errors as object)).toEqual(['request'])
    }
    expect(asList(await call('GET', '/api/users?offset=5000'))).toEqual([])
  })

  it('filters by exact login and email, ignoring case, and answers [] when nothing matches', async () => {
    const sandbox = await startSandbox()
    const call = coupaClient(sandbox)
    const someone = sandbox.tenant.users()[10] as { id: number; fields: Record<string, unknown> }
    const login = String(someone.fields.login)
    expect(asList(await call('GET', `/api/users?login=${encodeURIComponent(login.toUpperCase())}`)).map((user) => user.id)).toEqual([someone.id])
    expect(asList(await call('GET', `/api/users?email=${encodeURIComponent(String(someone.fields.email))}`)).map((user) => user.id)).toEqual([someone.id])
    const none = await call('GET', '/api/users?login=nobody.at.all')
    expect([none.status, none.body]).toEqual([200, []])
  })

  it('filters with contains, starts_with and ends_with, accepting - or _ in attribute names', async () => {
    const sandbox = await startSandbox({ users: 150 })
    const call = coupaClient(sandbox)
    const all = sandbox.tenant.users()
    const someone = all[20] as { fields: Record<string, unknown> }
    const lastname = String(someone.fields.lastname)
    const expected = all.filter((user) => String(user.fields.login).includes(lastname.toLowerCase().slice(0, 3))).map((user) => user.id)
    const contains = asList(await call('GET', `/api/users?login[contains]=${encodeURIComponent(lastname.slice(0, 3).toUpperCase())}&limit=50`))
    expect(contains.map((user) => user.id)).toEqual(expected.slice(0, 50))
    const starts = asList(await call('GET', `/api/users?lastname[starts_with]=${encodeURIComponent(lastname)}`))
    expect(starts.length).toBeGreaterThan(0)
    expect(starts.every((user) => String(user.lastname).startsWith(lastname))).toBe(true)
    const number = String(someone.fields['employee-number'])
    for (const name of ['employee_number', 'employee-number']) {
      expect(asList(await call('GET', `/api/users?${name}=${number}`)).map((user) => user['employee-number'])).toEqual([number])
    }
    expect(asList(await call('GET', '/api/users?email[ends_with]=@example.com&limit=5'))).toHaveLength(5)
  })

  it('filters on active, on status=active|inactive, and through associations such as roles[name]', async () => {
    const sandbox = await startSandbox({ users: 150 })
    const call = coupaClient(sandbox)
    const inactive = sandbox.tenant.count('inactive')
    expect(asList(await call('GET', '/api/users?active=false'))).toHaveLength(inactive)
    expect(asList(await call('GET', '/api/users?status=inactive')).every((user) => user.active === false)).toBe(true)
    expect(asList(await call('GET', '/api/users?status=active&limit=50')).every((user) => user.active === true)).toBe(true)
    const buyer = sandbox.tenant.role('Buyer') as { id: number }
    const buyers = sandbox.tenant.membersOf('roles', buyer.id).map((user) => user.id)
    expect(buyers.length).toBeGreaterThan(0)
    expect(asList(await call('GET', '/api/users?roles[name]=Buyer')).map((user) => user.id)).toEqual(buyers)
    expect(asList(await call('GET', `/api/users?roles[id]=${buyer.id}`)).map((user) => user.id)).toEqual(buyers)
    const vpn = sandbox.tenant.userGroup('VPN Users') as { id: number }
    expect(asList(await call('GET', `/api/users?user_groups[id]=${vpn.id}`)).map((user) => user.id)).toEqual(sandbox.tenant.membersOf('userGroups', vpn.id).map((user) => user.id).slice(0, 50))
    const someone = asList(await call('GET', '/api/users?default_address[blank]=false&limit=1&offset=5'))[0]
    const city = (someone?.['default-address'] as { city: string }).city
    const inCity = asList(await call('GET', `/api/users?default_address[city]=${encodeURIComponent(city)}`))
    expect(inCity.map((user) => user.id)).toContain(someone?.id)
    expect(inCity.every((user) => (user['default-address'] as { city: string }).city === city)).toBe(true)
  })

  it('supports id[gt] keyset paging, in/not_in, blank and date comparisons', async () => {
    const sandbox = await startSandbox({ users: 60 })
    const call = coupaClient(sandbox)
    expect(asList(await call('GET', '/api/users?id[gt]=55')).map((user) => user.id)).toEqual([56, 57, 58, 59, 60, 61, 62])
    expect(asList(await call('GET', '/api/users?id[in]=3,5,9')).map((user) => user.id)).toEqual([3, 5, 9])
    expect(asList(await call('GET', '/api/users?id[not_in]=1,2&limit=2')).map((user) => user.id)).toEqual([3, 4])
    expect(asList(await call('GET', '/api/users?manager[blank]=true')).every((user) => user.manager === null)).toBe(true)
    const recent = asList(await call('GET', '/api/users?created_at[gt]=2024-01-01'))
    expect(recent.every((user) => Date.parse(String(user['created-at'])) > Date.parse('2024-01-01T00:00:00Z'))).toBe(true)
  })

  it('orders by order_by and dir, and refuses an unknown attribute or direction with 400', async () => {
    const sandbox = await startSandbox({ users: 30 })
    const call = coupaClient(sandbox)
    const descending = asList(await call('GET', '/api/users?dir=desc&limit=3')).map((user) => user.id)
    expect(descending).toEqual([32, 31, 30])
    const byLogin = asList(await call('GET', '/api/users?order_by=login')).map((user) => user.login.toLowerCase())
    expect(byLogin).toEqual([...byLogin].sort())
    for (const query of ['favourite_colour=blue', 'login[like]=x', 'dir=sideways', 'order_by=shoe_size']) {
      const answer = await call('GET', `/api/users?${query}`)
      expect(answer.status).toBe(400)
    }
  })

  it('shapes answers with fields=[…] and return_object=limited|shallow', async () => {
    const sandbox = await startSandbox({ users: 5 })
    const call = coupaClient(sandbox)
    const fields = encodeURIComponent('["id","login",{"roles":["name"]}]')
    const projected = asList(await call('GET', `/api/users?limit=1&offset=2&fields=${fields}`))[0] as Record<string, unknown>
    expect(Object.keys(projected)).toEqual(['id', 'login', 'roles'])
    expect((projected.roles as object[])[0]).toEqual({ name: 'User' })
    expect(asList(await call('GET', '/api/users?limit=2&return_object=limited'))).toEqual([{ id: 1 }, { id: 2 }])
    const shallow = asList(await call('GET', '/api/users?limit=1&offset=2&return_object=shallow'))[0] as Record<string, unknown>
    expect((shallow.roles as object[])[0]).toEqual({ id: expect.any(Number), name: 'User' })
    expect(shallow.login).toBe(asList(await call('GET', '/api/users?limit=1&offset=2'))[0]?.login)
  })
})
