import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { apiKeyValues, coupaHarness, everythingLogged } from './coupaSandboxHarness'

const shape = (requests: { method: string; path: string; status: number | null }[]) =>
  requests.map((request) => `${request.method} ${request.path.split('?')[0]} ${request.status}`)

describe('Coupa connector: OAuth client credentials', () => {
  it('asks for one token per session, with the profile’s scopes in the form, and sends it as a bearer token', async () => {
    const { connector, tenant, signIns, requests } = await coupaHarness()
    await connector.testConnection()
    await connector.list('users', { search: 'a', pageSize: 5 })
    await connector.list('roles', { search: '', pageSize: 5 })
    await Promise.all([connector.list('user-groups', { search: '', pageSize: 5 }), connector.list('account-groups', { search: '', pageSize: 5 })])
    expect(shape(signIns())).toEqual(['POST /oauth2/token 200'])
    expect(tenant.tokenGrants()).toBe(1)
    expect(requests().every((request) => request.status === 200)).toBe(true)
  })

  it('renews the token before it expires, without a 401, once per expiry', async () => {
    const { connector, tenant, signIns, requests } = await coupaHarness()
    tenant.setTokenLifetime(0.5)
    await connector.list('users', { search: '', pageSize: 5 })
    await new Promise((resolve) => setTimeout(resolve, 600))
    await connector.list('users', { search: '', pageSize: 5 })
    await connector.list('users', { search: 'b', pageSize: 5 })
    expect(shape(signIns())).toEqual(['POST /oauth2/token 200', 'POST /oauth2/token 200'])
    expect(requests().map((request) => request.status)).not.toContain(401)
  })

  it('after a 401 asks for a new token once and sends the request once more; a second 401 is reported', async () => {
    const { connector, tenant, signIns, requests, mark } = await coupaHarness()
    await connector.list('users', { search: '', pageSize: 5 })
    tenant.expireAllTokens()
    mark()
    const page = await connector.list('users', { search: '', pageSize: 5 })
    expect(page.items).toHaveLength(5)
    expect(shape(requests())).toEqual(['GET /api/users 401', 'GET /api/users 200'])
    expect(shape(signIns())).toEqual(['POST /oauth2/token 200'])

    // Every token Coupa issues from now on is refused.
    tenant.setTokenLifetime(0.001)
    tenant.expireAllTokens()
    const error = await expectAppError(connector.list('users', { search: '', pageSize: 5 }), 'auth_failed')
    expect(error.message).toContain('even after signing in again')
  })

  it('says which scopes Coupa granted and what each missing one turns off; what it cannot do is refused with the scope named', async () => {
    const { connector, tenant } = await coupaHarness()
    tenant.setClientScopes(['core.user.read', 'core.user_group.read', 'core.accounting.read'])
    const report = await connector.testConnection()
    const facts = Object.fromEntries(report.facts.map((fact) => [fact.label, fact.value]))
    expect(facts['Scopes granted']).toBe('core.user.read core.user_group.read core.accounting.read')
    expect(facts['Missing core.common.read']).toBe('Without it, Lanyard cannot list roles (read through Coupa GraphQL) or content groups.')
    expect(facts['Missing core.user.write']).toMatch(/create or change users/)
    expect(facts['Missing core.user_group.write']).toBeDefined()
    expect(facts['Missing core.user.read']).toBeUndefined()
    expect(facts.Roles).toMatch(/^Not readable/)
    const person = tenant.users().find((user) => user.id !== tenant.apiUser.id)!
    const refused = await expectAppError(connector.update('users', String(person.id), { 'name.givenName': 'Changed' }), 'auth_failed')
    expect(refused.message).toContain('core.user.write')
    expect(refused.message).toContain("profile's Scopes")
    expect(tenant.user(person.id)?.fields.firstname).not.toBe('Changed')
  })

  it('says what to fix when Coupa refuses the client or the scopes, before any API request', async () => {
    const { connect, clientSecret, requests } = await coupaHarness()
    const wrong = await expectAppError(connect({}, { clientSecret: `${clientSecret}-wrong` }).testConnection(), 'auth_failed')
    expect(wrong.message).toContain('Client identifier and Client secret')
    const scopes = await expectAppError(connect({ scopes: 'core.user.read core.planets.read' }).testConnection(), 'auth_failed')
    expect(scopes.message).toMatch(/refused the scopes.*core\.planets\.read/)
    expect(requests()).toEqual([])
    expect(() => connect({}, {})).toThrow(/Client secret/)
  })

  it('keeps a profile saved before the choice on its API key, which reads users but not roles (GraphQL is for OAuth clients)', async () => {
    const { connect, apiKey, signIns } = await coupaHarness()
    const older = connect({ authMethod: '' }, { apiKey })
    expect((await older.list('users', { search: '', pageSize: 5 })).items).toHaveLength(5)
    const roles = await expectAppError(older.list('roles', { search: '', pageSize: 5 }), 'auth_failed')
    expect(roles.message).toMatch(/OAuth client credentials/)
    const report = await connect(apiKeyValues, { apiKey }).testConnection()
    expect(report.facts.find((fact) => fact.label === 'Signs in with')?.value).toMatch(/^API key \(legacy/)
    expect(signIns()).toEqual([])
  })

  it('never logs or reports the client secret or a token', async () => {
    const harness = await coupaHarness()
    const { connector, tenant, connect, clientSecret, logger } = harness
    await connector.testConnection()
    tenant.expireAllTokens()
    await connector.list('users', { search: '', pageSize: 5 })
    const failure = await expectAppError(connect({}, { clientSecret: `${clientSecret}-x` }).list('users', { search: '', pageSize: 5 }), 'auth_failed')
    // The client secret, the wrong one and two access tokens.
    expect(logger.secrets.size).toBeGreaterThanOrEqual(4)
    expect(logger.secrets).toContain(clientSecret)
    const everything = [everythingLogged(harness), JSON.stringify(failure.toValue())].join('\n')
    for (const secret of logger.secrets) expect(everything).not.toContain(secret)
    expect(everything).not.toMatch(/Bearer |client_secret=/)
  })
})
