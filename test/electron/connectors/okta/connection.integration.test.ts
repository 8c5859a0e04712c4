import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
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
