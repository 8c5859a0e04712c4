import { describe, expect, it } from 'vitest'
import { accessToken, asObject, coupaClient, coupaOAuthClient, names, useCoupaSandbox, type CoupaCall } from './coupaClient'

const graphql = (call: CoupaCall, query: string) => call('POST', '/api/graphql', { query })

describe('Coupa sandbox: content groups, user groups and account groups', () => {
  const startSandbox = useCoupaSandbox()

  it.each([
    ['/api/business_groups', 'Everyone', 'business_group'],
    ['/api/user_groups', 'Finance Approvers', 'user_group'],
    ['/api/account_groups', 'North America Accounts', 'account_group'],
  ])('%s lists, filters, shows by id, and answers 404 for an unknown id', async (path, name, resource) => {
    const sandbox = await startSandbox({ users: 20 })
    const call = coupaClient(sandbox)
    const list = await call('GET', path)
    expect(list.status).toBe(200)
    expect(names(list.body)).toContain(name)
    const ids = (list.body as { id: number }[]).map((record) => record.id)
    expect(ids).toEqual([...ids].sort((left, right) => left - right))
    const filtered = await call('GET', `${path}?name=${encodeURIComponent(name)}`)
    expect(names(filtered.body)).toEqual([name])
    const id = (filtered.body as { id: number }[])[0]?.id
    expect(asObject(await call('GET', `${path}/${id}`)).name).toBe(name)
    expect(await call('GET', `${path}/9999`).then((answer) => [answer.status, answer.body])).toEqual([404, { errors: { [resource]: ['Record not found'] } }])
  })

  it('shapes each like Coupa: user groups with can-approve, account groups with their chart of accounts', async () => {
    const sandbox = await startSandbox({ users: 20 })
    const call = coupaClient(sandbox)
    const approvers = (await call('GET', '/api/user_groups?can_approve=true')).body as Record<string, unknown>[]
    expect(names(approvers)).toEqual(['Finance Approvers', 'Capex Approvers', 'IT Purchase Approvers'])
    expect(approvers[0]).toMatchObject({ active: true, 'can-approve': true, type: '', 'created-at': expect.any(String), 'updated-at': expect.any(String) })
    const accountGroup = asObject(await call('GET', '/api/account_groups?limit=1'))
    expect((accountGroup as unknown as Record<string, unknown>[])[0]).toMatchObject({ 'account-group-type': 1, 'account-type': { name: 'North America COA', currency: { code: 'USD' } } })
    const page = (await call('GET', '/api/user_groups?limit=5&offset=5')).body as { id: number }[]
    expect(page.map((group) => group.id)).toEqual([6, 7, 8, 9, 10])
  })

  it('is read-only: a write answers 405 with Allow: GET and changes nothing', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    for (const [method, path] of [['POST', '/api/user_groups'], ['PUT', '/api/business_groups/1'], ['PATCH', '/api/account_groups/1'], ['DELETE', '/api/user_groups/1']]) {
      const answer = await call(method as string, path as string, { name: 'New' })
      expect(answer.status).toBe(405)
      expect(answer.headers.get('allow')).toBe('GET')
    }
    expect(sandbox.tenant.contentGroup('New')).toBeUndefined()
  })
})

describe('Coupa sandbox: the read-only GraphQL endpoint (roles)', () => {
  const startSandbox = useCoupaSandbox()

  it('lists the role catalogue with the selected fields, filtered and paged by the query argument', async () => {
    const sandbox = await startSandbox({ users: 0 })
    // Coupa serves GraphQL to OAuth clients only.
    const call = coupaOAuthClient(sandbox, await accessToken(sandbox))
    const all = await graphql(call, 'query getRoles { roles(query: "") { id name description systemRole } }')
    expect(all.status).toBe(200)
    const roles = (all.body as { data: { roles: Record<string, unknown>[] } }).data.roles
    expect(names(roles)).toEqual(expect.arrayContaining(['User', 'Buyer', 'Approver', 'AP Clerk', 'Admin']))
    expect(roles[0]).toEqual({ id: 1, name: 'Admin', description: 'Full system access to setup and maintain the application', systemRole: true })
    const after = await graphql(call, '{ roles(query: "id[gt]=10") { id } }')
    expect(after.body).toEqual({ data: { roles: [{ id: 11 }, { id: 12 }] } })
    const byName = await graphql(call, '{ roles(query: "name=Buyer") { name omnipotent } userGroups(query: "can_approve=true&limit=1") { name } }')
    expect(byName.body).toEqual({ data: { roles: [{ name: 'Buyer', omnipotent: false }], userGroups: [{ name: 'Finance Approvers' }] } })
  })

  it('answers mutations, unknown fields and parse errors with {"errors":[{"message"}]}', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaOAuthClient(sandbox, await accessToken(sandbox))
    for (const [query, message] of [
      ['mutation { createRole(name: "x") { id } }', 'Mutations are not supported: the Coupa GraphQL API is read-only'],
      ['{ roles { id colour } }', "Field 'colour' doesn't exist on type 'Role'"],
      ['{ planets { id } }', "Field 'planets' doesn't exist on type 'Query'"],
      ['{ roles { id ', 'Unexpected end of document'],
    ]) {
      const answer = await graphql(call, query as string)
      expect([answer.status, answer.body]).toEqual([200, { errors: [{ message }] }])
    }
    expect((await call('POST', '/api/graphql', { query: '{ roles { id } }' }, { Authorization: 'Bearer wrong' })).status).toBe(401)
  })
})
