import type { ConnectorDescriptor, ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { Attributes } from '../../../../../shared/directory'
import { labelFor } from '../../../components/attributeValues'
import { formatValue } from '../../../components/changeLines'
import { attributeHint } from '../detail/attributeSections'
import { draftValue, type AttributeField, type Draft } from './attributeForm'

/**
 * Values the target needs computed from others (Coupa's account-security-type), shown in the create
 * and edit forms as the person types and in the confirmation's before → after. The descriptor's
 * `derive` computes them from the attributes as they will be; the adapter sends them, never the form.
 */

/** The computed values for these attributes; empty when the object type computes nothing. */
export function computedValues(objectType: ObjectTypeDescriptor, attributes: Attributes): Attributes {
  return objectType.derive?.(attributes) ?? {}
}

/**
 * Under the field: who computes it and, from the descriptor, how — the field's rule note, else the
 * known limitation that states the rule (Coupa's begins with the native name), else the row's note.
 */
export function computedNote(descriptor: ConnectorDescriptor, objectType: ObjectTypeDescriptor, path: string): string {
  const row = objectType.mapping.find((candidate) => candidate.scim === path)
  const limitation = row ? descriptor.limitations.find((text) => text.startsWith(row.native)) : undefined
  const how = objectType.fieldRules?.[path]?.note ?? limitation ?? row?.note
  return `Computed by Lanyard from the other fields as you type.${how ? ` ${how}` : ''}`
}

/**
 * The form's fields and draft with each computed value in place: a field the form already has
 * (the edit form's read-only row) shows the computed value; one it lacks (create leaves read-only
 * rows out) is added, read-only.
 */
export function withComputedFields(
  descriptor: ConnectorDescriptor,
  objectType: ObjectTypeDescriptor,
  fields: readonly AttributeField[],
  draft: Draft,
  computed: Attributes,
): { fields: AttributeField[]; draft: Draft } {
  const shownFields = [...fields]
  const shownDraft: Draft = { ...draft }
  for (const [path, value] of Object.entries(computed)) {
    const row = objectType.mapping.find((candidate) => candidate.scim === path)
    const field: AttributeField = {
      path,
      label: labelFor(path),
      hint: attributeHint(descriptor, path, row?.native ?? null),
      kind: 'text',
      required: false,
      readOnly: true,
      note: computedNote(descriptor, objectType, path),
      computed: true,
    }
    const index = shownFields.findIndex((candidate) => candidate.path === path)
    if (index >= 0) shownFields[index] = field
    else shownFields.push(field)
    shownDraft[path] = draftValue(field, value)
  }
  return { fields: shownFields, draft: shownDraft }
}

/** The computed values a save would change, for the confirmation's before → after. */
export function changedComputedValues(computed: Attributes, current: Attributes): Attributes {
  return Object.fromEntries(Object.entries(computed).filter(([path, value]) => formatValue(value) !== formatValue(current[path])))
}
