import { decodeListCursor, encodeListCursor, isPosition, listFingerprint, staleCursor } from '../listCursor'
import type { PageRequest } from '../Connector'

/*
 * Cognito pages with a token and at most 60 items (cognito.md §2), and a page may hold fewer items
 * than asked for, even none, while more remain: only a missing token means the end. A page of the
 * app may be any size, so it is filled from as many Cognito pages as it takes, and the cursor handed
 * out is our own: Cognito's token of the page being read, and how many of its items were already
 * returned (when the app's page ended inside Cognito's). The next call reads that Cognito page
 * again and skips them, so no item is returned twice or lost.
 */

export const maxCognitoPage = 60

interface Position {
  /** Cognito's token for the page; null for the first. */
  token: string | null
  skip: number
  /** Fingerprint of the list and query the cursor belongs to. */
  list: string
}

const cursorPrefix = 'cognito1.'

export function encodeCursor(position: Position): string {
  return encodeListCursor(cursorPrefix, { t: position.token, s: position.skip, q: position.list })
}

export function decodeCursor(cursor: string, list: string): Position {
  const { t, s, q } = decodeListCursor(cursorPrefix, cursor)
  if (!((t === null || typeof t === 'string') && isPosition(s) && q === list)) throw staleCursor()
  return { token: t, skip: s, list }
}

export interface TokenList<Row> {
  /** Names the list and its query (operation, filter, group): cursors of another list are refused. */
  key: string
  /** One Cognito page of at most `limit` items from `token`. */
  read: (token: string | undefined, limit: number, signal?: AbortSignal) => Promise<{ rows: Row[]; next: string | undefined }>
  /** Items the app's search keeps, where Cognito cannot filter (group names). */
  keep?: (row: Row) => boolean
}

/**
 * Once the app's page holds some rows, at most this many Cognito pages are read for it; a filtered
 * list that keeps finding nothing goes on to `maxReads` before handing out an empty page with a
 * cursor, so one page never turns into a scan of the whole pool.
 */
const readsWithRows = 10
const maxReads = 50

/** One page of the app: at most `pageSize` rows, and a cursor while Cognito has more. */
export async function readTokenPage<Row>(list: TokenList<Row>, page: PageRequest, signal?: AbortSignal): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const listKey = listFingerprint(list.key)
  let position: Position = page.cursor ? decodeCursor(page.cursor, listKey) : { token: null, skip: 0, list: listKey }
  const rows: Row[] = []
  const finish = async (next: Position | null) => {
    const nextCursor = next ? encodeCursor(next) : null
    if (nextCursor && page.onNextCursor) {
      page.onNextCursor(nextCursor)
      // The request it starts leaves through a chain of awaits (budget, limiter, signing): one
      // turn of the event loop lets it reach the socket before the caller maps this page, so the
      // mapping overlaps the round trip instead of delaying it (issue 14).
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    return { rows, nextCursor }
  }
  for (let reads = 1; ; reads++) {
    const wanted = page.pageSize - rows.length
    // Asking for no more than the page still takes (plus those to skip) leaves nothing to trim.
    const limit = list.keep ? maxCognitoPage : Math.min(maxCognitoPage, wanted + position.skip)
    const answer = await list.read(position.token ?? undefined, limit, signal)
    let index = position.skip
    for (; index < answer.rows.length && rows.length < page.pageSize; index++) {
      const row = answer.rows[index] as Row
      if (!list.keep || list.keep(row)) rows.push(row)
    }
    if (index < answer.rows.length) return finish({ ...position, skip: index })
    if (!answer.next) return finish(null)
    position = { token: answer.next, skip: 0, list: listKey }
    if (rows.length >= page.pageSize || (rows.length > 0 && reads >= readsWithRows) || reads >= maxReads) return finish(position)
  }
}

/** Every row of a list, page after page (a user's groups, for the 25-groups check and deprovision). */
export async function readAllRows<Row>(list: TokenList<Row>, signal?: AbortSignal): Promise<Row[]> {
  const all: Row[] = []
  let cursor: string | null = null
  do {
    const page: { rows: Row[]; nextCursor: string | null } = await readTokenPage(list, { cursor, pageSize: 1000 }, signal)
    all.push(...page.rows)
    cursor = page.nextCursor
  } while (cursor)
  return all
}
