import { describe, expect, it } from 'vitest'
import { asObject, oktaClient, useOktaSandbox, type OktaCall } from './oktaClient'

const newUser = (login: string, extra: Record<string, unknown> = {}) => ({
  profile: { firstName: 'Isaac', lastName: 'Brock', email: login, login, ...extra },
})
const withPassword = (login: string) => ({ ...newUser(login), credentials: { password: { value: 'tlpWENT2m1' } } })

async function create(call: OktaCall, body: unknown, query = ''): Promise<Record<string, unknown> & { id: string }> {
  const answer = await call('POST', `/api/v1/users${query}`, body)
  if (answer.status !== 200) throw new Error(`create answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return asObject(answer)
}

describe('Okta sandbox: users', () => {
  const startSandbox = useOktaSandbox()

  it('creates STAGED without activation, ACTIVE with a password, PROVISIONED without one (200, not 201)', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const staged = await create(call, withPassword('staged@example.com'), '?activate=false')
    expect([staged.status, staged.activated, staged.statusChanged]).toEqual(['STAGED', null, null])
    const active = await create(call, withPassword('active@example.com'))
    expect(active.status).toBe('ACTIVE')
    expect(active.activated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    const provisioned = await create(call, newUser('provisioned@example.com'), '?activate=true')
    expect(provisioned.status).toBe('PROVISIONED')
    const expired = await create(call, withPassword('expired@example.com'), '?nextLogin=changePassword')
    expect(expired.status).toBe('PASSWORD_EXPIRED')
  })

  it('answers with the user shaped as Okta does: id, echoed nulls, provider, no password value, state links', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const user = await create(oktaClient(sandbox), withPassword('isaac.brock@example.com'))
    expect(user.id).toMatch(/^00u[0-9A-Za-z]{17}$/)
    expect(user.profile).toEqual({ firstName: 'Isaac', lastName: 'Brock', email: 'isaac.brock@example.com', login: 'isaac.brock@example.com', mobilePhone: null, secondEmail: null })
    expect(user.credentials).toEqual({ password: {}, provider: { type: 'OKTA', name: 'OKTA' } })
    expect(JSON.stringify(user)).not.toContain('tlpWENT2m1')
    const links = user._links as Record<string, { href: string; method?: string }>
    expect(links.self?.href).toBe(`${sandbox.url}/api/v1/users/${user.id}`)
    expect(links.suspend).toEqual({ href: `${sandbox.url}/api/v1/users/${user.id}/lifecycle/suspend`, method: 'POST' })
    expect(links.activate).toBeUndefined()
    expect(user.type).toEqual({ id: expect.stringMatching(/^oty/) })
  })

  it('refuses a login already taken, ignoring case and accents, with 400 E0000001 and its cause', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    await create(call, newUser('isaac.brock@example.com'))
    for (const login of ['Isaac.Brock@example.com', 'isáàc.bröck@example.com']) {
      const answer = await call('POST', '/api/v1/users', newUser(login))
      expect(answer.status).toBe(400)
      expect(asObject(answer)).toMatchObject({
        errorCode: 'E0000001',
        errorSummary: 'Api validation failed: login',
        errorCauses: [{ errorSummary: 'login: An object with this field already exists in the current organization' }],
      })
    }
    expect(sandbox.tenant.countUsers()).toBe(3)
  })

  it('lists every blank required field and a login that is not an email address', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const answer = await oktaClient(sandbox)('POST', '/api/v1/users', { profile: { login: 'not-an-email', email: '' } })
    expect(answer.status).toBe(400)
    expect(asObject(answer).errorCode).toBe('E0000001')
    expect((asObject(answer).errorCauses as { errorSummary: string }[]).map((cause) => cause.errorSummary)).toEqual([
      'email: The field cannot be left blank',
      'firstName: The field cannot be left blank',
      'lastName: The field cannot be left blank',
      'login: Username must be in the form of an email address',
    ])
  })

  it('refuses profile attributes the schema does not define but keeps the custom badgeColours', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const refused = await call('POST', '/api/v1/users', newUser('a.b@example.com', { notValid: 'x' }))
    expect(asObject(refused)).toMatchObject({
      errorCode: 'E0000001',
      errorSummary: 'Api validation failed: newUser',
      errorCauses: [{ errorSummary: "Property name 'notValid' is not defined in profile" }],
    })
    const kept = await create(call, newUser('c.d@example.com', { badgeColours: ['red', 'blue'] }))
    expect((kept.profile as Record<string, unknown>).badgeColours).toEqual(['red', 'blue'])
    const wrongType = await call('POST', '/api/v1/users', newUser('e.f@example.com', { badgeColours: 'red' }))
    expect(wrongType.status).toBe(400)
  })

  it('refuses a password that fails the policy', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const answer = await oktaClient(sandbox)('POST', '/api/v1/users', { ...newUser('a.b@example.com'), credentials: { password: { value: 'short' } } })
    expect([answer.status, asObject(answer).errorCode]).toEqual([400, 'E0000001'])
  })

  it('adds a new user to the OKTA_GROUPs named in groupIds', async () => {
    const sandbox = await startSandbox()
    const group = sandbox.tenant.findGroupByName('VPN Users') as { id: string }
    const user = await create(oktaClient(sandbox), { ...newUser('joiner@example.com'), groupIds: [group.id] })
    expect(sandbox.tenant.membersOf(group.id).map((member) => member.id)).toContain(user.id)
  })

  it('gets a user by id, by login in any case, and by an unambiguous short name, with an ETag', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const user = await create(call, newUser('isaac.brock@example.com'))
    for (const key of [user.id, 'isaac.brock%40example.com', 'ISAAC.BROCK@example.com', 'isaac.brock']) {
      const answer = await call('GET', `/api/v1/users/${key}`)
      expect([answer.status, asObject(answer).id]).toEqual([200, user.id])
      expect(answer.headers.get('etag')).toMatch(/^W\/"[0-9a-f]+"$/)
    }
  })

  it('answers an unknown user with 404 E0000007 naming it', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const answer = await oktaClient(sandbox)('GET', '/api/v1/users/missing@example.com')
    expect(answer.status).toBe(404)
    expect(asObject(answer)).toMatchObject({ errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: missing@example.com (User)', errorCauses: [] })
  })

  it('merges a partial update (POST) into the profile and changes lastUpdated and the ETag', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const user = await create(call, newUser('isaac.brock@example.com', { title: 'Singer', city: 'Issaquah' }))
    const before = await call('GET', `/api/v1/users/${user.id}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const answer = await call('POST', `/api/v1/users/${user.id}`, { profile: { title: 'Songwriter', mobilePhone: '555-415-1337' } })
    expect(answer.status).toBe(200)
    expect(asObject(answer).profile).toMatchObject({ title: 'Songwriter', city: 'Issaquah', mobilePhone: '555-415-1337', firstName: 'Isaac' })
    expect(asObject(answer).lastUpdated).not.toBe(user.lastUpdated)
    const after = await call('GET', `/api/v1/users/${user.id}`)
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
  })

  it('replaces the whole profile on PUT, removing what was not sent, and refuses one missing required fields', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const user = await create(call, newUser('isaac.brock@example.com', { title: 'Singer', city: 'Issaquah' }))
    const replaced = await call('PUT', `/api/v1/users/${user.id}`, newUser('isaac.brock@example.com', { title: 'Producer' }))
    expect(asObject(replaced).profile).toEqual({
      firstName: 'Isaac', lastName: 'Brock', email: 'isaac.brock@example.com', login: 'isaac.brock@example.com', title: 'Producer', mobilePhone: null, secondEmail: null,
    })
    const incomplete = await call('PUT', `/api/v1/users/${user.id}`, { profile: { firstName: 'Isaac' } })
    expect(incomplete.status).toBe(400)
    expect(asObject(incomplete).errorCode).toBe('E0000001')
    expect(sandbox.tenant.user(user.id)?.profile.title).toBe('Producer')
  })

  it('refuses to move a user onto a login someone else holds', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    await create(call, newUser('taken@example.com'))
    const user = await create(call, newUser('mine@example.com'))
    const answer = await call('POST', `/api/v1/users/${user.id}`, { profile: { login: 'TAKEN@example.com' } })
    expect([answer.status, asObject(answer).errorSummary]).toEqual([400, 'Api validation failed: login'])
    expect((await call('GET', '/api/v1/users/mine@example.com')).status).toBe(200)
  })

  it('deletes in two steps: the first DELETE deactivates, the second removes for good', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const user = await create(call, withPassword('leaver@example.com'))
    const first = await call('DELETE', `/api/v1/users/${user.id}`)
    expect([first.status, first.body]).toEqual([204, undefined])
    expect(asObject(await call('GET', `/api/v1/users/${user.id}`)).status).toBe('DEPROVISIONED')
    const second = await call('DELETE', `/api/v1/users/${user.id}?sendEmail=false`)
    expect(second.status).toBe(204)
    const gone = await call('GET', `/api/v1/users/${user.id}`)
    expect([gone.status, asObject(gone).errorCode]).toEqual([404, 'E0000007'])
    expect((await call('DELETE', `/api/v1/users/${user.id}`)).status).toBe(404)
    expect(sandbox.tenant.user(user.id)).toBeUndefined()
  })

  it('refuses profile updates of a deactivated user with 403 E0000038', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const user = await create(call, withPassword('leaver@example.com'))
    await call('POST', `/api/v1/users/${user.id}/lifecycle/deactivate`)
    const answer = await call('POST', `/api/v1/users/${user.id}`, { profile: { title: 'Gone' } })
    expect([answer.status, asObject(answer).errorCode]).toEqual([403, 'E0000038'])
  })
})
