import { describe, expect, it } from 'vitest'
import { coupaOAuthScopes } from '../../../../shared/catalogue/coupaScopes'
import { accessToken, coupaClient, coupaOAuthClient, tokenRequest, useCoupaSandbox } from './coupaClient'

describe('Coupa sandbox: OAuth client credentials and scopes', () => {
  const startSandbox = useCoupaSandbox()
  const clientForm = (credentials: Record<string, string | undefined>, scope = credentials.scopes!) => ({
    grant_type: 'client_credentials',
    client_id: credentials.clientId!,
    client_secret: credentials.clientSecret!,
    scope,
  })

  it('answers POST /oauth2/token with a 24-hour bearer token and the scopes granted, no refresh token', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const answer = await tokenRequest(sandbox, clientForm(sandbox.credentials))
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const body = answer.body as Record<string, unknown>
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 86_399, scope: coupaOAuthScopes.join(' ') })
    expect(body).not.toHaveProperty('refresh_token')
    expect((await coupaOAuthClient(sandbox, body.access_token as string)('GET', '/api/users?limit=1')).status).toBe(200)
    expect(sandbox.tenant.tokenGrants()).toBe(1)
  })

  it('takes the client in HTTP Basic too, and refuses a wrong one, another grant or an unknown scope as OAuth 2 says', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const { clientId, clientSecret } = sandbox.credentials
    const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`
    expect((await tokenRequest(sandbox, { grant_type: 'client_credentials', scope: 'core.user.read' }, { Authorization: basic })).status).toBe(200)
    const wrongSecret = await tokenRequest(sandbox, { ...clientForm(sandbox.credentials), client_secret: 'guess' })
    expect([wrongSecret.status, (wrongSecret.body as { error: string }).error]).toEqual([401, 'invalid_client'])
    const password = await tokenRequest(sandbox, { ...clientForm(sandbox.credentials), grant_type: 'password' })
    expect([password.status, (password.body as { error: string }).error]).toEqual([400, 'unsupported_grant_type'])
    const unknown = await tokenRequest(sandbox, clientForm(sandbox.credentials, 'core.user.read core.planets.read'))
    expect([unknown.status, (unknown.body as { error: string }).error]).toEqual([400, 'invalid_scope'])
    expect(sandbox.tenant.tokenGrants()).toBe(1)
  })

  it('grants only the scopes the client was given, and answers 403 outside them', async () => {
    const sandbox = await startSandbox({ users: 3 })
    sandbox.tenant.setClientScopes(['core.user.read', 'core.user_group.read'])
    const answer = await tokenRequest(sandbox, clientForm(sandbox.credentials))
    expect((answer.body as { scope: string }).scope).toBe('core.user.read core.user_group.read')
    const call = coupaOAuthClient(sandbox, (answer.body as { access_token: string }).access_token)
    expect((await call('GET', '/api/users')).status).toBe(200)
    expect((await call('GET', '/api/user_groups')).status).toBe(200)
    const write = await call('PUT', `/api/users/${sandbox.tenant.users()[0]!.id}`, { firstname: 'X' })
    expect(write.status).toBe(403)
    expect(write.body).toEqual({ errors: { authorization: [expect.stringContaining('core.user.write')] } })
    for (const path of ['/api/business_groups', '/api/account_groups']) expect((await call('GET', path)).status).toBe(403)
    const roles = await call('POST', '/api/graphql', { query: '{ roles { id } }' })
    expect([roles.status, JSON.stringify(roles.body)]).toEqual([403, expect.stringContaining('core.common.read')])
  })

  it('serves GraphQL to OAuth tokens and not to API keys; REST to both', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const byKey = coupaClient(sandbox)
    const byToken = coupaOAuthClient(sandbox, await accessToken(sandbox))
    const query = { query: '{ roles(query: "limit=1") { id } }' }
    expect((await byToken('POST', '/api/graphql', query)).status).toBe(200)
    const refused = await byKey('POST', '/api/graphql', query)
    expect([refused.status, JSON.stringify(refused.body)]).toEqual([403, expect.stringContaining('OAuth clients only')])
    expect((await byKey('GET', '/api/users')).status).toBe(200)
  })

  it('answers 401 to an unknown or expired token', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaOAuthClient(sandbox, await accessToken(sandbox))
    expect((await call('GET', '/api/users')).status).toBe(200)
    sandbox.tenant.expireAllTokens()
    const expired = await call('GET', '/api/users')
    const unknown = await coupaOAuthClient(sandbox, 'eyJmade-up')('GET', '/api/users')
    for (const answer of [expired, unknown]) {
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual({ errors: { authentication: ['The access token is invalid or has expired: ask /oauth2/token for a new one.'] } })
    }
  })
})
