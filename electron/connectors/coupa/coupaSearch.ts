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
