import type { AttributeValue } from '../../../shared/directory'
import { displayValues } from './attributeValues'

/**
 * One line of what a confirmation shows before a change goes to a target: an attribute before →
 * after, or a plain statement ("User: Ada Lovelace"). `ChangeLines.vue` draws them.
 */
export interface ChangeLine {
  label: string
  /** An attribute's SCIM path, shown on hover. */
  hint?: string
  /** Set for attribute changes; `(empty)` stands for no value. */
  before?: string
  after?: string
  /** Set for lines that are a plain statement. */
  text?: string
}

export const emptyValue = '(empty)'

/** One value as a change line shows it: list items joined, `(empty)` for none. */
export function formatValue(value: AttributeValue | undefined): string {
  const values = displayValues(value)
  return values.length === 0 ? emptyValue : values.join(', ')
}
