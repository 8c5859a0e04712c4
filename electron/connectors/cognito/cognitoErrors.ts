import type { ErrorCode } from '../../../shared/errors'
import { isPermanentNetworkFailure, networkLayerWording } from '../../http/network/networkFailureWording'
import { AppError } from '../../errors/AppError'
import { maybeAppliedAdvice } from '../../http/httpErrors'
import { CognitoServiceError } from './cognitoWire'

/*
 * What went wrong with one Cognito call, read from what the wire threw (cognitoWire.ts): an error
 * answer (its exception name, status and request id), a network failure, or the caller cancelling.
 * Only the exception's name, message and request id go on, scrubbed of the profile's secrets.
 */

export type CognitoFailure =
  | { kind: 'service'; name: string; message: string; status: number | null; requestId: string | null; serverFault: boolean; refusedForItsTime: boolean }
  | { kind: 'network'; systemCode: string }
  | { kind: 'cancelled' }

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

export function classifyFailure(error: unknown, signal: AbortSignal): CognitoFailure {
  if (signal.aborted) return { kind: 'cancelled' }
  if (error instanceof CognitoServiceError) {
    const serverFault = error.status >= 500 || error.exception === 'UnreadableAnswer'
    return { kind: 'service', name: error.exception, message: error.message, status: error.status, requestId: error.requestId, serverFault, refusedForItsTime: error.refusedForItsTime }
  }
  const failure = error !== null && typeof error === 'object' ? (error as { name?: unknown; code?: unknown }) : {}
  const name = text(failure.name)
  if (name === 'AbortError') return { kind: 'cancelled' }
  return { kind: 'network', systemCode: text(failure.code) || name || 'unknown' }
}

/** Throttling is waited out; every other service answer is final (LimitExceeded included: a quota, not a rate). */
export function isThrottled(failure: CognitoFailure): boolean {
  return failure.kind === 'service' && failure.name === 'TooManyRequestsException'
}

/** A failure the same request may simply be sent again after, when it is idempotent. */
export function isTransient(failure: CognitoFailure): boolean {
  // A certificate this computer does not trust, or the proxy's refusal, is the same on every try.
  if (failure.kind === 'network' && isPermanentNetworkFailure(failure.systemCode)) return false
  return failure.kind === 'network' || (failure.kind === 'service' && failure.serverFault)
}

export interface FailureContext {
  operation: string
  accessKeyId: string
  userPoolId: string
  host: string
  idempotent: boolean
  timeoutMs: number
  /** Throttling waits made before giving up. */
  waits: number
  scrub: (text: string) => string
}

const authFailures = new Set([
  'NotAuthorizedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'AccessDeniedException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
])

interface Wording {
  code: ErrorCode
  what: string
  advice: string
}

/**
 * NotAuthorizedException is also how Cognito refuses a change for the user's state, not the key's
 * rights (AdminResetUserPassword on a user who never set a password, or a disabled one). Those
 * messages (as AWS words them) are the user's state; any other is about the access key.
 */
const userStateRefusals = [/cannot be reset in the current state/i, /^User is disabled\.?$/i]

