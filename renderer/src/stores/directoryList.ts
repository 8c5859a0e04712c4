import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { DirectoryObject, DirectoryPage, DirectoryRow } from '../../../shared/directory'
import type { LanyardError, Result } from '../../../shared/errors'
import { useApi } from '../api/lanyardApi'
import { useProfilesStore } from './profiles'
import { listPageSize, scrollPageSize } from './listPageSizes'
import { compareRowsBy, type RowOrder } from './rowOrder'
import { TableRows, type ListRow, type TableRowsView } from './tableRows'

/** Which table: one object type of one profile. */
export interface TableRef {
  profileId: string
  objectType: string
}

export interface TableState {
  /** Reading it is tracked; the array is the same one while pages are appended, each row lean (see tableRows.ts). */
  readonly items: readonly ListRow[]
  /** Opaque to the renderer; null once the last page has arrived. */
  nextCursor: string | null
  /** Only when the target reports a count; null otherwise. */
  total: number | null
  /** The first page of the current search is on its way. */
  loading: boolean
  loadingMore: boolean
  error: LanyardError | null
  search: string
  /** The first page of the current search has arrived (so an empty `items` means "none"). */
  loaded: boolean
  /** "Jump to end": every page is being read, one after another, until the last. */
  loadingToEnd: boolean
  /** The loaded rows' order by a column; null: the target's order. Kept for the next search. */
  sort: RowOrder | null
}

/** The current search failed before its first page came: the rows held are an earlier list's, not its answer. */
export function searchFailedBeforeItsRows(state: TableState): boolean {
  return state.error !== null && !state.loaded
}

/** A read of one object of a table, by id. */
export type ObjectRead = (id: string) => Promise<Result<DirectoryObject>>

/** One request key per table: main cancels the previous request under the same key. */
export function tableKey(table: TableRef): string {
  return `${table.profileId}:${table.objectType}`
}

/** `items` is the rows' shallow ref: a reactive object unwraps it, so reading `state.items` tracks it. */
function emptyTable(rows: TableRows): TableState {
  return reactive({
    items: rows.ref,
    nextCursor: null,
    total: null,
    loading: false,
    loadingMore: false,
    error: null,
    search: '',
    loaded: false,
    loadingToEnd: false,
    sort: null,
  })
}

/**
 * Directory lists, one state per table key. Every request carries a sequence number: an answer
 * that is not for the newest request of its table (a slower, older search) is dropped, and so is
 * a `cancelled` answer, which only ever means "a newer request replaced this one".
 */
