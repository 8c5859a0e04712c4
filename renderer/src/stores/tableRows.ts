import { markRaw, shallowRef, triggerRef, type ShallowRef } from 'vue'
import type { DirectoryRow, ObjectStatus } from '../../../shared/directory'

/**
 * What a list keeps of an object: what its table shows, sorts and exports. The attributes stay out
 * (the detail panel reads an object by id): an Okta row's ~20 profile fields were most of the heap at
 * 100,000 rows, and every major collection marks what is kept, so a long list collected in long pauses.
 * Main sends lists as such rows already; an object read by id is kept as one too.
 */
export type ListRow = DirectoryRow

/** One status object per status (ACTIVE, SUSPENDED…) for every row, not one per row. */
const statuses = new Map<string, ObjectStatus>()

function sharedStatus(status: ObjectStatus): ObjectStatus {
  const key = `${status.label}\u0000${status.tone}\u0000${status.active}`
  let shared = statuses.get(key)
  if (!shared) {
    shared = Object.freeze({ label: status.label, tone: status.tone, active: status.active })
    statuses.set(key, shared)
  }
  return shared
}

/** A new object with the list's fields only and its status shared, so a page's parsed objects (and an object read by id, with its attributes) can go. */
export function listRow(object: ListRow): ListRow {
  const { id, objectType, displayName, secondary, status, readOnlyReason } = object
  return { id, objectType, displayName, secondary, status: status && sharedStatus(status), readOnlyReason }
}

/**
 * What a table view reads of its rows. Every read is tracked, so a computed or a render that used
 * it runs again when rows arrive, change or leave, although the array itself stays the same one.
 */
export interface TableRowsView {
  readonly items: readonly ListRow[]
  /** The row's position as shown (sorted or not), -1 when the table does not hold it: a map look-up, not a scan. */
  indexOf(id: string | null): number
}

type Compare = (left: ListRow, right: ListRow) => number

/**
 * One table's rows, kept out of Vue's deep reactivity: at 100,000 rows a reactive array costs a
 * proxy per row read and a scan per look-up, and copying it per page made each page cost more than
 * the last. The rows live in one plain array behind a shallow ref that is triggered by hand; an id →
 * index map answers "where is this row" and "is it here" at once. A page is appended in place, so
 * it costs its own rows only, however long the list already is.
 *
 * Sorted by a column, the rows are shown from a second plain array (copied once, when the sort is
 * chosen). A page that arrives is sorted on its own and merged in place: each of its rows finds its
 * place by binary search, then one pass from the back moves the rows after it, so a page costs
 * ~17 comparisons a row and one move of the rows behind, not a sort of all 100,000. A position is the
 * row object's place in that array (a scan of pointers, no map to rebuild). The arrival order stays,
 * for "unsorted" again.
 */
export class TableRows implements TableRowsView {
  /** Read through a reactive object, Vue unwraps this to the array and tracks it (see directoryList.ts). */
  readonly ref: ShallowRef<readonly ListRow[]>
  private rows: ListRow[] = markRaw([])
  private readonly indexById = new Map<string, number>()
  private compare: Compare | null = null
  private sorted: ListRow[] | null = null

  constructor() {
    this.ref = shallowRef(this.rows)
    markRaw(this)
  }

  get items(): readonly ListRow[] {
    return this.ref.value
  }

  indexOf(id: string | null): number {
    void this.ref.value
    if (id === null) return -1
    const index = this.indexById.get(id)
    if (index === undefined) return -1
    return this.sorted === null ? index : this.sorted.indexOf(this.rows[index]!)
  }

  has(id: string): boolean {
    return this.indexById.has(id)
  }

  /** Shows the rows in this order from now on (pages to come too); null: the order they came in. */
  sortBy(compare: Compare | null): void {
    this.compare = compare
    this.sorted = compare === null ? null : markRaw(this.rows.slice().sort(compare))
    this.ref.value = this.sorted ?? this.rows
  }

  /** A new first page: the rows start over (in the chosen order, if any). */
  reset(items: readonly ListRow[]): void {
    this.rows = markRaw([])
    this.indexById.clear()
    this.push(items)
    this.sortBy(this.compare)
  }

  /** The next page. A row can move between pages while paging (an offset-paged target, a new object): ids stay unique. */
  append(items: readonly ListRow[]): void {
    const from = this.rows.length
    if (this.push(items) === 0) return
    if (this.sorted !== null && this.compare !== null) mergeInto(this.sorted, this.rows.slice(from).sort(this.compare), this.compare)
    triggerRef(this.ref)
  }

  /** A row read again after a change takes its place; false when the table does not hold it. */
  replace(read: ListRow): boolean {
    const index = this.indexById.get(read.id)
    if (index === undefined) return false
    const object = listRow(read)
    if (this.sorted !== null && this.compare !== null) {
      // Its name may have changed, and with it its place.
      this.sorted.splice(this.sorted.indexOf(this.rows[index]!), 1)
      this.sorted.splice(placeOf(this.sorted, object, this.compare), 0, object)
    }
    this.rows[index] = object
    triggerRef(this.ref)
    return true
  }

  /** A deleted row leaves; the rows after it move up one (rare: one object deleted). */
  remove(id: string): boolean {
    const index = this.indexById.get(id)
    if (index === undefined) return false
    if (this.sorted !== null) this.sorted.splice(this.sorted.indexOf(this.rows[index]!), 1)
    this.rows.splice(index, 1)
    this.indexById.delete(id)
    for (let position = index; position < this.rows.length; position++) this.indexById.set(this.rows[position]!.id, position)
    triggerRef(this.ref)
    return true
  }

  private push(items: readonly ListRow[]): number {
    let added = 0
    for (const item of items) {
      if (this.indexById.has(item.id)) continue
      this.indexById.set(item.id, this.rows.length)
      this.rows.push(listRow(item))
      added++
    }
    return added
  }
}

/** Where `row` goes in sorted `rows`: after every row that does not sort after it (binary search). */
function placeOf(rows: readonly ListRow[], row: ListRow, compare: Compare): number {
  let low = 0
  let high = rows.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compare(rows[middle]!, row) <= 0) low = middle + 1
    else high = middle
  }
  return low
}

/** Merges the sorted `page` into sorted `rows` in place: places found first, then one pass from the back. */
function mergeInto(rows: ListRow[], page: readonly ListRow[], compare: Compare): void {
  const places = page.map((row) => placeOf(rows, row, compare))
  let read = rows.length - 1
  rows.length += page.length
  let write = rows.length - 1
  for (let next = page.length - 1; next >= 0; next--) {
    while (read >= places[next]!) rows[write--] = rows[read--]!
    rows[write--] = page[next]!
  }
}
