import type { ErrorCode } from '../../shared/errors'
import { AppError } from '../errors/AppError'
import { networkLayerWording } from './network/networkFailureWording'
import type { NetworkFailure } from './sendAttempt'
import type { HttpResponse, TargetErrorDescription } from './types'

/** What an error message may say about the request that failed. */
export interface FailureContext {
  targetName: string
  method: string
  /** Path and query, secrets masked (see `loggablePath`). */
  path: string
  /** Whether the request may be sent again without harm (decides the "it may have happened" warning). */
  idempotent: boolean
  timeoutMs: number
  /** Masks the profile's and the request's secrets in any text that goes into the error. */
  scrub: (text: string) => string
}

interface Wording {
  code: ErrorCode
  what: string
  advice: string
}

function wordingFor(status: number, target: string): Wording {
  if (status === 400) return { code: 'invalid_input', what: `${target} refused the request as not valid.`, advice: 'Check the values and try again.' }
  if (status === 401) {
    return {
      code: 'auth_failed',
      what: `${target} did not accept the profile's credentials.`,
      advice: 'The token may be wrong, revoked or expired: create a new one and save it in the profile.',
    }
  }
  if (status === 403) {
    return {
      code: 'auth_failed',
      what: `${target} refused: the token lacks permission for this action.`,
      advice: `Ask a ${target} administrator for the needed admin role, or use a token of an administrator who has it.`,
    }
  }
  if (status === 404) return { code: 'not_found', what: `${target} has no such object.`, advice: 'It may have been deleted: refresh the list.' }
  if (status === 409) return { code: 'conflict', what: `${target} refused because of a conflict.`, advice: 'Refresh and try again.' }
  if (status === 429) {
    return { code: 'rate_limited', what: `${target}'s rate limit is reached.`, advice: 'Wait a minute and try again.' }
  }
  if (status === 501) return { code: 'unsupported', what: `${target} does not support this operation.`, advice: '' }
  if (status >= 500) {
    return {
      code: 'network',
      what: `${target} had a problem answering (HTTP ${status}).`,
      advice: `Try again in a moment; if it keeps happening, check ${target}'s status page.`,
    }
  }
  if (status >= 300 && status < 400) {
    return {
      code: 'network',
      what: `${target} answered with a redirect instead of data.`,
      advice: "Check the profile's Target URL: it may need https:// or a different address.",
    }
  }
  return { code: 'invalid_input', what: `${target} refused the request (HTTP ${status}).`, advice: 'Check the values and try again.' }
}

/** `Okta says: "Api validation failed: login — login: An object with this field already exists"`. */
function targetSays(target: string, description: TargetErrorDescription): string {
  const causes = (description.causes ?? []).filter((cause) => cause.trim() !== '')
  const words = [description.summary, ...causes].filter((part): part is string => Boolean(part && part.trim()))
  if (words.length === 0) return ''
  const [first, ...rest] = words
  return `${target} says: "${rest.length === 0 ? first : `${first} — ${rest.join('; ')}`}".`
}

function sentence(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ')
}

function scrubbedDetails(details: Record<string, string | undefined>, scrub: (text: string) => string): Record<string, string> {
  const clean: Record<string, string> = {}
  for (const [key, value] of Object.entries(details)) if (value !== undefined && value !== '') clean[key] = scrub(value)
  return clean
}

export function errorFromResponse(
  response: HttpResponse,
  description: TargetErrorDescription,
  context: FailureContext,
  extraDetails: Record<string, string> = {},
): AppError {
  const wording = wordingFor(response.status, context.targetName)
  const location = response.status >= 300 && response.status < 400 ? response.headers['location'] : undefined
  // A 5xx may come after the target did the work (a timeout inside it): a write may have happened.
  const unsure = serverTrouble(response.status) ? maybeApplied(context) : ''
  const message =
    description.message ??
    sentence(wording.what, targetSays(context.targetName, description), location ? `(It points to ${location}.)` : '', unsure, wording.advice)
  const details = {
    status: String(response.status),
    targetCode: description.targetCode,
    targetMessage: [description.summary, ...(description.causes ?? [])].filter(Boolean).join(' — '),
    requestId: description.requestId,
    request: `${context.method} ${context.path}`,
    ...extraDetails,
  }
  const targetFields = description.fields ? scrubbedDetails(description.fields, context.scrub) : undefined
  return new AppError(description.code ?? wording.code, context.scrub(message), {
    details: scrubbedDetails(details, context.scrub),
    ...(targetFields && Object.keys(targetFields).length > 0 ? { targetFields } : {}),
    ...(serverTrouble(response.status) ? { retryAdvice: wording.advice } : {}),
  })
}

