import { describe, expect, it } from 'vitest'
import { asObject, oktaClient, useOktaSandbox } from './oktaClient'

/** A user's temporary password, sessions and MFA factors, as okta-management.yaml documents them. */
describe('Okta sandbox: temporary password, sessions and factors', () => {
  const startSandbox = useOktaSandbox()

  it('answers a temporary password once per call, a new one each time', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const user = sandbox.tenant.addUser({ firstName: 'Temp', lastName: 'Password' })
    const first = asObject(await call('POST', `/api/v1/users/${user.id}/lifecycle/expire_password_with_temp_password`))
    const second = asObject(await call('POST', `/api/v1/users/${user.id}/lifecycle/expire_password_with_temp_password`))
    expect(first.tempPassword).toMatch(/^[A-Za-z0-9]{10}$/)
    expect(second.tempPassword).not.toBe(first.tempPassword)
  })

  it('lists the enrolled factors, which reset_factors empties', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const user = sandbox.tenant.addUser({ firstName: 'Multi', lastName: 'Factor' })
    const before = await call('GET', `/api/v1/users/${user.id}/factors`)
    expect(before.status).toBe(200)
    expect(before.body).toEqual([expect.objectContaining({ factorType: 'token:software:totp', provider: 'OKTA', status: 'ACTIVE' })])
    expect((await call('POST', `/api/v1/users/${user.id}/lifecycle/reset_factors`)).status).toBe(200)
    expect((await call('GET', `/api/v1/users/${user.id}/factors`)).body).toEqual([])
  })

  it("revokes a user's sessions with 204, and answers an unknown user with E0000007", async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const user = sandbox.tenant.addUser({ firstName: 'Signed', lastName: 'In' })
    expect((await call('DELETE', `/api/v1/users/${user.id}/sessions`)).status).toBe(204)
    const unknown = await call('DELETE', '/api/v1/users/00unobody/sessions')
    expect({ status: unknown.status, errorCode: asObject(unknown).errorCode }).toEqual({ status: 404, errorCode: 'E0000007' })
  })
})
