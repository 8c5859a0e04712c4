import { describe, expect, it } from 'vitest'
import { withReadAhead } from '../../../../electron/connectors/withReadAhead'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, behindLanyardsBack, goToHarness } from './goToSandboxHarness'

const newPerson = { userName: 'grace.hopper@example.com', 'emails[0].value': 'grace.hopper@example.com', 'name.givenName': 'Grace', 'name.familyName': 'Hopper' }

describe('GoToMeeting connector: users against the sandbox account', () => {
  it('tests the connection: the account’s name, key and user count, and who signed in', async () => {
    const { connector, tenant } = await goToHarness()
    const report = await connector.testConnection()
    expect(report.summary).toBe(`Connected to ${tenant.account.name} as ${tenant.adminUser.email}: ${tenant.count()} users`)
    expect(report.facts).toContainEqual({ label: 'Account key', value: tenant.account.key })
    expect(report.facts).toContainEqual({ label: 'Users', value: String(tenant.count()) })
  })

  it('says which accounts the administrator has when the Account key is wrong', async () => {
    const { connect, tenant } = await goToHarness()
    const error = await expectAppError(connect({ accountKey: '1234567890' }).testConnection(), 'not_found')
    expect(error.message).toContain(tenant.account.key)
    expect(error.message).toContain("Correct the profile's Account key")
  })

  it('pages through every user with the total, never more rows than asked, no duplicate and none missing', async () => {
    const { connector, tenant } = await goToHarness()
    const first = await connector.list('users', { search: '', pageSize: 25 })
    expect(first.total).toBe(tenant.count())
    const { ids, pageSizes } = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 25 }))
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(25)
    expect(ids).toHaveLength(tenant.count())
    expect(new Set(ids)).toEqual(new Set(tenant.users().map((user) => user.key)))
  })

  it('tells the next cursor ahead of a page after the first, the same one it returns', async () => {
    const { connector } = await goToHarness()
    const first = await connector.list('users', { search: '', pageSize: 10 })
    const told: string[] = []
    const page = await connector.list('users', { search: '', cursor: first.nextCursor, pageSize: 10, onNextCursor: (cursor) => told.push(cursor) })
    expect(told).toEqual([page.nextCursor])
  })

  it('tells no cursor ahead of the page the total says is the last, yet reads on when the answer says the list grew', async () => {
    const { connector, sandbox, tenant } = await goToHarness({ users: 95 })
    const total = tenant.count()
    const pageSize = Math.ceil(total / 3)
    const first = await connector.list('users', { search: '', pageSize })
    const second = await connector.list('users', { search: '', cursor: first.nextCursor, pageSize })
    expect(second.items.length + first.items.length).toBeLessThan(total)
    // Enough people join that the page the total said was the last is now full, with more behind it.
    const joiners = Array.from({ length: pageSize }, (_, index) => ({ email: `joiner${index}@example.com`, firstName: 'Late', lastName: `Joiner${index}` }))
    expect((await behindLanyardsBack(sandbox, 'POST', 'users', { users: joiners })).status).toBeLessThan(300)
    const told: string[] = []
    const third = await connector.list('users', { search: '', cursor: second.nextCursor, pageSize, onNextCursor: (cursor) => told.push(cursor) })
    expect(told).toEqual([])
    expect(third.total).toBe(total + pageSize)
    expect(third.items).toHaveLength(pageSize)
    const fourth = await connector.list('users', { search: '', cursor: third.nextCursor, pageSize })
    expect(first.items.length + second.items.length + third.items.length + fourth.items.length).toBe(total + pageSize)
    expect(fourth.nextCursor).toBeNull()
  })

  it('reads a list to its end as the app does (reading ahead) with one request a page, none past the end', async () => {
    const { connector, tenant, requests, mark } = await goToHarness({ users: 95 })
    // As the app reads it: the next page asked for while this one is mapped (withReadAhead.ts).
    const app = withReadAhead(connector)
    const first = await app.list('users', { search: '', pageSize: 10 })
    mark()
    let cursor = first.nextCursor
    let read = first.items.length
    while (cursor) {
      const page = await app.list('users', { search: '', cursor, pageSize: 10 })
      read += page.items.length
      cursor = page.nextCursor
    }
    // Settled: a page read ahead past the end waits its turn in the request budget (10 a second), then goes.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(read).toBe(tenant.count())
    expect(requests().filter((request) => request.method === 'GET' && /\/users\?/.test(request.path))).toHaveLength(Math.ceil(tenant.count() / 10) - 1)
  })

  it('searches by a part of the email, by first and last name, and by key', async () => {
    const { connector, tenant } = await goToHarness()
    const person = tenant.users().find((user) => user.key !== tenant.adminUser.key)!
    const byEmail = await connector.list('users', { search: person.email.split('@')[0]!.toUpperCase(), pageSize: 50 })
    expect(byEmail.items.map((item) => item.id)).toContain(person.key)
    const byName = await connector.list('users', { search: `${person.firstName} ${person.lastName.slice(0, 3)}`, pageSize: 50 })
    expect(byName.items.map((item) => item.id)).toContain(person.key)
    for (const item of byName.items) expect(item.attributes['name.givenName']).toBe(person.firstName)
    const byKey = await connector.list('users', { search: person.key, pageSize: 50 })
    expect(byKey.items.map((item) => item.id)).toEqual([person.key])
  })

  it('gets a user with GoTo’s status word, and a malformed id as not found without asking GoTo (which answers 502)', async () => {
    const { connector, tenant, sandbox, requests, mark } = await goToHarness()
    const person = tenant.users().find((user) => user.key !== tenant.adminUser.key)!
    expect((await connector.get('users', person.key)).status).toEqual({ label: person.status, tone: 'ok', active: true })
    expect((await behindLanyardsBack(sandbox, 'GET', 'users/abc')).status).toBe(502)
    mark()
    await expectAppError(connector.get('users', 'abc'), 'not_found')
    expect(requests()).toEqual([])
    const unknown = await expectAppError(connector.get('users', '123456789'), 'not_found')
    expect(unknown.extra.details).toMatchObject({ status: '404', targetCode: 'user.not.found' })
    expect(unknown.extra.details?.requestId).toBeTruthy()
  })

  it('creates a user with a GoTo Meeting licence and the invitation, and reads every written row back', async () => {
    const { connector, tenant } = await goToHarness()
    const created = await connector.create('users', { ...newPerson, locale: 'fr_FR', timezone: 'Europe/Paris' }, {})
    expect(created.attributes).toMatchObject({ ...newPerson, locale: 'fr_FR', timezone: 'Europe/Paris', displayName: 'Grace Hopper', 'name.formatted': 'Grace Hopper' })
    expect(created.status?.label).toBe('INVITED')
    const stored = tenant.user(created.id)!
    expect(stored.inviteCount).toBe(1)
    const meeting = tenant.licenses().find((license) => license.products.join() === 'G2M')!
    expect(stored.licenseKeys).toEqual([meeting.key])
  })

  it('reports a create for an email that exists as "already existed", sending no create', async () => {
    const { connector, tenant, requests, mark } = await goToHarness()
    const person = tenant.users().find((user) => user.key !== tenant.adminUser.key)!
    const before = tenant.count()
    mark()
    const error = await expectAppError(
      connector.create('users', { 'emails[0].value': person.email.toUpperCase(), 'name.givenName': 'Someone', 'name.familyName': 'Else' }, {}),
      'conflict',
    )
    expect(error.message).toContain('already existed')
    expect(error.extra.details).toMatchObject({ existingId: person.key })
    expect(requests().filter((request) => request.method === 'POST' && request.path.endsWith('/users'))).toEqual([])
    expect(tenant.count()).toBe(before)
  })

  it('warns before re-activating a deleted user, then brings that account back', async () => {
    const { connector, tenant } = await goToHarness()
    const email = tenant.deletedEmails()[0]!
    const warnings = await connector.checkCreate!('users', { 'emails[0].value': email, 'name.givenName': 'New', 'name.familyName': 'Person' })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('re-activate that old account')
    expect(await connector.checkCreate!('users', newPerson)).toEqual([])
    const existing = tenant.users()[3]!
    expect((await connector.checkCreate!('users', { 'emails[0].value': existing.email }))[0]).toContain('already has a GoTo account')

    const back = await connector.create('users', { 'emails[0].value': email, 'name.givenName': 'New', 'name.familyName': 'Person' }, {})
    expect(tenant.deletedEmails()).not.toContain(email)
    expect(tenant.findUser(email)?.key).toBe(back.id)
  })

  it('updates first and last name, locale, time zone and email, and refuses bad values before sending', async () => {
    const { connector, tenant, requests, mark } = await goToHarness()
    const person = tenant.users().find((user) => user.key !== tenant.adminUser.key)!
    const changes = { 'name.givenName': 'Augusta', 'name.familyName': 'King', locale: 'de_DE', timezone: 'Europe/Berlin', 'emails[0].value': 'augusta.king@example.com' }
    const updated = await connector.update('users', person.key, changes)
    expect(updated.attributes).toMatchObject({ ...changes, userName: 'augusta.king@example.com', displayName: 'Augusta King' })
    expect(tenant.user(person.key)).toMatchObject({ firstName: 'Augusta', lastName: 'King', locale: 'de_DE', timeZone: 'Europe/Berlin', email: 'augusta.king@example.com' })
    expect((await connector.update('users', person.key, { userName: 'ada.king@example.com' })).attributes['emails[0].value']).toBe('ada.king@example.com')

    mark()
    const refused = await expectAppError(connector.update('users', person.key, { locale: 'german', timezone: null }), 'invalid_input')
    expect(Object.keys(refused.extra.fields ?? {}).sort()).toEqual(['locale', 'timezone'])
    expect(requests()).toEqual([])
    const taken = tenant.users().find((user) => user.key !== person.key && user.key !== tenant.adminUser.key)!
    await expectAppError(connector.update('users', person.key, { 'emails[0].value': taken.email }), 'conflict')
  })

  it('deletes a user from the account, who is then not found', async () => {
    const { connector, tenant } = await goToHarness()
    const person = tenant.users().find((user) => user.key !== tenant.adminUser.key)!
    await connector.delete('users', person.key)
    expect(tenant.user(person.key)).toBeUndefined()
    expect(tenant.deletedEmails()).toContain(person.email)
    await expectAppError(connector.get('users', person.key), 'not_found')
  })
})
