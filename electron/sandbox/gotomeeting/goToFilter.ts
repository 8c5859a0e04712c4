import { goToErrors } from './goToErrors'

/**
 * GoTo's `filter=` parameter (coupa-gotomeeting.md B.2), both syntaxes seen in working clients:
 * - the Admin reference's "Resource-Filtering": `email eq "a@b.com"`, joined with `and` / `or`
 *   (operators `eq`, `ne`, `sw`, `ew`, `co`: the reference shows `eq`; the rest follow its SCIM
 *   model [INFER]); values are compared ignoring case, as GoTo matches emails;
 * - the older regex form: `(email="(?i).*gould.*") | (firstName="Janis")`, joined with `&` / `|`;
 *   the regex is Java's, matched against the whole value; a leading `(?i)` ignores case.
 * `and`/`&` bind tighter than `or`/`|`; parentheses group. A filter that does not parse, or names
 * an attribute the list cannot filter on, is 400 invalid.filter.
 */

export type AttributeReader = (attribute: string) => string | undefined

export interface CompiledFilter {
  matches(read: AttributeReader): boolean
  /** Every attribute the filter names (lower case), e.g. to know whether it asks about `status`. */
  attributes: Set<string>
}

type Token = { kind: 'open' | 'close' | 'and' | 'or' | 'equals' } | { kind: 'word'; text: string } | { kind: 'string'; text: string }
type Predicate = (read: AttributeReader) => boolean

const operators = ['eq', 'ne', 'sw', 'ew', 'co'] as const
type Operator = (typeof operators)[number]

/**
 * The request's `filter`, or undefined when none (or an empty one) was sent. A `+` in the raw
 * query is not a space to GoTo: "encode spaces with + signs instead of %20. The GoTo API doesn't
 * accept this." (G7) — so a filter sent that way is refused, where `URLSearchParams` would have
 * quietly read the `+` as a space.
 */
export function filterParameter(query: URLSearchParams, rawQuery: string | undefined): string | undefined {
  const text = query.get('filter')
  if (text === null || text.trim() === '') return undefined
  if (/(^|&)filter=[^&]*\+/.test(rawQuery ?? '')) throw goToErrors.invalidFilter(text)
  return text
}

/** `filterable` maps lower-case names to the attribute names readers take. */
export function compileFilter(text: string, filterable: readonly string[]): CompiledFilter {
  const invalid = () => goToErrors.invalidFilter(text)
  const tokens = tokenize(text, invalid)
  const names = new Map(filterable.map((name) => [name.toLowerCase(), name]))
  const attributes = new Set<string>()
  let position = 0
  const peek = () => tokens[position]
  const next = () => tokens[position++]

  const attribute = (token: Token | undefined): string => {
    const name = token?.kind === 'word' ? names.get(token.text.toLowerCase()) : undefined
    if (!name) throw invalid()
    attributes.add(name.toLowerCase())
    return name
  }
  const value = (): string => {
    const token = next()
    if (token?.kind === 'string' || token?.kind === 'word') return token.text
    throw invalid()
  }
  const parseOr = (): Predicate => {
    const parts = [parseAnd()]
    while (peek()?.kind === 'or') {
      next()
      parts.push(parseAnd())
    }
    return parts.length === 1 ? (parts[0] as Predicate) : (read) => parts.some((part) => part(read))
  }
  const parseAnd = (): Predicate => {
    const parts = [parsePrimary()]
    while (peek()?.kind === 'and') {
      next()
      parts.push(parsePrimary())
    }
    return parts.length === 1 ? (parts[0] as Predicate) : (read) => parts.every((part) => part(read))
  }
  const parsePrimary = (): Predicate => {
    const token = next()
    if (token?.kind === 'open') {
      // `(name="regex")` or a parenthesised expression.
      if (tokens[position]?.kind === 'word' && tokens[position + 1]?.kind === 'equals') {
        const name = attribute(next())
        next()
        const pattern = regexFor(value(), invalid)
        if (next()?.kind !== 'close') throw invalid()
        return (read) => pattern.test(read(name) ?? '')
      }
      const inner = parseOr()
      if (next()?.kind !== 'close') throw invalid()
      return inner
    }
    const name = attribute(token)
    const operatorToken = next()
    const operator = operatorToken?.kind === 'word' ? (operatorToken.text.toLowerCase() as Operator) : undefined
    if (!operator || !operators.includes(operator)) throw invalid()
    const wanted = value().toLowerCase()
    return (read) => compare(operator, (read(name) ?? '').toLowerCase(), wanted)
  }

  const predicate = parseOr()
  if (position !== tokens.length) throw invalid()
  return { matches: predicate, attributes }
}

function compare(operator: Operator, actual: string, wanted: string): boolean {
  switch (operator) {
    case 'eq':
      return actual === wanted
    case 'ne':
      return actual !== wanted
    case 'sw':
      return actual.startsWith(wanted)
    case 'ew':
      return actual.endsWith(wanted)
    case 'co':
      return actual.includes(wanted)
  }
}

/** Java's `matches()`: the whole value. JavaScript has no inline `(?i)`, so it becomes the `i` flag. */
function regexFor(source: string, invalid: () => Error): RegExp {
  const caseless = source.startsWith('(?i)')
  try {
    return new RegExp(`^(?:${caseless ? source.slice(4) : source})$`, caseless ? 'i' : '')
  } catch {
    throw invalid()
  }
}

function tokenize(text: string, invalid: () => Error): Token[] {
  const tokens: Token[] = []
  let index = 0
  while (index < text.length) {
    const character = text[index] as string
    if (/\s/.test(character)) {
      index++
    } else if ('()&|='.includes(character)) {
      const kinds = { '(': 'open', ')': 'close', '&': 'and', '|': 'or', '=': 'equals' } as const
      tokens.push({ kind: kinds[character as keyof typeof kinds] })
      index++
    } else if (character === '"') {
      let value = ''
      index++
      while (index < text.length && text[index] !== '"') {
        // `\"` is a quote inside the value; other backslashes stay (they belong to regexes).
        const escapedQuote = text[index] === '\\' && text[index + 1] === '"'
        value += escapedQuote ? '"' : text[index]
        index += escapedQuote ? 2 : 1
      }
      if (index >= text.length) throw invalid()
      index++
      tokens.push({ kind: 'string', text: value })
    } else {
      const word = /^[^\s()&|="]+/.exec(text.slice(index))?.[0] ?? character
      const lower = word.toLowerCase()
      tokens.push(lower === 'and' ? { kind: 'and' } : lower === 'or' ? { kind: 'or' } : { kind: 'word', text: word })
      index += word.length
    }
  }
  if (tokens.length === 0) throw invalid()
  return tokens
}