export const useDirectoryListStore = defineStore('directoryList', () => {
  const tables = ref<Record<string, TableState>>({})
  /** Per table key: its rows, outside deep reactivity. */
  const rowsByKey = new Map<string, TableRows>()
  /** Per table key, and per row (`key:id`) for re-reads of one object. */
  const sequences = new Map<string, number>()
  /** Per table key: the next page on its way, so a second ask (scrolling while jumping to the end) waits for it. */
  const pagesOnTheirWay = new Map<string, Promise<void>>()
  /** Per table key: bumped by every new search, so a jump to the end stops when its list is replaced. */
  const searchesStarted = new Map<string, number>()
  /** Table keys whose viewer shows the last row held, waiting for the next page (see `loadMore`). */
  const viewersWaiting = new Set<string>()

  function table(list: TableRef): TableState {
    return tables.value[tableKey(list)] ?? create(list).state
  }

  function rows(list: TableRef): TableRows {
    return rowsByKey.get(tableKey(list)) ?? create(list).rows
  }

  function create(list: TableRef): { state: TableState; rows: TableRows } {
    const key = tableKey(list)
    const created = new TableRows()
    rowsByKey.set(key, created)
    const state = emptyTable(created)
    tables.value[key] = state
    return { state, rows: created }
  }

  /** The rows a table view reads: tracked reads, look-ups by id without a scan. */
  function rowsOf(list: TableRef): TableRowsView {
    return rows(list)
  }

  function find(list: TableRef): TableState | undefined {
    return tables.value[tableKey(list)]
  }

  function nextSequence(key: string): number {
    const sequence = (sequences.get(key) ?? 0) + 1
    sequences.set(key, sequence)
    return sequence
  }

  function isCurrent(key: string, sequence: number): boolean {
    return sequences.get(key) === sequence
  }

  async function requestPage(list: TableRef, search: string, cursor: string | null) {
    return useApi().invoke('directory.list', {
      profileId: list.profileId,
      objectType: list.objectType,
      search,
      cursor,
      pageSize: cursor === null ? listPageSize : scrollPageSize(useProfilesStore().find(list.profileId)),
      requestKey: tableKey(list),
    })
  }

  /** Starts the list over with this search text; an empty text lists everything. */
  async function search(list: TableRef, text: string): Promise<void> {
    const key = tableKey(list)
    const state = table(list)
    const sequence = nextSequence(key)
    searchesStarted.set(key, (searchesStarted.get(key) ?? 0) + 1)
    // A page of the list this search replaces is not one to wait for, nor one to follow.
    pagesOnTheirWay.delete(key)
    viewersWaiting.delete(key)
    Object.assign(state, { search: text, loading: true, loadingMore: false, error: null, loaded: false, loadingToEnd: false })
    const result = await requestPage(list, text, null)
    if (!isCurrent(key, sequence)) return
    state.loading = false
    if (!result.ok) {
      if (result.error.code !== 'cancelled') state.error = result.error
      return
    }
    rows(list).reset(result.value.items)
    Object.assign(state, { nextCursor: result.value.nextCursor, total: result.value.total, loaded: true })
  }

  /**
   * The next page, when there is one; while one is on its way, that one. `waiting`: the viewer shows
   * the last row held (scrolled there faster than the page came), so the page after this one is
   * asked the moment this one arrives, as "Jump to end" does: one request in flight, never two.
   */
  function loadMore(list: TableRef, options: { waiting?: boolean } = {}): Promise<void> {
    const key = tableKey(list)
    const onItsWay = pagesOnTheirWay.get(key)
    const state = table(list)
    const cursor = state.loading || state.loadingMore || state.error ? null : state.nextCursor
    // Only for a page of this list: a viewer at the end of a list being replaced waits for nothing.
    if (options.waiting && (onItsWay || cursor !== null)) viewersWaiting.add(key)
    if (onItsWay) return onItsWay
    return cursor === null ? Promise.resolve() : askPage(list, key, state, cursor)
  }

  /** Sends the request for the page at `cursor`; its answer is taken only while it is still the page on its way. */
  function askPage(list: TableRef, key: string, state: TableState, cursor: string): Promise<void> {
    state.loadingMore = true
    const next: Promise<void> = requestPage(list, state.search, cursor)
      .then((result) => {
        // A new search or leaving the table forgets the page on its way.
        if (pagesOnTheirWay.get(key) === next) takePage(list, key, state, result)
      })
      .finally(() => {
        if (pagesOnTheirWay.get(key) === next) pagesOnTheirWay.delete(key)
      })
    pagesOnTheirWay.set(key, next)
    return next
  }

  function takePage(list: TableRef, key: string, state: TableState, result: Result<DirectoryPage<DirectoryRow>>): void {
    if (!result.ok) {
      state.loadingMore = false
      if (result.error.code !== 'cancelled') state.error = result.error
      return
    }
    const { items, nextCursor, total } = result.value
    // Wanted at once (jumping to the end, or a viewer waiting at the last row): the next request
    // leaves before this page is drawn, so drawing it overlaps the next round trip.
    const wantedAtOnce = state.loadingToEnd || viewersWaiting.has(key)
    // The rows grow under the viewer: the table says again if it still waits at the end.
    viewersWaiting.delete(key)
    Object.assign(state, { nextCursor, total })
    if (nextCursor !== null && wantedAtOnce) void askPage(list, key, state, nextCursor)
    else state.loadingMore = false
    rows(list).append(items)
  }

  /**
   * "Jump to end": reads page after page, each as soon as the one before it is in (the target's
   * largest page, and main reads the next one ahead), until the last, an error, a stop, or a new
   * search. Thousands of rows arrive without 200 scrolls; the count becomes exact at the end.
   */
  async function loadToEnd(list: TableRef): Promise<void> {
    const key = tableKey(list)
    const state = table(list)
    if (state.loadingToEnd || !state.loaded) return
    const started = searchesStarted.get(key)
    state.loadingToEnd = true
    while (state.loadingToEnd && searchesStarted.get(key) === started && state.nextCursor !== null && !state.error && !state.loading) {
      await loadMore(list)
    }
    if (searchesStarted.get(key) === started) state.loadingToEnd = false
  }

  function stopLoadingToEnd(list: TableRef): void {
    table(list).loadingToEnd = false
  }

  /** Orders the loaded rows by a column (null: the target's order); pages still to come take their place in it. */
  function sortRows(list: TableRef, order: RowOrder | null): void {
    table(list).sort = order
    rows(list).sortBy(order === null ? null : compareRowsBy(order))
  }

  /** After an error: the page that failed, again. */
  async function retry(list: TableRef): Promise<void> {
    const state = table(list)
    if (state.loaded && state.nextCursor !== null) {
      state.error = null
      return loadMore(list)
    }
    return search(list, state.search)
  }

  /** Starts over with the current search, e.g. after an object was created. */
  async function reload(list: TableRef): Promise<void> {
    return search(list, table(list).search)
  }

  /**
   * Re-reads changed objects in place, each through `read` (main's change event shares one read
   * of an object between this table and the detail panel). An id the table does not hold may be a
   * new object that belongs in it, so the list is reloaded; one the target no longer has is removed.
   */
  async function refresh(list: TableRef, ids: readonly string[], read: ObjectRead = (id) => readObject(list, id)): Promise<void> {
    const held = rows(list)
    const known = ids.filter((id) => held.has(id))
    if (known.length < ids.length) {
      await reload(list)
      return
    }
    await Promise.all(known.map((id) => refreshOne(list, id, read(id))))
  }

  function readObject(list: TableRef, id: string): Promise<Result<DirectoryObject>> {
    return useApi().invoke('directory.get', { profileId: list.profileId, objectType: list.objectType, objectId: id })
  }

  async function refreshOne(list: TableRef, id: string, read: Promise<Result<DirectoryObject>>): Promise<void> {
    // Two changes in a row: only the read asked last may land (an older answer is older data).
    const row = `${tableKey(list)}:${id}`
    const ticket = nextSequence(row)
    const result = await read
    if (!isCurrent(row, ticket)) return
    if (result.ok) replace(list, result.value)
    else if (result.error.code === 'not_found') remove(list, id)
  }

  function replace(list: TableRef, object: DirectoryObject): void {
    rows(list).replace(object)
  }

  /** A deleted object leaves the table where it is; the rest keep their place and scroll. */
  function remove(list: TableRef, id: string): void {
    const state = table(list)
    if (rows(list).remove(id) && state.total !== null) state.total = Math.max(0, state.total - 1)
  }

  /** Leaving a table: whatever it still waits for is cancelled in main and ignored here. */
  function leave(list: TableRef): void {
    const key = tableKey(list)
    const state = find(list)
    if (!state) return
    state.loadingToEnd = false
    viewersWaiting.delete(key)
    if (!state.loading && !state.loadingMore) return
    nextSequence(key)
    pagesOnTheirWay.delete(key)
    state.loading = false
    state.loadingMore = false
    void useApi().invoke('directory.cancel', { requestKey: key })
  }

  return {
    tables,
    table,
    rowsOf,
    find,
    search,
    loadMore,
    loadToEnd,
    stopLoadingToEnd,
    sortRows,
    retry,
    reload,
    refresh,
    remove,
    leave,
  }
})
