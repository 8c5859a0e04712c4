import { markRaw, shallowRef, triggerRef, type ShallowRef } from 'vue'
import type { DirectoryObject } from '../../../shared/directory'

/**
 * What a table view reads of its rows. Every read is tracked, so a computed or a render that used
 * it runs again when rows arrive, change or leave, although the array itself stays the same one.
 */
export interface TableRowsView {
  readonly items: readonly DirectoryObject[]
  /** The row's position as shown (sorted or not), -1 when the table does not hold it: a map look-up, not a scan. */
  indexOf(id: string | null): number
}

type Compare = (left: DirectoryObject, right: DirectoryObject) => number

/**
 * One table's rows, kept out of Vue's deep reactivity: at 100,000 rows a reactive array costs a
 * proxy per row read and a scan per look-up, and copying it per page made each page cost more than
 * the last. The rows live in one plain array behind a shallow ref that is triggered by hand; an id →
 * index map answers "where is this row" and "is it here" at once. A page is appended in place, so
 * it costs its own rows only, however long the list already is.
 *
 * Sorted by a column, the rows are shown from a second plain array (copied once, when the sort is
 * chosen): a page that arrives is pushed onto it and the array sorted again in place, which for an
 * already sorted array plus one page is a merge, not a full sort. Its id → position map is rebuilt
 * only when a position is asked for after a change. The arrival order stays, for "unsorted" again.
 */
export class TableRows implements TableRowsView {
  /** Read through a reactive object, Vue unwraps this to the array and tracks it (see directoryList.ts). */
  readonly ref: ShallowRef<readonly DirectoryObject[]>
  private rows: DirectoryObject[] = markRaw([])
  private readonly indexById = new Map<string, number>()
  private compare: Compare | null = null
  private sorted: DirectoryObject[] | null = null
  private sortedIndex: Map<string, number> | null = null

  constructor() {
    this.ref = shallowRef(this.rows)
    markRaw(this)
  }

  get items(): readonly DirectoryObject[] {
    return this.ref.value
  }

  indexOf(id: string | null): number {
    void this.ref.value
    if (id === null) return -1
    if (this.sorted === null) return this.indexById.get(id) ?? -1
    return this.sortedPositions().get(id) ?? -1
  }

  has(id: string): boolean {
    return this.indexById.has(id)
  }

  /** Shows the rows in this order from now on (pages to come too); null: the order they came in. */
  sortBy(compare: Compare | null): void {
    this.compare = compare
    this.sorted = compare === null ? null : markRaw(this.rows.slice().sort(compare))
    this.sortedIndex = null
    this.ref.value = this.sorted ?? this.rows
  }

  /** A new first page: the rows start over (in the chosen order, if any). */
  reset(items: readonly DirectoryObject[]): void {
    this.rows = markRaw([])
    this.indexById.clear()
    this.push(items)
    this.sortBy(this.compare)
  }

  /** The next page. A row can move between pages while paging (an offset-paged target, a new object): ids stay unique. */
  append(items: readonly DirectoryObject[]): void {
    const from = this.rows.length
    if (this.push(items) === 0) return
    if (this.sorted !== null && this.compare !== null) {
      for (let position = from; position < this.rows.length; position++) this.sorted.push(this.rows[position]!)
      this.sorted.sort(this.compare)
      this.sortedIndex = null
    }
    triggerRef(this.ref)
  }

  /** A row read again after a change takes its place; false when the table does not hold it. */
  replace(object: DirectoryObject): boolean {
    const index = this.indexById.get(object.id)
    if (index === undefined) return false
    this.rows[index] = object
    if (this.sorted !== null && this.compare !== null) {
      // Its name may have changed, and with it its place.
      this.sorted[this.sortedPositions().get(object.id)!] = object
      this.sorted.sort(this.compare)
      this.sortedIndex = null
    }
    triggerRef(this.ref)
    return true
  }

  /** A deleted row leaves; the rows after it move up one (rare: one object deleted). */
  remove(id: string): boolean {
    const index = this.indexById.get(id)
    if (index === undefined) return false
    if (this.sorted !== null) {
      this.sorted.splice(this.sortedPositions().get(id)!, 1)
      this.sortedIndex = null
    }
    this.rows.splice(index, 1)
    this.indexById.delete(id)
    for (let position = index; position < this.rows.length; position++) this.indexById.set(this.rows[position]!.id, position)
    triggerRef(this.ref)
    return true
  }

  private sortedPositions(): Map<string, number> {
    if (this.sortedIndex === null) {
      this.sortedIndex = new Map()
      const sorted = this.sorted ?? []
      for (let position = 0; position < sorted.length; position++) this.sortedIndex.set(sorted[position]!.id, position)
    }
    return this.sortedIndex
  }

  private push(items: readonly DirectoryObject[]): number {
    let added = 0
    for (const item of items) {
      if (this.indexById.has(item.id)) continue
      this.indexById.set(item.id, this.rows.length)
      this.rows.push(item)
      added++
    }
    return added
  }
}
