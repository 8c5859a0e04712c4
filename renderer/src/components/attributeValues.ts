import type { AttributeValue } from '../../../shared/directory'
import { readableValue } from '../../../shared/dates'
import { fieldLabel, isBlank, mappingPath } from '../../../shared/directoryValidation'

/**
 * How an attribute's name and values read for people, wherever they are shown: the detail panel,
 * the forms, and the before → after of a confirmation (the panel's and the Activity view's alike).
 */

/** `emails[0].value` (Coupa, Cognito) reads as "Email", like `emails.value`. */
export function labelFor(path: string): string {
  return fieldLabel(mappingPath(path))
}

/** `[a;;b;;c]` is how targets hand over a multi-valued custom attribute (string type only). */
export function displayValues(value: AttributeValue | undefined): string[] {
  if (isBlank(value) || value === undefined || value === null) return []
  if (Array.isArray(value)) return value.filter((item) => item.trim() !== '')
  if (typeof value === 'boolean') return [value ? 'Yes' : 'No']
  if (typeof value === 'number') return [String(value)]
  const trimmed = value.trim()
  if (trimmed.startsWith('[') && trimmed.endsWith(']') && trimmed.includes(';;')) {
    return trimmed
      .slice(1, -1)
      .split(';;')
      .map((item) => item.trim())
      .filter((item) => item !== '')
  }
  return [value]
}

/** Values as the detail panel shows them: a timestamp or a date in the one local format (shared/dates.ts). */
export function shownValues(value: AttributeValue | undefined): string[] {
  return displayValues(value).map(readableValue)
}
