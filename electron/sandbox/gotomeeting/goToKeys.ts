import type { Random } from '../framework/random'

/**
 * GoTo keys: decimal numbers beyond 2^53 (B.2), answered as JSON strings. The sandbox's keys are
 * 19 digits: a tenant-wide 7-digit prefix, then a 12-digit block whose leading part is a creation
 * counter. So keys of one tenant have one length, and sorting them as strings sorts them by
 * creation (the order lists answer in).
 */

const blockDigits = 12
/** Room per counter step for a random tail, so consecutive keys do not look sequential. */
const stride = 1000

export function newKeyPrefix(random: Random): string {
  return String(1_000_000 + random.integer(9_000_000))
}

export function keyFor(prefix: string, sequence: number, random: Random): string {
  return `${prefix}${String(sequence * stride + random.integer(stride)).padStart(blockDigits, '0')}`
}

/** A 22-digit account key like the guide's `8887380153236031176710`. */
export function newAccountKey(random: Random): string {
  let key = String(1 + random.integer(9))
  while (key.length < 22) key += String(random.integer(10))
  return key
}

/**
 * Whether a path key is a number at all. A key with anything but digits (`abc`) breaks GoTo's
 * back end, which answers through its gateway with 502 instead of 404 (the reference connector's
 * limitation "Getting a user by an invalid alphanumeric id answers 502").
 */
export function isWellFormedKey(key: string): boolean {
  return /^\d+$/.test(key)
}

/**
 * A key sent in a request body: a digit string, or a JSON number (GoTo's own create example
 * sends `licenseKeys` as numbers). Numbers arrive here already quoted by `parseJsonLosslessly`.
 */
export function keyFromBody(value: unknown): string | undefined {
  if (typeof value === 'string' && isWellFormedKey(value)) return value
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value)
  return undefined
}

/**
 * `JSON.parse`, except that integers too long to be exact as a double (16 digits or more) become
 * strings of their digits. GoTo's Java back end reads such keys exactly; a simulator that rounded
 * them would accept a key the real API rejects, or the other way round.
 */
export function parseJsonLosslessly(text: string): unknown {
  let quoted = ''
  let index = 0
  while (index < text.length) {
    const character = text[index] as string
    if (character === '"') {
      const end = endOfString(text, index)
      quoted += text.slice(index, end)
      index = end
      continue
    }
    const number = /[-\d]/.test(character) && !/[\d.\-+eE]/.test(text[index - 1] ?? '') ? /^-?\d{16,}(?![.eE\d])/.exec(text.slice(index, index + 64)) : null
    if (number) {
      quoted += `"${number[0]}"`
      index += number[0].length
      continue
    }
    quoted += character
    index++
  }
  return JSON.parse(quoted) as unknown
}

/** Index just past the closing quote of the string starting at `start` (or the text's end). */
function endOfString(text: string, start: number): number {
  let index = start + 1
  while (index < text.length) {
    const character = text[index]
    if (character === '\\') index += 2
    else if (character === '"') return index + 1
    else index++
  }
  return text.length
}
