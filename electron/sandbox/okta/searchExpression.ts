import { oktaErrors } from './oktaErrors'

/**
 * Okta's filter/search expression language (okta.md §2.3): `attribute op "value"`,
 * `attribute pr`, `and`, `or`, `not`, parentheses. Precedence: comparisons, then (), then `and`,
 * then `or`. Operators and keywords are case-insensitive; attribute names are not.
 * A syntax error is Okta's 400 E0000031.
 */

export type Literal = string | number | boolean | null

export type Expression =
  | { kind: 'compare'; attribute: string; operator: string; value: Literal }
  | { kind: 'present'; attribute: string }
  | { kind: 'and' | 'or'; left: Expression; right: Expression }
  | { kind: 'not'; operand: Expression }

type Token = { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: 'open' } | { kind: 'close' }

const comparisonOperators = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'sw', 'co', 'ew'])

export function parseExpression(text: string): Expression {
  const tokens = tokenize(text)
  let position = 0
  const peek = () => tokens[position]
  const keyword = (token: Token | undefined) => (token?.kind === 'word' ? token.text.toLowerCase() : undefined)

  const parseOr = (): Expression => {
    let left = parseAnd()
    while (keyword(peek()) === 'or') {
      position++
      left = { kind: 'or', left, right: parseAnd() }
    }
    return left
  }
  const parseAnd = (): Expression => {
    let left = parseUnary()
    while (keyword(peek()) === 'and') {
      position++
      left = { kind: 'and', left, right: parseUnary() }
    }
    return left
  }
  const parseUnary = (): Expression => {
    const token = peek()
    if (keyword(token) === 'not') {
      position++
      return { kind: 'not', operand: parseUnary() }
    }
    if (token?.kind === 'open') {
      position++
      const inner = parseOr()
      if (peek()?.kind !== 'close') throw oktaErrors.invalidSearch()
      position++
      return inner
    }
    return parseComparison()
  }
  const parseComparison = (): Expression => {
    const attribute = peek()
    if (attribute?.kind !== 'word' || !/^[A-Za-z_$][\w$.:-]*$/.test(attribute.text)) throw oktaErrors.invalidSearch()
    position++
    const operator = keyword(peek())
    if (operator === undefined) throw oktaErrors.invalidSearch()
    position++
    if (operator === 'pr') return { kind: 'present', attribute: attribute.text }
    if (!comparisonOperators.has(operator)) throw oktaErrors.invalidSearch()
    return { kind: 'compare', attribute: attribute.text, operator, value: parseLiteral() }
  }
  const parseLiteral = (): Literal => {
    const token = peek()
    position++
    if (token?.kind === 'string') return token.text
    if (token?.kind !== 'word') throw oktaErrors.invalidSearch()
    const word = token.text.toLowerCase()
    if (word === 'true' || word === 'false') return word === 'true'
    if (word === 'null') return null
    if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text)
    throw oktaErrors.invalidSearch()
  }

  if (tokens.length === 0) throw oktaErrors.invalidSearch()
  const expression = parseOr()
  if (position !== tokens.length) throw oktaErrors.invalidSearch()
  return expression
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let index = 0
  while (index < text.length) {
    const character = text[index] as string
    if (/\s/.test(character)) {
      index++
    } else if (character === '(') {
      tokens.push({ kind: 'open' })
      index++
    } else if (character === ')') {
      tokens.push({ kind: 'close' })
      index++
    } else if (character === '"') {
      let value = ''
      index++
      while (index < text.length && text[index] !== '"') {
        // A literal quote inside a string is written \" (okta.md §3.4).
        if (text[index] === '\\' && index + 1 < text.length) index++
        value += text[index]
        index++
      }
      if (index >= text.length) throw oktaErrors.invalidSearch()
      index++
      tokens.push({ kind: 'string', text: value })
    } else {
      const start = index
      while (index < text.length && !/[\s()"]/.test(text[index] as string)) index++
      tokens.push({ kind: 'word', text: text.slice(start, index) })
    }
  }
  return tokens
}

/** Every attribute the expression mentions, with the operator used on it (`pr` for presence). */
export function* comparisons(expression: Expression): Generator<{ attribute: string; operator: string }> {
  switch (expression.kind) {
    case 'compare':
      yield { attribute: expression.attribute, operator: expression.operator }
      return
    case 'present':
      yield { attribute: expression.attribute, operator: 'pr' }
      return
    case 'not':
      yield* comparisons(expression.operand)
      return
    default:
      yield* comparisons(expression.left)
      yield* comparisons(expression.right)
  }
}

export function usesNot(expression: Expression): boolean {
  if (expression.kind === 'not') return true
  if (expression.kind === 'and' || expression.kind === 'or') return usesNot(expression.left) || usesNot(expression.right)
  return false
}
