import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { createGoToMeetingConnector } from '../../../../electron/connectors/gotomeeting/createGoToMeetingConnector'
import { createRecordingLogger } from '../../../support/recordingLogger'
import { allPages, goToHarness, profileSecrets, profileValues } from './goToSandboxHarness'

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

  it('says which profile values GoTo refused: the password, or the client secret', async () => {
    const { connect, secrets } = await goToHarness()
    const badPassword = await expectAppError(connect({}, { ...secrets, password: 'not-the-password' }).testConnection(), 'auth_failed')
    expect(badPassword.message).toContain('Username and Password')
    expect(badPassword.extra.details).toMatchObject({ targetCode: 'invalid_grant' })
    const badClient = await expectAppError(connect({}, { ...secrets, clientSecret: 'not-the-secret' }).testConnection(), 'auth_failed')
    expect(badClient.message).toContain('Client Id and Client Secret')
  })

  it('refuses a profile without its secrets or with an account key that is not a number, before any request', async () => {
    const { sandbox, connect } = await goToHarness()
    const before = sandbox.requestCount()
    expect(() => connect({}, { password: 'x' })).toThrow(/Client Secret/)
    expect(() => connect({ accountKey: 'acme' })).toThrow(/Account key/)
    expect(sandbox.requestCount()).toBe(before)
  })
})
