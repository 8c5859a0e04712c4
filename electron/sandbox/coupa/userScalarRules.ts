import type { Scalar } from './coupaRecords'

/**
 * How each writable scalar attribute of a user is read from a request body, with Rails' messages
 * (coupa-gotomeeting.md A.4's element table: types, lengths, required and unique fields).
 * A rule returns the value to store, or a message when the value is refused.
 */

type Rule = (value: unknown, label: string) => { value: Scalar } | { message: string }

/** `employee-number` → "Employee number", as Rails' `humanize` names attributes in messages. */
export function humanize(key: string): string {
  const words = key.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Text up to `maximum` characters. Null or "" empties an optional field (a PUT must be able to
 * empty what it names, while leaving a field out changes nothing); a required one can't be blank.
 */
function text(maximum: number, required = false, check?: (value: string) => string | undefined): Rule {
  return (value, label) => {
    if (value === null || value === undefined || value === '') return required ? { message: `${label} can't be blank` } : { value: null }
    if (typeof value !== 'string' && typeof value !== 'number') return { message: `${label} is invalid` }
    const written = String(value).trim()
    if (written === '') return required ? { message: `${label} can't be blank` } : { value: null }
    if (written.length > maximum) return { message: `${label} is too long (maximum is ${maximum} characters)` }
    const problem = check?.(written)
    return problem ? { message: `${label} ${problem}` } : { value: written }
  }
}

/** true/false, or the strings "true"/"false" that XML-era clients send. */
const flag: Rule = (value, label) => {
  if (value === true || value === 'true') return { value: true }
  if (value === false || value === 'false') return { value: false }
  return { message: `${label} is not included in the list` }
}

function integerIn(allowed: readonly number[], nullable: boolean): Rule {
  return (value, label) => {
    if ((value === null || value === '') && nullable) return { value: null }
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
    if (typeof number === 'number' && allowed.includes(number)) return { value: number }
    return { message: `${label} is not included in the list` }
  }
}

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

/** The locales of A.4's list are a language, or a language and a region: `en`, `fr-CA`, `zh-CN`. */
const localePattern = /^[a-z]{2}(-[A-Z]{2})?$/

export const scalarRules: Record<string, Rule> = {
  login: text(255, true, (value) => (value.length < 2 ? 'is too short (minimum is 2 characters)' : undefined)),
  email: text(255, true, (value) => (emailPattern.test(value) ? undefined : 'is invalid')),
  firstname: text(40, true),
  lastname: text(40, true),
  middlename: text(255),
  'employee-number': text(255),
  'sso-identifier': text(255),
  'salesforce-id': text(255),
  'mention-name': text(255, false, (value) => (/^[A-Za-z0-9_.-]+$/.test(value) ? undefined : 'is invalid')),
  'default-locale': text(10, false, (value) => (localePattern.test(value) ? undefined : 'is not included in the list')),
  // Case-sensitive, as A.4 says.
  'authentication-method': text(255, false, (value) => (['coupa_credentials', 'ldap', 'saml'].includes(value) ? undefined : 'is not included in the list')),
  active: flag,
  'purchasing-user': flag,
  'expense-user': flag,
  'sourcing-user': flag,
  'inventory-user': flag,
  'contracts-user': flag,
  'analytics-user': flag,
  'edit-invoice-on-quick-entry': flag,
  // Whatever the client writes, within Coupa's values: the connector computes it (CONNECTORS.md §2).
  'account-security-type': integerIn([0, 1, 2], false),
  'business-group-security-type': integerIn([0, 1], true),
}

/** Unique when set (A.4 and A.8): login and email always, these when they hold a value. */
export const uniqueFields = ['login', 'email', 'employee-number', 'sso-identifier', 'mention-name'] as const

/** Written but never stored or answered (A.4: `password` is write-only; the invite is an e-mail). */
export const writeOnlyFields = new Set(['password', 'generate-password-and-notify'])

/** `Ada Lovelace` → `adalovelace`: Coupa generates a mention name from the full name. */
export function mentionNameFrom(firstname: string, lastname: string): string {
  const base = `${firstname}${lastname}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
  return base === '' ? 'user' : base
}
