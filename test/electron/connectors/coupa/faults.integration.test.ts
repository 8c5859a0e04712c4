import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, coupaHarness, everythingLogged, queryOf, apiKeyValues } from './coupaSandboxHarness'

describe('Coupa faults against the sandbox instance', () => {
  it('waits out a 429 and carries on', async () => {
    const { connector, sandbox, requests } = await coupaHarness()
    sandbox.faults.script([{ kind: 'rate_limit', method: 'GET', path: '/api/users' }])
    const page = await connector.list('users', { search: '', pageSize: 10 })
    expect(page.items).toHaveLength(10)
    expect(requests().map((request) => request.status)).toEqual([429, 200])
  })

  it('sends a GET again after a 5xx', async () => {
    const { connector, sandbox, tenant, requests } = await coupaHarness()
    sandbox.faults.script([{ kind: 'unavailable', method: 'GET', times: 2 }])
    const user = await connector.get('users', String(tenant.users()[5]!.id))
    expect(user.id).toBe(String(tenant.users()[5]!.id))
    expect(requests().map((request) => request.status)).toEqual([503, 503, 200])
  })

  it('resumes a list cut mid-way at the right offset, with no row missing or twice', async () => {
    const { connector, sandbox, tenant, requests } = await coupaHarness({ users: 300 })
    sandbox.faults.script([{ kind: 'reset', method: 'GET', path: '/api/users', after: 3 }, { kind: 'server_error', method: 'GET', path: '/api/users', after: 5 }])
    const { ids } = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 120 }))
    expect(ids).toEqual(tenant.users().map((user) => String(user.id)))
    const failed = requests().filter((request) => request.status === 500 || request.failure === 'reset')
    expect(failed.map((request) => request.status ?? request.failure)).toEqual(['reset', 500])
    for (const request of failed) {
      const retried = requests().filter((other) => other.status === 200 && queryOf(other, 'offset') === queryOf(request, 'offset'))
      expect(retried).toHaveLength(1)
    }
  })

  it('fails a list after retries run out, and the same cursor then reads the same rows', async () => {
    const { connector, sandbox } = await coupaHarness()
    const first = await connector.list('users', { search: '', pageSize: 50 })
    sandbox.faults.script([{ kind: 'server_error', method: 'GET', times: 10 }])
    await expectAppError(connector.list('users', { search: '', cursor: first.nextCursor, pageSize: 50 }), 'network')
    sandbox.faults.clear()
    const second = await connector.list('users', { search: '', cursor: first.nextCursor, pageSize: 50 })
    expect(second.items[0]?.id).toBe(String(Number(first.items[49]!.id) + 1))
  })

  it('never sends a create twice after a 5xx: it may have happened', async () => {
    const { connector, sandbox, tenant, requests } = await coupaHarness()
    // The create's POST, not the sign-in's (a token request may be sent twice without harm).
    sandbox.faults.script([{ kind: 'server_error', method: 'POST', path: /^\/api\/users/ }])
    const error = await expectAppError(
      connector.create('users', { userName: 'once.only', 'emails[0].value': 'once.only@example.com', 'name.givenName': 'Once', 'name.familyName': 'Only' }, {}),
      'network',
    )
    expect(error.message).toMatch(/may have been carried out anyway/)
    expect(requests().filter((request) => request.method === 'POST')).toHaveLength(1)
    expect(tenant.findUser('once.only')).toBeUndefined()
  })

  it('keeps the API key, the client secret, access tokens and a new password out of every log line and error, failures and retries too', async () => {
    const harness = await coupaHarness()
    const { connector, sandbox, apiKey, clientSecret, connect, logger } = harness
    const password = 'Secret-Password-Canary-42'
    sandbox.faults.script([{ kind: 'unavailable', method: 'GET', times: 1 }, { kind: 'server_error', method: 'POST', path: /^\/api\/users/ }])
    await connector.list('users', { search: '', pageSize: 5 })
    const failure = await expectAppError(
      connector.create('users', { userName: 'pw.user', 'emails[0].value': 'pw.user@example.com', 'name.givenName': 'Pw', 'name.familyName': 'User' }, { password }),
      'network',
    )
    await connect(apiKeyValues, { apiKey }).list('users', { search: '', pageSize: 5 })
    const refused = await expectAppError(connect(apiKeyValues, { apiKey: 'f'.repeat(40) }).list('users', { search: '', pageSize: 5 }), 'auth_failed')
    expect(refused.message).toMatch(/did not accept the API key/)
    expect(logger.secrets).toContain(apiKey)
    expect(logger.secrets).toContain(clientSecret)
    expect(logger.secrets).toContain(password)
    // The secrets, and the access token the connector was given, registered the moment it arrived.
    expect(logger.secrets.size).toBeGreaterThanOrEqual(4)
    const everything = [everythingLogged(harness), JSON.stringify(failure.toValue()), JSON.stringify(refused.toValue())].join('\n')
    expect(everything).toContain('/api/users')
    for (const secret of logger.secrets) expect(everything).not.toContain(secret)
    expect(everything).not.toMatch(/Bearer /)
  })
})