/** A 5xx but 501: the target may have done the work before it failed to answer. */
function serverTrouble(status: number): boolean {
  return status >= 500 && status !== 501
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`
}

/** A raw write's warning when its answer was lost. A journalled change drops it: the journal checks the target itself. */
export const maybeAppliedAdvice = 'It may have been carried out anyway: refresh before trying again.'

function maybeApplied(context: FailureContext): string {
  return context.idempotent ? '' : maybeAppliedAdvice
}

/**
 * A lost answer's reason as a change whose outcome is not known says it: without the raw write's
 * "refresh before trying again" nor the error's "try again" (`retryAdvice`), since Lanyard checks the
 * target itself. Reads keep their advice: nothing checks them.
 */
export function reasonWhenNotKnown(error: AppError): string {
  const { retryAdvice } = error.extra
  const reason = retryAdvice ? error.message.replace(retryAdvice, '') : error.message
  return reason.replace(maybeAppliedAdvice, '').replace(/\s+$/, '').replace(/\s{2,}/g, ' ')
}

export function errorFromFailure(failure: NetworkFailure, context: FailureContext, host: string): AppError {
  const target = context.targetName
  const what: Record<NetworkFailure['kind'], string> = {
    timeout: `${target} did not answer within ${duration(context.timeoutMs)}.`,
    reset: `The connection to ${target} was cut before it answered.`,
    refused: `${target} could not be reached at ${host}: nothing answers there.`,
    unresolved: `The address ${host} could not be found.`,
    unreadable: `${target} answered, but its answer could not be read${failure.systemCode ? ` (${failure.systemCode})` : ''}.`,
    other: `${target} could not be reached${failure.systemCode ? ` (${failure.systemCode})` : ''}.`,
  }
  const advice: Record<NetworkFailure['kind'], string> = {
    timeout: `Try again; if it keeps happening, check the network connection and ${target}'s status page.`,
    reset: 'Try again in a moment.',
    refused: "Check the profile's Target URL and the network connection.",
    unresolved: "Check the profile's Target URL and the network connection.",
    unreadable: 'Try again in a moment.',
    other: 'Check the network connection and try again.',
  }
  // A certificate or proxy failure: the request never reached the target, so nothing may have happened.
  const layer = networkLayerWording(failure.systemCode, host, target)
  // A write that may have been carried out gets no "try again": its own advice is to refresh first.
  const unsure = maybeApplied(context)
  const message = layer ? sentence(layer.what, layer.advice) : sentence(what[failure.kind], unsure, unsure ? '' : advice[failure.kind])
  const details = { networkError: failure.systemCode ?? failure.kind, request: `${context.method} ${context.path}` }
  const retryAdvice = layer || unsure ? {} : { retryAdvice: advice[failure.kind] }
  return new AppError('network', context.scrub(message), { details: scrubbedDetails(details, context.scrub), ...retryAdvice })
}

/** A 429 the client will not wait out: the wait is too long, or it already waited too often. */
export function rateLimitedError(
  response: HttpResponse,
  description: TargetErrorDescription,
  context: FailureContext,
  retryAt: Date | null,
  now: number,
): AppError {
  const when = retryAt
    ? `Try again after ${retryAt.toLocaleTimeString('en-GB')} (${describeIn(retryAt, now)}).`
    : 'Wait a minute and try again.'
  const message = sentence(`${context.targetName}'s rate limit for this kind of request is reached.`, when)
  const extraDetails: Record<string, string> = retryAt ? { retryAt: retryAt.toISOString() } : {}
  return errorFromResponse(response, { ...description, message, code: 'rate_limited' }, context, extraDetails)
}

function describeIn(at: Date, now: number): string {
  const seconds = Math.max(1, Math.round((at.getTime() - now) / 1000))
  if (seconds < 90) return `in about ${seconds} s`
  return `in about ${Math.round(seconds / 60)} minutes`
}
