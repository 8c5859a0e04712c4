/**
 * Cognito's error answers (cognito.md §2): HTTP 400 for client faults, 5xx for server faults,
 * body `{"__type":"<Name>","message":"…"}` and the `x-amzn-ErrorType` header. Errors raised by
 * AWS's request layer (unknown operation, authentication, serialization) carry the framework's
 * qualified name (`com.amazon.coral.service#UnrecognizedClientException`) in `__type` and its
 * namespace after a colon in the header, as AWS JSON services send them; clients keep only the
 * part between `#` and `:` (the SDK's `sanitizeErrorCode`). Handlers throw `CognitoError`.
 */
export class CognitoError extends Error {
  constructor(
    readonly status: number,
    /** The exception name, e.g. `UserNotFoundException`. */
    readonly code: string,
    message: string,
    /** True for errors of AWS's request layer rather than of the Cognito service model. */
    readonly framework = false,
  ) {
    super(message)
  }
}

const coralNamespace = 'com.amazon.coral.service'

export function errorBody(error: CognitoError): { __type: string; message: string } {
  return { __type: error.framework ? `${coralNamespace}#${error.code}` : error.code, message: error.message }
}

export function errorTypeHeader(error: CognitoError): string {
  return error.framework ? `${error.code}:http://internal.amazon.com/coral/${coralNamespace}/` : error.code
}

const clientError = (name: string, message: string) => new CognitoError(400, name, message)
const requestLayerError = (name: string, message: string) => new CognitoError(400, name, message, true)

/** One factory per case the tenant answers; messages as the real service words them (see the report for sources). */
export const cognitoErrors = {
  unknownOperation: () => requestLayerError('UnknownOperationException', 'The requested operation is not recognized by the service.'),
  missingAuthentication: () => requestLayerError('MissingAuthenticationTokenException', 'Request is missing Authentication Token'),
  incompleteSignature: (message: string) => requestLayerError('IncompleteSignatureException', message),
  unrecognizedClient: () => requestLayerError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
  invalidSignature: (
    message = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  ) => requestLayerError('InvalidSignatureException', message),
  serialization: (message: string) => requestLayerError('SerializationException', message),

  invalidParameter: (message: string) => clientError('InvalidParameterException', message),
  poolNotFound: (poolId: string) => clientError('ResourceNotFoundException', `User pool ${poolId} does not exist.`),
  groupNotFound: () => clientError('ResourceNotFoundException', 'Group not found.'),
  userNotFound: () => clientError('UserNotFoundException', 'User does not exist.'),
  usernameExists: () => clientError('UsernameExistsException', 'User account already exists'),
  aliasExists: () => clientError('AliasExistsException', 'An account with the given email already exists.'),
  groupExists: (name: string) => clientError('GroupExistsException', `A group with the name ${name} already exists.`),
  invalidPassword: (reason: string) => clientError('InvalidPasswordException', `Password did not conform with policy: ${reason}`),
  notAuthorized: (message: string) => clientError('NotAuthorizedException', message),
  unsupportedUserState: (message: string) => clientError('UnsupportedUserStateException', message),
  limitExceeded: (message: string) => clientError('LimitExceededException', message),
  tooManyRequests: () => clientError('TooManyRequestsException', 'Too many requests'),

  internal: () => new CognitoError(500, 'InternalErrorException', 'Internal server error.'),
  badGateway: () => new CognitoError(502, 'InternalErrorException', 'Bad Gateway'),
  unavailable: () => new CognitoError(503, 'ServiceUnavailableException', 'Service Unavailable'),
}
