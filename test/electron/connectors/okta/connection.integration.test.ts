import { describe, expect, it } from 'vitest'
import { createOktaConnector } from '../../../../electron/connectors/okta/createOktaConnector'
import { expectAppError } from '../../../support/expectAppError'
import { createRecordingLogger } from '../../../support/recordingLogger'
import { startLocalServer } from '../../http/localServer'
import { oktaHarness } from './oktaSandboxHarness'

describe('Okta connector: test connection', () => {
  it('says which organisation and which administrator the token reaches', async () => {
    const { connector, tenant, requests } = await oktaHarness()
    const admin = tenant.adminUser
    const report = await connector.testConnection()
    expect(report.summary).toMatch(/^Connected to .+ as .+ \(.+\)$/)
    expect(report.summary).toContain(`(${admin.profile.login})`)
    expect(report.facts.find((fact) => fact.label === 'Signed in as')?.value).toContain(String(admin.profile.login))
    expect(report.facts.find((fact) => fact.label === 'Organisation')?.value).toBeTruthy()
    expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/v1/org', 'GET /api/v1/users/me'])
  })

  it('answers auth_failed for a wrong token, with Okta’s code and request id', async () => {
    const { connect } = await oktaHarness()
    const connector = connect({}, { token: 'not-the-token' })
    const error = await expectAppError(connector.testConnection(), 'auth_failed')
    expect(error.message).toContain('did not accept')
    expect(error.toValue().details).toMatchObject({ status: '401', targetCode: 'E0000011' })
    expect(error.toValue().details?.requestId).toBeTruthy()
  })

  it('answers auth_failed "lacks permission" when a read-only token tries a change', async () => {
    const { connect, tenant } = await oktaHarness()
    const connector = connect({}, { token: tenant.readOnlyToken })
    await connector.testConnection()
    const error = await expectAppError(connector.create('groups', { displayName: 'Not allowed' }, {}), 'auth_failed')
    expect(error.message).toContain('lacks permission')
    expect(error.toValue().details?.targetCode).toBe('E0000006')
  })

  it('refuses object types Okta does not have', async () => {
    const { connector, requests } = await oktaHarness()
    await expectAppError(connector.list('roles', { search: '', pageSize: 10 }), 'unsupported')
    expect(requests()).toHaveLength(0)
  })
})

describe('Okta connector: test connection with a token whose admin role cannot read the org settings', () => {
  const forbidden = {
    errorCode: 'E0000006',
    errorSummary: 'You do not have permission to perform the requested action',
    errorLink: 'E0000006',
    errorId: 'oaeForbidden',
    errorCauses: [],
  }
  const admin = { id: '00uHELPDESK000000001', status: 'ACTIVE', profile: { firstName: 'Hal', lastName: 'Desk', login: 'hal@example.com' } }

  it('still connects and names the administrator, saying the organisation settings could not be read', async () => {
    const server = await startLocalServer((request) =>
      request.url === '/api/v1/org' ? { status: 403, body: forbidden } : request.url === '/api/v1/users/me' ? { status: 200, body: admin } : { status: 404 },
    )
    const connector = createOktaConnector({
      profileId: 'p',
      profileName: 'Help desk Okta',
      environment: 'sandbox',
      values: { url: server.url },
      secrets: { token: 'help-desk-token' },
      logger: createRecordingLogger(),
    })
    try {
      const report = await connector.testConnection()
      expect(report.summary).toBe(`Connected to ${new URL(server.url).host} as Hal Desk (hal@example.com)`)
      expect(report.facts).toContainEqual({ label: 'Organisation settings', value: expect.stringContaining('admin role') })
    } finally {
      connector.close()
      await server.close()
    }
  })

  it('still fails when the token itself is refused', async () => {
    const server = await startLocalServer(() => ({ status: 401, body: { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: [] } }))
    const connector = createOktaConnector({ profileId: 'p', profileName: 'x', environment: 'sandbox', values: { url: server.url }, secrets: { token: 'bad' }, logger: createRecordingLogger() })
    try {
      await expectAppError(connector.testConnection(), 'auth_failed')
    } finally {
      connector.close()
      await server.close()
    }
  })
})
