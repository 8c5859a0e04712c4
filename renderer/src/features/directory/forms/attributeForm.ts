import type { ConnectorDescriptor, MappingRow, ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { AttributeValue, Attributes } from '../../../../../shared/directory'
import { fieldProblem, isBlank, mappingPath, validateChanges, writableRows } from '../../../../../shared/directoryValidation'
import { timeZoneNames } from '../../../../../shared/timeZones'
import { displayValues, labelFor } from '../../../components/attributeValues'
import { attributeHint } from '../detail/attributeSections'

/**
 * The create and edit forms, from the descriptor: which attributes have a field, which are
 * required, read-only or carry a rule note, and how typed text turns back into attribute values.
 * Field values are text (or a tick box for yes/no attributes); a list is one value per line.
 */

export type FieldKind = 'text' | 'email' | 'number' | 'checkbox' | 'list'

export interface AttributeField {
  path: string
  label: string
  hint: string
  kind: FieldKind
  required: boolean
  readOnly: boolean
  /** Under the field: the descriptor's rule (Okta: changing the email changes the username). */
  note: string
  /** Computed by Lanyard from the other fields (the descriptor's `derive`): shown, never typed. */
  computed?: boolean
  /** The values the target takes, offered as the person types (time zone names, Coupa's authentication methods). */
  suggestions?: readonly string[]
  /** The target's own schema's limits (a Cognito pool's custom attribute of at most 256 characters); see schemaFields.ts. */
  limits?: { minLength?: number; maxLength?: number; min?: number; max?: number }
}

export type Draft = Record<string, string | boolean>

/** A group a new user joins as part of the create (`joinsGroupsOnCreate`), as the create form shows it. */
export interface ChosenGroup {
  id: string
  name: string
}

/** A new user's password is not an attribute: it is sent once beside them and never kept. */
const passwordPath = 'password'

export function mandatoryPaths(objectType: ObjectTypeDescriptor): Set<string> {
  return new Set(objectType.mandatoryFields.map(mappingPath))
}

/** A password field on create: when the target needs one, or takes one (Cognito's write-only row). */
export function passwordField(objectType: ObjectTypeDescriptor): { required: boolean } | null {
  const required = mandatoryPaths(objectType).has(passwordPath)
  const offered = objectType.mapping.some((row) => row.scim === passwordPath && row.access !== 'readOnly')
  return required || offered ? { required } : null
}

/** One row per SCIM path: a path mapped twice (an alias) gets one field. */
function uniqueRows(rows: readonly MappingRow[]): MappingRow[] {
  const seen = new Set<string>()
  return rows.filter((row) => {
    if (row.scim === passwordPath || row.scim.includes('[]') || seen.has(row.scim)) return false
    seen.add(row.scim)
    return true
  })
}

/** From the value when there is one; a new object has none, so a row whose native name is a list (`account-groups[]`) is one. */
function kindOf(objectType: ObjectTypeDescriptor, row: MappingRow, value: AttributeValue | undefined): FieldKind {
  if (typeof value === 'boolean' || objectType.fieldRules?.[row.scim]?.format === 'boolean') return 'checkbox'
  if (typeof value === 'number') return 'number'
  if (Array.isArray(value) || (value === undefined && row.native.endsWith('[]'))) return 'list'
  return objectType.fieldRules?.[row.scim]?.format === 'email' ? 'email' : 'text'
}

function fieldFor(
  descriptor: ConnectorDescriptor,
  objectType: ObjectTypeDescriptor,
  row: MappingRow,
  value: AttributeValue | undefined,
): AttributeField {
  const readOnly = row.access === 'readOnly'
  const rule = objectType.fieldRules?.[row.scim]
  const suggestions = rule?.format === 'timeZone' ? timeZoneNames : rule?.oneOf
  return {
    ...(suggestions && !readOnly ? { suggestions } : {}),
    path: row.scim,
    label: labelFor(row.scim),
    hint: attributeHint(descriptor, row.scim, row.native),
    kind: kindOf(objectType, row, value),
    required: !readOnly && mandatoryPaths(objectType).has(mappingPath(row.scim)),
    readOnly,
    note: readOnly ? `Set by ${descriptor.label}; it cannot be changed here.` : (objectType.fieldRules?.[row.scim]?.note ?? ''),
  }
}

export function createFields(descriptor: ConnectorDescriptor, objectType: ObjectTypeDescriptor): AttributeField[] {
  return uniqueRows(writableRows(objectType)).map((row) => fieldFor(descriptor, objectType, row, undefined))
}

/**
 * Every attribute row, writable ones first; read-only rows come greyed out so the person sees
 * what they cannot change. The object's own custom attributes are editable as text.
 */
export function editFields(
  descriptor: ConnectorDescriptor,
  objectType: ObjectTypeDescriptor,
  attributes: Attributes,
): AttributeField[] {
  // Write-only rows are create-only (a first password's permanence, how the invitation goes out): an edit never offers them.
  // Memberships the panel changes in their own sections (Coupa's account and approval groups) have no second box here.
  const asMemberships = new Set(objectType.shownAsMemberships ?? [])
  const rows = uniqueRows(objectType.mapping.filter((row) => row.access !== 'writeOnly' && !asMemberships.has(row.scim)))
  const fields = rows.map((row) => fieldFor(descriptor, objectType, row, attributes[row.scim]))
  const prefix = objectType.customAttributePrefix
  const mapped = new Set(rows.map((row) => row.scim))
  for (const path of Object.keys(attributes)) {
    if (!prefix || !path.startsWith(prefix) || mapped.has(path)) continue
    fields.push({
      path,
      label: labelFor(path),
      hint: attributeHint(descriptor, path, null),
      kind: 'text',
      required: false,
      readOnly: false,
      note: 'Custom attribute. Several values are written as [first;;second].',
    })
  }
  // What the panel's account actions change (Cognito's enable / disable) has no field here: refusedUpdates says why.
  const shown = fields.filter((field) => objectType.fieldRules?.[field.path]?.changedByActions !== true)
  return [...shown.filter((field) => !field.readOnly), ...shown.filter((field) => field.readOnly)]
}

export function draftValue(field: AttributeField, value: AttributeValue | undefined): string | boolean {
  if (field.kind === 'checkbox') return value === true
  if (Array.isArray(value)) return value.join('\n')
  if (field.readOnly) return displayValues(value).join(', ')
  return value === undefined || value === null ? '' : String(value)
}

export function draftFrom(fields: readonly AttributeField[], attributes: Attributes): Draft {
  return Object.fromEntries(fields.map((field) => [field.path, draftValue(field, attributes[field.path])]))
}

/** Typed text back to an attribute value; an emptied field is null (the target clears it). */
export function valueFrom(field: AttributeField, typed: string | boolean | undefined): AttributeValue {
  if (typeof typed === 'boolean') return typed
  const text = (typed ?? '').trim()
  if (text === '') return null
  if (field.kind === 'list') {
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
  }
  if (field.kind === 'number' && Number.isFinite(Number(text))) return Number(text)
  return text
}

function sameValue(left: AttributeValue | undefined, right: AttributeValue): boolean {
  if (isBlank(left) && isBlank(right)) return true
  return JSON.stringify(left) === JSON.stringify(right)
}

/**
 * Only what the person changed; read-only fields never take part, and neither does a field the
 * draft has no value for (an attribute that appeared when the object was re-read mid-edit): the
 * person never saw it, so it must not be sent as cleared.
 */
export function changesBetween(fields: readonly AttributeField[], draft: Draft, attributes: Attributes): Attributes {
  const changes: Attributes = {}
  for (const field of fields) {
    if (field.readOnly || !(field.path in draft)) continue
    const after = valueFrom(field, draft[field.path])
    const before = attributes[field.path]
    const beforeNormalised = valueFrom(field, draftValue(field, before))
    if (!sameValue(beforeNormalised, after)) changes[field.path] = after
  }
  return changes
}

/**
 * Attributes the target refuses to update that have no field in the edit form (Okta passwords),
 * with the descriptor's reason, so the person learns why rather than looking for the field.
 */
export function refusedUpdates(objectType: ObjectTypeDescriptor, fields: readonly AttributeField[]): { label: string; reason: string }[] {
  const shown = new Set(fields.map((field) => mappingPath(field.path)))
  return Object.entries(objectType.fieldRules ?? {})
    .filter(([path, rule]) => rule.updateRefused !== undefined && !shown.has(mappingPath(path)))
    .map(([path, rule]) => ({ label: labelFor(path), reason: rule.updateRefused ?? '' }))
}

/** A new object's attributes: the filled-in fields only. */
export function newAttributes(fields: readonly AttributeField[], draft: Draft): Attributes {
  const attributes: Attributes = {}
  for (const field of fields) {
    const value = valueFrom(field, draft[field.path])
    if (!field.readOnly && !isBlank(value) && value !== false) attributes[field.path] = value
  }
  return attributes
}

/**
 * The shared field check of one field as the person types, in the create form: a filled-in value
 * against its rule. An empty field is not sent on create, so it says nothing until Create asks
 * for the mandatory ones.
 */
export function newFieldProblem(objectType: ObjectTypeDescriptor, field: AttributeField, typed: string | boolean): string | undefined {
  const value = valueFrom(field, typed)
  return isBlank(value) ? undefined : fieldProblem(objectType, field.path, value)
}

/**
 * The same in the edit form, for a field whose value differs from the object's: as it would be
 * sent (an emptied field as null, refused where the target keeps a value or the field is
 * mandatory). A value left as the target has it is not the person's to fix.
 */
export function changedFieldProblem(
  objectType: ObjectTypeDescriptor,
  field: AttributeField,
  typed: string | boolean,
  attributes: Attributes,
): string | undefined {
  const changes = changesBetween([field], { [field.path]: typed }, attributes)
  if (!Object.hasOwn(changes, field.path)) return undefined
  return validateChanges(objectType, changes)[field.path]
}

/** Checks and main key problems by SCIM path, sometimes in the mandatory list's `emails.value` form. */
export function problemFor(problems: Record<string, string>, path: string): string {
  return problems[path] ?? problems[mappingPath(path)] ?? ''
}

/** An id that is safe in a selector: `name.givenName` → `edit-name-givenName`. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`
}
