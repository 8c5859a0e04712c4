import type { ObjectTypeDescriptor } from '../../../../../shared/catalogue/types'
import { fieldLabel } from '../../../../../shared/directoryValidation'
import type { TableState } from '../../../stores/directoryList'
import { inSentence } from '../../profiles/profileSummary'

/** Words a list shows, from the object type's descriptor label ("Users", "Groups", "Roles"). */

const numberFormat = new Intl.NumberFormat('en-US')

/** "users", "groups": the label as it reads mid-sentence. */
export function pluralNoun(objectType: ObjectTypeDescriptor): string {
  return inSentence(objectType.label)
}

/** "user", "group": descriptor labels are plural nouns. */
export function singularNoun(objectType: ObjectTypeDescriptor): string {
  const plural = pluralNoun(objectType)
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`
  return plural.endsWith('s') ? plural.slice(0, -1) : plural
}

export function countOf(count: number, objectType: ObjectTypeDescriptor): string {
  return `${numberFormat.format(count)} ${count === 1 ? singularNoun(objectType) : pluralNoun(objectType)}`
}

/**
 * The count line: exact only when the target gives a total or the last page has arrived;
 * otherwise how many are loaded followed by "+" ("50+ users"), never an invented total (Coupa
 * and Cognito report none).
 */
export function countText(state: TableState, objectType: ObjectTypeDescriptor): string {
  if (!state.loaded) return ''
  if (state.total !== null) return countOf(state.total, objectType)
  if (state.nextCursor !== null) return `${numberFormat.format(state.items.length)}+ ${pluralNoun(objectType)}`
  return countOf(state.items.length, objectType)
}

/**
 * "Search users": where the descriptor explains its search, the line under the box says how in
 * full, so the box itself stays short enough never to be cut off (Cognito's hint ran past 440 px).
 */
export function searchPlaceholder(objectType: ObjectTypeDescriptor): string {
  if (objectType.searchHelp) return `Search ${pluralNoun(objectType)}`
  return `Search ${pluralNoun(objectType)} by ${objectType.searchHint ?? 'name'}`
}

/** The heading of the second column: what `DirectoryObject.secondary` holds for this kind. */
export function secondaryHeading(objectType: ObjectTypeDescriptor): string {
  return objectType.scimResource === 'User' ? fieldLabel('userName') : 'Details'
}
