import { describe, expect, it } from 'vitest'
import { cognito } from '../../../../shared/catalogue/cognito'
import { groupToObject, userFromAdminGet, userFromListing, userStatus, userToObject } from '../../../../electron/connectors/cognito/cognitoMapping'
import { deliveryMediums, groupWrite, userWrite } from '../../../../electron/connectors/cognito/cognitoWrites'
import { AppError } from '../../../../electron/errors/AppError'

const users = cognito.objectTypes.find((type) => type.id === 'users')!
const groups = cognito.objectTypes.find((type) => type.id === 'groups')!

const created = new Date('2024-03-01T09:30:00.000Z')
const modified = new Date('2024-05-02T10:00:00.000Z')

const listedUser = {
  Username: 'ada.lovelace',
  Attributes: [
    { Name: 'sub', Value: '5b2f0c1e-1111-4222-8333-444455556666' },
    { Name: 'email', Value: 'ada@example.com' },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'phone_number', Value: '+447700900123' },
    { Name: 'phone_number_verified', Value: 'false' },
    { Name: 'given_name', Value: 'Ada' },
    { Name: 'family_name', Value: 'Lovelace' },
    { Name: 'custom:department', Value: 'Engineering' },
  ],
  UserCreateDate: created,
  UserLastModifiedDate: modified,
  Enabled: true,
  UserStatus: 'CONFIRMED' as const,
}

function refusal(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('Expected an AppError')
}

