import { describe, expect, it } from 'vitest'
import { adminError, asList, asObject, useGoToMeetingSandbox } from './goToClient'
import { seededAccounts } from '../../../support/sandboxPeople'

describe('GoTo sandbox: /me, the account and its licences', () => {
  const start = useGoToMeetingSandbox()

  it('describes the signed-in administrator on /me, with the account key and the accounts they manage', async () => {
    const { sandbox, call } = await start()
    const me = asObject(await call('GET', 'me'))
    expect(me).toMatchObject({
      key: sandbox.tenant.adminUser.key,
      email: sandbox.credentials.username,
      firstName: 'Sandbox',
      lastName: 'Administrator',
      accountKey: sandbox.credentials.accountKey,
      accounts: [{ key: sandbox.credentials.accountKey, name: 'Lanyard Sandbox Inc.', adminRoles: ['SUPER_USER'] }],
      adminRoles: ['SUPER_USER'],
    })
  })

  it('answers the account’s key and name, and its user count as the users list’s total', async () => {
    const { sandbox, call, users } = await start()
    const account = await call('GET', `accounts/${sandbox.credentials.accountKey}`)
    expect([account.status, account.body]).toEqual([200, { key: sandbox.credentials.accountKey, name: 'Lanyard Sandbox Inc.' }])
    expect(account.headers.get('content-type')).toBe('application/json')
    const firstPage = asList(await call('GET', `${users}?pageSize=1`))
    expect(firstPage.results).toHaveLength(1)
    expect(firstPage.total).toBe(sandbox.tenant.count())
    // The company's people with a GoTo account, the administrator added, the remembered deleted ones left out.
    expect(sandbox.tenant.count()).toBe(seededAccounts('gotomeeting', 40) + 1 - sandbox.tenant.deletedEmails().length)
  })

  it('answers another account’s key with 404 account.not.found and a non-numeric one with the gateway’s 502', async () => {
    const { call } = await start()
    const other = await call('GET', 'accounts/1234567890123456789012/users')
    expect(other.status).toBe(404)
    expect(adminError(other)).toMatchObject({ code: 'account.not.found', value: '1234567890123456789012' })
    expect(adminError(other).incidentId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    const malformed = await call('GET', 'accounts/acme/users')
    expect([malformed.status, malformed.body]).toEqual([502, { message: 'Internal server error' }])
  })

  it('lists the licences in GoTo’s shape, each counting and naming its holders', async () => {
    const { sandbox, call } = await start()
    const list = asList(await call('GET', `accounts/${sandbox.credentials.accountKey}/licenses`))
    expect(list).toMatchObject({ fromIndex: 0, toIndex: 2, total: 3 })
    expect(list.results.map((license) => license.products)).toEqual([['G2M'], ['G2M', 'G2W'], ['G2M', 'G2T']])
    const holders = new Map<string, number>()
    for (const user of sandbox.tenant.users()) for (const key of user.licenseKeys) holders.set(key, (holders.get(key) ?? 0) + 1)
    for (const license of list.results) {
      expect(license).toMatchObject({ enabled: true, deviceKeys: [], childLicenseKeys: [], externallyManaged: false })
      expect(typeof license.key).toBe('string')
      expect(license.userCount).toBe(holders.get(license.key as string))
      expect((license.userKeys as string[]).length).toBe(license.userCount)
      expect(license.seats as number).toBeGreaterThan(license.userCount as number)
    }
  })

  it('answers an unknown path with 404 and a method a path does not take with 405, in the Admin API’s error shape', async () => {
    const { sandbox, call } = await start()
    const unknown = await call('GET', 'accounts/1/nothing')
    expect([unknown.status, adminError(unknown).code]).toEqual([404, 'resource.not.found'])
    const outside = await call('GET', '/elsewhere')
    expect([outside.status, adminError(outside).code]).toEqual([404, 'resource.not.found'])
    const wrongMethod = await call('PATCH', `accounts/${sandbox.credentials.accountKey}/users`)
    expect([wrongMethod.status, adminError(wrongMethod)]).toMatchObject([405, { code: 'method.not.allowed', value: 'PATCH' }])
  })
})
