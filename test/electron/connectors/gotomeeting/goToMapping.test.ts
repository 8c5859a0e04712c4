import { describe, expect, it } from 'vitest'
import { gotomeeting } from '../../../../shared/catalogue/gotomeeting'
import { validateChanges } from '../../../../shared/directoryValidation'
import { attributesToNative, groupToObject, userStatus, userToObject } from '../../../../electron/connectors/gotomeeting/goToMapping'
import { goToGroupSchema, goToUserSchema } from '../../../../electron/connectors/gotomeeting/goToTypes'
import { AppError } from '../../../../electron/errors/AppError'

const users = gotomeeting.objectTypes.find((type) => type.id === 'users')!
const groups = gotomeeting.objectTypes.find((type) => type.id === 'groups')!

const native = goToUserSchema.parse({
  key: '78888886011013972886849029',
  email: 'ada.lovelace@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  locale: 'en_GB',
  timeZone: 'Europe/London',
  status: 'ACTIVE',
  licenseKeys: ['1'],
  adminRoles: [],
  groupKey: '555',
  groupName: 'Engineering',
})

describe('GoToMeeting user mapping', () => {
  it('reads every attribute row of the descriptor from a GoTo user', () => {
    const object = userToObject(users, native)
    expect(object.attributes).toEqual({
      id: '78888886011013972886849029',
      userName: 'ada.lovelace@example.com',
      'name.givenName': 'Ada',
      'name.familyName': 'Lovelace',
      'name.formatted': 'Ada Lovelace',
      displayName: 'Ada Lovelace',
      'emails[0].value': 'ada.lovelace@example.com',
      locale: 'en_GB',
      timezone: 'Europe/London',
    })
    const attributeRows = users.mapping.filter((row) => !row.scim.includes('[]')).map((row) => row.scim)
    expect(Object.keys(object.attributes).sort()).toEqual([...attributeRows].sort())
    expect(object).toMatchObject({ id: native.key, displayName: 'Ada Lovelace', secondary: 'ada.lovelace@example.com', readOnlyReason: null })
  })

  it('writes every writable row back to its GoTo field', () => {
    const attributes = { userName: 'a@b.co', 'emails[0].value': 'a@b.co', 'name.givenName': ' Ada ', 'name.familyName': 'L', locale: 'fr_FR', timezone: 'UTC' }
    expect(attributesToNative(users, attributes)).toEqual({ email: 'a@b.co', firstName: 'Ada', lastName: 'L', locale: 'fr_FR', timeZone: 'UTC' })
    const writable = users.mapping.filter((row) => row.access !== 'readOnly').map((row) => row.scim)
    expect(writable.sort()).toEqual(Object.keys(attributes).sort())
  })

  it('refuses a username and an email that disagree, since GoTo has one field for both', () => {
    const error = (() => {
      try {
        attributesToNative(users, { userName: 'a@b.co', 'emails[0].value': 'other@b.co' })
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).extra.fields).toHaveProperty('userName')
  })

  it('leaves the derived and key rows to GoTo: the shared checks refuse writing them', () => {
    expect(validateChanges(users, { displayName: 'X', 'name.formatted': 'X', id: '1' })).toEqual({
      displayName: expect.stringContaining('set by the target'),
      'name.formatted': expect.stringContaining('set by the target'),
      id: expect.stringContaining('set by the target'),
    })
  })

  it('badges GoTo’s status words and derives SUSPENDED for a user holding nothing', () => {
    expect(userStatus('ACTIVE')).toEqual({ label: 'ACTIVE', tone: 'ok', active: true })
    expect(userStatus('INVITED')).toEqual({ label: 'INVITED', tone: 'neutral', active: true })
    expect(userStatus('SUSPENDED')).toEqual({ label: 'SUSPENDED', tone: 'warning', active: false })
    const bare = goToUserSchema.parse({ key: 1, email: 'x@y.z', licenseKeys: [], adminRoles: [] })
    expect(userToObject(users, bare).status?.label).toBe('SUSPENDED')
    expect(userToObject(users, bare).id).toBe('1')
  })
})

describe('GoToMeeting group mapping', () => {
  it('reads the key and name, with the member count as the second line', () => {
    const group = goToGroupSchema.parse({ key: '9007199254740993', name: 'Sales', userKeys: ['1', '2'], totalMemberCount: 2 })
    expect(groupToObject(groups, group)).toMatchObject({
      id: '9007199254740993',
      displayName: 'Sales',
      secondary: '2 members',
      attributes: { id: '9007199254740993', displayName: 'Sales' },
    })
    expect(attributesToNative(groups, { displayName: ' Support ' })).toEqual({ name: 'Support' })
  })
})
