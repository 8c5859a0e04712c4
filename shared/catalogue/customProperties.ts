/**
 * Coupa's "Custom properties" profile parameter: `{field_name}|{data_type};…`, e.g.
 * `cost_center|string;new_user|boolean;`. Each entry becomes a single-valued attribute of the
 * Coupa extension. Parsing is offline and pure so the profile form can check it as the user types.
 */

export const customPropertyTypes = ['string', 'boolean'] as const
export type CustomPropertyType = (typeof customPropertyTypes)[number]

export interface CustomProperty {
  name: string
  type: CustomPropertyType
}

export interface CustomPropertiesParseResult {
  /** The well-formed entries, in the order written, each name once. */
  properties: CustomProperty[]
  /** One message per malformed entry: which entry, what is wrong, what is expected. */
  errors: string[]
}

/** Coupa custom field names: a letter, then letters, digits, `_` or `-`. */
const fieldNamePattern = /^[A-Za-z][A-Za-z0-9_-]*$/
const example = 'cost_center|string'

function isCustomPropertyType(value: string): value is CustomPropertyType {
  return (customPropertyTypes as readonly string[]).includes(value)
}

function describeEntry(position: number, text: string): string {
  return `Entry ${position} "${text}"`
}

function parseEntry(position: number, text: string): CustomProperty | string {
  const entry = describeEntry(position, text)
  const parts = text.split('|')
  if (parts.length !== 2) {
    const problem = parts.length === 1 ? 'has no "|" between the field name and the data type' : 'has more than one "|"'
    return `${entry} ${problem}: write it as field_name|data_type, e.g. ${example}.`
  }
  const name = (parts[0] ?? '').trim()
  const type = (parts[1] ?? '').trim().toLowerCase()
  if (name === '') return `${entry} has no field name before "|": write it as field_name|data_type, e.g. ${example}.`
  if (!fieldNamePattern.test(name)) {
    return `${entry}: the field name "${name}" may only hold letters, digits, "_" and "-", starting with a letter.`
  }
  if (type === '') return `${entry} has no data type after "|": add string or boolean, e.g. ${example}.`
  if (!isCustomPropertyType(type)) {
    return `${entry}: the data type must be string or boolean, not "${(parts[1] ?? '').trim()}".`
  }
  return { name, type }
}

export function parseCustomProperties(text: string): CustomPropertiesParseResult {
  const properties: CustomProperty[] = []
  const errors: string[] = []
  const positionByName = new Map<string, number>()
  const entries = text.split(';')
  // A trailing ";" is the documented style (`cost_center|string;new_user|boolean;`), so the empty
  // piece after the last ";" is not an entry.
  if (entries.length > 0 && (entries[entries.length - 1] ?? '').trim() === '') entries.pop()

  entries.forEach((raw, index) => {
    const position = index + 1
    const text = raw.trim()
    if (text === '') {
      errors.push(`Entry ${position} is empty (two ";" in a row): remove the extra ";".`)
      return
    }
    const parsed = parseEntry(position, text)
    if (typeof parsed === 'string') {
      errors.push(parsed)
      return
    }
    // Coupa field names are case-insensitive, so `Cost_Center` repeats `cost_center`.
    const key = parsed.name.toLowerCase()
    const first = positionByName.get(key)
    if (first !== undefined) {
      errors.push(`${describeEntry(position, text)} repeats the field "${parsed.name}" of entry ${first}: list each field once.`)
      return
    }
    positionByName.set(key, position)
    properties.push(parsed)
  })
  return { properties, errors }
}
