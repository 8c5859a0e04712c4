/*
 * The search box's free text as GoTo `filter=` expressions (B.2). Searches use the regex form of
 * GoTo's paging guide (G3: `(email="(?i).*gould.*") | (firstName="(?i).*Janis.*")`), which finds a
 * part of a value ignoring case; exact look-ups use the newer `email eq "…"` form working clients
 * use (G7, G8). Filterable: key, email, firstName and lastName of users; key and name of groups.
 */

/**
 * Text for inside a `"…"` value: a quote is written `\"`. Backslashes stay as they are: inside a
 * value they belong to the regex (`\.` is a literal dot), as GoTo's examples send them.
 */
function quotedValue(text: string): string {
  return `"${text.replace(/"/g, '\\"')}"`
}

/** The text as a regex that matches it literally (Java's and JavaScript's metacharacters escaped). */
function literalRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
}

function contains(attribute: string, text: string): string {
  return `(${attribute}=${quotedValue(`(?i).*${literalRegex(text)}.*`)})`
}

function startsWith(attribute: string, text: string): string {
  return `(${attribute}=${quotedValue(`(?i)${literalRegex(text)}.*`)})`
}

/**
 * Users: a part of the email, first or last name; a number also finds the user with that key;
 * "Ada Love" finds Ada Lovelace (the first word starts the first name, the rest the last name).
 * Undefined lists everyone.
 */
export function userFilter(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  const words = trimmed.split(/\s+/)
  if (words.length > 1) return `${startsWith('firstName', words[0]!)} & ${startsWith('lastName', words.slice(1).join(' '))}`
  const clauses = ['email', 'firstName', 'lastName'].map((attribute) => contains(attribute, trimmed))
  if (/^\d+$/.test(trimmed)) clauses.push(`(key=${quotedValue(trimmed)})`)
  return clauses.join(' | ')
}

/** Groups: a part of the name. */
export function groupFilter(text: string): string | undefined {
  const trimmed = text.trim()
  return trimmed === '' ? undefined : contains('name', trimmed)
}

/** Exactly this email (GoTo compares emails ignoring case). */
export function emailFilter(email: string): string {
  return `email eq ${quotedValue(email.trim())}`
}

/**
 * A user GoTo deleted but still remembers with this email (it re-activates that account on a
 * create, the reference's fifth limitation). GoTo documents no way to read deleted users; the
 * sandbox lists them as status DELETED when a filter names `status`. A target that refuses the
 * filter makes the create check say it could not tell (see checkCreate).
 */
export function deletedEmailFilter(email: string): string {
  return `${emailFilter(email)} and status eq "DELETED"`
}

/** Users with one of these keys: one `(key="…")` clause each, joined with `|` (G5). */
export function keysFilter(keys: readonly string[]): string {
  return keys.map((key) => `(key=${quotedValue(key)})`).join(' | ')
}

/**
 * Emails many to a list (Connector.usersWithEmails): `(email="(?i)<email>")` for each, joined with
 * `|`, GoTo's documented "or" (G3), each email a literal regex matched whole, case aside (GoTo's
 * usernames are its emails). GoTo documents no longest filter; 25 emails (at most 2,000
 * characters) keeps the URL short and the answer within one page.
 */
export const goToEmailsPerList = 25

export const goToEmailBatches = { perRequest: goToEmailsPerList, maxChars: 2_000, charsOf: (email: string) => exactly('email', email).length + ' | '.length }

function exactly(attribute: string, text: string): string {
  return `(${attribute}=${quotedValue(`(?i)${literalRegex(text.trim())}`)})`
}

export function emailsFilter(emails: readonly string[]): string {
  return emails.map((email) => exactly('email', email)).join(' | ')
}
