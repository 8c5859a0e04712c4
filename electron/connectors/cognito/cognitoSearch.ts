import { AppError } from '../../errors/AppError'
import { textMatches } from '../../../shared/text'

/*
 * The search box's text as a ListUsers `Filter` (cognito.md §3): one attribute, `=` (exact) or
 * `^=` (starts with), the value in double quotes with `"` and `\` escaped. Cognito filters on one
 * attribute at a time, so plain text is sent to the attribute it most likely means:
 *   - a status word: Enabled / Disabled (`status`), or a UserStatus such as CONFIRMED;
 *   - text with an @: the email, from its start;
 *   - + and digits: the phone number, from its start;
 *   - two words or more: the full name (`name`), from its start;
 *   - one word: the username, from its start (Cognito compares usernames with case).
 * `attribute = value` or `attribute ^= value` (quotes optional) searches any attribute Cognito
 * can filter on. Groups cannot be filtered by Cognito: their names are matched here.
 */

/** What ListUsers can filter on (cognito.md §3, "Searchable"), with the friendlier names people type. */
const filterableAttributes: Readonly<Record<string, string>> = {
  username: 'username',
  email: 'email',
  phone_number: 'phone_number',
  phone: 'phone_number',
  name: 'name',
  given_name: 'given_name',
  first_name: 'given_name',
  family_name: 'family_name',
  last_name: 'family_name',
  preferred_username: 'preferred_username',
  status: 'status',
  'cognito:user_status': 'cognito:user_status',
  user_status: 'cognito:user_status',
  sub: 'sub',
}

const userStatuses = ['UNCONFIRMED', 'CONFIRMED', 'ARCHIVED', 'COMPROMISED', 'UNKNOWN', 'RESET_REQUIRED', 'FORCE_CHANGE_PASSWORD', 'EXTERNAL_PROVIDER']

/** The longest filter Cognito takes (UserFilterType). */
const maxFilterLength = 256

export function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

function filter(attribute: string, operator: '=' | '^=', value: string): string {
  const text = `${attribute} ${operator} ${quoted(value)}`
  if (text.length > maxFilterLength) {
    throw new AppError('invalid_input', `This search is too long for Cognito (at most ${maxFilterLength} characters in all). Shorten it.`)
  }
  return text
}

/** The search for an email, as `userFilter` sends text with an @: the `email` attribute from its start, the value as given. */
export function emailFilter(email: string): string {
  return filter('email', '^=', email)
}

/** `force change password`, `Force-Change-Password` and `FORCE_CHANGE_PASSWORD` are one status word. */
function asStatusWord(text: string): string {
  return text.trim().toUpperCase().replace(/[\s-]+/g, '_')
}

const explicit = /^\s*([A-Za-z_:]+)\s*(\^=|=)\s*(.*?)\s*$/

/** The ListUsers `Filter` for the search text; undefined lists everyone. */
export function userFilter(search: string): string | undefined {
  const text = search.trim()
  if (text === '') return undefined
  const written = explicit.exec(text)
  if (written) {
    const [, name = '', operator = '=', rawValue = ''] = written
    const attribute = filterableAttributes[name.toLowerCase()]
    if (!attribute) {
      const known = [...new Set(Object.values(filterableAttributes))].join(', ')
      throw new AppError('invalid_input', `Cognito cannot search on "${name}". It searches on one of: ${known}.`)
    }
    const value = /^".*"$/.test(rawValue) ? rawValue.slice(1, -1).replace(/\\(.)/g, '$1') : rawValue
    return filter(attribute, operator as '=' | '^=', attribute === 'status' ? enabledWord(value) : value)
  }
  const lower = text.toLowerCase()
  if (lower === 'enabled' || lower === 'disabled') return filter('status', '=', enabledWord(text))
  if (userStatuses.includes(asStatusWord(text))) return filter('cognito:user_status', '=', asStatusWord(text))
  if (text.includes('@')) return emailFilter(text)
  if (/^\+[\d\s]+$/.test(text)) return filter('phone_number', '^=', text.replace(/\s+/g, ''))
  if (/\s/.test(text)) return filter('name', '^=', text.replace(/\s+/g, ' '))
  return filter('username', '^=', text)
}

/** `status` takes `Enabled` or `Disabled`, with case (cognito.md §3). */
function enabledWord(value: string): string {
  const lower = value.trim().toLowerCase()
  return lower === 'enabled' ? 'Enabled' : lower === 'disabled' ? 'Disabled' : value
}

/** Groups: the name or description holds the text, accents and case aside (shared/text.ts); empty keeps every group. */
export function groupMatcher(search: string): ((name: string, description: string) => boolean) | undefined {
  const text = search.trim()
  if (text === '') return undefined
  return (name, description) => textMatches(text, name, description)
}

