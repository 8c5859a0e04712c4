import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import { refuseProblems } from '../../errors/AppError'

/*
 * Checks of the user fields GoTo validates, made before anything is sent so the form can say what
 * to fix next to the field. GoTo's formats are not documented (B.3): its locales are Java's
 * `en_US` and its time zones IANA names, as its SCIM API validates them ("locale … ISO-639 /
 * ISO-3166", "timezone must be a valid timezone").
 */

const javaLocale = /^[a-z]{2,3}_[A-Z]{2}$/

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

const checks = {
  locale: { words: 'locale', valid: (value: string) => javaLocale.test(value), format: 'a language and a country, like en_US or fr_FR' },
  timeZone: { words: 'time zone', valid: isTimeZone, format: 'a name like Europe/London or America/New_York' },
}

/**
 * Refuses a locale or time zone GoTo would not take, and clearing either (GoTo always keeps one).
 * Messages are keyed by the SCIM path of the field's mapping row, where the form shows them.
 */
export function checkUserFields(users: ObjectTypeDescriptor, native: Record<string, unknown>): void {
  const problems: Record<string, string> = {}
  for (const [field, check] of Object.entries(checks)) {
    if (!(field in native)) continue
    const value = native[field]
    const path = users.mapping.find((row) => row.native === field)?.scim ?? field
    if (value === null || value === '') problems[path] = `GoTo always keeps a ${check.words}: choose one instead of clearing it.`
    else if (typeof value !== 'string' || !check.valid(value)) problems[path] = `A GoTo ${check.words} is ${check.format}.`
  }
  refuseProblems(problems, 'Nothing was sent')
}
