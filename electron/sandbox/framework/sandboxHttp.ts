import type { IncomingHttpHeaders } from 'node:http'
import type { FaultKind } from '../types'

/** One request as a tenant sees it: read in full before the tenant is asked. */
export interface SandboxRequest {
  method: string
  /** The path as sent, without the query. */
  path: string
  query: URLSearchParams
  /**
   * The query as sent, still encoded and without the `?`. For targets that read a `+` differently
   * from `%20` (GoTo rejects `+` in a filter, where `URLSearchParams` would decode it to a space).
   */
  rawQuery?: string
  headers: IncomingHttpHeaders
  /** The body as text; empty when none was sent (or when it was too large). */
  bodyText: string
  /** The body went past the server's size limit; the rest was discarded unread. */
  bodyTooLarge: boolean
}

/** A tenant's answer. `body` is sent as JSON; when absent nothing is sent (e.g. 204). */
export interface SandboxAnswer {
  status: number
  headers?: Record<string, string | string[]>
  body?: unknown
}

/**
 * Faults the target answers in its own words instead of serving the request (as opposed to
 * `reset` and `timeout`, which are never answered, and the lost answers, which the framework
 * makes after the target served the request: `lost_answer_5xx` is answered as `server_error`).
 */
export type AnsweredFaultKind = Exclude<FaultKind, 'reset' | 'timeout' | 'lost_answer' | 'lost_answer_5xx'>

/** What a tenant gives the framework's server. */
export interface SandboxTarget {
  handle(request: SandboxRequest): SandboxAnswer | Promise<SandboxAnswer>
  /** The target's own answer for a fault (its 429 headers and body, its 5xx body). */
  answerFault(kind: AnsweredFaultKind, request: SandboxRequest): SandboxAnswer
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; reason: 'invalid_json' | 'too_large' }

/** The request's JSON body; an empty body reads as `undefined` (bodyless POSTs are normal). */
export function readJsonBody(request: SandboxRequest): JsonBody {
  if (request.bodyTooLarge) return { ok: false, reason: 'too_large' }
  if (request.bodyText.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(request.bodyText) as unknown }
  } catch {
    return { ok: false, reason: 'invalid_json' }
  }
}
