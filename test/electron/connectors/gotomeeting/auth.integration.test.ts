import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { createGoToMeetingConnector } from '../../../../electron/connectors/gotomeeting/createGoToMeetingConnector'
import { createRecordingLogger } from '../../../support/recordingLogger'
import { afterTest } from '../../../support/connectorHarness'
import { allPages, goToHarness, passwordProfileValues, profileSecrets, profileValues } from './goToSandboxHarness'

const statuses = (requests: { status: number | null }[]) => requests.map((request) => request.status)

describe('GoToMeeting connector: signing in', () => {
  it('signs in once and reuses the token for later requests', async () => {
    const { connector, tenant } = await goToHarness()
    await connector.list('users', { search: '', pageSize: 5 })
    await connector.list('groups', { search: '', pageSize: 5 })
    expect(tenant.tokenGrants()).toBe(1)
  })

  it('renews a short-lived token before it expires, in the middle of a listing, without a 401', async () => {
    const { connector, tenant, requests } = await goToHarness()
    tenant.setTokenLifetime(0.5)
    const pages = await allPages(async (cursor) => {
      const page = await connector.list('users', { search: '', cursor, pageSize: 20 })
      await new Promise((resolve) => setTimeout(resolve, 200))
      return page
    })
    expect(pages.ids).toHaveLength(tenant.count())
    expect(tenant.tokenGrants()).toBeGreaterThanOrEqual(2)
    expect(statuses(requests())).not.toContain(401)
  })

  it('after a 401 signs in again once and sends the request once more, mid-listing', async () => {
    const { connector, tenant, requests, mark } = await goToHarness()
    const first = await connector.list('users', { search: '', pageSize: 50 })
    tenant.expireAllTokens()
    mark()
    const second = await connector.list('users', { search: '', cursor: first.nextCursor, pageSize: 50 })
    expect(second.items).toHaveLength(50)
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(100)
    expect(requests().map((request) => `${request.method} ${request.path.split('?')[0]!.replace(/\/accounts\/\d+/, '')} ${request.status}`)).toEqual([
      'GET /admin/rest/v1/users 401',
      'POST /oauth/token 200',
      'GET /admin/rest/v1/users 200',
    ])
    expect(tenant.tokenGrants()).toBe(2)
  })

  it('gives up after one renewal when GoTo keeps refusing the token', async () => {
    const { sandbox, tenant } = await goToHarness()
    const logger = createRecordingLogger()
    // Every token GoTo issues is expired the moment Lanyard receives it.
    const expiring = { ...logger, info: (message: string, fields?: Record<string, unknown>) => {
      logger.info(message, fields)
      if (message.startsWith('POST /oauth/token')) tenant.expireAllTokens()
    } }
    const connector = createGoToMeetingConnector({ profileId: 'p', profileName: 'Expiring', environment: 'sandbox', values: profileValues(sandbox), secrets: profileSecrets(sandbox), logger: expiring })
    try {
      const error = await expectAppError(connector.get('users', tenant.adminUser.key), 'auth_failed')
      expect(error.message).toContain('even after signing in again')
      const admin = logger.lines.filter((line) => line.fields?.method === 'GET').map((line) => line.fields?.status)
      expect(admin).toEqual([401, 401])
    } finally {
      connector.close()
    }
  })

  it('says which profile values GoTo refused: the personal access token, the password, or the client secret', async () => {
    const { connect, secrets, sandbox } = await goToHarness()
    const badToken = await expectAppError(connect({}, { ...secrets, personalAccessToken: 'not-the-token' }).testConnection(), 'auth_failed')
    expect(badToken.message).toContain('Personal access token')
    expect(badToken.extra.details).toMatchObject({ targetCode: 'invalid_grant' })
    const badPassword = await expectAppError(connect(passwordProfileValues(sandbox), { ...secrets, password: 'not-the-password' }).testConnection(), 'auth_failed')
    expect(badPassword.message).toContain('Username and Password')
    expect(badPassword.extra.details).toMatchObject({ targetCode: 'invalid_grant' })
    const badClient = await expectAppError(connect({}, { ...secrets, clientSecret: 'not-the-secret' }).testConnection(), 'auth_failed')
    expect(badClient.message).toContain('Client Id and Client Secret')
  })

  it('refuses a profile without its secrets or with an account key that is not a number, before any request', async () => {
    const { sandbox, connect, secrets } = await goToHarness()
    const before = sandbox.requestCount()
    expect(() => connect({}, { personalAccessToken: 'x' })).toThrow(/Client Secret/)
    expect(() => connect({}, { clientSecret: secrets.clientSecret, password: secrets.password })).toThrow(/Personal access token/)
    expect(() => connect(passwordProfileValues(sandbox), { clientSecret: secrets.clientSecret, personalAccessToken: secrets.personalAccessToken })).toThrow(/Password/)
    expect(() => connect({ accountKey: 'acme' })).toThrow(/Account key/)
    expect(sandbox.requestCount()).toBe(before)
  })
})

describe('GoToMeeting connector: the two grants', () => {
  it('a new profile signs in with its personal access token (Basic client authentication), once per session', async () => {
    const { connector, tenant, requests } = await goToHarness()
    await connector.testConnection()
    await connector.list('users', { search: 'a', pageSize: 5 })
    await connector.list('groups', { search: '', pageSize: 5 })
    expect(tenant.tokenGrants()).toBe(1)
    expect(requests().filter((request) => request.path.startsWith('/oauth/token')).map((request) => `${request.method} ${request.status}`)).toEqual(['POST 200'])
    expect(tenant.tokenGrants('personal_access_token')).toBe(1)
  })

  it('a profile saved before the choice (no grant type) still signs in with its username and password', async () => {
    const { sandbox, secrets, tenant } = await goToHarness()
    const { url, username, clientId, accountKey } = passwordProfileValues(sandbox)
    const values = { url: url!, username: username!, clientId: clientId!, accountKey: accountKey! }
    const connector = createGoToMeetingConnector({
      profileId: 'p',
      profileName: 'Older',
      environment: 'sandbox',
      values,
      secrets: { password: secrets.password, clientSecret: secrets.clientSecret },
      logger: createRecordingLogger(),
    })
    afterTest(async () => connector.close())
    const report = await connector.testConnection()
    expect(report.summary).toContain(tenant.adminUser.email)
    expect([tenant.tokenGrants('password'), tenant.tokenGrants('personal_access_token')]).toEqual([1, 0])
  })

  it('renews with the refresh token GoTo rotates, once per expiry', async () => {
    const { connector, tenant, requests, mark } = await goToHarness()
    tenant.setRefreshTokenRotation(true)
    await connector.list('users', { search: '', pageSize: 5 })
    for (let expiry = 0; expiry < 3; expiry++) {
      tenant.expireAllTokens()
      mark()
      await connector.list('users', { search: '', pageSize: 5 })
      // One 401, one renewal, the request again: each renewal uses the refresh token the one before answered.
      expect(requests().map((request) => `${request.method} ${request.path.split('?')[0]!.replace(/\/accounts\/\d+/, '')} ${request.status}`)).toEqual([
        'GET /admin/rest/v1/users 401',
        'POST /oauth/token 200',
        'GET /admin/rest/v1/users 200',
      ])
    }
    // Each rotated refresh token worked, so the token was never needed again.
    expect([tenant.tokenGrants('personal_access_token'), tenant.tokenGrants('refresh_token')]).toEqual([1, 3])
  })
})
