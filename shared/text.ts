import { z } from 'zod'

/*
 * The string checks every text field of the contract shares, so that what reaches main is text a
 * target can take. A lone UTF-16 surrogate cannot be encoded at all (`encodeURIComponent` throws,
 * a JSON body carries garbage); a NUL or a control character in an id, a name or a search is a
 * mistake or an attack (a CRLF in a header, an escape in a log). Free text (a description, a
 * file's content) may hold line breaks and tabs; nothing else may.
 */

/** Under the `u` flag `\p{Cs}` matches only a surrogate without its other half. */
const loneSurrogate = /\p{Cs}/u
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const anyControl = /[\u0000-\u001f\u007f]/
// eslint-disable-next-line no-control-regex -- as above, but tab, line feed and carriage return
const controlButLineBreaks = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

const brokenCharacter = 'contains a broken character (half of an emoji or other two-part character): type or paste it again'
const controlCharacter = 'contains a control character (a line break, tab, NUL or escape): remove it'
const controlInFreeText = 'contains a control character (a NUL or an escape): remove it'

/** True when a string is well-formed UTF-16 (no lone surrogate). */
export function isWellFormedText(text: string): boolean {
  return !loneSurrogate.test(text)
}

/** One line of text: an id, a name, a search, a key. Chain `.min` / `.max` / `.trim` as usual. */
export function lineText() {
  return z
    .string()
    .refine(isWellFormedText, brokenCharacter)
    .refine((text) => !anyControl.test(text), controlCharacter)
}

/** Text that may span lines: an attribute's value, an imported file's content. */
export function freeText() {
  return z
    .string()
    .refine(isWellFormedText, brokenCharacter)
    .refine((text) => !controlButLineBreaks.test(text), controlInFreeText)
}

/**
 * Names every plain object inherits (`constructor`, `toString`, `__proto__`…) and `prototype`. A
 * plain-object lookup by such a key finds a built-in function instead of nothing, and an own
 * `__proto__` key is dropped by zod without a word; none is an attribute or setting of any target.
 */
const reservedNames: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype'])

/** The reserved name a key is or contains as a dotted segment (`Extension.Custom.constructor`), if any. */
export function reservedNameIn(key: string): string | undefined {
  return key.split('.').find((segment) => reservedNames.has(segment))
}

const recordKey = lineText().min(1, 'A name cannot be empty').max(300, 'Keep names under 300 characters')

/**
 * A record whose keys the sender chooses (attributes, profile values, secrets). Keys are checked on
 * the raw input, before zod builds the record, so an own `__proto__` is refused, not dropped.
 */
export function textRecord<V extends z.ZodType>(value: V) {
  const record = z.record(recordKey, value)
  return z.preprocess<unknown, typeof record, z.input<typeof record>>((raw, context) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw
    for (const key of Object.keys(raw)) {
      const reserved = reservedNameIn(key)
      if (reserved === undefined) continue
      const message = `"${reserved}" is a name JavaScript reserves and no attribute or setting is called that: remove "${key}"`
      context.addIssue({ code: 'custom', message, path: [key], input: key })
    }
    return raw
  }, record)
}

/*
 * Matching where Lanyard filters by itself (the palette, Activity's filter, Cognito's groups): a
 * help desk types "lefevre" for Lefèvre and "bjorn khan" for Björn Khan, so accents and case never
 * decide a match. One folding serves every such place.
 */

/** Letters that are not a base letter plus an accent, so Unicode decomposition leaves them as they are. */
const spelledOut: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h' }
const combiningMark = /\p{M}/gu
const spelledOutLetter = /[ßæœøđðłþıħ]/g
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const plainAscii = /^[\u0000-\u007f]*$/

/** The text as matching compares it: lower case, accents dropped ("Björn Lefèvre" → "bjorn lefevre"). */
export function foldText(text: string): string {
  // Most names and emails are plain ASCII: nothing to decompose (sorting 100,000 rows folds each once).
  if (plainAscii.test(text)) return text.toLowerCase()
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(combiningMark, '')
    .replace(spelledOutLetter, (letter) => spelledOut[letter] ?? letter)
}

/**
 * True when every word typed is found in one of the values, folded ("khan björn" finds first name
 * Björn, last name Khan); nothing typed matches everything.
 */
export function textMatches(typed: string, ...values: (string | null | undefined)[]): boolean {
  const words = foldText(typed).split(/\s+/).filter((word) => word !== '')
  if (words.length === 0) return true
  const haystacks = values.filter((value): value is string => typeof value === 'string').map(foldText)
  return words.every((word) => haystacks.some((haystack) => haystack.includes(word)))
}
