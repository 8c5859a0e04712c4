import { describe, expect, it } from 'vitest'
import { oktaUserStatuses, type OktaUserStatus } from '../../../../electron/sandbox/okta/oktaRecords'
import { asObject, oktaClient, useOktaSandbox } from './oktaClient'

type Outcome = OktaUserStatus | { status: number; errorCode: string }
const alreadyActive = { status: 403, errorCode: 'E0000016' }
const notInStatus = { status: 403, errorCode: 'E0000038' }
const invalid = { status: 400, errorCode: 'E0000001' }
const noUnlock = { status: 403, errorCode: 'E0000032' }

/** For a user with a password: what each operation does from each status (okta.md §3.7). */
const matrix: Record<string, Record<OktaUserStatus, Outcome>> = {
  activate: { STAGED: 'ACTIVE', DEPROVISIONED: 'ACTIVE', PROVISIONED: alreadyActive, ACTIVE: alreadyActive, RECOVERY: alreadyActive, PASSWORD_EXPIRED: alreadyActive, LOCKED_OUT: alreadyActive, SUSPENDED: alreadyActive },
  reactivate: { PROVISIONED: 'PROVISIONED', RECOVERY: 'PROVISIONED', STAGED: notInStatus, ACTIVE: notInStatus, PASSWORD_EXPIRED: notInStatus, LOCKED_OUT: notInStatus, SUSPENDED: notInStatus, DEPROVISIONED: notInStatus },
  deactivate: { STAGED: 'DEPROVISIONED', PROVISIONED: 'DEPROVISIONED', ACTIVE: 'DEPROVISIONED', RECOVERY: 'DEPROVISIONED', PASSWORD_EXPIRED: 'DEPROVISIONED', LOCKED_OUT: 'DEPROVISIONED', SUSPENDED: 'DEPROVISIONED', DEPROVISIONED: notInStatus },
  suspend: { ACTIVE: 'SUSPENDED', STAGED: invalid, PROVISIONED: invalid, RECOVERY: invalid, PASSWORD_EXPIRED: invalid, LOCKED_OUT: invalid, SUSPENDED: invalid, DEPROVISIONED: invalid },
  unsuspend: { SUSPENDED: 'ACTIVE', STAGED: invalid, PROVISIONED: invalid, ACTIVE: invalid, RECOVERY: invalid, PASSWORD_EXPIRED: invalid, LOCKED_OUT: invalid, DEPROVISIONED: invalid },
  unlock: { LOCKED_OUT: 'ACTIVE', STAGED: noUnlock, PROVISIONED: noUnlock, ACTIVE: noUnlock, RECOVERY: noUnlock, PASSWORD_EXPIRED: noUnlock, SUSPENDED: noUnlock, DEPROVISIONED: noUnlock },
  expire_password: { ACTIVE: 'PASSWORD_EXPIRED', PASSWORD_EXPIRED: 'PASSWORD_EXPIRED', LOCKED_OUT: 'PASSWORD_EXPIRED', RECOVERY: 'PASSWORD_EXPIRED', STAGED: notInStatus, PROVISIONED: notInStatus, SUSPENDED: notInStatus, DEPROVISIONED: notInStatus },
  // As expire_password; the answer carries the temporary password (spec example ExpirePwdWithTempPwdResponse).
  expire_password_with_temp_password: { ACTIVE: 'PASSWORD_EXPIRED', PASSWORD_EXPIRED: 'PASSWORD_EXPIRED', LOCKED_OUT: 'PASSWORD_EXPIRED', RECOVERY: 'PASSWORD_EXPIRED', STAGED: notInStatus, PROVISIONED: notInStatus, SUSPENDED: notInStatus, DEPROVISIONED: notInStatus },
}

