import { describe, expect, it } from 'vitest'
import { adminError, asList, asObject, filterQuery, useGoToMeetingSandbox } from './goToClient'

const newPerson = { email: 'nadia.okafor@example.com', firstName: 'Nadia', lastName: 'Okafor' }

describe('GoTo sandbox: one user — get, create, update, delete', () => {
  const start = useGoToMeetingSandbox()

  it('answers a user by key in GoTo’s shape, with the group it is in', async () => {
    const { sandbox, call, users } = await start()
    const record = sandbox.tenant.users().find((user) => user.status === 'ACTIVE' && user.key !== sandbox.tenant.adminUser.key)!
    const answer = await call('GET', `${users}/${record.key}`)
    expect(answer.status).toBe(200)
    const user = asObject(answer)
    const group = sandbox.tenant.groups().find((candidate) => candidate.key === record.groupKey)!
    expect(user).toMatchObject({
      key: record.key,
      email: record.email,
      firstName: record.firstName,
      lastName: record.lastName,
      locale: record.locale,
      timeZone: record.timeZone,
      status: 'ACTIVE',
      licenseKeys: record.licenseKeys,
      groupKey: group.key,
      groupName: group.name,
      canAuthenticate: true,
    })
    expect((user.products as string[]).length).toBeGreaterThan(0)
    expect(user.locale).toMatch(/^[a-z]{2}_[A-Z]{2}$/)
  })

  it('answers a malformed key with the gateway’s 502 on GET, PUT and DELETE, but a well-formed unknown one with 404 user.not.found', async () => {
    const { sandbox, call, users } = await start()
    const before = sandbox.tenant.count()
    for (const [method, body] of [['GET'], ['PUT', { firstName: 'X' }], ['DELETE']] as const) {
      const malformed = await call(method, `${users}/abc`, body)
      expect([malformed.status, malformed.body]).toEqual([502, { message: 'Internal server error' }])
      expect(malformed.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException')
      const unknown = await call(method, `${users}/12345678901234567890`, body)
      expect(unknown.status).toBe(404)
      expect(adminError(unknown)).toMatchObject({ code: 'user.not.found', value: '12345678901234567890' })
    }
    expect(sandbox.tenant.count()).toBe(before)
  })

  it('creates users with 201 and [{key, email}]: INVITED with a licence, in the group given, no invite email when suppressed', async () => {
    const { sandbox, call, users } = await start()
    const [licence] = sandbox.tenant.licenses()
    const group = sandbox.tenant.group('Design')!
    const answer = await call('POST', users, {
      users: [newPerson, { email: 'li.wei@example.com', firstName: 'Li', lastName: 'Wei', locale: 'de_DE', timeZone: 'Europe/Berlin' }],
      suppressEmail: true,
      licenseKeys: [licence!.key],
      groupKey: group.key,
    })
    expect(answer.status).toBe(201)
    const created = answer.body as { key: string; email: string }[]
    expect(created.map((user) => user.email)).toEqual([newPerson.email, 'li.wei@example.com'])
    const nadia = sandbox.tenant.user(created[0]!.key)!
    expect(nadia).toMatchObject({ ...newPerson, status: 'INVITED', licenseKeys: [licence!.key], groupKey: group.key, inviteCount: 0, locale: 'en_US' })
    expect(sandbox.tenant.user(created[1]!.key)).toMatchObject({ locale: 'de_DE', timeZone: 'Europe/Berlin' })
    expect(sandbox.tenant.membersOf(group.key).map((user) => user.key)).toContain(nadia.key)
    expect(BigInt(created[1]!.key) > BigInt(created[0]!.key)).toBe(true)
    // Given no licence and no role, a new user is suspended from the start (status is derived).
    const bare = (await call('POST', users, { users: [{ email: 'bare@example.com', firstName: 'Bare', lastName: 'User' }] })).body as { key: string }[]
    expect(sandbox.tenant.user(bare[0]!.key)).toMatchObject({ status: 'SUSPENDED', inviteCount: 1 })
  })

  it('answers a create for an existing email with 201 and the EXISTING key, creating and changing nothing', async () => {
    const { sandbox, call, users } = await start()
    const existing = sandbox.tenant.users()[9]!
    const before = sandbox.tenant.count()
    const answer = await call('POST', users, { users: [{ email: existing.email.toUpperCase(), firstName: 'Someone', lastName: 'Else' }], licenseKeys: [] })
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual([{ key: existing.key, email: existing.email }])
    expect(sandbox.tenant.count()).toBe(before)
    expect(sandbox.tenant.user(existing.key)).toEqual(existing)
  })

  it('refuses the whole batch with 409 user.name.conflict when allOrNothing=true and an email exists', async () => {
    const { sandbox, call, users } = await start()
    const existing = sandbox.tenant.users()[9]!
    const answer = await call('POST', `${users}?allOrNothing=true`, { users: [newPerson, { email: existing.email, firstName: 'A', lastName: 'B' }] })
    expect([answer.status, adminError(answer)]).toMatchObject([409, { code: 'user.name.conflict', value: existing.email }])
    expect(sandbox.tenant.findUser(newPerson.email)).toBeUndefined()
  })

  it.each([
    [{ users: [{ firstName: 'No', lastName: 'Email' }] }, 'user.email.required'],
    [{ users: [{ email: 'not-an-email', firstName: 'A', lastName: 'B' }] }, 'user.email.invalid'],
    [{ users: [{ email: 'a@example.com', lastName: 'B' }] }, 'user.firstName.required'],
    [{ users: [{ email: 'a@example.com', firstName: 'A', lastName: 'B', timeZone: 'Mars/Olympus' }] }, 'user.timeZone.invalid'],
    [{ users: [{ email: 'a@example.com', firstName: 'A', lastName: 'B', locale: 'english' }] }, 'user.locale.invalid'],
    [{ users: [{ email: 'a@example.com', firstName: 'A', lastName: 'B' }], licenseKeys: ['99999999999999999999'] }, 'license.not.found'],
    [{ users: [{ email: 'a@example.com', firstName: 'A', lastName: 'B' }], adminRoles: ['GOD_MODE'] }, 'user.adminRoles.invalid'],
    [{ users: [{ email: 'a@example.com', firstName: 'A', lastName: 'B' }], groupKey: '99999999999999999999' }, 'group.not.found'],
    [{ users: ['not a user'] }, 'invalid.request'],
  ])('refuses the create %j with 400 %s, creating nobody', async (body, code) => {
    const { sandbox, call, users } = await start()
    const before = sandbox.tenant.count()
    const answer = await call('POST', users, { ...body, users: [newPerson, ...body.users] })
    expect([answer.status, adminError(answer).code]).toEqual([400, code])
    expect(sandbox.tenant.count()).toBe(before)
  })

  it('refuses a create without users, or whose body is not a JSON object, with 400 invalid.request', async () => {
    const { call, users } = await start()
    for (const body of [{ users: [] }, {}, [newPerson], '{"users": [']) {
      const answer = await call('POST', users, body)
      expect([answer.status, adminError(answer).code]).toEqual([400, 'invalid.request'])
    }
  })

  it('reads licence keys sent as JSON numbers exactly, even beyond 2^53', async () => {
    const { sandbox, call, users } = await start()
    const licence = sandbox.tenant.licenses()[1]!
    const raw = `{"users":[{"email":"${newPerson.email}","firstName":"Nadia","lastName":"Okafor"}],"licenseKeys":[${licence.key}]}`
    const answer = await call('POST', users, raw)
    expect(answer.status).toBe(201)
    expect(sandbox.tenant.findUser(newPerson.email)?.licenseKeys).toEqual([licence.key])
  })

  it('updates partially with 204: what is sent changes, the rest stays', async () => {
    const { sandbox, call, users } = await start()
    const before = sandbox.tenant.users()[6]!
    const answer = await call('PUT', `${users}/${before.key}`, { lastName: 'Renamed', timeZone: 'Asia/Tokyo', locale: 'ja_JP' })
    expect([answer.status, answer.text]).toEqual([204, ''])
    expect(sandbox.tenant.user(before.key)).toEqual({ ...before, lastName: 'Renamed', timeZone: 'Asia/Tokyo', locale: 'ja_JP' })
    const changedEmail = await call('PUT', `${users}/${before.key}`, { email: 'renamed@example.com' })
    expect(changedEmail.status).toBe(204)
    expect(sandbox.tenant.findUser('renamed@example.com')?.key).toBe(before.key)
    expect(sandbox.tenant.findUser(before.email)).toBeUndefined()
  })

  it('refuses a key in the update body, another user’s email and bad values, changing nothing', async () => {
    const { sandbox, call, users } = await start()
    const [one, other] = [sandbox.tenant.users()[6]!, sandbox.tenant.users()[7]!]
    const cases: [unknown, number, string][] = [
      [{ key: one.key, firstName: 'X' }, 400, 'user.key.readonly'],
      [{ email: other.email.toUpperCase() }, 409, 'user.name.conflict'],
      [{ firstName: '' }, 400, 'user.firstName.required'],
      [{ timeZone: 'Nowhere/Land' }, 400, 'user.timeZone.invalid'],
      [{ licenseKeys: ['1'] }, 400, 'license.not.found'],
    ]
    for (const [body, status, code] of cases) {
      const answer = await call('PUT', `${users}/${one.key}`, body)
      expect([answer.status, adminError(answer).code]).toEqual([status, code])
    }
    const notJson = await call('PUT', `${users}/${one.key}`, '{"firstName":')
    expect([notJson.status, adminError(notJson).code]).toEqual([400, 'invalid.request'])
    expect(sandbox.tenant.user(one.key)).toEqual(one)
  })

  it('deletes with 204: the user leaves the account, a second delete is 404, and GoTo remembers the email', async () => {
    const { sandbox, call, users } = await start()
    const victim = sandbox.tenant.users()[12]!
    const before = sandbox.tenant.count()
    const answer = await call('DELETE', `${users}/${victim.key}`)
    expect([answer.status, answer.text]).toEqual([204, ''])
    expect(sandbox.tenant.count()).toBe(before - 1)
    expect((await call('GET', `${users}/${victim.key}`)).status).toBe(404)
    expect((await call('DELETE', `${users}/${victim.key}`)).status).toBe(404)
    expect(sandbox.tenant.deletedEmails()).toContain(victim.email)
    expect(sandbox.tenant.membersOf(victim.groupKey!).map((user) => user.key)).not.toContain(victim.key)
  })

  it('does not let the signed-in administrator delete themselves', async () => {
    const { sandbox, call, users } = await start()
    const answer = await call('DELETE', `${users}/${sandbox.tenant.adminUser.key}`)
    expect([answer.status, adminError(answer).code]).toEqual([400, 'user.delete.self'])
  })

  it('brings a deleted user back on a create with their email — same key, old names, old group — which a status filter shows beforehand', async () => {
    const { sandbox, call, users } = await start()
    const victim = sandbox.tenant.users().find((user) => user.status === 'ACTIVE' && user.key !== sandbox.tenant.adminUser.key)!
    await call('DELETE', `${users}/${victim.key}`)
    const lookup = asList(await call('GET', `${users}?${filterQuery(`email eq "${victim.email}" and status eq "DELETED"`)}`))
    expect(lookup.results.map((user) => [user.key, user.status, user.groupKey])).toEqual([[victim.key, 'DELETED', victim.groupKey]])

    const licence = sandbox.tenant.licenses()[0]!
    const answer = await call('POST', users, { users: [{ email: victim.email, firstName: 'Brand', lastName: 'New' }], licenseKeys: [licence.key] })
    expect([answer.status, answer.body]).toEqual([201, [{ key: victim.key, email: victim.email }]])
    expect(sandbox.tenant.user(victim.key)).toMatchObject({ firstName: victim.firstName, lastName: victim.lastName, groupKey: victim.groupKey, status: 'ACTIVE', licenseKeys: [licence.key] })
    expect(sandbox.tenant.deletedEmails()).not.toContain(victim.email)
    expect(sandbox.tenant.membersOf(victim.groupKey!).map((user) => user.key)).toContain(victim.key)
  })

  it('seeds a few remembered deleted users, whose emails bring back their old accounts', async () => {
    const { sandbox, call, users } = await start()
    const deletedEmail = sandbox.tenant.deletedEmails()[0]!
    expect(sandbox.tenant.deletedEmails().length).toBeGreaterThanOrEqual(3)
    const remembered = asList(await call('GET', `${users}?${filterQuery(`email eq "${deletedEmail}" and status eq "DELETED"`)}`)).results[0]!
    const answer = await call('POST', users, { users: [{ email: deletedEmail, firstName: 'A', lastName: 'B' }] })
    expect(answer.body).toEqual([{ key: remembered.key, email: deletedEmail }])
  })
})
