import { describe, expect, it } from 'vitest'
import { coupa } from '../../../../shared/catalogue/coupa'
import { asList, asObject, coupaClient, createUser, newUser, useCoupaSandbox, type CoupaCall, type CoupaUserJson } from './coupaClient'
import { seededAccounts } from '../../../support/sandboxPeople'

/** Every value a mapping row's native path reaches in an answered user (`roles[].id` looks into each role). */
function valuesAt(user: unknown, native: string): unknown[] | 'missing' {
  let current: unknown[] = [user]
  for (const part of native.split('.')) {
    const [key, collection] = part.endsWith('[]') ? [part.slice(0, -2), true] : [part, false]
    const next: unknown[] = []
    for (const value of current) {
      if (value === null) continue
      if (typeof value !== 'object' || !(key in value)) return 'missing'
      const found = (value as Record<string, unknown>)[key]
      if (collection) {
        if (!Array.isArray(found)) return 'missing'
        next.push(...found)
      } else next.push(found)
    }
    current = next
  }
  return current
}

async function allUsers(call: CoupaCall): Promise<CoupaUserJson[]> {
  const users: CoupaUserJson[] = []
  for (let offset = 0; ; offset += 50) {
    const page = asList(await call('GET', `/api/users?offset=${offset}`))
    users.push(...page)
    if (page.length < 50) return users
  }
}