function serviceWording(name: string, message: string, context: FailureContext): Wording {
  if (name === 'NotAuthorizedException' && userStateRefusals.some((pattern) => pattern.test(message))) {
    return { code: 'conflict', what: "Cognito does not allow this in the user's current state.", advice: 'Refresh the user to see its status.' }
  }
  if (authFailures.has(name)) {
    const permission = name === 'AccessDeniedException' || name === 'NotAuthorizedException'
    return {
      code: 'auth_failed',
      what: permission
        ? `AWS refused the access key ${context.accessKeyId} for ${context.operation} on the user pool ${context.userPoolId}.`
        : `AWS did not accept the access key ${context.accessKeyId} with the profile's Access Secret.`,
      advice: permission
        ? 'Ask an AWS administrator to allow this access key to manage the user pool, or use a key that may.'
        : 'Check that the Access Secret belongs to this access key and that the key is still active, then save both in the profile again.',
    }
  }
  switch (name) {
    case 'UserNotFoundException':
      return { code: 'not_found', what: 'Cognito has no such user in this user pool.', advice: 'It may have been deleted or renamed: refresh the list.' }
    case 'ResourceNotFoundException':
      return {
        code: 'not_found',
        what: 'Cognito could not find the group or the user pool.',
        advice: `Refresh the list; if the user pool itself is missing, check the profile's User Pool Id (${context.userPoolId}) and Region.`,
      }
    case 'UsernameExistsException':
      return { code: 'conflict', what: 'A user with this username already exists in the user pool.', advice: 'Choose another username, or open the existing user.' }
    case 'AliasExistsException':
      return { code: 'conflict', what: 'Another user already signs in with this email address or phone number.', advice: 'Use another one, or change the other user first.' }
    case 'GroupExistsException':
      return { code: 'conflict', what: 'A group with this name already exists in the user pool.', advice: 'Choose another name, or open the existing group.' }
    case 'InvalidPasswordException':
    case 'PasswordHistoryPolicyViolationException':
      return { code: 'invalid_input', what: "The password does not meet the user pool's password policy.", advice: 'Choose a password that meets it.' }
    case 'InvalidParameterException':
      return { code: 'invalid_input', what: 'Cognito refused a value of the request.', advice: 'Check the values and try again.' }
    case 'LimitExceededException':
      return {
        code: 'conflict',
        what: 'A Cognito limit is reached, so Cognito refused the change.',
        advice: 'Waiting does not help: free up room first (remove a group membership, delete an unused group), then try again.',
      }
    case 'UnsupportedUserStateException':
      return { code: 'conflict', what: "Cognito does not allow this in the user's current status.", advice: 'Refresh the user to see its status.' }
    case 'TooManyRequestsException':
      return {
        code: 'rate_limited',
        what: `Cognito's request quota for this kind of request is reached; Lanyard waited ${context.waits} times for it.`,
        advice: 'Wait a minute and try again.',
      }
  }
  return { code: 'invalid_input', what: 'Cognito refused the request.', advice: 'Check the values and try again.' }
}

/** A change that failed on the way may still have been carried out: the person must refresh first. */
function maybeApplied(context: FailureContext): string {
  return context.idempotent ? '' : maybeAppliedAdvice
}

function sentence(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ')
}

function clean(details: Record<string, string | null | undefined>, scrub: (text: string) => string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(details)) if (value) result[key] = scrub(value)
  return result
}

/** The one `AppError` for a failed Cognito call, with the exception name and request id in `details`. */
export function appErrorOf(failure: CognitoFailure, context: FailureContext): AppError {
  if (failure.kind === 'cancelled') return new AppError('cancelled', 'The request was cancelled because a newer one replaced it.')
  if (failure.kind === 'network') {
    // A certificate or proxy failure: said as the HTTP client says it; the call never reached Cognito.
    const layer = networkLayerWording(failure.systemCode, context.host, 'Cognito')
    if (layer) {
      return new AppError('network', context.scrub(sentence(layer.what, layer.advice)), {
        details: clean({ networkError: failure.systemCode, operation: context.operation }, context.scrub),
      })
    }
    const timedOut = failure.systemCode === 'TimeoutError' || failure.systemCode === 'ETIMEDOUT'
    const what = timedOut
      ? `Cognito did not answer within ${context.timeoutMs} ms.`
      : failure.systemCode === 'ECONNREFUSED' || failure.systemCode === 'ENOTFOUND'
        ? `Cognito could not be reached at ${context.host} (${failure.systemCode}).`
        : `The connection to Cognito broke off before it answered (${failure.systemCode}).`
    const advice = "Check the network connection and the profile's Region and Target URL, then try again."
    return new AppError('network', context.scrub(sentence(what, maybeApplied(context), advice)), {
      details: clean({ networkError: failure.systemCode, operation: context.operation }, context.scrub),
      retryAdvice: advice,
    })
  }
  const wording = failure.serverFault
    ? { code: 'network' as const, what: `Cognito had a problem answering (${failure.name}).`, advice: 'Try again in a moment; if it keeps happening, check the AWS Health Dashboard.' }
    : serviceWording(failure.name, failure.message, context)
  const says = failure.message ? `AWS says: "${failure.message}".` : ''
  const message = sentence(wording.what, says, failure.serverFault ? maybeApplied(context) : '', wording.advice)
  return new AppError(wording.code, context.scrub(message), {
    details: clean(
      {
        targetCode: failure.name,
        targetMessage: failure.message,
        requestId: failure.requestId,
        status: failure.status === null ? null : String(failure.status),
        operation: context.operation,
      },
      context.scrub,
    ),
    ...(failure.serverFault ? { retryAdvice: wording.advice } : {}),
  })
}
