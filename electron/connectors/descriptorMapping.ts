import type { MappingRow } from '../../shared/catalogue/types'
import type { AttributeValue, Attributes } from '../../shared/directory'

/*
 * Mapping driven by the descriptor's rows, for every connector: a row whose native side is a plain
 * dotted path (`profile.firstName`, `id`, `created`) and whose SCIM side is not a multi-valued
 * membership (`groups[].value`) maps both ways without a hand-written line. Rows with an expression
 * (`status == "ACTIVE"`) or a membership are left to the adapter.
 */

const plainPath = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/

export function isPlainRow(row: MappingRow): boolean {
  return plainPath.test(row.native) && !row.scim.includes('[]')
}

/** A plain row with its native path split once: mapping runs for every row of every page. */
interface PlainRow {
  row: MappingRow
  keys: readonly string[]
  /**
   * Whether a key of the path also names a member every object inherits (`constructor`): only
   * then must a read check that the key is the object's own. Natives are parsed JSON, plain
   * objects, so any other key read from one is its own or absent.
   */
  inherited: boolean
}

const plainRowsOf = new WeakMap<readonly MappingRow[], readonly PlainRow[]>()

/** The descriptor's plain rows, worked out once per row list (descriptors are constants). */
function plainRows(rows: readonly MappingRow[]): readonly PlainRow[] {
  let plain = plainRowsOf.get(rows)
  if (!plain) {
    plain = rows.filter(isPlainRow).map((row) => {
      const keys = row.native.split('.')
      return { row, keys, inherited: keys.some((key) => key in Object.prototype) }
    })
    plainRowsOf.set(rows, plain)
  }
  return plain
}

/** `readPath` for a plain row, without an own-property check per key where none can be inherited. */
function readPlainRow(source: unknown, { keys, inherited }: PlainRow): unknown {
  if (inherited) return readPath(source, keys)
  let value = source
  for (let index = 0; index < keys.length; index++) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
    value = (value as Record<string, unknown>)[keys[index]!]
  }
  return value
}

export function readPath(source: unknown, path: string | readonly string[]): unknown {
  let value: unknown = source
  for (const key of typeof path === 'string' ? path.split('.') : path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

export function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  // Paths come from descriptors; `__proto__` in one would write into a prototype, not the body.
  if (keys.includes('__proto__')) throw new Error(`Lanyard does not write the native path ${path}`)
  const last = keys.pop()!
  let node = target
  for (const key of keys) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[last] = value
}

/** A native value the model can hold; anything else (objects, mixed arrays) is not shown. */
export function toAttributeValue(value: unknown): AttributeValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[]
  return undefined
}

/** Every plain row read from a native object; absent and null values are left out. */
export function readMappedAttributes(rows: readonly MappingRow[], native: unknown): Attributes {
  const attributes: Attributes = {}
  for (const plain of plainRows(rows)) {
    const value = toAttributeValue(readPlainRow(native, plain))
    if (value !== undefined && value !== null) attributes[plain.row.scim] = value
  }
  return attributes
}

/**
 * The native object for the given attributes, through the writable plain rows only. Attributes
 * without such a row are returned as `unmapped` for the adapter (custom attributes) to place.
 */
export function writeMappedAttributes(
  rows: readonly MappingRow[],
  attributes: Attributes,
): { native: Record<string, unknown>; unmapped: string[] } {
  const native: Record<string, unknown> = {}
  const unmapped: string[] = []
  for (const [scim, value] of Object.entries(attributes)) {
    const row = rows.find((candidate) => candidate.scim === scim && candidate.access !== 'readOnly' && isPlainRow(candidate))
    if (row) writePath(native, row.native, value)
    else unmapped.push(scim)
  }
  return { native, unmapped }
}

const keysUnderOf = new WeakMap<readonly MappingRow[], Map<string, ReadonlySet<string>>>()

/** The keys under `prefix.` that the rows map (`profile.firstName` → `firstName`), worked out once. */
export function mappedKeysUnder(rows: readonly MappingRow[], prefix: string): ReadonlySet<string> {
  let byPrefix = keysUnderOf.get(rows)
  if (!byPrefix) keysUnderOf.set(rows, (byPrefix = new Map()))
  let keys = byPrefix.get(prefix)
  if (!keys) {
    keys = new Set(plainRows(rows).filter(({ keys }) => keys.length > 1 && keys[0] === prefix).map(({ keys }) => keys[1]!))
    byPrefix.set(prefix, keys)
  }
  return keys
}
