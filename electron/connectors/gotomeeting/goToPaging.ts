import { decodeListCursor, encodeListCursor, isPosition, listFingerprint, staleCursor } from '../listCursor'
import type { PageRequest } from '../Connector'
import { listEnvelopeSchema, parseAnswer, withQuery, type GoToContext } from './goToTypes'

/*
 * GoTo pages by `pageSize` and a 0-based `offset`, and answers `{results, fromIndex, toIndex,
 * total}` (B.2), so a page of exactly the size asked for is one request. The cursor handed to the
 * renderer is still our own: the offset of the next row, the total as last answered, and a
 * fingerprint of the list and search it belongs to, so a cursor is never applied to another list.
 * The next offset counts the rows actually handed out (GoTo may answer fewer than asked: it caps
 * pages at an undocumented size).
 */

const cursorPrefix = 'goto1.'

/** The largest page asked of GoTo: undocumented; what working clients use (B.2, G10). */
export const largestPage = 1000

/** `total`: the list's size as the page before said it, so the page it ends on reads nothing ahead. */
export function encodeCursor(offset: number, list: string, total: number | null = null): string {
  return encodeListCursor(cursorPrefix, total === null ? { o: offset, q: list } : { o: offset, q: list, t: total })
}

export function decodeCursor(cursor: string, list: string): number {
  return decodePosition(cursor, list).offset
}

function decodePosition(cursor: string, list: string): { offset: number; total: number | null } {
  const { o, q, t } = decodeListCursor(cursorPrefix, cursor)
  if (!isPosition(o) || q !== list || (t !== undefined && !isPosition(t))) throw staleCursor()
  return { offset: o, total: t ?? null }
}

export interface RawPage {
  rows: unknown[]
  nextCursor: string | null
  total: number | null
}

/**
 * One page of a GoTo list (`path` under the account, `filter` in GoTo's syntax or undefined).
 * Never more rows than `pageSize`. Offsets are positions, so `onNextCursor` is told the next
 * page's cursor before this page is even asked for: the read-ahead overlaps this page's transfer
 * and parsing. Not when the total the page before gave says this page is the last: that page
 * would be asked for and come back empty, a request per list read to its end. Nor for a first
 * page, which nobody reads ahead of (withReadAhead.ts). While the total holds, the cursor told
 * ahead is the one returned.
 */
export async function readPage(
  context: GoToContext,
  list: { path: string; filter?: string },
  page: PageRequest,
  signal?: AbortSignal,
): Promise<RawPage> {
  const listKey = listFingerprint(`${list.path}?${list.filter ?? ''}`)
  const { offset, total: knownTotal } = page.cursor ? decodePosition(page.cursor, listKey) : { offset: 0, total: null }
  const pageSize = Math.max(1, Math.min(page.pageSize, largestPage))
  const ahead = page.cursor && (knownTotal === null || offset + pageSize < knownTotal) ? encodeCursor(offset + pageSize, listKey, knownTotal) : null
  if (ahead) page.onNextCursor?.(ahead)
  const response = await context.api.request({
    method: 'GET',
    path: withQuery(list.path, { filter: list.filter, offset, pageSize }),
    signal,
  })
  const envelope = parseAnswer(listEnvelopeSchema, response.data, 'a list')
  const rows = envelope.results.slice(0, pageSize)
  const total = typeof envelope.total === 'number' ? envelope.total : null
  const next = offset + rows.length
  // Without a total, a full page may have more behind it; an empty page is always the end.
  const more = rows.length > 0 && (total !== null ? next < total : rows.length === pageSize)
  const nextCursor = more ? (ahead && total === knownTotal && next === offset + pageSize ? ahead : encodeCursor(next, listKey, total)) : null
  return { rows, nextCursor, total }
}

/** Every row of a list, page after page (licences, a deprovision snapshot's reads). */
export async function readAll(context: GoToContext, list: { path: string; filter?: string }, signal?: AbortSignal): Promise<unknown[]> {
  const all: unknown[] = []
  let cursor: string | null = null
  do {
    const page: RawPage = await readPage(context, list, { cursor, pageSize: largestPage }, signal)
    all.push(...page.rows)
    cursor = page.nextCursor
  } while (cursor)
  return all
}
