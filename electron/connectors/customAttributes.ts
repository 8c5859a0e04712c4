import type { AttributeValue } from '../../shared/directory'

/*
 * Custom attributes (the descriptor's `customAttributePrefix`, e.g. `Extension.Custom.<name>`): a
 * multi-valued string attribute is shown as `[value1;;value2;;value3]`, the format the connector
 * reference documents, and written back as an array. Invariant: a custom value written in that
 * bracketed form is always sent as an array.
 */

const separator = ';;'

/*
 * `<prefix><name>` for every custom attribute of every row of a list: made once per name, so a
 * 20,000-row page does not build (and hash) the same 20,000 strings again. Names come from the
 * target's schema, a few dozen; past `mostNamesKept` a name is built each time rather than kept.
 */
const prefixedNames = new Map<string, Map<string, string>>()
const mostNamesKept = 1000

export function customAttributeName(prefix: string, name: string): string {
  let names = prefixedNames.get(prefix)
  if (!names) prefixedNames.set(prefix, (names = new Map()))
  let prefixed = names.get(name)
  if (prefixed === undefined) {
    prefixed = `${prefix}${name}`
    if (names.size < mostNamesKept) names.set(name, prefixed)
  }
  return prefixed
}

export function showCustomValue(value: unknown): AttributeValue | undefined {
  if (Array.isArray(value)) {
    if (!value.every((item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')) return undefined
    return `[${value.map(String).join(separator)}]`
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number' && Number.isFinite(value)) return value
  return undefined
}

export function writeCustomValue(value: AttributeValue): unknown {
  if (Array.isArray(value)) return value
  if (typeof value === 'string' && value.startsWith('[') && value.endsWith(']')) {
    const inside = value.slice(1, -1)
    return inside === '' ? [] : inside.split(separator)
  }
  return value
}
