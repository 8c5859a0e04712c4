import { goToErrors } from './goToErrors'

/**
 * Offset paging (coupa-gotomeeting.md B.2): `pageSize` and a 0-based `offset`, answered in
 * `{"results":[…],"fromIndex":F,"toIndex":T,"total":N}` where `toIndex` is the index of the last
 * result (so the next offset is `toIndex + 1` while it is below `total`).
 */

/**
 * GoTo documents no default and no maximum. Decisions: 50 when absent (a client that forgets to
 * page sees a short page, not a silent cut at some large number); 1000 at most, what working
 * clients use as "the most users one Admin page holds" (G10) — a larger request is clamped, not
 * refused, and `toIndex` tells the client what it got.
 */
export const defaultPageSize = 50
export const maximumPageSize = 1000

export interface ListEnvelope {
  results: unknown[]
  fromIndex: number
  toIndex: number
  total: number
}

export interface PageRequest {
  offset: number
  pageSize: number
}

/** Not a whole number, a negative offset or a pageSize below 1: 400 invalid.parameter. */
export function parsePageRequest(query: URLSearchParams): PageRequest {
  const read = (name: string, fallback: number, minimum: number): number => {
    const text = query.get(name)
    if (text === null || text === '') return fallback
    if (!/^\d+$/.test(text) || Number(text) < minimum) throw goToErrors.invalidParameter(`${name}=${text}`)
    return Number(text)
  }
  return { offset: read('offset', 0, 0), pageSize: Math.min(read('pageSize', defaultPageSize, 1), maximumPageSize) }
}

/** One page of an already filtered, ordered list. An offset past the end answers no results. */
export function envelope<T>(items: readonly T[], page: PageRequest, render: (item: T) => unknown): ListEnvelope {
  const slice = items.slice(page.offset, page.offset + page.pageSize)
  return { results: slice.map(render), fromIndex: page.offset, toIndex: page.offset + slice.length - 1, total: items.length }
}

/**
 * `attributes=key,email` (what working clients send, G10) or `attributeNames=` (the reference's
 * name, G3): only those fields of each result. Unknown names are left out, not refused.
 */
export function projection(query: URLSearchParams): ((object: Record<string, unknown>) => Record<string, unknown>) | undefined {
  const text = query.get('attributes') ?? query.get('attributeNames')
  if (text === null || text.trim() === '') return undefined
  const wanted = text.split(',').map((name) => name.trim()).filter((name) => name !== '')
  return (object) => Object.fromEntries(wanted.filter((name) => name in object).map((name) => [name, object[name]]))
}
