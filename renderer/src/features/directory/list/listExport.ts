import type { ObjectTypeDescriptor } from '../../../../../shared/catalogue/types'
import { csvFile, fileNamePart } from '../../../../../shared/csv'
import type { ListRow } from '../../../stores/tableRows'
import type { RowOrder } from '../../../stores/rowOrder'
import { countOf, secondaryHeading, singularNoun, pluralNoun } from './listWords'

/*
 * A list's loaded rows as a CSV file, in the order shown, with the table's own headings. Only
 * what is loaded: the file name and the note say so, and "Jump to end" loads the rest first.
 */

export interface ListFile {
  fileName: string
  content: string
}

/** The rows shown, as the table shows them, plus the id a person pastes into a ticket; `title` names the file. */
export function listCsv(rows: readonly ListRow[], objectType: ObjectTypeDescriptor, title: string, now: Date): ListFile {
  const headings = ['Name', secondaryHeading(objectType), 'Status', 'Read-only because', 'Id']
  const lines = rows.map((row) => [row.displayName, row.secondary, row.status?.label ?? '', row.readOnlyReason ?? '', row.id])
  const date = now.toISOString().slice(0, 10)
  return { fileName: `${fileNamePart(title)}-${date}.csv`, content: csvFile(headings, lines) }
}

const numberFormat = new Intl.NumberFormat('en-US')

/** "the 1,700 loaded users" / "all 2,000 users": which rows an export or a sort covers. */
export function loadedRows(loaded: number, complete: boolean, objectType: ObjectTypeDescriptor): string {
  if (complete) return `all ${countOf(loaded, objectType)}`
  return `the ${numberFormat.format(loaded)} loaded ${loaded === 1 ? singularNoun(objectType) : pluralNoun(objectType)}`
}

const directionWords: Record<RowOrder['direction'], string> = { ascending: 'A to Z', descending: 'Z to A' }

/** "Sorted by Name (A to Z): the 100 loaded users, not all of Okta’s. …"; for a complete list, just the order. */
export function sortNote(order: RowOrder, heading: string, loaded: number, complete: boolean, objectType: ObjectTypeDescriptor, targetLabel: string): string {
  const sorted = `Sorted by ${heading} (${directionWords[order.direction]}): ${loadedRows(loaded, complete, objectType)}`
  return complete ? `${sorted}.` : `${sorted}, not all of ${targetLabel}’s. Jump to end to sort them all.`
}
