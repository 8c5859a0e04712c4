import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findObjectType, getDescriptor, type ConnectorId } from '../../../shared/catalogue'
import { fieldProblem } from '../../../shared/directoryValidation'
import { rules } from '../../../electron/sandbox/cognito/cognitoOperation'
import { patterns, RequestReader } from '../../../electron/sandbox/cognito/RequestReader'
import { checkAttributes } from '../../../electron/sandbox/cognito/userAttributes'
import { scalarRules } from '../../../electron/sandbox/coupa/userScalarRules'
import { checkLocale, checkTimeZone } from '../../../electron/sandbox/gotomeeting/userFields'
import { checkProfile } from '../../../electron/sandbox/okta/oktaProfileSchema'

/*
 * The shared field checks never refuse what a target takes: for a sample of generated values, every
 * one a sandbox tenant's own validation accepts (called in-process, as its routes call it) passes
 * the shared check of the field it is written from. Each generator mixes random text with values
 * shaped like the field's, so both sides of each rule are reached. Left out: rules the sandbox does
 * not implement (Okta's country code, locale and time zone are length-only there) and email, whose
 * sandbox shapes are looser than the "name@domain.tld" the shared check has always asked for.
 */

function typeOf(connector: ConnectorId, id: string) {
  const found = findObjectType(getDescriptor(connector), id)
  if (!found) throw new Error(`${connector} has no ${id}`)
  return found
}

function accepts(check: () => unknown): boolean {
  try {
    check()
    return true
  } catch {
    return false
  }
}

const runs = { numRuns: 300 }
const letters = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: min, maxLength: max })
/** Text of any length around a limit, with some spaces, accents and emoji. */
const text = (around: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: around + 5 }),
    fc.string({ minLength: Math.max(0, around - 3), maxLength: around + 3 }),
    fc.constantFrom(' padded ', 'Zoë', 'Łódź 🏔', 'x'.repeat(around), 'x'.repeat(around + 1)),
  )

/** Asserts: each value `sandbox` accepts passes the shared check of `path`. */
function agree(connector: ConnectorId, objectType: string, path: string, values: fc.Arbitrary<string | number>, sandbox: (value: string | number) => unknown) {
  const type = typeOf(connector, objectType)
  fc.assert(
    fc.property(values, (value) => {
      if (!accepts(() => sandbox(value))) return
      expect(fieldProblem(type, path, value), `${connector} ${path} ${JSON.stringify(value)}`).toBeUndefined()
    }),
    runs,
  )
}

describe('Okta: every base attribute the sandbox takes passes the shared lengths', () => {
  const fields: [string, string, number][] = [
    ['name.givenName', 'firstName', 50],
    ['name.familyName', 'lastName', 50],
    ['phoneNumbers.value', 'primaryPhone', 100],
    ['addresses.streetAddress', 'streetAddress', 1024],
    ['addresses.locality', 'city', 128],
    ['addresses.region', 'state', 128],
    ['addresses.postalCode', 'zipCode', 50],
  ]
  for (const [path, native, limit] of fields) {
    it(path, () => agree('okta', 'users', path, text(limit), (value) => checkProfile({ [native]: value }, { complete: false, subject: 'user' })))
  }
})

describe('Coupa: every user field the sandbox takes passes the shared check', () => {
  const scalar = (native: string) => (value: string | number) => {
    const rule = scalarRules[native]!(value, native)
    if ('message' in rule) throw new Error(rule.message)
  }
  it('lengths of login, names, employee number, SSO identifier and mention name', () => {
    agree('coupa', 'users', 'userName', text(255), scalar('login'))
    agree('coupa', 'users', 'name.givenName', text(40), scalar('firstname'))
    agree('coupa', 'users', 'name.familyName', text(40), scalar('lastname'))
    agree('coupa', 'users', 'Extension.EmployeeNumber', text(255), scalar('employee-number'))
    agree('coupa', 'users', 'Extension.SsoIdentifier', text(255), scalar('sso-identifier'))
    agree('coupa', 'users', 'Extension.mentionName', text(255), scalar('mention-name'))
  })

  it('the default locale, the authentication method and the business group security type', () => {
    const tags = fc.oneof(letters(0, 4), fc.tuple(letters(2, 2), letters(2, 2)).map(([language, country]) => `${language.toLowerCase()}-${country.toUpperCase()}`), fc.string({ maxLength: 12 }))
    agree('coupa', 'users', 'locale', tags, scalar('default-locale'))
    agree('coupa', 'users', 'Extension.AuthenticationMethod', fc.oneof(fc.constantFrom('coupa_credentials', 'ldap', 'saml', 'SAML', 'Ldap '), fc.string()), scalar('authentication-method'))
    agree('coupa', 'users', 'Extension.businessGroupSecurityType', fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom('0', '1', '2', 'x')), scalar('business-group-security-type'))
  })
})

describe('Cognito: every value the sandbox takes passes the shared check', () => {
  it('phone numbers', () => {
    const phones = fc.oneof(fc.stringMatching(/^\+?[0-9 ()-]{0,18}$/), fc.string({ maxLength: 20 }))
    agree('cognito', 'users', 'phoneNumbers[0].value', phones, (value) => checkAttributes([{ Name: 'phone_number', Value: String(value) }], 'update'))
  })

  it('usernames and group names: their length and characters', () => {
    const names = fc.oneof(text(128), fc.stringMatching(/^[a-z .\t_-]{1,12}$/))
    const reader = (member: string, rule: typeof rules.username | typeof rules.groupName) => (value: string | number) => {
      const request = new RequestReader({ [member]: value })
      request.string(member, rule)
      request.finish()
    }
    agree('cognito', 'groups', 'displayName', names, reader('GroupName', rules.groupName))
    agree('cognito', 'users', 'userName', names, reader('Username', rules.username))
  })

  it('group precedence, role ARN and description', () => {
    const precedence = (value: string | number) => {
      const request = new RequestReader({ Precedence: value })
      request.integer('Precedence', { min: 0, max: 2 ** 31 - 1 })
      request.finish()
    }
    agree('cognito', 'groups', 'Extension.Precedence', fc.oneof(fc.integer(), fc.integer({ min: -3, max: 10 }), fc.constant(2 ** 31)), precedence)
    const arns = fc.oneof(fc.string(), fc.tuple(fc.stringMatching(/^[0-9]{12}$/), letters(1, 20)).map(([account, role]) => `arn:aws:iam::${account}:role/${role}`))
    agree('cognito', 'groups', 'Extension.RoleArn', arns, (value) => {
      const request = new RequestReader({ RoleArn: value })
      request.string('RoleArn', { min: 20, max: 2048, pattern: patterns.roleArn })
      request.finish()
    })
    agree('cognito', 'groups', 'Extension.Description', text(2048), (value) => {
      const request = new RequestReader({ Description: value })
      request.string('Description', { max: 2048 })
      request.finish()
    })
  })
})

describe('GoTo: every locale and time zone the sandbox takes passes the shared check', () => {
  it('locales', () => {
    const locales = fc.oneof(
      fc.tuple(letters(2, 3), letters(2, 2)).map(([language, country]) => `${language.toLowerCase()}_${country.toUpperCase()}`),
      fc.string({ maxLength: 8 }),
    )
    agree('gotomeeting', 'users', 'locale', locales, checkLocale)
  })

  it("time zones: every one the runtime knows, and random text", () => {
    const zones = fc.oneof(fc.constantFrom(...Intl.supportedValuesOf('timeZone')), fc.string({ maxLength: 20 }))
    agree('gotomeeting', 'users', 'timezone', zones, checkTimeZone)
  })
})
