import type { DirectoryObject } from '../../../shared/directory'

/*
 * Sorting a table's loaded rows by a column. It sorts what Lanyard holds, never the target's whole
 * list (no target sorts for us on every column), so the view says "the 1,700 loaded users".
 */

export type SortColumn = 'name' | 'secondary' | 'status'

export interface RowOrder {
  column: SortColumn
  direction: 'ascending' | 'descending'
}

/** Accents and case aside, numbers by value: "User 9" before "User 10", Björn beside bo. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

const cellOf: Record<SortColumn, (row: DirectoryObject) => string> = {
  name: (row) => row.displayName,
  secondary: (row) => row.secondary ?? '',
  status: (row) => row.status?.label ?? '',
}

/** The comparison for `order`; ties go by name, then id, so the order is the same every time. */
export function compareRowsBy(order: RowOrder): (left: DirectoryObject, right: DirectoryObject) => number {
  const cell = cellOf[order.column]
  const sign = order.direction === 'ascending' ? 1 : -1
  return (left, right) =>
    sign * (collator.compare(cell(left), cell(right)) || collator.compare(left.displayName, right.displayName) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))
}

/** A header clicked again: A to Z, then Z to A, then the target's order. */
export function nextOrder(current: RowOrder | null, column: SortColumn): RowOrder | null {
  if (current?.column !== column) return { column, direction: 'ascending' }
  return current.direction === 'ascending' ? { column, direction: 'descending' } : null
}
