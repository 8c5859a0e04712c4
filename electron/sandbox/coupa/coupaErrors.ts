/**
 * Coupa's error answers. The one documented JSON shape is `{"errors":{"<resource>":["message",…]}}`
 * (coupa-gotomeeting.md A.4, A.7: `{"errors":{"user":["Login has already been taken"]}}`), with Rails'
 * wording ("can't be blank", "has already been taken", "is invalid"). Coupa documents no body for
 * 401, 404, 405, 406 or 429; the tenant reuses the same shape for them (A.7's suggestion), under
 * the resource concerned or `request` when no resource is, so a client parses one format.
 */
export class CoupaError extends Error {
  constructor(
    readonly status: number,
    readonly subject: string,
    readonly messages: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${subject}: ${messages.join('; ')}`)
  }
}

export interface CoupaErrorBody {
  errors: Record<string, string[]>
}

export function errorBody(error: CoupaError): CoupaErrorBody {
  return { errors: { [error.subject]: error.messages } }
}

export const coupaErrors = {
  /** 401 for a missing, empty or wrong X-COUPA-API-KEY. */
  unauthorized: () => new CoupaError(401, 'authentication', ['Invalid API key: send a valid key in the X-COUPA-API-KEY header.']),
  /** 401 for an unknown or expired OAuth access token (`Authorization: Bearer`). */
  invalidToken: () => new CoupaError(401, 'authentication', ['The access token is invalid or has expired: ask /oauth2/token for a new one.']),
  /**
   * Without `Accept: application/json` Coupa answers XML (A.1, A.8). The sandbox speaks JSON only,
   * so it refuses such requests with 406 rather than answer a client in a format it did not ask for.
   */
  notAcceptable: () => new CoupaError(406, 'request', ['Send Accept: application/json; this instance answers JSON only to clients that ask for it.']),
  unsupportedMediaType: () => new CoupaError(415, 'request', ['Send the body as JSON with Content-Type: application/json (the same type as Accept).']),
  malformedBody: (detail = 'The request body is not valid JSON.') => new CoupaError(400, 'request', [detail]),
  /** A.7 leaves the 404 body undocumented: the tenant answers `{"errors":{"<resource>":["Record not found"]}}`. */
  notFound: (resource: string) => new CoupaError(404, resource, ['Record not found']),
  noRoute: (method: string, path: string) => new CoupaError(404, 'request', [`No route matches [${method}] "${path}"`]),
  /** Coupa has no DELETE for users and no writes here for the group-like resources: 405 with Allow. */
  methodNotAllowed: (method: string, allowed: string[]) =>
    new CoupaError(405, 'request', [`${method} is not supported here; allowed: ${allowed.join(', ')}.`], { Allow: allowed.join(', ') }),
  invalid: (resource: string, messages: string[]) => new CoupaError(400, resource, messages),
  badQuery: (message: string) => new CoupaError(400, 'request', [message]),
  /** Coupa documents 25 requests/s with a burst of 20 but not its throttle answer (A.2): 429 with Retry-After. */
  rateLimited: () => new CoupaError(429, 'request', ['Rate limit exceeded: at most 25 requests per second (burst 20). Retry after the given seconds.'], { 'Retry-After': '1' }),
  internal: () => new CoupaError(500, 'request', ['Internal server error']),
  badGateway: () => new CoupaError(502, 'request', ['Bad gateway']),
  unavailable: () => new CoupaError(503, 'request', ['Service unavailable'], { 'Retry-After': '1' }),
}
