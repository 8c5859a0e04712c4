import type { HttpMethod, HttpRequest, HttpResponse } from './types'

/** Answers that mean "the target did not process it, try again later" for an idempotent request. */
const retryableStatuses = new Set([500, 502, 503, 504])

export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status)
}

const safeMethods: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD'])

/**
 * Only requests that are harmless to send twice are retried after a failure: a POST that timed
 * out may have created the user already, so repeating it could create a second one.
 */
export function isIdempotent(request: HttpRequest): boolean {
  return safeMethods.has(request.method) || request.idempotent === true
}

/**
 * Exponential backoff with jitter: retry n waits between half and all of initial·2^(n-1), capped.
 * The jitter keeps several clients that failed together from retrying together.
 */
export function backoffDelay(retry: number, backoff: { initialMs: number; maxMs: number }, random = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (retry - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/**
 * The generic `Retry-After` header: seconds, or an HTTP date. Null when absent or unreadable,
 * so the caller falls back to its own wait.
 */
export function retryAfterHeader(response: HttpResponse, now: number = Date.now()): number | null {
  const value = response.headers['retry-after']?.trim()
  if (!value) return null
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}
