/*
 * GoTo's keys are integers beyond 2^53 (`"key": 78888886011013972886849029` in GoTo's own create
 * example, coupa-gotomeeting.md B.2). Usually they come as JSON strings, but `JSON.parse` would
 * silently round an unquoted one to another user's key. This parser turns every integer literal
 * that a double cannot hold exactly into a string of its digits before `JSON.parse` sees it;
 * everything else parses as usual. Invariant: no key ever passes through a JavaScript number.
 * Rewriting walks the text character by character in JavaScript, most of a page's parsing time, and
 * most answers need none of it (the Admin API sends keys as strings): a quick scan decides.
 */

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

/*
 * A JSON number comes first in the text or right after `:`, `[` or `,` (whitespace between); an
 * unsafe integer has at least 16 digits (2^53 has 16). Digits in a string may look the same
 * (`"a, 1234567890123456"`): then the text takes the rewrite, which tells them apart.
 */
const longIntegerAfterPunctuation = /[:,[]\s*-?\d{16}/
const longIntegerFirst = /^\s*-?\d{16}/

/** Whether the text may hold an integer literal that a double cannot hold exactly; never false when it does. */
export function mayHoldUnsafeInteger(text: string): boolean {
  return longIntegerAfterPunctuation.test(text) || longIntegerFirst.test(text)
}

/** `JSON.parse`, except that integers outside the safe range come back as strings of their digits. */
export function parseJsonLosslessly(text: string): unknown {
  return mayHoldUnsafeInteger(text) ? rewriteThenParse(text) : JSON.parse(text)
}

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
