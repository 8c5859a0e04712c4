/*
 * The search box's free text as Okta `search` expressions (okta.md §2.3, §3.4, §4.3). A status
 * word finds users by status; anything else is a prefix (`sw`) over the names, email and login.
 * Okta's `search` (unlike `q`) pages and includes DEPROVISIONED users.
 */

const userStatuses = ['ACTIVE', 'STAGED', 'PROVISIONED', 'RECOVERY', 'LOCKED_OUT', 'PASSWORD_EXPIRED', 'SUSPENDED', 'DEPROVISIONED']
const groupTypes = ['OKTA_GROUP', 'APP_GROUP', 'BUILT_IN']
const userFields = ['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login']

/** A string literal for an expression: double quotes, with `\` and `"` escaped. */
export function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** `locked out`, `Locked-Out` and `LOCKED_OUT` are the same status word. */
function asWord(text: string): string {
  return text.trim().toUpperCase().replace(/[\s-]+/g, '_')
}

/**
 * Everyone, DEPROVISIONED users included: Okta's plain list leaves them out (okta.md §2.3), but
 * the limitation says deactivated users stay visible, badged.
 */
export const everyUser = 'status pr'

/** The `search` parameter for users. */
export function userSearch(text: string): string {
  const trimmed = text.trim()
  if (trimmed === '') return everyUser
  if (userStatuses.includes(asWord(trimmed))) return `status eq ${quoted(asWord(trimmed))}`
  const clauses = userFields.map((field) => `${field} sw ${quoted(trimmed)}`)
  const words = trimmed.split(/\s+/)
  // "Ada Love" finds Ada Lovelace: the first word on the first name, the rest on the last name.
  if (words.length > 1) {
    clauses.push(`(profile.firstName sw ${quoted(words[0]!)} and profile.lastName sw ${quoted(words.slice(1).join(' '))})`)
  }
  return clauses.join(' or ')
}

/** The `search` parameter for groups, or undefined to list every group. */
export function groupSearch(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  if (groupTypes.includes(asWord(trimmed))) return `type eq ${quoted(asWord(trimmed))}`
  return `profile.name sw ${quoted(trimmed)}`
}

/**
 * Emails many to a search (Connector.usersWithEmails): `profile.email eq "…" or profile.login eq "…"`
 * for each, joined with `or` (okta.md §2.3, §3.4: `eq` on any profile attribute, values compared
 * ignoring case). The spec sets no number of clauses, only that "an overly complex or long search
 * query can result in an error" (listUsers, `search`): 20 emails (40 clauses, about 2,000
 * characters) a search keeps well inside that, and inside one page of 200 users.
 */
export const oktaEmailsPerSearch = 20

export const oktaEmailBatches = {
  perRequest: oktaEmailsPerSearch,
  maxChars: 2_000,
  charsOf: (email: string) => emailClause(email).length + ' or '.length,
}

function emailClause(email: string): string {
  return `profile.email eq ${quoted(email)} or profile.login eq ${quoted(email)}`
}

export function emailsSearch(emails: readonly string[]): string {
  return emails.map(emailClause).join(' or ')
}
