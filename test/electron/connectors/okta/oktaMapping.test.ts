import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { okta } from '../../../../shared/catalogue/okta'
import type { Attributes } from '../../../../shared/directory'
import { showCustomValue } from '../../../../electron/connectors/customAttributes'
import { isPlainRow, mappedKeysUnder, readMappedAttributes } from '../../../../electron/connectors/descriptorMapping'
import {
  attributesToProfile,
  groupToObject,
  userStatus,
  userToObject,
} from '../../../../electron/connectors/okta/oktaMapping'
import type { OktaGroup, OktaUser } from '../../../../electron/connectors/okta/oktaTypes'
import { expectAppError } from '../../../support/expectAppError'

const users = okta.objectTypes.find((type) => type.id === 'users')!
const groups = okta.objectTypes.find((type) => type.id === 'groups')!

/** A user whose every mapped profile attribute holds a value naming its native field. */
function userWithEveryMappedAttribute(): OktaUser {
  const profile: Record<string, unknown> = {}
  for (const row of users.mapping.filter(isPlainRow)) {
    if (row.native.startsWith('profile.')) profile[row.native.slice(8)] = `value of ${row.native}`
  }
  return { id: '00u1', status: 'ACTIVE', created: '2026-01-02T03:04:05.000Z', lastUpdated: '2026-02-03T04:05:06.000Z', profile }
}

describe('Okta user mapping, driven by the descriptor rows', () => {
  it('reads every plain user row from its native path', () => {
    const user = userWithEveryMappedAttribute()
    const object = userToObject(users, user)
    const plainRows = users.mapping.filter(isPlainRow)
    expect(plainRows.length).toBeGreaterThan(25)
    for (const row of plainRows) {
      const expected = row.native.startsWith('profile.') ? `value of ${row.native}` : (user as Record<string, unknown>)[row.native]
      expect(object.attributes[row.scim], row.scim).toBe(expected)
    }
    expect(object.attributes['meta.created']).toBe('2026-01-02T03:04:05.000Z')
    expect(object.attributes['meta.lastModified']).toBe('2026-02-03T04:05:06.000Z')
  })

  it('writes every writable user row back to its native profile field', () => {
    const user = userWithEveryMappedAttribute()
    const read = userToObject(users, user).attributes
    const writable = users.mapping.filter((row) => isPlainRow(row) && row.access !== 'readOnly')
    const attributes = Object.fromEntries(writable.map((row) => [row.scim, read[row.scim]!]))
    expect(attributesToProfile(users, attributes)).toEqual(user.profile)
  })

  it('sets active from status == "ACTIVE" only', () => {
    const base = userWithEveryMappedAttribute()
    expect(userToObject(users, base).attributes.active).toBe(true)
    for (const status of ['SUSPENDED', 'DEPROVISIONED', 'PROVISIONED', 'STAGED']) {
      expect(userToObject(users, { ...base, status }).attributes.active).toBe(false)
    }
  })

  it('badges Okta statuses by how worrying they are', () => {
    expect(userStatus('ACTIVE')).toEqual({ label: 'ACTIVE', tone: 'ok', active: true })
    for (const status of ['SUSPENDED', 'LOCKED_OUT', 'PASSWORD_EXPIRED']) expect(userStatus(status).tone).toBe('warning')
    expect(userStatus('DEPROVISIONED')).toEqual({ label: 'DEPROVISIONED', tone: 'danger', active: false })
    for (const status of ['STAGED', 'PROVISIONED', 'RECOVERY']) expect(userStatus(status).tone).toBe('neutral')
  })

  it('shows profile.displayName, else "first last", and the login as the second line', () => {
    const profile = { firstName: 'Ada', lastName: 'Lovelace', login: 'ada@example.com', email: 'ada@example.com' }
    const plain: OktaUser = { id: '00u2', status: 'ACTIVE', profile }
    expect(userToObject(users, plain)).toMatchObject({ displayName: 'Ada Lovelace', secondary: 'ada@example.com', readOnlyReason: null })
    expect(userToObject(users, { ...plain, profile: { ...profile, displayName: 'Countess' } }).displayName).toBe('Countess')
  })

  it('shows unmapped profile attributes as Extension.Custom.<name>, a string array as [a;;b;;c], and leaves nulls out', () => {
    const user: OktaUser = {
      id: '00u3',
      status: 'ACTIVE',
      profile: { login: 'a@example.com', badge: 'B-7', shifts: ['early', 'late', 'night'], secondEmail: null, floor: 3 },
    }
    const attributes = userToObject(users, user).attributes
    expect(attributes['Extension.Custom.badge']).toBe('B-7')
    expect(attributes['Extension.Custom.shifts']).toBe('[early;;late;;night]')
    expect(attributes['Extension.Custom.floor']).toBe(3)
    expect(attributes).not.toHaveProperty('Extension.Custom.secondEmail')
    expect(attributes).not.toHaveProperty('Extension.Custom.login')
  })

  it('writes a [a;;b] custom value back as an array, a plain one as is, and null as null', () => {
    const profile = attributesToProfile(users, {
      'Extension.Custom.shifts': '[early;;late]',
      'Extension.Custom.badge': 'B-8',
      'Extension.Custom.none': '[]',
      title: null,
    })
    expect(profile).toEqual({ shifts: ['early', 'late'], badge: 'B-8', none: [], title: null })
  })

  it('refuses a custom attribute that names a mapped field, so Extension.Custom.login cannot skip the username checks', async () => {
    for (const path of ['Extension.Custom.login', 'Extension.Custom.email', 'Extension.Custom.__proto__']) {
      const error = await expectAppError(Promise.resolve().then(() => attributesToProfile(users, { [path]: 'not-an-email' })), 'invalid_input')
      expect(error.extra.fields).toHaveProperty([path])
    }
  })

  it('refuses to write a read-only attribute', async () => {
    await expectAppError(Promise.resolve().then(() => attributesToProfile(users, { 'meta.created': 'x' })), 'invalid_input')
  })
})

