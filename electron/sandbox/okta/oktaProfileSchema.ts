import { oktaErrors } from './oktaErrors'
import type { OktaProfile, OktaProfileValue } from './oktaRecords'

/**
 * The tenant's user profile schema: Okta's base attributes (okta.md §3.1, with their length
 * limits) plus one custom attribute, `badgeColours` (a string array), as an org would add
 * through the Profile Editor. Anything else is refused, as Okta refuses undefined properties.
 */
const baseAttributeLimits: Record<string, { min?: number; max: number }> = {
  login: { min: 5, max: 100 },
  email: { min: 5, max: 100 },
  firstName: { min: 1, max: 50 },
  lastName: { min: 1, max: 50 },
  secondEmail: { max: 100 },
  middleName: { max: 50 },
  honorificPrefix: { max: 50 },
  honorificSuffix: { max: 50 },
  title: { max: 100 },
  displayName: { max: 100 },
  nickName: { max: 100 },
  profileUrl: { max: 1024 },
  primaryPhone: { max: 100 },
  mobilePhone: { max: 100 },
  streetAddress: { max: 1024 },
  city: { max: 128 },
  state: { max: 128 },
  zipCode: { max: 50 },
  countryCode: { max: 2 },
  postalAddress: { max: 4096 },
  preferredLanguage: { max: 100 },
  locale: { max: 100 },
  timezone: { max: 100 },
  userType: { max: 100 },
  employeeNumber: { max: 100 },
  costCenter: { max: 100 },
  organization: { max: 100 },
  division: { max: 100 },
  department: { max: 100 },
  managerId: { max: 100 },
  manager: { max: 100 },
}

export const requiredProfileAttributes = ['login', 'email', 'firstName', 'lastName'] as const

/** Custom attributes defined in the tenant's schema, and their element type. */
export const customProfileAttributes: Record<string, 'string[]'> = { badgeColours: 'string[]' }

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

interface Cause {
  field: string
  text: string
}

/**
 * Checks a profile sent by a client. `complete` means every required attribute must be there
 * (create and full replace); otherwise only the attributes sent are checked (partial update).
 * `subject` is the object Okta names for an undefined property (`newUser` on create, `user` after).
 * Throws Okta's 400 E0000001 with one cause per problem.
 */
export function checkProfile(input: unknown, options: { complete: boolean; subject: 'newUser' | 'user' }): OktaProfile {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw oktaErrors.validation(options.subject, ['profile: The field cannot be left blank'])
  }
  const entries = Object.entries(input as Record<string, unknown>)
  const undefinedNames = entries.map(([name]) => name).filter((name) => !(name in baseAttributeLimits) && !(name in customProfileAttributes))
  if (undefinedNames.length > 0) {
    throw oktaErrors.validation(options.subject, undefinedNames.map((name) => `Property name '${name}' is not defined in profile`))
  }
  const profile: OktaProfile = {}
  const causes: Cause[] = []
  for (const [name, value] of entries) {
    const checked = checkValue(name, value, causes)
    if (checked !== undefined) profile[name] = checked
  }
  for (const name of requiredProfileAttributes) {
    const present = name in profile
    if ((options.complete || present) && isBlank(profile[name])) causes.push({ field: name, text: `${name}: The field cannot be left blank` })
  }
  const login = profile.login
  if (typeof login === 'string' && login.trim() !== '' && !emailShape.test(login)) {
    causes.push({ field: 'login', text: 'login: Username must be in the form of an email address' })
  }
  const email = profile.email
  if (typeof email === 'string' && email.trim() !== '' && !emailShape.test(email)) {
    causes.push({ field: 'email', text: 'email: Does not match required pattern' })
  }
  const first = causes[0]
  if (first) throw oktaErrors.validation(first.field, causes.map((cause) => cause.text))
  return profile
}

function checkValue(name: string, value: unknown, causes: Cause[]): OktaProfileValue | undefined {
  if (value === null) return null
  if (customProfileAttributes[name] === 'string[]') {
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...value]
    causes.push({ field: name, text: `${name}: Does not match required type (array of strings)` })
    return undefined
  }
  if (typeof value !== 'string') {
    causes.push({ field: name, text: `${name}: Does not match required type (string)` })
    return undefined
  }
  const limits = baseAttributeLimits[name]
  if (limits && value.length > limits.max) causes.push({ field: name, text: `${name}: The field is too long` })
  else if (limits?.min && value.trim() !== '' && value.length < limits.min) causes.push({ field: name, text: `${name}: The field is too short` })
  return value
}

function isBlank(value: OktaProfileValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/**
 * The profile as Okta keeps it: a field sent as null (cleared) is dropped, not kept as null, on the
 * answer and on every later read (okta.md §2.4: `postalAddress: null` was dropped).
 */
export function withoutClearedFields(profile: OktaProfile): OktaProfile {
  return Object.fromEntries(Object.entries(profile).filter(([, value]) => value !== null))
}

/** Okta echoes `mobilePhone` and `secondEmail` as null when they were never set (okta.md §3.2). */
export function withEchoedNulls(profile: OktaProfile): OktaProfile {
  return { mobilePhone: null, secondEmail: null, ...profile }
}

/** Okta's password policy in the sandbox: 8+ characters with a lower case letter, a capital and a digit. */
export function checkPassword(value: unknown): string {
  if (typeof value !== 'string' || value.length < 8 || !/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) {
    throw oktaErrors.validation('password', [
      'password: Password requirements were not met. Password requirements: at least 8 characters, a lowercase letter, an uppercase letter, a number.',
    ])
  }
  return value
}
