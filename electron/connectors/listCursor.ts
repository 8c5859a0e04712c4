import { AppError } from '../errors/AppError'

/*
 * The cursors adapters hand the renderer. Each target pages its own way (an Okta `after`, a
 * Cognito token, a Coupa or GoTo offset), and a page of the app rarely matches the target's, so
 * the cursor is the adapter's own: its position, tagged with the adapter (`okta1.`) and a
 * fingerprint of the list and search it belongs to. A cursor from another list, another search or
 * another version of Lanyard is refused as stale rather than applied to the wrong rows.
 */

/** Cheap, stable fingerprint (FNV-1a) of a list and its query. */
export function listFingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(36)
}

export function staleCursor(): AppError {
  return new AppError('invalid_input', 'This list position is no longer valid (the search changed). Reload the list from the start.')
}

/** The adapter's position as an opaque string; `prefix` names the adapter and its cursor version. */
export function encodeListCursor(prefix: string, position: Record<string, unknown>): string {
  return prefix + Buffer.from(JSON.stringify(position), 'utf8').toString('base64url')
}

/** The position back, unchecked beyond being a JSON object of this adapter: each adapter checks its fields. */
export function decodeListCursor(prefix: string, cursor: string): Record<string, unknown> {
  if (!cursor.startsWith(prefix)) throw staleCursor()
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(cursor.slice(prefix.length), 'base64url').toString('utf8'))
  } catch {
    throw staleCursor()
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw staleCursor()
  return payload as Record<string, unknown>
}

/** A whole number from 0: an offset or a count of rows to skip. */
export function isPosition(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}
