import type { FieldRule, MappingRow, ObjectTypeDescriptor } from './catalogue/types'
import type { AttributeValue, Attributes } from './directory'
import { valueProblem } from './fieldFormats'

/**
 * The checks a create or an update must pass before any call to the target, from the descriptor:
 * mandatory fields, formats and refused fields. The form shows the messages beside the fields;
 * main applies the same checks again, since the renderer is not trusted.
 * Both return field path → message; empty means valid.
 */

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
  const passwordRule = objectType.fieldRules?.password
  if (passwordRule && password !== undefined && !isBlank(password) && !problems.has('password')) {
    // A password is checked, never trimmed or echoed: the message names only the rule it breaks.
    const problem = valueProblem(fieldLabel('password'), passwordRule, password)
    if (problem) problems.set('password', problem)
  }
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

/** The rule of an attribute: its own, or the custom attributes' one for a custom attribute. */
function ruleFor(objectType: ObjectTypeDescriptor, path: string): FieldRule | undefined {
  const own = objectType.fieldRules && Object.hasOwn(objectType.fieldRules, path) ? objectType.fieldRules[path] : undefined
  if (own) return own
  const prefix = objectType.customAttributePrefix
  return prefix && path.startsWith(prefix) && path.length > prefix.length ? objectType.customAttributeRule : undefined
}

/**
 * What is wrong with one field's value as the person types it, or undefined: its format, length,
 * range, pattern, list and whether it may be emptied. Whether a mandatory field is filled in waits
 * for Save, so an empty new form does not open with a wall of "required".
 */
export function fieldProblem(objectType: ObjectTypeDescriptor, path: string, value: AttributeValue | undefined): string | undefined {
  const rule = ruleFor(objectType, path)
  if (!rule) return undefined
  if (isBlank(value)) return value === undefined ? undefined : rule.clearRefused
  if (Array.isArray(value)) return undefined
  return valueProblem(fieldLabel(path), rule, value as AttributeValue)
}

/**
 * Adds a problem for each field that has none yet. An attribute that is absent is not checked; one
 * present but empty is a clearing (null on update), refused where the target always keeps a value.
 */
function formatProblems(objectType: ObjectTypeDescriptor, attributes: Attributes, problems: Problems): void {
  for (const path of Object.keys(attributes)) {
    if (problems.has(path)) continue
    const problem = fieldProblem(objectType, path, ownValue(attributes, path))
    if (problem) problems.set(path, problem)
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
  // A Cognito pool's own attribute reads without its `custom:` / `dev:` namespace (`custom:department` → "Department").
  const last = (path.replace(/\[\]/g, '').split('.').filter((part) => part !== 'value').pop() ?? path).replace(/^(custom|dev):/, '')
  // camelCase, snake_case (Cognito's email_verified) and kebab-case all read as words.
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
