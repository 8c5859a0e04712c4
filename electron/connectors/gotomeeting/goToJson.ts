/*
 * GoTo's keys are integers beyond 2^53 (`"key": 78888886011013972886849029` in GoTo's own create
 * example, coupa-gotomeeting.md B.2). Usually they come as JSON strings, but `JSON.parse` would
 * silently round an unquoted one to another user's key. This parser turns every integer literal
 * that a double cannot hold exactly into a string of its digits before `JSON.parse` sees it;
 * everything else parses as usual. Invariant: no key ever reaches Lanyard as a rounded number.
 * Rewriting walks the text character by character in JavaScript, slower than `JSON.parse` itself,
 * and most answers need none of it (the Admin API sends keys as strings). So the text is parsed
 * first, and rewritten only when the value holds an integer a double may have rounded: every
 * unsafe integer literal parses to a double of 2^53 or more, which the walk finds (a walk of the
 * value costs a tenth of scanning the text for long digit runs).
 */

/** Whether the parsed value holds a whole number beyond the safe range, anywhere inside it. */
export function holdsUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value)
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) {
    for (const item of value) if (holdsUnsafeInteger(item)) return true
    return false
  }
  for (const key in value) if (holdsUnsafeInteger((value as Record<string, unknown>)[key])) return true
  return false
}

/** `JSON.parse`, except that integers outside the safe range come back as strings of their digits. */
export function parseJsonLosslessly(text: string): unknown {
  const parsed: unknown = JSON.parse(text)
  return holdsUnsafeInteger(parsed) ? rewriteThenParse(text) : parsed
}

/** Index just past the closing quote of the string that starts at `start`. */
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

const numberAt = /-?\d+(\.\d+)?([eE][-+]?\d+)?/y

/** Quotes every unsafe integer literal of the text, then parses it (exported for the tests' comparison). */
export function rewriteThenParse(text: string): unknown {
  let rewritten = ''
  let copiedUpTo = 0
  let index = 0
  while (index < text.length) {
    const character = text[index]!
    if (character === '"') {
      index = endOfString(text, index)
      continue
    }
    if (character === '-' || (character >= '0' && character <= '9')) {
      numberAt.lastIndex = index
      const match = numberAt.exec(text)
      if (!match) {
        index++
        continue
      }
      const literal = match[0]
      const isInteger = match[1] === undefined && match[2] === undefined
      if (isInteger && !Number.isSafeInteger(Number(literal))) {
        rewritten += `${text.slice(copiedUpTo, index)}"${literal}"`
        copiedUpTo = index + literal.length
      }
      index += literal.length
      continue
    }
    index++
  }
  return JSON.parse(rewritten + text.slice(copiedUpTo)) as unknown
}