describe('Okta sandbox: user lifecycle', () => {
  const startSandbox = useOktaSandbox()

  it('follows the documented status machine, answering invalid transitions with the documented error', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    let counter = 0
    for (const [operation, outcomes] of Object.entries(matrix)) {
      for (const from of oktaUserStatuses) {
        const user = sandbox.tenant.addUser({ firstName: 'Test', lastName: `User${counter++}`, status: from, hasPassword: true })
        const answer = await call('POST', `/api/v1/users/${user.id}/lifecycle/${operation}`)
        const outcome = outcomes[from]
        const actual = answer.status === 200 ? sandbox.tenant.user(user.id)?.status : { status: answer.status, errorCode: asObject(answer).errorCode }
        expect({ operation, from, outcome: actual }).toEqual({ operation, from, outcome })
        if (typeof outcome !== 'string') expect(sandbox.tenant.user(user.id)?.status).toBe(from)
      }
    }
  })

  it('answers 200 {} with a JSON type, and changes statusChanged and lastUpdated', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const user = sandbox.tenant.addUser({ firstName: 'Ana', lastName: 'Lima' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const answer = await oktaClient(sandbox)('POST', `/api/v1/users/${user.id}/lifecycle/suspend`)
    expect([answer.status, answer.body, answer.headers.get('content-type')]).toEqual([200, {}, 'application/json'])
    const after = sandbox.tenant.user(user.id)
    expect(after?.statusChanged).not.toBe(user.statusChanged)
    expect(after?.lastUpdated).not.toBe(user.lastUpdated)
  })

  it('activates a user without a password to PROVISIONED and hands back the token when sendEmail=false', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const user = sandbox.tenant.addUser({ firstName: 'Ana', lastName: 'Lima', status: 'STAGED', hasPassword: false })
    const answer = await oktaClient(sandbox)('POST', `/api/v1/users/${user.id}/lifecycle/activate?sendEmail=false`)
    const body = asObject(answer)
    expect(body.activationToken).toMatch(/^\w{20}$/)
    expect(body.activationUrl).toBe(`${sandbox.url}/welcome/${body.activationToken}`)
    expect(sandbox.tenant.user(user.id)).toMatchObject({ status: 'PROVISIONED', activated: expect.any(String) })
  })

  it('returns the user from expire_password, and needs sendEmail for reset_password', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const user = sandbox.tenant.addUser({ firstName: 'Ana', lastName: 'Lima' })
    const expired = await call('POST', `/api/v1/users/${user.id}/lifecycle/expire_password`)
    expect(asObject(expired)).toMatchObject({ id: user.id, status: 'PASSWORD_EXPIRED' })
    const missing = await call('POST', `/api/v1/users/${user.id}/lifecycle/reset_password`)
    expect([missing.status, asObject(missing).errorCode]).toEqual([400, 'E0000028'])
    const reset = await call('POST', `/api/v1/users/${user.id}/lifecycle/reset_password?sendEmail=false`)
    expect(asObject(reset).resetPasswordUrl).toMatch(new RegExp(`^${sandbox.url}/reset_password/\\w+$`))
    expect(sandbox.tenant.user(user.id)?.status).toBe('RECOVERY')
  })

  it('answers an unknown user with 404 E0000007 and an unknown operation with 404 E0000008', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const unknownUser = await call('POST', '/api/v1/users/00uNOPE/lifecycle/suspend')
    expect([unknownUser.status, asObject(unknownUser).errorCode]).toEqual([404, 'E0000007'])
    const user = sandbox.tenant.addUser({ firstName: 'Ana', lastName: 'Lima' })
    const unknownOperation = await call('POST', `/api/v1/users/${user.id}/lifecycle/teleport`)
    expect([unknownOperation.status, asObject(unknownOperation).errorCode]).toEqual([404, 'E0000008'])
  })

  it('keeps group memberships and app assignments on suspend; deactivation keeps memberships but removes app assignments', async () => {
    const sandbox = await startSandbox()
    const call = oktaClient(sandbox)
    const [suspended, deactivated] = sandbox.tenant.users().filter((user) => user.status === 'ACTIVE' && user.appAssignments.length > 0).slice(2, 4)
    if (!suspended || !deactivated) throw new Error('the seed has active users with apps')
    const groupsBefore = (id: string) => sandbox.tenant.groupsOf(id).map((group) => group.id)
    const suspendedGroups = groupsBefore(suspended.id)
    const deactivatedGroups = groupsBefore(deactivated.id)
    await call('POST', `/api/v1/users/${suspended.id}/lifecycle/suspend`)
    await call('POST', `/api/v1/users/${deactivated.id}/lifecycle/deactivate`)
    expect(groupsBefore(suspended.id)).toEqual(suspendedGroups)
    expect(sandbox.tenant.appAssignmentsOf(suspended.id)).toEqual(suspended.appAssignments)
    expect(groupsBefore(deactivated.id)).toEqual(deactivatedGroups)
    expect(sandbox.tenant.appAssignmentsOf(deactivated.id)).toEqual([])
  })

  it('offers in _links only the operations the status allows', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = oktaClient(sandbox)
    const linksOf = async (status: OktaUserStatus) => {
      const user = sandbox.tenant.addUser({ firstName: 'Links', lastName: status.replace('_', ''), status })
      return asObject(await call('GET', `/api/v1/users/${user.id}`))._links as Record<string, { href: string; method?: string }>
    }
    const staged = await linksOf('STAGED')
    expect(Object.keys(staged).sort()).toEqual(['activate', 'schema', 'self', 'type'])
    const deprovisioned = await linksOf('DEPROVISIONED')
    expect(deprovisioned.delete).toEqual({ href: deprovisioned.self?.href, method: 'DELETE' })
    expect(deprovisioned.activate?.method).toBe('POST')
    const suspended = await linksOf('SUSPENDED')
    expect(suspended.unsuspend).toBeDefined()
    expect(suspended.suspend).toBeUndefined()
    const locked = await linksOf('LOCKED_OUT')
    expect(locked.unlock?.href).toMatch(/\/lifecycle\/unlock$/)
  })

  it('lists each user with only its self link', async () => {
    const sandbox = await startSandbox({ users: 3 })
    const list = (await oktaClient(sandbox)('GET', '/api/v1/users')).body as { _links: Record<string, unknown> }[]
    expect(list.every((user) => Object.keys(user._links).join() === 'self')).toBe(true)
  })
})
