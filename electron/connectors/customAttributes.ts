import type { AttributeValue } from '../../shared/directory'

/*
 * Custom attributes (the descriptor's `customAttributePrefix`, e.g. `Extension.Custom.<name>`): a
 * multi-valued string attribute is shown as `[value1;;value2;;value3]`, the format the connector
 * reference documents, and written back as an array. Invariant: a custom value written in that
 * bracketed form is always sent as an array.
 */

const separator = ';;'

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
