/**
 * GoTo's error answers. Three services, three shapes (coupa-gotomeeting.md B.6 and live probes
 * recorded by public GoTo clients):
 * - the Admin API: `{"incidentId":"…","errors":[{"code":"user.not.found","value":"…"}]}`;
 * - its API gateway (auth, throttling, a broken back end): `{"int_err_code":"InvalidToken",
 *   "msg":"Invalid token passed"}`, or AWS's own `{"message":"…"}` for gateway failures;
 * - the OAuth server: RFC 6749 `{"error":"invalid_grant","error_description":"…"}`.
 * Handlers throw `GoToError`; the target turns it into the answer (adding the incident id).
 */
export type GoToErrorBody =
  | { kind: 'admin'; code: string; value: string }
  | { kind: 'gateway'; body: Record<string, string> }
  | { kind: 'oauth'; error: string; description: string }

export class GoToError extends Error {
  constructor(
    readonly status: number,
    readonly body: GoToErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${JSON.stringify(body)}`)
  }
}

const admin = (status: number, code: string, value: string) => new GoToError(status, { kind: 'admin', code, value })
const oauth = (status: number, error: string, description: string, headers?: Record<string, string>) =>
  new GoToError(status, { kind: 'oauth', error, description }, headers)

/**
 * The codes the reference connector knows (user.not.found, user.name.conflict, group.not.found,
 * group.name.required, group.name.conflict) plus the sandbox's own for cases GoTo leaves
 * undocumented, named in the same `object.field.problem` style.
 */
export const goToErrors = {
  userNotFound: (key: string) => admin(404, 'user.not.found', key),
  /** An email already in the account: on a create with allOrNothing=true, or a PUT onto another user's email. */
  userNameConflict: (email: string) => admin(409, 'user.name.conflict', email),
  groupNotFound: (key: string, status = 404) => admin(status, 'group.not.found', key),
  groupNameRequired: () => admin(400, 'group.name.required', ''),
  groupNameConflict: (name: string) => admin(409, 'group.name.conflict', name),
  accountNotFound: (key: string) => admin(404, 'account.not.found', key),
  licenseNotFound: (key: string) => admin(400, 'license.not.found', key),
  licenseSeatsExceeded: (key: string) => admin(409, 'license.seats.exceeded', key),
  /** A required user field missing or empty: `user.email.required`, `user.firstName.required`… */
  fieldRequired: (object: 'user', field: string) => admin(400, `${object}.${field}.required`, ''),
  fieldInvalid: (object: 'user' | 'group', field: string, value: string) => admin(400, `${object}.${field}.invalid`, value),
  /** "cannot pass key value in update JSON, can only be present in URL" (G5). */
  keyInBody: (object: 'user' | 'group', key: string) => admin(400, `${object}.key.readonly`, key),
  cannotDeleteSelf: (key: string) => admin(400, 'user.delete.self', key),
  invalidRequest: (detail: string) => admin(400, 'invalid.request', detail),
  invalidParameter: (detail: string) => admin(400, 'invalid.parameter', detail),
  invalidFilter: (filter: string) => admin(400, 'invalid.filter', filter),
  pathNotFound: (path: string) => admin(404, 'resource.not.found', path),
  methodNotAllowed: (method: string) => admin(405, 'method.not.allowed', method),
  internal: () => admin(500, 'internal.error', ''),

  /** The gateway's verified answer for a missing token (403) and, per the brief and G8, an unknown or expired one (401). */
  invalidToken: (status: 401 | 403) =>
    new GoToError(status, { kind: 'gateway', body: { int_err_code: 'InvalidToken', msg: 'Invalid token passed' } }, { 'x-amzn-ErrorType': 'UnauthorizedException' }),
  /**
   * GoTo documents "429" and "10 requests per second" and nothing else: no rate-limit headers
   * were ever seen on its answers, so none are sent (clients must back off without a hint).
   */
  rateLimited: () =>
    new GoToError(429, { kind: 'gateway', body: { int_err_code: 'TooManyRequests', msg: 'Too many requests' } }, { 'x-amzn-ErrorType': 'TooManyRequestsException' }),
  /** A back end that failed behind the gateway (also the answer for a malformed key). */
  badGateway: () => new GoToError(502, { kind: 'gateway', body: { message: 'Internal server error' } }, { 'x-amzn-ErrorType': 'InternalServerErrorException' }),
  unavailable: () => new GoToError(503, { kind: 'gateway', body: { message: 'Service Unavailable' } }),

  // OAuth (RFC 6749 §5.2). `client not found` is the live answer of authentication.logmeininc.com.
  invalidClient: () => oauth(401, 'invalid_client', 'client not found', { 'WWW-Authenticate': 'Basic realm="oauth2/client"' }),
  invalidGrant: (description: string) => oauth(400, 'invalid_grant', description),
  invalidOAuthRequest: (description: string) => oauth(400, 'invalid_request', description),
  oauthMethodNotAllowed: (method: string) => oauth(405, 'method_not_allowed', `Request method '${method}' not supported`),
  unsupportedGrantType: (grantType: string) => oauth(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`),
}

export function errorBody(error: GoToError, incidentId: string): unknown {
  const { body } = error
  if (body.kind === 'admin') return { incidentId, errors: [{ code: body.code, value: body.value }] }
  if (body.kind === 'oauth') return { error: body.error, error_description: body.description }
  return body.body
}
