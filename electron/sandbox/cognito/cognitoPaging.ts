import { cognitoErrors } from './cognitoErrors'

/**
 * Pagination tokens. Cognito's are opaque strings (cognito.md §2); these are base64 of the list
 * they belong to and the creation sequence of the last item scanned, so a token stays valid when
 * that item is deleted meanwhile. A token that is not one of ours, or belongs to another list,
 * is refused as `InvalidParameterException` (decision: the AWS text names no message for it).
 */

export type TokenList = 'users' | 'groups' | `members:${string}` | `groupsOf:${string}`

export function encodeToken(list: TokenList, afterSequence: number): string {
  return Buffer.from(JSON.stringify({ v: 1, l: list, a: afterSequence })).toString('base64')
}

/** The sequence to continue after; -1 (from the start) without a token. */
export function decodeToken(token: string | undefined, list: TokenList): number {
  if (token === undefined) return -1
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { v?: unknown; l?: unknown; a?: unknown }
    if (parsed.v === 1 && parsed.l === list && Number.isInteger(parsed.a)) return parsed.a as number
  } catch {
    // Not JSON: answered below like any other foreign token.
  }
  throw cognitoErrors.invalidParameter('Invalid pagination token.')
}

/** Index of the first item whose sequence is greater than `after` (items sorted by sequence). */
export function indexAfter(items: readonly { sequence: number }[], after: number): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((items[middle] as { sequence: number }).sequence <= after) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * One page of a simple list: up to `limit` items after the token's position, and a token
 * while items remain. (Only ListUsers with a filter returns short pages; see listUsers.)
 */
export function pageOf<Item extends { sequence: number }>(items: readonly Item[], token: string | undefined, list: TokenList, limit: number): { page: Item[]; next?: string } {
  const start = indexAfter(items, decodeToken(token, list))
  const page = items.slice(start, start + limit)
  const last = page.at(-1)
  return start + limit < items.length && last ? { page, next: encodeToken(list, last.sequence) } : { page }
}