describe('Okta group mapping', () => {
  const group = (type: string, description?: string): OktaGroup => ({
    id: '00g1',
    type,
    created: '2026-01-01T00:00:00.000Z',
    lastUpdated: '2026-01-02T00:00:00.000Z',
    profile: { name: 'Finance', ...(description === undefined ? {} : { description }), samAccountName: 'FIN' },
  })

  it('maps name, description, type, dates and custom attributes', () => {
    const object = groupToObject(groups, group('OKTA_GROUP', 'Money people'))
    expect(object).toMatchObject({ id: '00g1', objectType: 'groups', displayName: 'Finance', secondary: 'Money people', status: null })
    expect(object.attributes).toEqual({
      id: '00g1',
      displayName: 'Finance',
      'Extension.Description': 'Money people',
      'Extension.GroupType': 'OKTA_GROUP',
      'meta.created': '2026-01-01T00:00:00.000Z',
      'meta.lastModified': '2026-01-02T00:00:00.000Z',
      'Extension.Custom.samAccountName': 'FIN',
    })
  })

  it('shows the type as the second line when there is no description', () => {
    expect(groupToObject(groups, group('APP_GROUP')).secondary).toBe('APP_GROUP')
  })

  it('marks APP_GROUP and BUILT_IN groups read-only with the reason, OKTA_GROUP not', () => {
    expect(groupToObject(groups, group('OKTA_GROUP')).readOnlyReason).toBeNull()
    expect(groupToObject(groups, group('APP_GROUP')).readOnlyReason).toMatch(/managed by the app .* change it there/)
    expect(groupToObject(groups, group('BUILT_IN')).readOnlyReason).toMatch(/managed by Okta itself/)
  })

  it('writes a group profile through the rows', () => {
    expect(attributesToProfile(groups, { displayName: 'Ops', 'Extension.Description': 'Night shift' })).toEqual({
      name: 'Ops',
      description: 'Night shift',
    })
  })
})

describe('Okta mapping of a generated page, against the mapping as first written', () => {
  /** userToObject's attributes as first written: three objects spread into one, custom names built per row. */
  function attributesAsFirstWritten(user: OktaUser): Attributes {
    const mapped = mappedKeysUnder(users.mapping, 'profile')
    const custom: Attributes = {}
    for (const [name, value] of Object.entries(user.profile)) {
      if (mapped.has(name)) continue
      const shown = showCustomValue(value)
      if (shown !== undefined && shown !== null) custom[`${users.customAttributePrefix}${name}`] = shown
    }
    return { ...readMappedAttributes(users.mapping, user), active: user.status === 'ACTIVE', ...custom }
  }

  it('gives every row the same attributes, in the same order', () => {
    const mappedNames = [...mappedKeysUnder(users.mapping, 'profile')]
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 }))
    const profile = fc.dictionary(fc.oneof(fc.constantFrom(...mappedNames), fc.string({ minLength: 1 })), value, { maxKeys: 12 })
    const user = fc.record({ id: fc.string(), status: fc.constantFrom('ACTIVE', 'SUSPENDED', 'STAGED'), created: fc.option(fc.string()), profile })
    fc.assert(
      fc.property(fc.array(user, { maxLength: 20 }), (page) => {
        for (const row of page) {
          const attributes = userToObject(users, row).attributes
          expect(attributes).toStrictEqual(attributesAsFirstWritten(row))
          expect(Object.keys(attributes)).toEqual(Object.keys(attributesAsFirstWritten(row)))
        }
      }),
    )
  })
})