describe('Coupa sandbox: users', () => {
  const startSandbox = useCoupaSandbox()

  it('answers every attribute of the connector mapping, each with a seeded value somewhere in the instance', async () => {
    const sandbox = await startSandbox({ users: 150 })
    const users = await allUsers(coupaClient(sandbox))
    const userMapping = coupa.objectTypes.find((type) => type.id === 'users')?.mapping ?? []
    expect(userMapping.length).toBeGreaterThan(40)
    for (const row of userMapping) {
      for (const user of users) expect(valuesAt(user, row.native), `${row.native} of user ${user.id}`).not.toBe('missing')
      const seeded = users.flatMap((user) => valuesAt(user, row.native) as unknown[]).filter((value) => value !== null && value !== '')
      expect(seeded.length, `no user has a value for ${row.native}`).toBeGreaterThan(0)
    }
  })

  it('shapes nested records as Coupa does: approval limits with decimal-string amounts, address country, account type', async () => {
    const sandbox = await startSandbox({ users: 60 })
    const head = asObject(await coupaClient(sandbox)('GET', '/api/users/3'))
    expect(head['requisition-approval-limit']).toMatchObject({ amount: '100000.00', subject: 'Requisition', currency: { code: 'USD', decimals: 2 } })
    expect(head['created-at']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/)
    expect(head.fullname).toBe(`${String(head.firstname)} ${String(head.lastname)}`)
    const someone = (await allUsers(coupaClient(sandbox))).find((user) => user['default-address'] !== null && user['default-account'] !== null) as CoupaUserJson
    expect(someone['default-address']).toMatchObject({ street1: expect.any(String), 'postal-code': expect.any(String), country: { code: expect.stringMatching(/^[A-Z]{2}$/), name: expect.any(String) } })
    expect(someone['default-account']).toMatchObject({ 'segment-1': expect.stringMatching(/^CC-\d{4}$/), 'account-type': { name: expect.stringMatching(/COA$/) } })
    expect(someone['default-currency']).toEqual({ id: expect.any(Number), code: expect.stringMatching(/^[A-Z]{3}$/), decimals: expect.any(Number) })
  })

  it('gives every seeded person the User role and the same instance for the same seed', async () => {
    const first = await startSandbox({ users: 50, seed: 'same' })
    const second = await startSandbox({ users: 50, seed: 'same' })
    const other = await startSandbox({ users: 50, seed: 'other' })
    expect(first.tenant.users()).toEqual(second.tenant.users())
    expect(first.tenant.users()).not.toEqual(other.tenant.users())
    const userRole = first.tenant.role('User') as { id: number }
    // Coupa's support user, then every seeded person.
    expect(first.tenant.membersOf('roles', userRole.id)).toHaveLength(1 + seededAccounts('coupa', 50, 'same'))
  })

  it('creates a user with 201 and Coupa defaults: active, the User role, coupa_credentials, a mention name', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const user = await createUser(coupaClient(sandbox), newUser('ada.lovelace', { 'purchasing-user': true }))
    expect(user).toMatchObject({
      login: 'ada.lovelace',
      email: 'ada.lovelace@example.com',
      fullname: 'Ada Lovelace',
      active: true,
      'purchasing-user': true,
      'expense-user': false,
      'authentication-method': 'coupa_credentials',
      'account-security-type': 0,
      'mention-name': 'adalovelace',
      'api-user': false,
      'default-account': null,
      'created-by': { login: 'lanyard.api' },
    })
    expect((user.roles as { name: string }[]).map((role) => role.name)).toEqual(['User'])
    expect(user.id).toBe(3)
    // The User role is the default only when the request names no role.
    const buyer = await createUser(coupaClient(sandbox), newUser('grace.hopper', { roles: [{ name: 'Buyer' }] }))
    expect((buyer.roles as { name: string }[]).map((role) => role.name)).toEqual(['Buyer'])
  })

  it('refuses a create without the mandatory fields, naming each, and creates nothing', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const answer = await coupaClient(sandbox)('POST', '/api/users', { login: 'x', email: 'not-an-address' })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({
      errors: { user: ['Login is too short (minimum is 2 characters)', 'Email is invalid', "Firstname can't be blank", "Lastname can't be blank"] },
    })
    expect(sandbox.tenant.count()).toBe(2)
  })

  it('refuses a taken login or email with 400 and the documented body, ignoring case', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    await createUser(call, newUser('ada.lovelace'))
    const both = await call('POST', '/api/users', newUser('Ada.Lovelace'))
    expect(both.status).toBe(400)
    expect(both.body).toEqual({ errors: { user: ['Login has already been taken', 'Email has already been taken'] } })
    const login = await call('POST', '/api/users', newUser('ada.lovelace', { email: 'other@example.com' }))
    expect(login.body).toEqual({ errors: { user: ['Login has already been taken'] } })
  })

  it('updates only what a PUT carries, empties a field sent as null, and refuses blanking a mandatory one', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const created = await createUser(call, newUser('ada.lovelace', { 'employee-number': 'E-1', 'sso-identifier': 'ada@idp', 'default-locale': 'en-GB' }))
    const renamed = await call('PUT', `/api/users/${created.id}`, { firstname: 'Augusta' })
    expect(renamed.status).toBe(200)
    expect(asObject(renamed)).toMatchObject({ firstname: 'Augusta', lastname: 'Lovelace', fullname: 'Augusta Lovelace', 'employee-number': 'E-1', 'sso-identifier': 'ada@idp', 'default-locale': 'en-GB' })
    const emptied = asObject(await call('PUT', `/api/users/${created.id}`, { 'sso-identifier': null, 'employee-number': '' }))
    expect([emptied['sso-identifier'], emptied['employee-number'], emptied['default-locale']]).toEqual([null, null, 'en-GB'])
    const blank = await call('PUT', `/api/users/${created.id}`, { lastname: '', 'default-locale': 'xx_YY' })
    expect(blank.status).toBe(400)
    expect(blank.body).toEqual({ errors: { user: ["Lastname can't be blank", 'Default locale is not included in the list'] } })
    expect(sandbox.tenant.user(created.id)?.fields.lastname).toBe('Lovelace')
  })

  it('changes nothing when one attribute of a PUT is refused', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const created = await createUser(call, newUser('ada.lovelace'))
    const answer = await call('PATCH', `/api/users/${created.id}`, { firstname: 'Augusta', roles: [{ name: 'Astronaut' }], 'authentication-method': 'SAML' })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ errors: { user: ['Roles is invalid (no role with name "Astronaut")', 'Authentication method is not included in the list'] } })
    const stored = sandbox.tenant.user(created.id)
    expect([stored?.fields.firstname, stored?.fields['updated-at']]).toEqual(['Ada', created['updated-at']])
  })

  it('deprovisions with active:false and restores with active:true; an inactive user is still returned', async () => {
    const sandbox = await startSandbox({ users: 5 })
    const call = coupaClient(sandbox)
    const id = 4
    expect(asObject(await call('PUT', `/api/users/${id}`, { active: false })).active).toBe(false)
    expect(asObject(await call('GET', `/api/users/${id}`)).active).toBe(false)
    expect(asList(await call('GET', '/api/users')).map((user) => user.id)).toContain(id)
    expect(asObject(await call('PUT', `/api/users/${id}`, { active: 'true' })).active).toBe(true)
    expect((await call('PUT', `/api/users/${id}`, { active: null })).status).toBe(400)
    sandbox.tenant.setActive(id, false)
    expect(asObject(await call('GET', `/api/users/${id}`)).active).toBe(false)
  })

  it('answers custom properties under custom-fields, a boolean set to false coming back empty', async () => {
    const sandbox = await startSandbox({ users: 0, customProperties: 'cost_center|string;new_user|boolean;badge|string;' })
    const call = coupaClient(sandbox)
    const created = await createUser(call, newUser('ada.lovelace', { 'custom-fields': { cost_center: 'CC-9', new_user: true } }))
    expect(created['custom-fields']).toEqual({ 'default-user-cost-center': null, cost_center: 'CC-9', new_user: true, badge: null })
    const changed = asObject(await call('PUT', `/api/users/${created.id}`, { 'custom-fields': { 'new-user': false, 'default-user-cost-center': 'CC-1' } }))
    expect(changed['custom-fields']).toEqual({ 'default-user-cost-center': 'CC-1', cost_center: 'CC-9', new_user: null, badge: null })
    expect(sandbox.tenant.user(created.id)?.customFields.new_user).toBe(false)
    expect((await call('PUT', `/api/users/${created.id}`, { 'custom-fields': { new_user: 'maybe' } })).status).toBe(400)
  })

  it('keeps the bodies of the latest writes, as sent, for tests to check what a client changed', async () => {
    const sandbox = await startSandbox({ users: 3 })
    const call = coupaClient(sandbox)
    await call('PUT', '/api/users/3', { firstname: 'Only' })
    await call('PUT', '/api/users/3', '{"broken":')
    expect(sandbox.tenant.lastRequestBodies(2)).toEqual([
      { method: 'PUT', path: '/api/users/3', body: { firstname: 'Only' } },
      { method: 'PUT', path: '/api/users/3', body: '{"broken":' },
    ])
  })

  it('sets and clears the manager by id or login, and the approval limits by id, name or amount', async () => {
    const sandbox = await startSandbox({ users: 5 })
    const call = coupaClient(sandbox)
    const manager = sandbox.tenant.user(3) as { fields: Record<string, unknown> }
    const byLogin = asObject(await call('PUT', '/api/users/6', { manager: { login: manager.fields.login } }))
    expect((byLogin.manager as { id: number }).id).toBe(3)
    expect(asObject(await call('PUT', '/api/users/6', { manager: null })).manager).toBeNull()
    expect((await call('PUT', '/api/users/6', { manager: { id: 999 } })).status).toBe(400)
    const byAmount = asObject(await call('PUT', '/api/users/6', { 'invoice-approval-limit': '2500', 'requisition-approval-limit': { name: 'USD 5,000.00 Requisition' } }))
    expect(byAmount['invoice-approval-limit']).toMatchObject({ amount: '2500.00', subject: 'Invoice', name: 'USD 2,500.00 Invoice' })
    expect(byAmount['requisition-approval-limit']).toMatchObject({ amount: '5000.00' })
    expect(asObject(await call('PUT', '/api/users/6', { 'invoice-approval-limit': null }))['invoice-approval-limit']).toBeNull()
  })
})
