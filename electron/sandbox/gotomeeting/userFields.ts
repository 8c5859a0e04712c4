import type { GoToAccountDirectory } from './GoToAccountDirectory'
import { goToErrors } from './goToErrors'
import { keyFromBody } from './goToKeys'
import { goToAdminRoles, type GoToAdminRole } from './goToRecords'

/**
 * Checks of the user fields a create or an update may write. GoTo documents none of its
 * validation messages; the codes follow its `object.field.problem` style (goToErrors.ts).
 */

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
/** Java's `Locale.toString()`: language, underscore, country (B.3; GoTo's SCIM API checks ISO 639 / 3166). */
const localePattern = /^[a-z]{2,3}_[A-Z]{2}$/

export function checkEmail(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) throw goToErrors.fieldRequired('user', 'email')
  if (typeof value !== 'string' || !emailPattern.test(value.trim())) throw goToErrors.fieldInvalid('user', 'email', String(value))
  return value.trim()
}

export function checkName(field: 'firstName' | 'lastName', value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) throw goToErrors.fieldRequired('user', field)
  if (typeof value !== 'string' || value.length > 255) throw goToErrors.fieldInvalid('user', field, String(value))
  return value.trim()
}

export function checkLocale(value: unknown): string {
  if (typeof value !== 'string' || !localePattern.test(value)) throw goToErrors.fieldInvalid('user', 'locale', String(value))
  return value
}

/** An IANA zone the runtime knows (`Europe/London`, `UTC`). */
export function checkTimeZone(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw goToErrors.fieldInvalid('user', 'timeZone', String(value))
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
  } catch {
    throw goToErrors.fieldInvalid('user', 'timeZone', value)
  }
  return value
}

/** Keys of this account's licences, as strings (numbers accepted, as GoTo's own example sends them). */
export function checkLicenseKeys(value: unknown, directory: GoToAccountDirectory): string[] {
  if (!Array.isArray(value)) throw goToErrors.fieldInvalid('user', 'licenseKeys', JSON.stringify(value) ?? '')
  const keys: string[] = []
  for (const item of value) {
    const key = keyFromBody(item)
    if (key === undefined || !directory.licenseByKey(key)) throw goToErrors.licenseNotFound(String(item))
    if (!keys.includes(key)) keys.push(key)
  }
  return keys
}

export function checkAdminRoles(value: unknown): GoToAdminRole[] {
  if (!Array.isArray(value)) throw goToErrors.fieldInvalid('user', 'adminRoles', JSON.stringify(value) ?? '')
  const roles: GoToAdminRole[] = []
  for (const item of value) {
    if (typeof item !== 'string' || !(goToAdminRoles as readonly string[]).includes(item)) throw goToErrors.fieldInvalid('user', 'adminRoles', String(item))
    if (!roles.includes(item as GoToAdminRole)) roles.push(item as GoToAdminRole)
  }
  return roles
}

/**
 * A licence has a number of seats: giving it to more people than that is refused. `adding` maps
 * licence keys to how many people the write would newly give it to.
 */
export function checkSeats(adding: Map<string, number>, directory: GoToAccountDirectory): void {
  for (const [key, count] of adding) {
    const license = directory.licenseByKey(key)
    if (license && directory.holdersOf(key).length + count > license.seats) throw goToErrors.licenseSeatsExceeded(key)
  }
}
