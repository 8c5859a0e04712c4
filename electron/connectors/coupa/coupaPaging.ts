import { decodeListCursor, encodeListCursor, isPosition, listFingerprint, staleCursor } from '../listCursor'
import type { QueryValue } from '../../http/types'
import { linkedSignal } from '../../http/cancellation'
import type { PageRequest } from '../Connector'
import { parseRows, type CoupaContext } from './coupaTypes'

/*
 * Coupa pages by `limit` (at most 50) and `offset`, answers a bare array and reports no total;
 * the end is a short or empty page (A.3). A page of the app may be larger than 50 rows: it is read
 * as the 50-row pages it needs, several in flight at once (the profile's "Pages fetched at once"),
 * put back in order, and cut at the first short page. The cursor is our own: the offset of the
 * next row, bound to the list and search it came from.
 */

export const coupaPageSize = 50

const cursorPrefix = 'coupa1.'

export interface OffsetList {
  path: string
  /** Filters (`login[contains]=ada`); `limit` and `offset` are added per page. */
  query: Readonly<Record<string, QueryValue>>
  /**
   * Coupa's `fields` (A.3): what each row carries. Sent with every page, but not part of the list a
   * cursor belongs to (as Okta's projection): the same offset walks the same rows either way.
   */
  fields?: string
  /** What the rows are, for messages: "users". */
  what: string
}

function fingerprint(list: OffsetList): string {
  return listFingerprint(`${list.path}?${JSON.stringify(list.query)}`)
}

export function encodeCursor(offset: number, list: OffsetList): string {
  return encodeListCursor(cursorPrefix, { o: offset, q: fingerprint(list) })
}

export function decodeCursor(cursor: string, list: OffsetList): number {
  const { o, q } = decodeListCursor(cursorPrefix, cursor)
  if (!isPosition(o) || q !== fingerprint(list)) throw staleCursor()
  return o
}

export interface OffsetPage<Row = unknown> {
  rows: Row[]
  nextCursor: string | null
}

/**
 * Rows `[offset, offset + pageSize)` of the list, never more. Pages are asked for in order, at most
 * `pagesAtOnce` at a time; a short page ends the list, and pages asked for after it are dropped
 * (rows added meanwhile belong to a later read, not to this one).
 */
export async function readOffsetPage<Row = unknown>(
  context: CoupaContext,
  list: OffsetList,
  page: PageRequest,
  signal?: AbortSignal,
  toRow: (row: unknown) => Row = (row) => row as Row,
): Promise<OffsetPage<Row>> {
  const start = page.cursor ? decodeCursor(page.cursor, list) : 0
  const limits = Array.from({ length: Math.ceil(page.pageSize / coupaPageSize) }, (_, index) =>
    Math.min(coupaPageSize, page.pageSize - index * coupaPageSize),
  )
  const nextIfFull = encodeCursor(start + page.pageSize, list)
  const results: Row[][] = []
  const failures = new Map<number, unknown>()
  const controllers: AbortController[] = []
  // Pages from `end` on are not needed: the list ended (a short page) or a page failed before them.
  let end = limits.length
  let next = 0

  function endAfter(index: number): void {
    if (index + 1 >= end) return
    end = index + 1
    controllers.forEach((controller, later) => later >= end && controller.abort())
  }

  async function readOne(index: number): Promise<void> {
    const controller = new AbortController()
    controllers[index] = controller
    const linked = linkedSignal([signal, controller.signal])
    const limit = limits[index] ?? coupaPageSize
    try {
      const query = { ...list.query, fields: list.fields, limit, offset: start + index * coupaPageSize }
      const response = await context.http.request({ method: 'GET', path: list.path, query, signal: linked.signal })
      const rows = parseRows(response.data, list.what)
      results[index] = rows.slice(0, limit).map(toRow)
      if (rows.length < limit) endAfter(index)
    } catch (error: unknown) {
      failures.set(index, error)
      endAfter(index)
    } finally {
      linked.dispose()
    }
  }

  async function worker(): Promise<void> {
    for (let index = next++; index < end; index = next++) await readOne(index)
  }

  // A list's first page goes alone: most searches end inside it, and pages sent beside it would
  // spend the target's rate limit for nothing (or not, depending on timing — so no one could say
  // how many requests a search sends). Only once it comes back full do the others go, side by side.
  async function readAll(): Promise<void> {
    if (start === 0 && limits.length > 1) await readOne(next++)
    await Promise.all(Array.from({ length: Math.min(Math.max(1, context.pagesAtOnce), Math.max(0, end - next)) }, () => worker()))
  }

  const reading = readAll()
  // Offsets are positions, so the next page's cursor is known before any row arrives. It is told
  // once this page's own requests have taken their place in the budget's queue (readAll runs up to
  // that wait at once): the page read ahead then queues behind them and takes each slot as it
  // frees, keeping every slot busy instead of waiting for this batch's slowest page, and never
  // delays the page asked for. If this page turns out to be the last, the page read ahead comes
  // back empty and is never used.
  page.onNextCursor?.(nextIfFull)
  await reading
  // The first failure in list order, among the pages the list still needed.
  const failed = [...failures.keys()].filter((index) => index < end).sort((left, right) => left - right)[0]
  if (failed !== undefined) throw failures.get(failed)
  const rows = results.slice(0, end).flat()
  return { rows, nextCursor: rows.length === page.pageSize ? nextIfFull : null }
}

/** Every row of a list, page after page of the most Coupa answers at once (the tenant's API users). */
export async function readAllRows<Row>(context: CoupaContext, list: OffsetList, toRow: (row: unknown) => Row, signal?: AbortSignal): Promise<Row[]> {
  const all: Row[] = []
  let cursor: string | null = null
  do {
    const page: OffsetPage<Row> = await readOffsetPage(context, list, { cursor, pageSize: coupaPageSize }, signal, toRow)
    all.push(...page.rows)
    cursor = page.nextCursor
  } while (cursor)
  return all
}
