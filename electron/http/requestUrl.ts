import type { Environment } from '../../shared/profiles'
import { plainHttpRefusal, plainHttpUseMessage } from '../../shared/secureAddress'
import { isSecretFieldName, redactedMark } from '../logging/redact'
import { AppError } from '../errors/AppError'
import { pathSegmentProblem } from './pathSegments'
import type { HttpRequest, QueryValue } from './types'

/**
 * The absolute URL of a request. Paths are appended to the base URL (which may carry a path of its
 * own); an absolute URL (a `Link` header's next page) is accepted only on the base URL's origin, so
 * the profile's credentials never travel to another host. `base` is parsed once, by the client.
 */
export function requestUrl(base: URL, request: HttpRequest, targetName: string): URL {
  let url: URL
  if (/^[a-z][a-z0-9+.-]*:/i.test(request.path)) {
    url = new URL(request.path)
    refusePathLikeSegments(url.pathname, targetName)
    if (url.origin !== base.origin) {
      throw new AppError(
        'network',
        `${targetName} pointed Lanyard to another address (${url.origin}); the request was not sent there. ` +
          "Check the profile's Target URL.",
      )
    }
  } else {
    refusePathLikeSegments(request.path, targetName)
    const basePath = base.pathname.replace(/\/+$/, '')
    const path = request.path.startsWith('/') ? request.path : `/${request.path}`
    url = new URL(`${base.origin}${basePath}${path}`)
  }
  // Set on a copy and written back once: each `url.searchParams.set` writes the whole query into
  // the URL again. A URL given no query value keeps its query as written (GoTo's `%20`, see withQuery).
  const given = Object.entries(request.query ?? {}).filter((entry): entry is [string, NonNullable<QueryValue>] => entry[1] !== undefined && entry[1] !== null)
  if (given.length > 0) {
    const params = new URLSearchParams(url.search)
    for (const [name, value] of given) params.set(name, String(value))
    url.search = params.toString()
  }
  return url
}

/**
 * Refuses an address that would carry the profile's credentials over plain http://: any for a real
 * profile, and any but this computer's for a sandbox one (shared/secureAddress.ts). Checked before
 * the credentials are even asked for, so a profile saved by an older Lanyard, or edited by hand,
 * is never silently used.
 */
export function refusePlainHttp(url: URL, environment: Environment, targetName: string, profileName?: string): void {
  const refusal = plainHttpRefusal(url, environment)
  if (refusal) throw new AppError('invalid_input', plainHttpUseMessage(refusal, profileName, targetName), { details: { refused: `${url.protocol}//${url.host}` } })
}

/**
 * The last gate before a request leaves: refuses a path with a segment that is `.` or `..` or holds
 * a `/` or `\` once percent-decoded (see `pathSegments.ts`). URL parsing resolves dot segments as a
 * file path would, and a server that decodes before routing reads `..%2F..` as two of them. The
 * directory refuses such ids before any call; this catches any path an adapter builds.
 */
function refusePathLikeSegments(path: string, targetName: string): void {
  const segments = (path.split('?')[0] ?? '').split('/')
  for (const segment of segments) {
    const problem = pathSegmentProblem(segment)
    if (problem === null) continue
    throw new AppError(
      'invalid_input',
      `Nothing was sent to ${targetName}: a part of the address ${problem}, so an id cannot be "." or ".." or hold "/" or "\\". ` +
        'Refresh the list and choose the object again.',
    )
  }
}

/** Path and query for a log line, with the value of any secret-looking query parameter masked. */
export function loggablePath(url: URL): string {
  // Most queries hold nothing secret: then the path is logged as sent, without encoding it again
  // (a Coupa list's `fields` is 1.7 kB, on every page).
  let secret = false
  for (const name of url.searchParams.keys()) secret ||= isSecretFieldName(name)
  if (!secret) return `${url.pathname}${url.search}`
  const query = new URLSearchParams()
  for (const [name, value] of url.searchParams) query.append(name, isSecretFieldName(name) ? redactedMark : value)
  const text = query.toString()
  return text === '' ? url.pathname : `${url.pathname}?${text}`
}
