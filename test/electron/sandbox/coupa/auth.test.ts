import { describe, expect, it } from 'vitest'
import { asObject, coupaClient, useCoupaSandbox } from './coupaClient'

describe('Coupa sandbox: API key, formats and routes', () => {
  const startSandbox = useCoupaSandbox()

  it('hands out a new 40-character API key and the instance custom properties at every start', async () => {
    const first = await startSandbox({ users: 0 })
    const second = await startSandbox({ users: 0 })
    expect(first.connectorId).toBe('coupa')
    expect(first.credentials.apiKey).toMatch(/^[0-9a-f]{40}$/)
    expect(second.credentials.apiKey).not.toBe(first.credentials.apiKey)
    expect(first.credentials.customProperties).toBe('cost_center|string;new_user|boolean;')
    expect(Object.keys(first.credentials).sort()).toEqual(['apiKey', 'authMethod', 'clientId', 'clientSecret', 'customProperties', 'scopes'])
    expect(second.credentials.clientSecret).not.toBe(first.credentials.clientSecret)
  })

  it.each([
    ['no X-COUPA-API-KEY', { 'X-COUPA-API-KEY': null }],
    ['an empty key', { 'X-COUPA-API-KEY': '' }],
    ['a wrong key', { 'X-COUPA-API-KEY': 'f'.repeat(40) }],
  ])('answers 401 with the errors shape for %s', async (_case, headers) => {
    const sandbox = await startSandbox({ users: 0 })
    const answer = await coupaClient(sandbox)('GET', '/api/users', undefined, headers)
    expect(answer.status).toBe(401)
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(answer.body).toEqual({ errors: { authentication: ['Invalid API key: send a valid key in the X-COUPA-API-KEY header.'] } })
  })

  it('refuses a request that does not ask for JSON with 406 (Coupa would answer XML)', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    for (const accept of [null, 'application/xml', '*/*']) {
      const answer = await call('GET', '/api/users', undefined, { Accept: accept })
      expect(answer.status).toBe(406)
      expect(asObject(answer).errors).toEqual({ request: [expect.stringContaining('Accept: application/json')] })
    }
    expect((await call('GET', '/api/users', undefined, { Accept: 'application/json, text/plain, */*' })).status).toBe(200)
  })

  it('refuses a body that is not sent as JSON with 415, and malformed JSON with 400', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const xml = await call('POST', '/api/users', '<user><login>x</login></user>', { 'Content-Type': 'application/xml' })
    expect(xml.status).toBe(415)
    const broken = await call('POST', '/api/users', '{"login":')
    expect(broken.status).toBe(400)
    expect(broken.body).toEqual({ errors: { request: ['The request body is not valid JSON.'] } })
    const wrapped = await call('POST', '/api/users', '[]')
    expect(wrapped.status).toBe(400)
    expect(sandbox.tenant.count()).toBe(2)
  })

  it('has no /api/roles resource and no DELETE for users', async () => {
    const sandbox = await startSandbox({ users: 3 })
    const call = coupaClient(sandbox)
    const roles = await call('GET', '/api/roles')
    expect(roles.status).toBe(404)
    expect(roles.body).toEqual({ errors: { request: ['No route matches [GET] "/api/roles"'] } })
    const user = sandbox.tenant.users()[2] as { id: number }
    const deleted = await call('DELETE', `/api/users/${user.id}`)
    expect(deleted.status).toBe(405)
    expect(deleted.headers.get('allow')).toBe('GET, PUT, PATCH')
    expect(sandbox.tenant.user(user.id)?.fields.active).toBe(true)
  })

  it('answers an unknown user id with 404 {"errors":{"user":["Record not found"]}}', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    for (const path of ['/api/users/999999', '/api/users/not-a-number']) {
      const answer = await call('GET', path)
      expect(answer.status).toBe(404)
      expect(answer.body).toEqual({ errors: { user: ['Record not found'] } })
    }
    expect((await call('PUT', '/api/users/999999', { active: false })).status).toBe(404)
  })
})
