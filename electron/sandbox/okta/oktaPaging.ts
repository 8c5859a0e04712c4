import { indexAfter } from './OktaDirectory'
import { oktaErrors } from './oktaErrors'

/**
 * Cursor paging (okta.md §2.2): `limit` + `after` (the last id of the previous page), two `Link`
 * headers with absolute URLs (`self`, and `next` unless this is the last page) that carry the
 * other parameters forward.
 */

/** A missing limit gets the default; a larger one is clamped; anything not a positive integer is E0000029. */
export function parseLimit(query: URLSearchParams, defaultLimit: number, maximum: number): number {
  const text = query.get('limit')
  if (text === null || text === '') return defaultLimit
  if (!/^\d+$/.test(text) || Number(text) < 1) throw oktaErrors.invalidPaging(`limit: '${text}' is not a positive whole number.`)
  return Math.min(Number(text), maximum)
}

export interface Page<T> {
  items: T[]
  /** The cursor for the next page; undefined on the last page. */
  nextAfter: string | undefined
}

/**
 * The page after `after` in a list sorted by id, keeping only matching items. Looks one match
 * ahead, so a full last page has no `next` (no empty final page).
 */
export function pageById<T extends { id: string }>(sorted: readonly T[], after: string | null, limit: number, matches: (item: T) => boolean = () => true): Page<T> {
  const items: T[] = []
  for (let index = after ? indexAfter(sorted, after) : 0; index < sorted.length; index++) {
    const item = sorted[index] as T
    if (!matches(item)) continue
    if (items.length === limit) return { items, nextAfter: items[items.length - 1]?.id }
    items.push(item)
  }
  return { items, nextAfter: undefined }
}

/** Paging through a list in any order: the cursor is the id of the last item shown. */
export function pageByPosition<T extends { id: string }>(ordered: readonly T[], after: string | null, limit: number): Page<T> {
  let start = 0
  if (after) {
    const position = ordered.findIndex((item) => item.id === after)
    if (position === -1) throw oktaErrors.invalidPaging(`after: '${after}' is not a cursor from this list.`)
    start = position + 1
  }
  const items = ordered.slice(start, start + limit)
  const hasMore = start + limit < ordered.length
  return { items, nextAfter: hasMore ? items[items.length - 1]?.id : undefined }
}

/** `self` keeps the request's parameters; `next` swaps in the new cursor. Okta puts `after` and `limit` first. */
export function linkHeaders(baseUrl: string, path: string, query: URLSearchParams, limit: number, nextAfter: string | undefined): string[] {
  const build = (after: string | null) => {
    const parameters = new URLSearchParams()
    if (after) parameters.set('after', after)
    parameters.set('limit', String(limit))
    for (const [name, value] of query) if (name !== 'after' && name !== 'limit') parameters.append(name, value)
    return `<${baseUrl}${path}?${parameters.toString()}>`
  }
  const links = [`${build(query.get('after'))}; rel="self"`]
  if (nextAfter) links.push(`${build(nextAfter)}; rel="next"`)
  return links
}
