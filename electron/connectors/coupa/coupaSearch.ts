import type { QueryValue } from '../../http/types'

/*
 * The search box's free text as Coupa filters (coupa-gotomeeting.md A.3: `attribute[operator]=value`,
 * every filter must hold, there is no "or"). So the shape of the text picks the attribute:
 * `active` / `inactive` the status, text with `@` the email, two words or more a first and last
 * name, one word a login. The descriptor's `searchHint` says the same to the person.
 */

type Filters = Record<string, QueryValue>

export function userFilters(search: string): Filters {
  const text = search.trim()
  if (text === '') return {}
  const word = text.toLowerCase()
  // The Users API's own `status=active` filter is `active=true` under another name (A.3); `active` is the attribute.
  if (word === 'active' || word === 'inactive') return { active: word === 'active' }
  if (text.includes('@')) return { 'email[contains]': text }
  const words = text.split(/\s+/)
  if (words.length > 1) return { 'firstname[starts_with]': words[0], 'lastname[starts_with]': words.slice(1).join(' ') }
  return { 'login[contains]': text }
}

/** Roles and groups: part of the name. */
export function nameFilters(search: string): Filters {
  const text = search.trim()
  return text === '' ? {} : { 'name[contains]': text }
}

/**
 * Emails many to a list (Connector.usersWithEmails): `email[in]=a,b,…` (A.3: `in` takes a comma
 * list). Coupa has no "or" across attributes, so the same batch is asked again as `login[in]`,
 * where a login is an email. Coupa documents no longest list; 25 emails (at most 2,000 characters)
 * keeps the URL short and the answer within one page of 50. Sent in lower case, as emails are
 * stored: whether `in` ignores case is not documented (its `contains` and the sandbox's do).
 */
export const coupaEmailsPerList = 25

export const coupaEmailBatches = { perRequest: coupaEmailsPerList, maxChars: 2_000, charsOf: (email: string) => email.length + 1 }

export function emailsFilters(emails: readonly string[]): Filters[] {
  const list = emails.map((email) => email.trim().toLowerCase()).join(',')
  return [{ 'email[in]': list }, { 'login[in]': list }]
}
