import type { MappingRow, ObjectTypeDescriptor } from './catalogue/types'
import type { AttributeValue, Attributes } from './directory'

/**
 * The checks a create or an update must pass before any call to the target, from the descriptor:
 * mandatory fields, formats and refused fields. The form shows the messages beside the fields;
 * main applies the same checks again, since the renderer is not trusted.
 * Both return field path → message; empty means valid.
 */

const plausibleEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** `emails[0].value` and `emails.value` name the same attribute; this is the form without `[0]`. */
export function mappingPath(field: string): string {
  return field.replace(/\[0\]/g, '')
}

/**
 * The attribute key a mandatory field is stored under: the SCIM path of its mapping row, which
 * may or may not carry the `[0]` (Okta's row is `emails.value`, Coupa's `emails[0].value`).
 */
export function attributeKeyOf(objectType: ObjectTypeDescriptor, field: string): string {
  const wanted = mappingPath(field)
  return objectType.mapping.find((row) => mappingPath(row.scim) === wanted)?.scim ?? field
}

export function isBlank(value: AttributeValue | undefined): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  return false
}

/** The rows a person may write on create or update (read-only rows and memberships excluded). */
export function writableRows(objectType: ObjectTypeDescriptor): MappingRow[] {
  return objectType.mapping.filter((row) => row.access !== 'readOnly' && !row.scim.includes('[]'))
}

/**
 * Field path → message. A Map, not a plain object, while the checks run: the paths are the
 * sender's keys, and a plain object answers `constructor` or `toString` with a built-in (and
 * drops an assigned `__proto__`). The result is built with `Object.fromEntries`, which makes every
 * key an own property.
 */
type Problems = Map<string, string>

/** The attribute's own value; never one inherited from Object.prototype. */
function ownValue(attributes: Attributes, path: string): AttributeValue | undefined {
  return Object.hasOwn(attributes, path) ? attributes[path] : undefined
}

export function validateNewObject(
  objectType: ObjectTypeDescriptor,
  attributes: Attributes,
  password: string | undefined,
): Record<string, string> {
  const problems: Problems = new Map()
  for (const field of objectType.mandatoryFields) {
    const path = attributeKeyOf(objectType, field)
    const value = path === 'password' ? password : ownValue(attributes, path)
    if (isBlank(value)) problems.set(path, `${fieldLabel(path)} is required.`)
  }
  unknownAttributes(objectType, attributes, problems)
  formatProblems(objectType, attributes, problems)
  return Object.fromEntries(problems)
}

export function validateChanges(objectType: ObjectTypeDescriptor, changes: Attributes): Record<string, string> {
  const problems: Problems = new Map()
  for (const [path, rule] of Object.entries(objectType.fieldRules ?? {})) {
    if (rule.updateRefused && Object.hasOwn(changes, path)) problems.set(path, rule.updateRefused)
  }
  const mandatory = new Set(objectType.mandatoryFields.map((field) => attributeKeyOf(objectType, field)))
  for (const [path, value] of Object.entries(changes)) {
    if (mandatory.has(path) && isBlank(value) && !problems.has(path)) problems.set(path, `${fieldLabel(path)} is required and cannot be emptied.`)
  }
  unknownAttributes(objectType, changes, problems)
  formatProblems(objectType, changes, problems)
  return Object.fromEntries(problems)
}

/** Adds a format problem for each field that has none yet. */
function formatProblems(objectType: ObjectTypeDescriptor, attributes: Attributes, problems: Problems): void {
  for (const [path, rule] of Object.entries(objectType.fieldRules ?? {})) {
    const value = ownValue(attributes, path)
    if (problems.has(path) || rule.format === undefined || isBlank(value)) continue
    if (rule.format === 'boolean' && typeof value !== 'boolean') {
      problems.set(path, `${fieldLabel(path)} is a yes or no: tick it or leave it unticked.`)
    } else if (rule.format === 'email' && (typeof value !== 'string' || !plausibleEmail.test(value.trim()))) {
      problems.set(path, `${fieldLabel(path)} must be an email address, e.g. ada.lovelace@example.com.`)
    }
  }
}

/** Adds a problem for each attribute the descriptor does not let a person write, if it has none yet. */
function unknownAttributes(objectType: ObjectTypeDescriptor, attributes: Attributes, problems: Problems): void {
  const writable = new Set(writableRows(objectType).map((row) => row.scim))
  const customPrefix = objectType.customAttributePrefix
  // A custom attribute may not be a mapped field under another name (`Extension.Custom.login`
  // would change the username past its own checks).
  const mappedNames = new Set(objectType.mapping.map((row) => row.native.split('.').pop()))
  for (const path of Object.keys(attributes)) {
    if (problems.has(path) || writable.has(path)) continue
    if (customPrefix && path.startsWith(customPrefix) && path.length > customPrefix.length) {
      const name = path.slice(customPrefix.length)
      if (mappedNames.has(name)) problems.set(path, `${name} is not a custom attribute: change it through its own field.`)
      continue
    }
    const row = objectType.mapping.find((candidate) => candidate.scim === path)
    problems.set(
      path,
      row ? `${fieldLabel(path)} is set by the target and cannot be written.` : `${path} is not an attribute of ${objectType.label.toLowerCase()} for this connector.`,
    )
  }
}

/** `name.givenName` → "Given name", `Extension.CostCenter` → "Cost center", `emails.value` → "Email". */
const knownLabels: ReadonlyMap<string, string> = new Map([
  ['userName', 'Username'],
  ['emails.value', 'Email'],
  ['phoneNumbers.value', 'Phone number'],
  ['displayName', 'Display name'],
  ['password', 'Password'],
])

export function fieldLabel(path: string): string {
  const known = knownLabels.get(mappingPath(path))
  if (known) return known
  const last = path.replace(/\[\]/g, '').split('.').filter((part) => part !== 'value').pop() ?? path
  // camelCase, snake_case (Cognito's email_verified) and kebab-case all read as words.
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
