import type { ConnectorDescriptor, ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { Attributes, DirectoryObject } from '../../../../../shared/directory'
import { isBlank } from '../../../../../shared/directoryValidation'
import { labelFor } from '../../../components/attributeValues'
import { formatValue, type ChangeLine } from '../../../components/changeLines'
import type { ConfirmationRequest } from '../../../stores/ui'

/**
 * What the create and edit forms ask before anything goes to a target: the attributes sent, the
 * values Lanyard computes, the groups a new user joins, and what the target warned about. Plain
 * confirmation requests for `ui.confirm`, so the wording can be tested without a DOM.
 */

/** An emptied field is sent as null: the target clears the value, and the confirmation says so. */
export const clearedValue = '(cleared)'

function noun(objectType: ObjectTypeDescriptor): string {
  return objectType.scimResource === 'User' ? 'user' : 'group'
}

function computedLines(computed: Attributes, before: Attributes | null): ChangeLine[] {
  return Object.entries(computed).map(([path, value]) => ({
    label: `${labelFor(path)} (computed)`,
    hint: path,
    ...(before ? { before: formatValue(before[path]) } : {}),
    after: formatValue(value),
  }))
}

export interface NewObjectExtras {
  passwordSet: boolean
  /** Names of the groups the new user joins as part of the create. */
  groupNames: readonly string[]
  computed: Attributes
  warnings: readonly string[]
}

/** A new user's password is shown as "set", never as its value. */
export function newObjectPlan(
  descriptor: ConnectorDescriptor,
  objectType: ObjectTypeDescriptor,
  attributes: Attributes,
  extras: NewObjectExtras,
): ConfirmationRequest {
  const lines: ChangeLine[] = Object.entries(attributes).map(([path, value]) => ({
    label: labelFor(path),
    hint: path,
    after: formatValue(value),
  }))
  lines.push(...computedLines(extras.computed, null))
  if (extras.passwordSet) lines.push({ label: 'Password', text: 'set' })
  if (extras.groupNames.length > 0) lines.push({ label: 'Add to groups', text: extras.groupNames.join(', ') })
  return {
    title: `Create this ${noun(objectType)}?`,
    message: `Lanyard will create the ${noun(objectType)} in ${descriptor.label} with:`,
    lines,
    ...(extras.warnings.length > 0 ? { warnings: extras.warnings } : {}),
    confirmLabel: `Create ${noun(objectType)}`,
    danger: false,
  }
}

/** `computed` holds only the computed values this save changes. */
export function saveChangesPlan(
  descriptor: ConnectorDescriptor,
  object: DirectoryObject,
  changes: Attributes,
  computed: Attributes,
): ConfirmationRequest {
  const lines: ChangeLine[] = Object.entries(changes).map(([path, after]) => ({
    label: labelFor(path),
    hint: path,
    before: formatValue(object.attributes[path]),
    after: isBlank(after) ? clearedValue : formatValue(after),
  }))
  lines.push(...computedLines(computed, object.attributes))
  return {
    title: `Save changes to ${object.displayName}?`,
    message: `Lanyard will send these changes to ${descriptor.label}:`,
    lines,
    confirmLabel: 'Save changes',
    danger: false,
  }
}
