import { describe, expect, it } from 'vitest'
import { asObject, oktaClient, useOktaSandbox } from './oktaClient'

describe('Okta sandbox: authentication, common headers and errors', () => {
  const startSandbox = useOktaSandbox()

  it('serves the full-admin token and puts the request id, JSON type and rate-limit headers on every answer', async () => {
    const sandbox = await startSandbox()
    const answer = await oktaClient(sandbox)('GET', '/api/v1/users?limit=1')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/json')
    expect(answer.headers.get('x-okta-request-id')).toMatch(/^\w{20,}$/)
    expect(answer.headers.get('x-rate-limit-limit')).toBe('600')
    expect(answer.headers.get('x-rate-limit-remaining')).toBe('599')
    expect(Number(answer.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000)
    expect(answer.headers.get('date')).not.toBeNull()
  })

  it('gives request ids and error ids that do not repeat when a tenant with the same seed starts again', async () => {
    const first = await startSandbox({ seed: 'same' })
    const again = await startSandbox({ seed: 'same' })
    const [one, two] = [await oktaClient(first)('GET', '/api/v1/users/nobody'), await oktaClient(again)('GET', '/api/v1/users/nobody')]
    expect(one.headers.get('x-okta-request-id')).not.toBe(two.headers.get('x-okta-request-id'))
    expect(asObject(one).errorId).not.toBe(asObject(two).errorId)
    expect(first.tenant.users().map((user) => user.id)).toEqual(again.tenant.users().map((user) => user.id))
  })

  it('answers an unknown or empty SSWS token with 401 E0000011 in Okta’s exact error shape', async () => {
    const sandbox = await startSandbox()
    for (const token of ['not-the-token', '']) {
      const answer = await oktaClient(sandbox, token)('GET', '/api/v1/users')
      expect(answer.status).toBe(401)
      expect(answer.headers.get('x-okta-request-id')).toBeTruthy()
      const body = asObject(answer)
      expect(Object.keys(body).sort()).toEqual(['errorCauses', 'errorCode', 'errorId', 'errorLink', 'errorSummary'])
      expect(body).toMatchObject({ errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorCauses: [] })
      expect(body.errorId).toMatch(/^oae\w{22}$/)
    }
  })

  it('answers a missing Authorization header or another scheme than SSWS with 403 E0000005 (okta.md §1.1, §9)', async () => {
    const sandbox = await startSandbox()
    const missing = await oktaClient(sandbox, null)('GET', '/api/v1/users')
    const otherScheme = await oktaClient(sandbox, null)('GET', '/api/v1/users', undefined, { Authorization: `Bearer ${sandbox.credentials.token}` })
    for (const answer of [missing, otherScheme]) {
      expect(answer.status).toBe(403)
      expect(asObject(answer)).toMatchObject({ errorCode: 'E0000005', errorSummary: 'Invalid session', errorLink: 'E0000005', errorCauses: [] })
    }
  })

  it('lets the read-only token read but answers its writes with 403 E0000006, changing nothing', async () => {
    const sandbox = await startSandbox()
    const readOnly = oktaClient(sandbox, sandbox.tenant.readOnlyToken)
    expect(sandbox.tenant.readOnlyToken).not.toBe(sandbox.credentials.token)
    expect((await readOnly('GET', '/api/v1/groups')).status).toBe(200)
    const victim = sandbox.tenant.users()[5] as { id: string }
    const writes = [
      await readOnly('POST', '/api/v1/groups', { profile: { name: 'Sneaky' } }),
      await readOnly('POST', `/api/v1/users/${victim.id}/lifecycle/suspend`),
      await readOnly('DELETE', `/api/v1/users/${victim.id}`),
    ]
    for (const answer of writes) {
      expect(answer.status).toBe(403)
      expect(asObject(answer)).toMatchObject({ errorCode: 'E0000006', errorSummary: 'You do not have permission to perform the requested action' })
    }
    expect(sandbox.tenant.findGroupByName('Sneaky')).toBeUndefined()
    expect(sandbox.tenant.user(victim.id)?.status).toBe('ACTIVE')
  })

  it('tells each token its own admin user on /users/me, and describes the org on /org', async () => {
    const sandbox = await startSandbox()
    const me = asObject(await oktaClient(sandbox)('GET', '/api/v1/users/me'))
    expect(me.id).toBe(sandbox.tenant.adminUser.id)
    expect(me.profile).toMatchObject({ login: 'sandbox.admin@example.com' })
    const auditor = asObject(await oktaClient(sandbox, sandbox.tenant.readOnlyToken)('GET', '/api/v1/users/me'))
    expect(auditor.profile).toMatchObject({ login: 'readonly.auditor@example.com' })
    const org = asObject(await oktaClient(sandbox)('GET', '/api/v1/org'))
    expect(org).toMatchObject({ companyName: 'Lanyard Sandbox Inc.', subdomain: 'lanyard-sandbox', status: 'ACTIVE' })
    expect(org.id).toMatch(/^00o/)
  })

  it('answers an unknown path with 404 E0000008, a wrong method with 405 E0000022 and bad JSON with 400 E0000003', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const unknown = await call('GET', '/api/v1/nothing-here')
    expect([unknown.status, asObject(unknown).errorCode]).toEqual([404, 'E0000008'])
    const wrongMethod = await call('PATCH', '/api/v1/users')
    expect([wrongMethod.status, asObject(wrongMethod).errorCode]).toEqual([405, 'E0000022'])
    const badJson = await call('POST', '/api/v1/users', '{"profile": ')
    expect([badJson.status, asObject(badJson).errorCode]).toEqual([400, 'E0000003'])
  })

  it('answers injected 5xx faults with Okta-shaped bodies and the rate-limit headers', async () => {
    const sandbox = await startSandbox()
    sandbox.faults.script([{ kind: 'server_error' }, { kind: 'unavailable' }])
    const call = oktaClient(sandbox)
    const failed = await call('GET', '/api/v1/users')
    expect([failed.status, asObject(failed).errorCode, asObject(failed).errorSummary]).toEqual([500, 'E0000009', 'Internal Server Error'])
    expect(failed.headers.get('x-rate-limit-limit')).toBe('600')
    expect((await call('GET', '/api/v1/users')).status).toBe(503)
    expect((await call('GET', '/api/v1/users')).status).toBe(200)
  })
})
