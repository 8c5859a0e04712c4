import type { ConnectorDescriptor, MappingRow, ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { AttributeValue, Attributes } from '../../../../../shared/directory'
import { displayValues, labelFor, shownValues } from '../../../components/attributeValues'
import { inWords, oneFactOnce, type ShownAttribute } from './attributeFacts'

/**
 * How the detail panel lays out an object's attributes, from the descriptor alone: every mapping
 * row grouped by what it is about, labelled for people, with the SCIM path and the target's own
 * name on hover so a support engineer can match it to the target's admin console.
 */

export const attributeGroupNames = ['Name', 'Contact', 'Work', 'Address', 'Extension', 'Custom', 'Meta'] as const
export type AttributeGroupName = (typeof attributeGroupNames)[number]

export type { ShownAttribute } from './attributeFacts'

export interface AttributeGroup {
  name: AttributeGroupName
  attributes: ShownAttribute[]
}

export interface AttributeSections {
  groups: AttributeGroup[]
  /** Rows of the mapping this object has no value for, folded away under "Empty attributes". */
  empty: ShownAttribute[]
}

const nameRoots = new Set(['userName', 'displayName', 'nickName', 'name'])
const contactRoots = new Set(['emails', 'phoneNumbers', 'ims', 'photos'])

/** The custom prefix is checked before `Extension.`: Okta's custom attributes live under `Extension.Custom.`. */
export function groupOf(path: string, customPrefix: string | undefined): AttributeGroupName {
  if (customPrefix && path.startsWith(customPrefix)) return 'Custom'
  if (path === 'id' || path.startsWith('meta.')) return 'Meta'
  if (path.startsWith('Extension.')) return 'Extension'
  const root = path.replace(/\[\d*\]/g, '').split('.')[0] ?? path
  if (nameRoots.has(root)) return 'Name'
  if (contactRoots.has(root)) return 'Contact'
  if (root === 'addresses') return 'Address'
  return 'Work'
}

/**
 * Rows the panel can show: membership rows (`groups[]`, `members[]`) have their own sections and
 * write-only rows (passwords) are never returned by a target. A SCIM path mapped twice (Coupa's
 * approval groups alias) is shown once, with both native names.
 */
export function displayableRows(objectType: ObjectTypeDescriptor): MappingRow[] {
  const byPath = new Map<string, MappingRow>()
  for (const row of objectType.mapping) {
    if (row.scim.includes('[]') || row.access === 'writeOnly') continue
    const seen = byPath.get(row.scim)
    byPath.set(row.scim, seen ? { ...seen, native: `${seen.native} / ${row.native}` } : row)
  }
  return [...byPath.values()]
}

export function attributeHint(descriptor: ConnectorDescriptor, path: string, native: string | null): string {
  return `SCIM ${path} · ${descriptor.label} ${native ?? 'custom attribute'}`
}

/**
 * `notes` are the object's `attributeNotes`, shown beside the value. Attributes the descriptor says
 * the target does not provide are shown as such rather than as blanks, unless a value came anyway.
 */
export function attributeSections(
  descriptor: ConnectorDescriptor,
  objectType: ObjectTypeDescriptor,
  attributes: Attributes,
  notes: Readonly<Record<string, string>> = {},
): AttributeSections {
  const prefix = objectType.customAttributePrefix
  const shown: ShownAttribute[] = []
  const empty: ShownAttribute[] = []
  const rows = displayableRows(objectType)
  const mapped = new Set(rows.map((row) => row.scim))
  const notProvided = new Map((objectType.notProvided ?? []).map((row) => [row.scim, row.label]))

  const asMemberships = new Set(objectType.shownAsMemberships ?? [])
  for (const row of rows) {
    if (asMemberships.has(row.scim)) continue
    if (notProvided.has(row.scim) && displayValues(attributes[row.scim]).length === 0) continue
    const attribute = inWords(objectType, describe(descriptor, row.scim, row.native, attributes[row.scim], notes), attributes)
    if (attribute.values.length > 0) shown.push(attribute)
    else empty.push(attribute)
  }
  // Attributes outside the mapping: the target's custom ones, or anything the adapter added.
  for (const [path, value] of Object.entries(attributes)) {
    if (mapped.has(path)) continue
    const attribute = describe(descriptor, path, null, value, notes)
    if (attribute.values.length > 0) shown.push(attribute)
  }
  for (const [path, label] of notProvided) {
    if (displayValues(attributes[path]).length > 0) continue
    shown.push({ path, label, hint: `SCIM ${path} · not provided by ${descriptor.label}`, values: [], notProvided: `Not provided by ${descriptor.label}` })
  }

  const once = oneFactOnce(shown, prefix)
  const groups = attributeGroupNames
    .map((name) => ({ name, attributes: once.filter((attribute) => groupOf(attribute.path, prefix) === name) }))
    .filter((group) => group.attributes.length > 0)
  return { groups, empty }
}

function describe(
  descriptor: ConnectorDescriptor,
  path: string,
  native: string | null,
  value: AttributeValue | undefined,
  notes: Readonly<Record<string, string>>,
): ShownAttribute {
  const shown: ShownAttribute = { path, label: labelFor(path), hint: attributeHint(descriptor, path, native), values: shownValues(value) }
  const note = notes[path]
  return note ? { ...shown, note } : shown
}
