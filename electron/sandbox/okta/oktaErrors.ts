/**
 * Okta's error answers (okta.md §5): every 4xx/5xx carries
 * `{errorCode, errorSummary, errorLink, errorId, errorCauses:[{errorSummary}]}` with `errorLink`
 * equal to `errorCode`. Handlers throw `OktaError`; the tenant turns it into the answer.
 */
export class OktaError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
    readonly causes: string[] = [],
  ) {
    super(`${status} ${errorCode} ${errorSummary}`)
  }
}

export interface OktaErrorBody {
  errorCode: string
  errorSummary: string
  errorLink: string
  errorId: string
  errorCauses: { errorSummary: string }[]
}

export function errorBody(error: OktaError, errorId: string): OktaErrorBody {
  return {
    errorCode: error.errorCode,
    errorSummary: error.errorSummary,
    errorLink: error.errorCode,
    errorId,
    errorCauses: error.causes.map((cause) => ({ errorSummary: cause })),
  }
}

/** The codes and summaries from Okta's error-code list, one factory per case the tenant uses. */
export const oktaErrors = {
  invalidToken: () => new OktaError(401, 'E0000011', 'Invalid token provided'),
  invalidSession: () => new OktaError(403, 'E0000005', 'Invalid session'),
  forbidden: () => new OktaError(403, 'E0000006', 'You do not have permission to perform the requested action'),
  notFound: (id: string, kind: 'User' | 'UserGroup') => new OktaError(404, 'E0000007', `Not found: Resource not found: ${id} (${kind})`),
  pathNotFound: () => new OktaError(404, 'E0000008', 'The requested path was not found'),
  methodNotAllowed: () => new OktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method'),
  validation: (subject: string, causes: string[]) => new OktaError(400, 'E0000001', `Api validation failed: ${subject}`, causes),
  invalidRequest: (detail: string) => new OktaError(400, 'E0000002', `The request was not valid: ${detail}`),
  malformedBody: (cause?: string) => new OktaError(400, 'E0000003', 'The request body was not well-formed.', cause ? [cause] : []),
  missingParameter: (name: string) =>
    new OktaError(400, 'E0000028', 'The request is missing a required parameter.', [`${name}: The parameter is required.`]),
  invalidPaging: (cause: string) => new OktaError(400, 'E0000029', 'Invalid paging request.', [cause]),
  invalidSearch: (cause = 'Invalid search syntax.') => new OktaError(400, 'E0000031', 'Invalid search criteria.', [cause]),
  expireNeedsActivation: () => {
    const summary = 'Could not create user. To create a user and expire their password immediately, `activate` must be true.'
    return new OktaError(400, 'E0000125', summary, [summary])
  },
  expireNeedsPassword: () => {
    const summary = 'Could not create user. To create a user and expire their password immediately, a password must be specified.'
    return new OktaError(400, 'E0000124', summary, [summary])
  },
  alreadyActive: () => new OktaError(403, 'E0000016', 'Activation failed because the user is already active'),
  notAllowedInStatus: () => new OktaError(403, 'E0000038', "This operation is not allowed in the user's current status."),
  unlockNotAllowed: () => new OktaError(403, 'E0000032', 'Unlock is not allowed for this user.'),
  unsupportedOperation: () => new OktaError(501, 'E0000060', 'Unsupported operation.'),
  rateLimited: () => new OktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.'),
  internal: () => new OktaError(500, 'E0000009', 'Internal Server Error'),
  // Okta documents no body for gateway failures; these keep the JSON shape so clients parse one format.
  badGateway: () => new OktaError(502, 'E0000009', 'Bad Gateway'),
  unavailable: () => new OktaError(503, 'E0000009', 'Service Unavailable'),
}
