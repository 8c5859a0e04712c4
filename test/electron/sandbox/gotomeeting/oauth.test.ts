import { describe, expect, it } from 'vitest'
import { startGoToMeetingSandbox } from '../../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { asObject, goToClient, send, serverRoot, signIn, tokenRequest, useGoToMeetingSandbox } from './goToClient'

describe('GoTo sandbox: OAuth token endpoint and bearer tokens', () => {
  const start = useGoToMeetingSandbox()

  it('hands out credentials keyed as the profile parameters, with a new token, password and client secret at every start', async () => {
    const { sandbox } = await start()
    const again = await startGoToMeetingSandbox({ users: 5 })
    try {
      expect(Object.keys(sandbox.credentials).sort()).toEqual(['accountKey', 'clientId', 'clientSecret', 'grantType', 'password', 'personalAccessToken', 'username'])
      // A Sandbox profile made from these signs in the way a new profile does.
      expect(sandbox.credentials.grantType).toBe('personalAccessToken')
      expect(again.credentials.personalAccessToken).not.toBe(sandbox.credentials.personalAccessToken)
      expect(sandbox.connectorId).toBe('gotomeeting')
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\/rest\/v1\/$/)
      expect(sandbox.credentials.accountKey).toMatch(/^\d{22}$/)
      expect(again.credentials.password).not.toBe(sandbox.credentials.password)
      expect(again.credentials.clientSecret).not.toBe(sandbox.credentials.clientSecret)
      expect(again.credentials.username).toBe(sandbox.credentials.username)
    } finally {
      await again.close()
    }
  })

  it('answers a password grant with the documented token shape, which then opens the Admin API', async () => {
    const { sandbox } = await start()
    const grantsBefore = sandbox.tenant.tokenGrants()
    const answer = await tokenRequest(sandbox, { grant_type: 'password', username: sandbox.credentials.username!.toUpperCase(), password: sandbox.credentials.password! })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const body = asObject(answer)
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'identity:',
      principal: sandbox.credentials.username,
      account_key: sandbox.credentials.accountKey,
      organizer_key: sandbox.tenant.adminUser.key,
    })
    expect(body.access_token).toMatch(/^eyJ/)
    expect(typeof body.refresh_token).toBe('string')
    expect(sandbox.tenant.tokenGrants()).toBe(grantsBefore + 1)
    const me = await goToClient(sandbox, body.access_token as string)('GET', 'me')
    expect(me.status).toBe(200)
  })

  it('answers a personal access token grant (pat=, Basic client) with an access token for 60 minutes and a refresh token', async () => {
    const { sandbox } = await start()
    const answer = await tokenRequest(sandbox, { grant_type: 'personal_access_token', pat: sandbox.credentials.personalAccessToken! })
    expect(answer.status).toBe(200)
    const body = asObject(answer)
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'identity:' })
    expect(typeof body.refresh_token).toBe('string')
    expect((await goToClient(sandbox, body.access_token as string)('GET', 'me')).status).toBe(200)
    expect(sandbox.tenant.tokenGrants('personal_access_token')).toBe(1)
    const wrong = await tokenRequest(sandbox, { grant_type: 'personal_access_token', pat: 'guess' })
    expect([wrong.status, wrong.body]).toEqual([400, { error: 'invalid_grant', error_description: 'Invalid personal access token' }])
    const missing = await tokenRequest(sandbox, { grant_type: 'personal_access_token' })
    expect([missing.status, asObject(missing).error]).toEqual([400, 'invalid_request'])
    const noClient = await tokenRequest(sandbox, { grant_type: 'personal_access_token', pat: sandbox.credentials.personalAccessToken! }, { basic: null })
    expect(noClient.status).toBe(401)
  })

  it('rotates refresh tokens when told to: each refresh answers a new one and retires the one it used', async () => {
    const { sandbox } = await start()
    sandbox.tenant.setRefreshTokenRotation(true)
    const first = asObject(await tokenRequest(sandbox, { grant_type: 'personal_access_token', pat: sandbox.credentials.personalAccessToken! }))
    const refreshed = asObject(await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: first.refresh_token as string }))
    expect(typeof refreshed.refresh_token).toBe('string')
    expect(refreshed.refresh_token).not.toBe(first.refresh_token)
    const reused = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: first.refresh_token as string })
    expect([reused.status, asObject(reused).error]).toEqual([400, 'invalid_grant'])
    expect((await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: refreshed.refresh_token as string })).status).toBe(200)
  })

  it('serves the legacy /oauth/v2/token path too', async () => {
    const { sandbox } = await start()
    const answer = await tokenRequest(sandbox, { grant_type: 'password', username: sandbox.credentials.username!, password: sandbox.credentials.password! }, { path: '/oauth/v2/token' })
    expect(answer.status).toBe(200)
  })

  it('refuses a wrong, missing or body-only client with 401 invalid_client', async () => {
    const { sandbox } = await start()
    const form = { grant_type: 'password', username: sandbox.credentials.username!, password: sandbox.credentials.password! }
    const wrongSecret = await tokenRequest(sandbox, form, { basic: `${sandbox.credentials.clientId}:nope` })
    const wrongId = await tokenRequest(sandbox, form, { basic: `someone-else:${sandbox.credentials.clientSecret}` })
    const bodyOnly = await tokenRequest(sandbox, { ...form, client_id: sandbox.credentials.clientId!, client_secret: sandbox.credentials.clientSecret! }, { basic: null })
    for (const answer of [wrongSecret, wrongId, bodyOnly]) {
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual({ error: 'invalid_client', error_description: 'client not found' })
      expect(answer.headers.get('www-authenticate')).toMatch(/^Basic/)
    }
  })

  it('refuses a wrong password with 400 invalid_grant, and a missing or unknown grant type as OAuth 2 says', async () => {
    const { sandbox } = await start()
    const grantsBefore = sandbox.tenant.tokenGrants()
    const wrong = await tokenRequest(sandbox, { grant_type: 'password', username: sandbox.credentials.username!, password: 'guess' })
    expect([wrong.status, wrong.body]).toEqual([400, { error: 'invalid_grant', error_description: 'Bad credentials' }])
    const missing = await tokenRequest(sandbox, { username: 'x' })
    expect([missing.status, asObject(missing).error]).toEqual([400, 'invalid_request'])
    const clientCredentials = await tokenRequest(sandbox, { grant_type: 'client_credentials' })
    expect([clientCredentials.status, asObject(clientCredentials).error]).toEqual([400, 'unsupported_grant_type'])
    const getToken = await send(`${serverRoot(sandbox)}/oauth/token`, { method: 'GET' })
    expect([getToken.status, asObject(getToken).error]).toEqual([405, 'method_not_allowed'])
    expect(sandbox.tenant.tokenGrants()).toBe(grantsBefore)
  })

  it('refreshes without rotating: a new access token, no new refresh token, and the old refresh token keeps working', async () => {
    const { sandbox } = await start()
    const first = await signIn(sandbox)
    const refreshed = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect(refreshed.status).toBe(200)
    const body = asObject(refreshed)
    expect(body.access_token).not.toBe(first.access_token)
    expect(body).not.toHaveProperty('refresh_token')
    expect((await goToClient(sandbox, body.access_token as string)('GET', 'me')).status).toBe(200)
    expect((await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).status).toBe(200)
    const unknown = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: 'not-a-token' })
    expect([unknown.status, asObject(unknown).error]).toEqual([400, 'invalid_grant'])
  })

  it('answers a missing bearer with 403 and a wrong one with 401, both in the gateway’s InvalidToken body', async () => {
    const { sandbox } = await start()
    const missing = await goToClient(sandbox, null)('GET', 'me')
    expect(missing.status).toBe(403)
    expect(missing.body).toEqual({ int_err_code: 'InvalidToken', msg: 'Invalid token passed' })
    const wrong = await goToClient(sandbox, 'eyJmade-up')('GET', 'me')
    const basic = await goToClient(sandbox, null)('GET', 'me', undefined, { Authorization: `Basic ${sandbox.credentials.clientSecret}` })
    for (const answer of [wrong, basic]) {
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual({ int_err_code: 'InvalidToken', msg: 'Invalid token passed' })
    }
  })

  it('expires access tokens after their lifetime, and on demand, while refresh tokens still work', async () => {
    const { sandbox, call } = await start()
    sandbox.tenant.setTokenLifetime(1)
    const shortLived = await signIn(sandbox)
    expect(shortLived.expires_in).toBe(1)
    const shortCall = goToClient(sandbox, shortLived.access_token)
    expect((await shortCall('GET', 'me')).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect((await shortCall('GET', 'me')).status).toBe(401)

    expect((await call('GET', 'me')).status).toBe(200)
    sandbox.tenant.expireAllTokens()
    expect((await call('GET', 'me')).status).toBe(401)
    const refreshed = asObject(await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: shortLived.refresh_token }))
    expect((await goToClient(sandbox, refreshed.access_token as string)('GET', 'me')).status).toBe(200)
  })
})
