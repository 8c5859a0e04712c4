/**
 * JSON with object keys in a stable (sorted) order at every depth, so the same record always
 * serialises to the same text and therefore to the same hash, whatever order its fields were
 * built in. Arrays keep their order; `undefined` properties are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value)
    // Only records built from JSON values reach here; a function or symbol would be a bug.
    if (text === undefined) throw new TypeError(`Not a JSON value: ${typeof value}`)
    return text
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`
  // A plain loop over sorted keys (the default sort compares UTF-16 code units, as `<` does): start-up
  // reads every record of the journal through here.
  const object = value as Record<string, unknown>
  let text = ''
  for (const key of Object.keys(object).sort()) {
    const field = object[key]
    if (field === undefined) continue
    text += `${text === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(field)}`
  }
  return `{${text}}`
}
