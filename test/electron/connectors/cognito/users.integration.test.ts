import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, cognitoHarness } from './cognitoSandboxHarness'

const goodPassword = 'Good-Pass-42!'

describe('Cognito connector: users against the sandbox pool', () => {
  it('lists every user page after page, never more than asked, with no duplicate', async () => {
    const { connector, tenant } = await cognitoHarness()
    const { ids, pageSizes } = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 45 }))
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids)).toEqual(new Set(tenant.users().map((user) => user.username)))
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(45)
  })

  it.each([
    ['Disabled', (user: { enabled: boolean }) => !user.enabled],
    ['force change password', (user: { status: string }) => user.status === 'FORCE_CHANGE_PASSWORD'],
  ])('finds every user for "%s" across short and empty filtered pages', async (search, expected) => {
    const { connector, tenant, calls } = await cognitoHarness()
    for (const username of ['invited.one', 'invited.two']) tenant.addUser({ username, status: 'FORCE_CHANGE_PASSWORD' })
    const wanted = tenant.users().filter(expected).map((user) => user.username)
    expect(wanted.length).toBeGreaterThan(0)
    const { ids, pageSizes } = await allPages((cursor) => connector.list('users', { search, cursor, pageSize: 10 }))
    expect(new Set(ids)).toEqual(new Set(wanted))
    expect(ids).toHaveLength(wanted.length)
    expect(pageSizes.every((size) => size <= 10)).toBe(true)
    // The pool answers a filter 60 users at a time: more ListUsers calls than pages handed out.
    expect(calls().filter((call) => call.operation === 'ListUsers').length).toBeGreaterThan(pageSizes.length)
  })

  it('searches by username, email, phone number, full name and any filterable attribute', async () => {
    const { connector, tenant } = await cognitoHarness()
    const person = tenant.users()[42]!
    const search = async (text: string) => (await allPages((cursor) => connector.list('users', { search: text, cursor, pageSize: 60 }))).ids
    expect(await search(person.username.slice(0, 4))).toEqual(tenant.users().filter((user) => user.username.startsWith(person.username.slice(0, 4))).map((user) => user.username))
    expect(await search(person.attributes.email!)).toEqual([person.username])
    expect(await search(person.attributes.phone_number!)).toContain(person.username)
    expect(await search(person.attributes.name!)).toContain(person.username)
    expect(await search(`family_name = "${person.attributes.family_name}"`)).toEqual(
      tenant.users().filter((user) => user.attributes.family_name === person.attributes.family_name).map((user) => user.username),
    )
    expect(await search(`sub = ${person.attributes.sub}`)).toEqual([person.username])
  })

  it('gets a user with every readable row as the pool holds it', async () => {
    const { connector, tenant } = await cognitoHarness()
    const record = tenant.users().find((user) => user.enabled && user.status === 'CONFIRMED')!
    const object = await connector.get('users', record.username)
    expect(object.attributes).toMatchObject({
      id: record.username,
      userName: record.username,
      'emails[0].value': record.attributes.email,
      'phoneNumbers[0].value': record.attributes.phone_number,
      'Extension.email_verified': record.attributes.email_verified === 'true',
      'Extension.phone_number_verified': record.attributes.phone_number_verified === 'true',
      active: true,
      'name.formatted': record.username,
      displayName: record.username,
      'meta.created': new Date(record.created).toISOString(),
      'meta.lastModified': new Date(record.lastModified).toISOString(),
      'name.givenName': record.attributes.given_name,
    })
    await expectAppError(connector.get('users', 'nobody.here'), 'not_found')
  })

  it('creates a user with a temporary password and an email invitation; the mediums are never read back', async () => {
    const { connector, tenant } = await cognitoHarness()
    const created = await connector.create(
      'users',
      {
        userName: 'grace.hopper',
        'emails[0].value': 'grace@example.com',
        'phoneNumbers[0].value': '+15550100',
        'Extension.email_verified': true,
        'Extension.DesiredDeliveryMediums': 'EMAIL',
        'name.givenName': 'Grace',
      },
      { password: goodPassword },
    )
    expect(created.status).toEqual({ label: 'FORCE_CHANGE_PASSWORD', tone: 'warning', active: false })
    expect(tenant.findUser('grace.hopper')?.attributes).toMatchObject({ email: 'grace@example.com', phone_number: '+15550100', email_verified: 'true', given_name: 'Grace' })
    expect(tenant.deliveriesTo('grace.hopper')).toEqual([{ username: 'grace.hopper', mediums: ['EMAIL'], kind: 'invitation' }])
    expect(created.attributes).not.toHaveProperty('Extension.DesiredDeliveryMediums')
    expect((await connector.get('users', 'grace.hopper')).attributes).not.toHaveProperty('Extension.DesiredDeliveryMediums')
  })

  it('sends the invitation by email when no medium is chosen and the user has no phone number', async () => {
    const { connector, tenant } = await cognitoHarness()
    await connector.create('users', { userName: 'no.phone', 'emails[0].value': 'no.phone@example.com' }, {})
    expect(tenant.deliveriesTo('no.phone').map((delivery) => delivery.mediums)).toEqual([['EMAIL']])
  })

  it('creates a user with a permanent password: CONFIRMED, active, and no invitation sent', async () => {
    const { connector, tenant } = await cognitoHarness()
    const created = await connector.create(
      'users',
      { userName: 'alan.turing', 'emails[0].value': 'alan@example.com', 'Extension.IsPasswordPermanent': true },
      { password: goodPassword },
    )
    expect(created.status).toEqual({ label: 'CONFIRMED', tone: 'ok', active: true })
    expect(tenant.userStatus('alan.turing')).toBe('CONFIRMED')
    expect(tenant.deliveriesTo('alan.turing')).toEqual([])
  })

  it('creates a user in its groups, and disabled when active is false, each as a step', async () => {
    const { connector, tenant } = await cognitoHarness()
    const [first, second] = tenant.groups()
    const created = await connector.create('users', { userName: 'new.joiner', 'emails[0].value': 'new.joiner@example.com', active: false }, { groups: [first!.name, second!.name] })
    expect(tenant.groupsOf('new.joiner').map((group) => group.name)).toEqual([first!.name, second!.name])
    expect(tenant.enabled('new.joiner')).toBe(false)
    expect(created.status?.label).toBe('Disabled (FORCE_CHANGE_PASSWORD)')
  })

  it('refuses, before any call, a create with more than 25 groups, a missing group or a duplicate username', async () => {
    const { connector, tenant, calls, mark } = await cognitoHarness()
    const groups = Array.from({ length: 26 }, (_, index) => `group-${index}`)
    mark()
    const tooMany = await expectAppError(connector.create('users', { userName: 'many.groups', 'emails[0].value': 'm@example.com' }, { groups }), 'invalid_input')
    expect(tooMany.message).toContain('at most 25 groups')
    expect(calls()).toEqual([])

    const missing = await expectAppError(connector.create('users', { userName: 'lost.group', 'emails[0].value': 'l@example.com' }, { groups: ['no-such-group'] }), 'invalid_input')
    expect(missing.message).toContain('"no-such-group" does not exist')
    expect(tenant.findUser('lost.group')).toBeUndefined()

    const existing = tenant.users()[0]!
    const duplicate = await expectAppError(connector.create('users', { userName: existing.username, 'emails[0].value': 'dup@example.com' }, {}), 'conflict')
    expect(duplicate.extra.details).toMatchObject({ targetCode: 'UsernameExistsException' })
    expect(duplicate.extra.details).not.toHaveProperty('objectId')
  })

  it('updates attributes, verification flags and custom attributes, and reads them back', async () => {
    const { connector, tenant } = await cognitoHarness()
    const person = tenant.users().find((user) => user.enabled && user.status === 'CONFIRMED')!
    const updated = await connector.update('users', person.username, {
      'emails[0].value': 'changed@example.com',
      'Extension.email_verified': true,
      'phoneNumbers[0].value': '+15550199',
      'Extension.phone_number_verified': true,
      'Extension.Custom.custom:department': 'Research',
      timezone: null,
    })
    expect(updated.attributes).toMatchObject({
      'emails[0].value': 'changed@example.com',
      'Extension.email_verified': true,
      'phoneNumbers[0].value': '+15550199',
      'Extension.phone_number_verified': true,
      'Extension.Custom.custom:department': 'Research',
    })
    expect(tenant.findUser(person.username)?.attributes).not.toHaveProperty('zoneinfo')
  })

  it('sets a temporary or a permanent password, and leaves enable / disable to the account actions', async () => {
    const { connector, tenant } = await cognitoHarness()
    const person = tenant.users().find((user) => user.enabled && user.status === 'CONFIRMED')!
    await connector.update('users', person.username, { password: goodPassword })
    expect(tenant.userStatus(person.username)).toBe('FORCE_CHANGE_PASSWORD')
    await connector.update('users', person.username, { password: goodPassword.replace('42', '43'), 'Extension.IsPasswordPermanent': true })
    expect(tenant.userStatus(person.username)).toBe('CONFIRMED')
    // Enable… and Disable… are the panel's buttons (account actions), never an edit.
    const refused = await expectAppError(connector.update('users', person.username, { active: false }), 'invalid_input')
    expect(refused.message).toContain('Enable… and Disable…')
    expect(tenant.enabled(person.username)).toBe(true)
  })

  it("refuses a password that breaks the pool's policy, stating the policy, and changes nothing", async () => {
    const { connector, tenant } = await cognitoHarness()
    const person = tenant.users().find((user) => user.enabled && user.status === 'CONFIRMED')!
    const error = await expectAppError(connector.update('users', person.username, { password: 'short' }), 'invalid_input')
    expect(error.message).toContain("The pool's password policy: at least 8 characters")
    expect(error.extra.steps).toEqual([expect.objectContaining({ name: 'Set a temporary password', status: 'failed' })])
    expect(tenant.userStatus(person.username)).toBe('CONFIRMED')
  })

  it('deletes a user for good', async () => {
    const { connector, tenant } = await cognitoHarness()
    const person = tenant.users()[3]!
    await connector.delete('users', person.username)
    expect(tenant.findUser(person.username)).toBeUndefined()
    await expectAppError(connector.get('users', person.username), 'not_found')
  })
})
