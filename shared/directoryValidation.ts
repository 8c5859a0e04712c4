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

export function validateNewObject(
  objectType: ObjectTypeDescriptor,
  attributes: Attributes,
  password: string | undefined,
): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const field of objectType.mandatoryFields) {
    const path = attributeKeyOf(objectType, field)
    const value = path === 'password' ? password : attributes[path]
    if (isBlank(value)) problems[path] = `${fieldLabel(path)} is required.`
  }
  Object.assign(problems, unknownAttributes(objectType, attributes), formatProblems(objectType, attributes, problems))
  return problems
}

export function validateChanges(objectType: ObjectTypeDescriptor, changes: Attributes): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const [path, rule] of Object.entries(objectType.fieldRules ?? {})) {
    if (rule.updateRefused && path in changes) problems[path] = rule.updateRefused
  }
  const mandatory = new Set(objectType.mandatoryFields.map((field) => attributeKeyOf(objectType, field)))
  for (const [path, value] of Object.entries(changes)) {
    if (mandatory.has(path) && isBlank(value)) problems[path] ??= `${fieldLabel(path)} is required and cannot be emptied.`
  }
  Object.assign(problems, unknownAttributes(objectType, changes, problems), formatProblems(objectType, changes, problems))
  return problems
}

function formatProblems(
  objectType: ObjectTypeDescriptor,
  attributes: Attributes,
  already: Record<string, string>,
): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const [path, rule] of Object.entries(objectType.fieldRules ?? {})) {
    const value = attributes[path]
    if (path in already || rule.format === undefined || isBlank(value)) continue
    if (rule.format === 'boolean' && typeof value !== 'boolean') {
      problems[path] = `${fieldLabel(path)} is a yes or no: tick it or leave it unticked.`
    } else if (rule.format === 'email' && (typeof value !== 'string' || !plausibleEmail.test(value.trim()))) {
      problems[path] = `${fieldLabel(path)} must be an email address, e.g. ada.lovelace@example.com.`
    }
  }
  return problems
}

function unknownAttributes(
  objectType: ObjectTypeDescriptor,
  attributes: Attributes,
  already: Record<string, string> = {},
): Record<string, string> {
  const writable = new Set(writableRows(objectType).map((row) => row.scim))
  const problems: Record<string, string> = {}
  const customPrefix = objectType.customAttributePrefix
  // A custom attribute may not be a mapped field under another name (`Extension.Custom.login`
  // would change the username past its own checks).
  const mappedNames = new Set(objectType.mapping.map((row) => row.native.split('.').pop()))
  for (const path of Object.keys(attributes)) {
    if (path in already || writable.has(path)) continue
    if (customPrefix && path.startsWith(customPrefix) && path.length > customPrefix.length) {
      const name = path.slice(customPrefix.length)
      if (mappedNames.has(name)) problems[path] = `${name} is not a custom attribute: change it through its own field.`
      continue
    }
    const row = objectType.mapping.find((candidate) => candidate.scim === path)
    problems[path] = row
      ? `${fieldLabel(path)} is set by the target and cannot be written.`
      : `${path} is not an attribute of ${objectType.label.toLowerCase()} for this connector.`
  }
  return problems
}

/** `name.givenName` → "Given name", `Extension.CostCenter` → "Cost center", `emails.value` → "Email". */
export function fieldLabel(path: string): string {
  const knownLabels: Record<string, string> = {
    userName: 'Username',
    'emails.value': 'Email',
    'phoneNumbers.value': 'Phone number',
    displayName: 'Display name',
    password: 'Password',
  }
  const known = knownLabels[mappingPath(path)]
  if (known) return known
  const last = path.replace(/\[\]/g, '').split('.').filter((part) => part !== 'value').pop() ?? path
  // camelCase, snake_case (Cognito's email_verified) and kebab-case all read as words.
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
