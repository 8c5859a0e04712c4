import type { Expression, Literal } from './searchExpression'

/** Reads an attribute (`status`, `profile.department`, `type.id`) from a record; undefined when absent. */
export type AttributeReader = (attribute: string) => unknown

const isoDate = /^\d{4}-\d{2}-\d{2}T/

/**
 * Whether a record matches. `caseSensitive` is false for `search` (Okta: values are matched
 * ignoring case) and true for `filter`. An array attribute matches when any element does.
 */
export function evaluateExpression(expression: Expression, read: AttributeReader, caseSensitive: boolean): boolean {
  switch (expression.kind) {
    case 'and':
      return evaluateExpression(expression.left, read, caseSensitive) && evaluateExpression(expression.right, read, caseSensitive)
    case 'or':
      return evaluateExpression(expression.left, read, caseSensitive) || evaluateExpression(expression.right, read, caseSensitive)
    case 'not':
      return !evaluateExpression(expression.operand, read, caseSensitive)
    case 'present': {
      const value = read(expression.attribute)
      return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null && value !== ''
    }
    case 'compare': {
      const value = read(expression.attribute)
      const values = Array.isArray(value) ? value : [value]
      return values.some((item) => compare(item, expression.operator, expression.value, caseSensitive))
    }
  }
}

function compare(actual: unknown, operator: string, expected: Literal, caseSensitive: boolean): boolean {
  if (actual === undefined || actual === null) return operator === 'eq' && expected === null
  if (expected === null) return false
  if (typeof actual === 'boolean' || typeof expected === 'boolean') return operator === 'eq' && String(actual) === String(expected)
  // Text operators first: working out an ordering (dates, numbers) is wasted on them, and a
  // search-as-you-type query runs them over every user of the org.
  switch (operator) {
    case 'sw':
      return fold(actual, caseSensitive).startsWith(fold(expected, caseSensitive))
    case 'co':
      return fold(actual, caseSensitive).includes(fold(expected, caseSensitive))
    case 'ew':
      return fold(actual, caseSensitive).endsWith(fold(expected, caseSensitive))
  }
  const order = ordering(actual, expected, caseSensitive)
  switch (operator) {
    case 'eq':
      return order === 0
    case 'ne':
      return order !== 0
    case 'gt':
      return order > 0
    case 'ge':
      return order >= 0
    case 'lt':
      return order < 0
    case 'le':
      return order <= 0
    default:
      return false
  }
}

/** A top-level function, not a closure per comparison: this runs for every user of the org. */
function fold(value: unknown, caseSensitive: boolean): string {
  const text = String(value)
  return caseSensitive ? text : text.toLowerCase()
}

/** Dates compare as instants, numbers as numbers, anything else as (folded) text. */
function ordering(actual: unknown, expected: string | number, caseSensitive: boolean): number {
  const left = String(actual)
  const right = String(expected)
  if (isoDate.test(left) && isoDate.test(right)) {
    const difference = Date.parse(left) - Date.parse(right)
    if (!Number.isNaN(difference)) return Math.sign(difference)
  }
  if (typeof actual === 'number' || typeof expected === 'number') {
    const difference = Number(actual) - Number(expected)
    if (!Number.isNaN(difference)) return Math.sign(difference)
  }
  const a = caseSensitive ? left : left.toLowerCase()
  const b = caseSensitive ? right : right.toLowerCase()
  return a < b ? -1 : a > b ? 1 : 0
}
