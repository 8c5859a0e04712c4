import { describe, expect, it } from 'vitest'
import { findObjectType, getDescriptor } from '../../shared/catalogue'
import type { ObjectTypeDescriptor } from '../../shared/catalogue/types'
import { fieldLabel, validateChanges, validateNewObject, writableRows } from '../../shared/directoryValidation'

function objectType(connector: 'okta' | 'coupa' | 'gotomeeting', id: string): ObjectTypeDescriptor {
  const found = findObjectType(getDescriptor(connector), id)
  if (!found) throw new Error(`${connector} has no ${id}`)
  return found
}

const oktaUsers = objectType('okta', 'users')
const completeOktaUser = {
  userName: 'ada.lovelace@example.com',
  'emails.value': 'ada.lovelace@example.com',
  'name.givenName': 'Ada',
  'name.familyName': 'Lovelace',
}

describe('checks before a create', () => {
  it('accepts a user with every mandatory field and a password', () => {
    expect(validateNewObject(oktaUsers, completeOktaUser, 'correct horse battery')).toEqual({})
  })

  it('names each missing mandatory field, the password included', () => {
    const problems = validateNewObject(oktaUsers, { ...completeOktaUser, 'name.familyName': '  ' }, undefined)
    expect(problems).toEqual({ 'name.familyName': 'Family name is required.', password: 'Password is required.' })
  })

  it('refuses a yes/no attribute given as text, before any call', () => {
    const coupaUsers = objectType('coupa', 'users')
    const problems = validateChanges(coupaUsers, { 'Extension.PurchasingUser': 'yes', 'Extension.ExpenseUser': true })
    expect(problems).toEqual({ 'Extension.PurchasingUser': expect.stringMatching(/is a yes or no/) })
  })

  it('refuses an Okta userName that is not an email address, before any call', () => {
    const problems = validateNewObject(oktaUsers, { ...completeOktaUser, userName: 'ada' }, 'secret-enough')
    expect(problems.userName).toMatch(/must be an email address/)
  })

  it('finds mandatory fields under the key their mapping row uses, with or without [0]', () => {
    const coupaUsers = objectType('coupa', 'users')
    const attributes = {
      userName: 'ada',
      'emails[0].value': 'ada@example.com',
      'name.givenName': 'Ada',
      'name.familyName': 'Lovelace',
    }
    expect(validateNewObject(coupaUsers, attributes, undefined)).toEqual({})
    expect(validateNewObject(coupaUsers, { ...attributes, 'emails[0].value': '' }, undefined)).toEqual({
      'emails[0].value': 'Email is required.',
    })
  })

  it('refuses attributes the target sets itself or does not have', () => {
    const problems = validateNewObject(oktaUsers, { ...completeOktaUser, id: 'x', favouriteColour: 'red' }, 'pw-123456')
    expect(problems.id).toMatch(/set by the target/)
    expect(problems.favouriteColour).toMatch(/not an attribute of users/)
  })

  it("accepts the target's custom attributes under the descriptor's prefix", () => {
    expect(validateNewObject(oktaUsers, { ...completeOktaUser, 'Extension.Custom.badge': '[a;;b]' }, 'pw-123456')).toEqual({})
  })

  it('refuses a custom attribute that is a mapped field under another name', () => {
    const problems = validateChanges(oktaUsers, { 'Extension.Custom.login': 'not-an-email' })
    expect(problems['Extension.Custom.login']).toMatch(/not a custom attribute/)
  })
})

describe('checks before an update', () => {
  it('refuses an Okta password change with the reason', () => {
    expect(validateChanges(oktaUsers, { password: 'new-one' }).password).toMatch(/Okta needs the old password/)
  })

  it('refuses emptying a mandatory field, under either form of its key', () => {
    expect(validateChanges(oktaUsers, { 'name.givenName': null })['name.givenName']).toMatch(/cannot be emptied/)
    const goToUsers = objectType('gotomeeting', 'users')
    expect(validateChanges(goToUsers, { 'emails[0].value': '' })['emails[0].value']).toMatch(/cannot be emptied/)
  })

  it('lets optional fields be cleared and changed', () => {
    expect(validateChanges(oktaUsers, { title: null, 'Extension.Department': 'Research' })).toEqual({})
  })
})

describe('writable rows and labels', () => {
  it('leaves out read-only rows and memberships', () => {
    const paths = writableRows(oktaUsers).map((row) => row.scim)
    expect(paths).toContain('name.givenName')
    expect(paths).not.toContain('id')
    expect(paths).not.toContain('active')
    expect(paths.some((path) => path.includes('[]'))).toBe(false)
  })

  it('labels SCIM paths in words', () => {
    expect(fieldLabel('name.givenName')).toBe('Given name')
    expect(fieldLabel('emails[0].value')).toBe('Email')
    expect(fieldLabel('Extension.CostCenter')).toBe('Cost center')
    expect(fieldLabel('Extension.email_verified')).toBe('Email verified')
    expect(fieldLabel('Extension.Custom.custom:cost-centre')).toBe('Cost centre')
  })
})

/*
 * Keys that name a built-in of every plain object: a lookup with `in` or `object[key]` finds the
 * built-in, so they once skipped these checks. Main calls these checks with input the contract
 * already cleaned, but they must hold on their own: an own-property check, never the prototype.
 */
describe('attribute keys that are built-in object names', () => {
  const builtInNames = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', '__proto__', 'isPrototypeOf']

  /** `{ [name]: value }` as an own property, also for `__proto__` (as JSON.parse makes it). */
  function ownKey(name: string, value: string, rest: Record<string, string> = {}): Record<string, string> {
    const attributes = { ...rest }
    Object.defineProperty(attributes, name, { value, enumerable: true, configurable: true, writable: true })
    return attributes
  }

  for (const name of builtInNames) {
    it(`refuses "${name}" on update and on create, as not an attribute`, () => {
      const changes = validateChanges(oktaUsers, ownKey(name, 'x'))
      expect(Object.keys(changes)).toEqual([name])
      expect(changes[name]).toBe(`${name} is not an attribute of users for this connector.`)
      const created = validateNewObject(oktaUsers, ownKey(name, 'x', completeOktaUser), 'correct horse battery')
      expect(created).toEqual({ [name]: `${name} is not an attribute of users for this connector.` })
    })
  }

  it('labels a built-in name as words, never as the built-in function', () => {
    expect(fieldLabel('constructor')).toBe('Constructor')
    expect(fieldLabel('toString')).toBe('To string')
    expect(fieldLabel('__proto__')).toBe('Proto')
  })

  it('does not read a mandatory field from the prototype', () => {
    const problems = validateNewObject(objectType('gotomeeting', 'users'), {}, undefined)
    expect(Object.values(problems).every((message) => typeof message === 'string' && !message.includes('native code'))).toBe(true)
  })
})
