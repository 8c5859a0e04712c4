import type { AttributeValue } from './attributes'
import type { FieldFormat, FieldRule } from './catalogue/types'
import { timeZoneNamed } from './timeZones'

/*
 * One field's value against its descriptor rule (shared/catalogue/types.ts `FieldRule`): the
 * length, format, range, pattern and list the target documents. The same function serves the form
 * as the person types and main before any call, so the two never disagree. Messages are whole
 * sentences in words, starting with the field's label; a pattern is never shown.
 */

const plausibleEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
/** + and up to 15 digits (ITU-T E.164), no spaces or dashes: Cognito's phone_number. */
const e164 = /^\+\d{1,15}$/
/** A whole number, optionally signed. */
const wholeNumber = /^[-+]?\d+$/
/** An amount from 0 with at most two decimals; Coupa amounts are decimal strings ("0.00", A.4). */
const amount = /^\d+(\.\d{1,2})?$/
/** ISO 639 language, underscore, ISO 3166 country: Java's and Okta's `en_US`. */
const underscoreLocale = /^[a-z]{2,3}_[A-Z]{2}$/
/** A language, or a language and a country joined by a hyphen: Coupa's `en`, `en-US`. */
const languageTag = /^[a-z]{2}(-[A-Z]{2})?$/
/** ISO 4217: three capitals. */
const currencyCode = /^[A-Z]{3}$/

const numberWords = new Intl.NumberFormat('en-US')

function characters(text: string): number {
  return [...text].length
}

function rangeWords(rule: Pick<FieldRule, 'min' | 'max'>): string {
  if (rule.min !== undefined && rule.max !== undefined) return ` from ${numberWords.format(rule.min)} to ${numberWords.format(rule.max)}`
  if (rule.min !== undefined) return ` from ${numberWords.format(rule.min)} upwards`
  if (rule.max !== undefined) return ` up to ${numberWords.format(rule.max)}`
  return ''
}

function inRange(rule: FieldRule, number: number): boolean {
  return (rule.min === undefined || number >= rule.min) && (rule.max === undefined || number <= rule.max)
}

/** The value as text for the text checks; a number is its decimal form. */
function textOf(value: AttributeValue): string | undefined {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return String(value)
  return undefined
}

function formatProblem(label: string, format: FieldFormat, rule: FieldRule, value: AttributeValue): string | undefined {
  const text = textOf(value)
  switch (format) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${label} is a yes or no: tick it or leave it unticked.`
    case 'email':
      return typeof value === 'string' && plausibleEmail.test(value.trim()) ? undefined : `${label} must be an email address, e.g. ada.lovelace@example.com.`
    case 'integer': {
      const whole = text !== undefined && wholeNumber.test(text) ? Number(text) : Number.NaN
      return Number.isSafeInteger(whole) && inRange(rule, whole) ? undefined : `${label} is a whole number${rangeWords(rule)}.`
    }
    case 'currencyAmount': {
      const valid = text !== undefined && amount.test(text) && inRange(rule, Number(text))
      return valid ? undefined : `${label} is an amount of money${rangeWords({ min: 0, ...rule })}, in digits with at most two decimals, such as 5000 or 5000.00.`
    }
    case 'e164Phone':
      return text !== undefined && e164.test(text)
        ? undefined
        : `${label} is in international format: a + and the country code, then the number, digits only (no spaces or dashes), e.g. +447700900123.`
    case 'timeZone': {
      const named = text === undefined ? undefined : timeZoneNamed(text)
      if (named !== undefined && named === text) return undefined
      if (named !== undefined) return `${label} is written ${named}.`
      return `${label} is a time zone name from the IANA list, such as Europe/London or America/New_York.`
    }
    case 'locale':
      return text !== undefined && underscoreLocale.test(text) ? undefined : `${label} is a language and a country joined by an underscore, such as en_US or fr_FR.`
    case 'languageTag':
      return text !== undefined && languageTag.test(text) ? undefined : `${label} is a language, or a language and a country joined by a hyphen, such as en, en-US or fr-CA.`
    case 'currencyCode':
      return text !== undefined && currencyCode.test(text) ? undefined : `${label} is a three-letter currency code in capitals, such as USD, EUR or GBP.`
  }
}

/**
 * The problem with a value that is present (not blank), or undefined. The length comes first: a
 * 5,000-character paste is best told its length, whatever else is wrong with it; then the format
 * and the pattern, which say what the value should look like better than a count of characters.
 */
export function valueProblem(label: string, rule: FieldRule, value: AttributeValue): string | undefined {
  const text = typeof value === 'string' ? value : undefined
  // Counted as sent (the adapters trim), and each bound the lenient way: at most in characters, at
  // least in UTF-16 units, so that no value a target takes, however it counts, is refused here.
  const trimmed = text?.trim() ?? ''
  const length = characters(trimmed)
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    return `${label} is at most ${numberWords.format(rule.maxLength)} characters; this one has ${numberWords.format(length)}.`
  }
  const formatted = rule.format === undefined ? undefined : formatProblem(label, rule.format, rule, value)
  if (formatted) return formatted
  if (text === undefined) return undefined
  if (rule.pattern && !rule.pattern.matches.test(text.trim())) return `${label} ${rule.pattern.words}`
  if (rule.minLength !== undefined && trimmed.length < rule.minLength) return `${label} needs at least ${numberWords.format(rule.minLength)} characters.`
  if (rule.oneOf && !rule.oneOf.includes(text.trim())) return `${label} is one of: ${rule.oneOf.join(', ')}.`
  return undefined
}