describe('Cognito users to the SCIM model', () => {
  it('reads every readable row of the descriptor from a listed user', () => {
    const object = userToObject(users, userFromListing(listedUser))
    expect(object.attributes).toMatchObject({
      id: 'ada.lovelace',
      userName: 'ada.lovelace',
      'name.formatted': 'ada.lovelace',
      displayName: 'ada.lovelace',
      'emails[0].value': 'ada@example.com',
      active: true,
      'phoneNumbers[0].value': '+447700900123',
      'Extension.email_verified': true,
      'Extension.phone_number_verified': false,
      'meta.created': '2024-03-01T09:30:00.000Z',
      'meta.lastModified': '2024-05-02T10:00:00.000Z',
    })
    // Every readable row whose attribute this user holds (a standard attribute the user lacks reads as nothing).
    const held = new Set(['Username', 'UserCreateDate', 'UserLastModifiedDate', 'enabled and UserStatus', ...listedUser.Attributes.map((attribute) => attribute.Name)])
    const readable = users.mapping.filter((row) => row.access !== 'writeOnly' && held.has(row.native.replace(/^UserAttributes\./, ''))).map((row) => row.scim)
    expect(Object.keys(object.attributes)).toEqual(expect.arrayContaining(readable))
  })

  it('never shows the write-only rows: password, permanence and delivery mediums', () => {
    const object = userToObject(users, userFromListing(listedUser))
    for (const row of users.mapping.filter((candidate) => candidate.access === 'writeOnly')) expect(object.attributes).not.toHaveProperty(row.scim)
  })

  it("reads the pool's standard attributes into their SCIM places and only custom: ones under Extension.Custom.", () => {
    const object = userToObject(users, userFromListing(listedUser))
    expect(object.attributes).toMatchObject({
      'name.givenName': 'Ada',
      'name.familyName': 'Lovelace',
      'meta.sub': '5b2f0c1e-1111-4222-8333-444455556666',
      'Extension.Custom.custom:department': 'Engineering',
    })
    const customs = Object.keys(object.attributes).filter((path) => path.startsWith('Extension.Custom.'))
    expect(customs).toEqual(['Extension.Custom.custom:department'])
  })

  it('maps every standard attribute of the pool schema to a row, sub read-only', () => {
    const standard = ['sub', 'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website', 'email',
      'email_verified', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number', 'phone_number_verified', 'address', 'updated_at']
    const natives = new Map(users.mapping.map((row) => [row.native.replace(/^UserAttributes\./, ''), row]))
    for (const name of standard) expect(natives.has(name), name).toBe(true)
    expect(natives.get('sub')?.access).toBe('readOnly')
  })

  it('reads AdminGetUser answers (UserAttributes) like listed users (Attributes)', () => {
    const { Attributes, ...rest } = listedUser
    const fromGet = userToObject(users, userFromAdminGet({ ...rest, UserAttributes: Attributes }))
    expect(fromGet).toEqual(userToObject(users, userFromListing(listedUser)))
  })

  it('names the user by full name (the Name column) with the username second (the Username column)', () => {
    const object = userToObject(users, userFromListing(listedUser))
    expect(object).toMatchObject({ id: 'ada.lovelace', displayName: 'Ada Lovelace', secondary: 'ada.lovelace', readOnlyReason: null })
    const nameless = userToObject(users, userFromListing({ ...listedUser, Attributes: [{ Name: 'email', Value: 'ada@example.com' }] }))
    expect(nameless).toMatchObject({ displayName: 'ada.lovelace', secondary: 'ada.lovelace' })
  })

  it('is active only when enabled and CONFIRMED, and says Disabled first on the badge of a disabled user', () => {
    const user = userFromListing(listedUser)
    expect(userStatus(user)).toEqual({ label: 'CONFIRMED', tone: 'ok', active: true })
    expect(userStatus({ ...user, userStatus: 'FORCE_CHANGE_PASSWORD' })).toEqual({ label: 'FORCE_CHANGE_PASSWORD', tone: 'warning', active: false })
    expect(userStatus({ ...user, enabled: false })).toEqual({ label: 'Disabled (CONFIRMED)', tone: 'danger', active: false })
    expect(userToObject(users, { ...user, enabled: false }).attributes.active).toBe(false)
  })
})

describe('the SCIM model to Cognito user calls', () => {
  it('writes every writable row of the descriptor to the call that takes it', () => {
    const write = userWrite(users, {
      userName: 'grace.hopper',
      'emails[0].value': 'grace@example.com',
      'phoneNumbers[0].value': '+15550100',
      password: 'Secret-Pass-1',
      'Extension.IsPasswordPermanent': true,
      'Extension.DesiredDeliveryMediums': 'EMAIL,SMS',
      'Extension.email_verified': true,
      'Extension.phone_number_verified': false,
      active: false,
    })
    expect(write).toEqual({
      username: 'grace.hopper',
      password: 'Secret-Pass-1',
      permanent: true,
      mediums: ['EMAIL', 'SMS'],
      active: false,
      attributes: expect.arrayContaining([
        { Name: 'email', Value: 'grace@example.com' },
        { Name: 'phone_number', Value: '+15550100' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'phone_number_verified', Value: 'false' },
      ]),
    })
    expect(write.attributes).toHaveLength(4)
    const writable = users.mapping.filter((row) => row.access !== 'readOnly' && row.origin !== 'lanyard')
    expect(writable.map((row) => row.scim).sort()).toEqual(
      ['userName', 'emails[0].value', 'active', 'phoneNumbers[0].value', 'password', 'Extension.IsPasswordPermanent', 'Extension.DesiredDeliveryMediums', 'Extension.email_verified', 'Extension.phone_number_verified'].sort(),
    )
  })

  it('round-trips every readable and writable row: what is read back writes the same values', () => {
    const object = userToObject(users, userFromListing(listedUser))
    const writable = users.mapping.filter((row) => row.access === 'readWrite').map((row) => row.scim)
    const back = userWrite(users, Object.fromEntries(writable.map((path) => [path, object.attributes[path] ?? null])))
    const sent = Object.fromEntries(back.attributes.map((attribute) => [attribute.Name, attribute.Value]))
    const held = Object.fromEntries(listedUser.Attributes.map((attribute) => [attribute.Name, attribute.Value]))
    for (const name of ['email', 'phone_number', 'email_verified', 'phone_number_verified']) expect(sent[name]).toBe(held[name])
    expect(back.username).toBe(listedUser.Username)
    expect(back.active).toBe(true)
  })

  it('writes custom pool attributes by name, and an emptied value as "" (which removes it)', () => {
    const write = userWrite(users, { 'name.givenName': 'Grace', 'Extension.Custom.custom:department': null })
    expect(write.attributes).toEqual([
      { Name: 'given_name', Value: 'Grace' },
      { Name: 'custom:department', Value: '' },
    ])
  })

  it('refuses sub and mapped attributes written under the custom prefix', () => {
    expect(refusal(() => userWrite(users, { 'Extension.Custom.sub': 'x' })).extra.fields).toHaveProperty('Extension.Custom.sub')
    expect(refusal(() => userWrite(users, { 'Extension.Custom.email': 'x@example.com' })).message).toContain('its own field')
    expect(refusal(() => userWrite(users, { 'Extension.Custom.given_name': 'Grace' })).message).toContain('its own field')
  })

  it('reads delivery mediums in every way a person writes them, and refuses anything else', () => {
    expect(deliveryMediums('m', 'email')).toEqual(['EMAIL'])
    expect(deliveryMediums('m', '[EMAIL;;SMS]')).toEqual(['EMAIL', 'SMS'])
    expect(deliveryMediums('m', ['SMS', 'sms'])).toEqual(['SMS'])
    expect(deliveryMediums('m', null)).toBeUndefined()
    expect(refusal(() => deliveryMediums('m', 'PIGEON')).code).toBe('invalid_input')
  })
})

describe('Cognito groups both ways', () => {
  const group = {
    GroupName: 'finance',
    UserPoolId: 'eu-west-1_abc',
    Description: 'Everyone in Finance',
    RoleArn: 'arn:aws:iam::123456789012:role/finance',
    Precedence: 20,
    CreationDate: created,
    LastModifiedDate: modified,
  }

  it('reads every readable row of the descriptor, and the description under Extension.Custom.', () => {
    const object = groupToObject(groups, group)
    expect(object).toMatchObject({ id: 'finance', displayName: 'finance', secondary: 'Everyone in Finance', status: null })
    expect(object.attributes).toEqual({
      id: 'finance',
      displayName: 'finance',
      'Extension.Precedence': 20,
      'Extension.RoleArn': 'arn:aws:iam::123456789012:role/finance',
      'meta.created': '2024-03-01T09:30:00.000Z',
      'meta.lastModified': '2024-05-02T10:00:00.000Z',
      'Extension.Description': 'Everyone in Finance',
    })
  })

  it('writes what it reads back to CreateGroup / UpdateGroup members', () => {
    const object = groupToObject(groups, group)
    const { id: _id, 'meta.created': _created, 'meta.lastModified': _modified, ...writable } = object.attributes
    expect(groupWrite(groups, writable)).toEqual({ name: 'finance', description: 'Everyone in Finance', precedence: 20, roleArn: 'arn:aws:iam::123456789012:role/finance' })
  })

  it('takes a precedence typed as text, and refuses a negative one, a cleared one and a malformed role ARN', () => {
    expect(groupWrite(groups, { 'Extension.Precedence': '7' }).precedence).toBe(7)
    expect(refusal(() => groupWrite(groups, { 'Extension.Precedence': -1 })).extra.fields).toHaveProperty('Extension.Precedence')
    expect(refusal(() => groupWrite(groups, { 'Extension.Precedence': null })).message).toContain('cannot remove a precedence')
    expect(refusal(() => groupWrite(groups, { 'Extension.RoleArn': 'not-an-arn' })).extra.fields).toHaveProperty('Extension.RoleArn')
    expect(refusal(() => groupWrite(groups, { 'Extension.Custom.Colour': 'red' })).code).toBe('invalid_input')
  })
})
