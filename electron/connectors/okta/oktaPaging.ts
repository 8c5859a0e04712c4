import { decodeListCursor, encodeListCursor, isPosition, listFingerprint, staleCursor } from '../listCursor'
import type { PagingFacts } from '../../../shared/catalogue/types'
import type { HttpClient, HttpResponse, QueryValue } from '../../http/types'
import { AppError } from '../../errors/AppError'
import type { PageRequest } from '../Connector'

/*
 * Okta pages in hundreds (asking for 325 gives 400) and hands out cursors in `Link` headers. The
 * app asks for `limit` rounded up to the step (at most the maximum) and returns never more than
 * `pageSize` rows. Handing out Okta's next cursor after a trimmed page would skip the trimmed rows,
 * so the cursor given to the renderer is our own: Okta's `after` of the page (from a Link next URL,
 * never built by us), the `limit` it was asked with, and how many of its rows were already returned.
 * The next call asks that same page again and skips them.
 */

interface Position {
  /** Okta's cursor for the page; null for the first page. */
  after: string | null
  limit: number
  skip: number
  /** Fingerprint of the list and query the cursor belongs to. */
  list: string
}

const cursorPrefix = 'okta1.'

export function encodeCursor(position: Position): string {
  return encodeListCursor(cursorPrefix, { a: position.after, l: position.limit, s: position.skip, q: position.list })
}

export function decodeCursor(cursor: string, list: string): Position {
  const { a, l, s, q } = decodeListCursor(cursorPrefix, cursor)
  if (!((a === null || typeof a === 'string') && Number.isInteger(l) && isPosition(s) && q === list)) throw staleCursor()
  return { after: a, limit: l as number, skip: s, list }
}

/** `limit` for a page of `pageSize` rows: rounded up to the target's step, at most its maximum. */
export function pageLimit(pageSize: number, paging: PagingFacts): number {
  const step = paging.step ?? 1
  return Math.min(paging.maxPageSize, Math.max(step, Math.ceil(pageSize / step) * step))
}

/** The `after` of the `rel="next"` link, from one or several (comma-joined) Link headers. */
export function nextAfter(response: Pick<HttpResponse, 'headers'>): string | null {
  const header = response.headers['link']
  if (!header) return null
  for (const link of header.split(/,\s*(?=<)/)) {
    const match = /^<([^>]*)>(.*)$/.exec(link.trim())
    if (!match || !/;\s*rel="?next"?/i.test(match[2] ?? '')) continue
    try {
      return new URL(match[1]!, 'http://relative.invalid').searchParams.get('after')
    } catch {
      return null
    }
  }
  return null
}

export interface PagedList {
  path: string
  query?: Record<string, QueryValue>
  /**
   * Okta's `fields` projection (List all users only): what each row carries. Sent with every page,
   * but not part of the list a cursor belongs to: the same `after` walks the same users either way.
   */
  fields?: string
  /** Whether the endpoint takes `limit` (a user's groups does not). */
  sendsLimit: boolean
}

export interface RawPage {
  rows: unknown[]
  nextCursor: string | null
}

/** At most this many empty re-reads in a row before giving up (rows deleted under the cursor). */
const maxEmptyHops = 5

export async function readPage(
  http: HttpClient,
  list: PagedList,
  page: PageRequest,
  paging: PagingFacts,
  signal?: AbortSignal,
): Promise<RawPage> {
  const listKey = listFingerprint(`${list.path}?${JSON.stringify(list.query ?? {})}`)
  let position: Position = page.cursor
    ? decodeCursor(page.cursor, listKey)
    : { after: null, limit: pageLimit(page.pageSize, paging), skip: 0, list: listKey }
  const announce = announcer(page)
  for (let hop = 0; ; hop++) {
    const current = position
    // When the whole page will be handed out, its next cursor is known from the Link header alone,
    // so the next page can be asked for before this one's body has even arrived. Only where `limit`
    // was sent: an endpoint without it may answer more rows than the page takes.
    const wholePage = list.sendsLimit && current.skip === 0 && page.pageSize >= current.limit
    const response = await http.request({
      method: 'GET',
      path: list.path,
      query: { ...list.query, fields: list.fields, limit: list.sendsLimit ? current.limit : undefined, after: current.after ?? undefined },
      signal,
      onHeaders: wholePage
        ? (headers) => {
            const after = nextAfter({ headers })
            if (after) announce(encodeCursor({ after, limit: pageLimit(page.pageSize, paging), skip: 0, list: listKey }))
          }
        : undefined,
    })
    if (!Array.isArray(response.data)) {
      throw new AppError('network', 'Okta answered a list request without a list. Check that the Target URL is an Okta organisation.')
    }
    const rows = response.data.slice(position.skip, position.skip + page.pageSize)
    const consumed = position.skip + rows.length
    const after = nextAfter(response)
    if (consumed < response.data.length) return announced(announce, { rows, nextCursor: encodeCursor({ ...position, skip: consumed }) })
    if (after === null) return { rows, nextCursor: null }
    const next: Position = { after, limit: pageLimit(page.pageSize, paging), skip: 0, list: listKey }
    // A page re-read after its rows were deleted can come back empty: go on rather than hand out an empty page.
    if (rows.length > 0 || hop >= maxEmptyHops) return announced(announce, { rows, nextCursor: encodeCursor(next) })
    position = next
  }
}

/** Tells the caller each next cursor once, as early as it is known (see `PageRequest.onNextCursor`). */
function announcer(page: PageRequest): (cursor: string) => void {
  let told: string | null = null
  return (cursor) => {
    if (cursor === told) return
    told = cursor
    page.onNextCursor?.(cursor)
  }
}

function announced(announce: (cursor: string) => void, raw: RawPage): RawPage {
  if (raw.nextCursor) announce(raw.nextCursor)
  return raw
}

/** Every row of a list, page after page (a user's groups for a deprovision snapshot). */
export async function readAll(http: HttpClient, list: PagedList, paging: PagingFacts, signal?: AbortSignal): Promise<unknown[]> {
  const all: unknown[] = []
  let cursor: string | null = null
  do {
    const page: RawPage = await readPage(http, list, { cursor, pageSize: paging.maxPageSize }, paging, signal)
    all.push(...page.rows)
    cursor = page.nextCursor
  } while (cursor)
  return all
}
