import { describe, expect, it } from 'vitest'
import { asObject, useGoToMeetingSandbox } from './goToClient'

describe('GoTo sandbox: suspension follows from licences and roles', () => {
  const start = useGoToMeetingSandbox()

  it('seeds active, invited and suspended users, some with admin roles', async () => {
    const { sandbox } = await start({ users: 300 })
    const statuses = new Set(sandbox.tenant.users().map((user) => user.status))
    expect([...statuses].sort()).toEqual(['ACTIVE', 'INVITED', 'SUSPENDED'])
    expect(sandbox.tenant.count('SUSPENDED')).toBeGreaterThan(0)
    expect(sandbox.tenant.count('ACTIVE')).toBeGreaterThan(sandbox.tenant.count() * 0.8)
    expect(sandbox.tenant.users().filter((user) => user.adminRoles.length > 0).length).toBeGreaterThan(3)
    for (const user of sandbox.tenant.users().filter((candidate) => candidate.status === 'SUSPENDED')) {
      expect([user.licenseKeys, user.adminRoles]).toEqual([[], []])
    }
  })

  it('suspends a user whose licences and admin roles are all taken away, and makes them active again when a licence comes back', async () => {
    const { sandbox, call, users } = await start()
    const user = sandbox.tenant.users().find((candidate) => candidate.status === 'ACTIVE' && candidate.adminRoles.length > 0 && candidate.key !== sandbox.tenant.adminUser.key)!
    expect((await call('PUT', `${users}/${user.key}`, { licenseKeys: [] })).status).toBe(204)
    // An admin role alone keeps the account usable.
    expect(asObject(await call('GET', `${users}/${user.key}`)).status).toBe('ACTIVE')

    expect((await call('PUT', `${users}/${user.key}`, { adminRoles: [] })).status).toBe(204)
    const suspended = asObject(await call('GET', `${users}/${user.key}`))
    expect(suspended).toMatchObject({ status: 'SUSPENDED', products: [], licenseKeys: [], adminRoles: [], canAuthenticate: false })

    expect((await call('PUT', `${users}/${user.key}`, { licenseKeys: user.licenseKeys, adminRoles: user.adminRoles })).status).toBe(204)
    expect(asObject(await call('GET', `${users}/${user.key}`))).toMatchObject({ status: 'ACTIVE', licenseKeys: user.licenseKeys, adminRoles: user.adminRoles })
  })

  it('brings a never-signed-in user back as INVITED, who becomes ACTIVE on first sign-in', async () => {
    const { sandbox, call, users } = await start()
    const licence = sandbox.tenant.licenses()[0]!
    const created = await call('POST', users, { users: [{ email: 'fresh@example.com', firstName: 'Fresh', lastName: 'Start' }], licenseKeys: [licence.key] })
    const invited = sandbox.tenant.user((created.body as { key: string }[])[0]!.key)!
    expect(invited.status).toBe('INVITED')
    await call('PUT', `${users}/${invited.key}`, { licenseKeys: [], adminRoles: [] })
    expect(sandbox.tenant.user(invited.key)?.status).toBe('SUSPENDED')
    await call('PUT', `${users}/${invited.key}`, { licenseKeys: [licence.key] })
    expect(sandbox.tenant.user(invited.key)?.status).toBe('INVITED')
    sandbox.tenant.signIn(invited.key)
    expect(asObject(await call('GET', `${users}/${invited.key}`)).status).toBe('ACTIVE')
  })

  it('ignores a status written directly: suspension is not a flag', async () => {
    const { sandbox, call, users } = await start()
    const user = sandbox.tenant.users().find((candidate) => candidate.status === 'ACTIVE' && candidate.adminRoles.length === 0)!
    const answer = await call('PUT', `${users}/${user.key}`, { status: 'SUSPENDED', products: [] })
    expect(answer.status).toBe(204)
    expect(sandbox.tenant.user(user.key)).toEqual(user)
  })

  it('refuses to give a licence beyond its seats', async () => {
    const { sandbox, call, users } = await start({ users: 0 })
    const licence = sandbox.tenant.licenses()[2]!
    // No generated people: seats = 500, and the administrator holds none of this licence.
    const batch = Array.from({ length: 501 }, (_, index) => ({ email: `person${index}@example.com`, firstName: 'P', lastName: String(index) }))
    const answer = await call('POST', users, { users: batch, licenseKeys: [licence.key] })
    expect(answer.status).toBe(409)
    expect((answer.body as { errors: { code: string }[] }).errors[0]?.code).toBe('license.seats.exceeded')
    expect(sandbox.tenant.count()).toBe(1)
  })
})
