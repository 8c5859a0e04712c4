import { markRaw, shallowRef, triggerRef, type ShallowRef } from 'vue'
import type { DirectoryObject } from '../../../shared/directory'

/**
 * What a table view reads of its rows. Every read is tracked, so a computed or a render that used
 * it runs again when rows arrive, change or leave, although the array itself stays the same one.
 */
export interface TableRowsView {
  readonly items: readonly DirectoryObject[]
  /** The row's position, -1 when the table does not hold it: one map look-up, not a scan. */
  indexOf(id: string | null): number
}

/**
 * One table's rows, kept out of Vue's deep reactivity: at 100,000 rows a reactive array costs a
 * proxy per row read and a scan per look-up, and copying it per page made each page cost more than
 * the last. The rows live in one plain array behind a shallow ref that is triggered by hand; an id →
 * index map answers "where is this row" and "is it here" at once. A page is appended in place, so
 * it costs its own rows only, however long the list already is.
 */
export class TableRows implements TableRowsView {
  /** Read through a reactive object, Vue unwraps this to the array and tracks it (see directoryList.ts). */
  readonly ref: ShallowRef<readonly DirectoryObject[]>
  private rows: DirectoryObject[] = markRaw([])
  private readonly indexById = new Map<string, number>()

  constructor() {
    this.ref = shallowRef(this.rows)
    markRaw(this)
  }

  get items(): readonly DirectoryObject[] {
    return this.ref.value
  }

  indexOf(id: string | null): number {
    void this.ref.value
    return id === null ? -1 : (this.indexById.get(id) ?? -1)
  }

  has(id: string): boolean {
    return this.indexById.has(id)
  }

  /** A new first page: the rows start over. */
  reset(items: readonly DirectoryObject[]): void {
    this.rows = markRaw([])
    this.indexById.clear()
    this.push(items)
    this.ref.value = this.rows
  }

  /** The next page. A row can move between pages while paging (an offset-paged target, a new object): ids stay unique. */
  append(items: readonly DirectoryObject[]): void {
    if (this.push(items) > 0) triggerRef(this.ref)
  }

  /** A row read again after a change takes its place; false when the table does not hold it. */
  replace(object: DirectoryObject): boolean {
    const index = this.indexById.get(object.id)
    if (index === undefined) return false
    this.rows[index] = object
    triggerRef(this.ref)
    return true
  }

  /** A deleted row leaves; the rows after it move up one (rare: one object deleted). */
  remove(id: string): boolean {
    const index = this.indexById.get(id)
    if (index === undefined) return false
    this.rows.splice(index, 1)
    this.indexById.delete(id)
    for (let position = index; position < this.rows.length; position++) this.indexById.set(this.rows[position]!.id, position)
    triggerRef(this.ref)
    return true
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
