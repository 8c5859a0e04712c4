import type { Readable } from 'node:stream'
import type { AxiosInstance } from 'axios'
import { cancelledAfterSending, cancelledError } from './cancellation'
import { bodyText } from './network/nodeRequest'
import type { HttpRequest, HttpResponse } from './types'

export type NetworkFailureKind = 'timeout' | 'reset' | 'refused' | 'unresolved' | 'unreadable' | 'other'

/** Why no answer came. Only a kind and the system error code: never the library's error object. */
export interface NetworkFailure {
  kind: NetworkFailureKind
  systemCode: string | null
}

export type AttemptOutcome = { response: HttpResponse } | { failure: NetworkFailure }

export interface Attempt {
  url: URL
  request: HttpRequest
  headers: Record<string, string>
  timeoutMs: number
  /** Parses JSON answers; `JSON.parse` when absent (see HttpClientOptions.parseJson). */
  parseJson?: (text: string) => unknown
}

const failureKinds: Readonly<Record<string, NetworkFailureKind>> = {
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  ERR_SOCKET_CONNECTION_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'refused',
  ENETUNREACH: 'refused',
  ENOTFOUND: 'unresolved',
  EAI_AGAIN: 'unresolved',
}

/**
 * Sends one attempt. The timeout and the caller's signal share one AbortController so either stops
 * the socket, body included; which one fired decides between `cancelled` (thrown) and a timeout
 * (returned). axios errors carry the request config and its Authorization header, so nothing of
 * them is kept but the system error code. The body is read as a stream so `onHeaders` can run
 * as soon as the headers are in, and parsed here: JSON when it is JSON, the text otherwise.
 */
export async function sendAttempt(axios: AxiosInstance, attempt: Attempt): Promise<AttemptOutcome> {
  const { request } = attempt
  // The signal (the caller's, or the client closing) may have fired while the headers were made.
  if (request.signal?.aborted) throw cancelledError()
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, attempt.timeoutMs)
  const abort = () => controller.abort()
  request.signal?.addEventListener('abort', abort, { once: true })
  try {
    const answer = await axios.request<Readable>({
      method: request.method,
      url: attempt.url.toString(),
      headers: attempt.headers,
      data: request.form ? new URLSearchParams(request.form).toString() : request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
      responseType: 'stream',
    })
    const headers = plainHeaders(answer.headers)
    if (answer.status >= 200 && answer.status < 300) request.onHeaders?.(headers)
    const data = parseBody(await bodyText(answer.data), attempt.parseJson ?? JSON.parse)
    return { response: { status: answer.status, data, headers } }
  } catch (error: unknown) {
    // On its way: the target may have acted on it.
    if (request.signal?.aborted) throw cancelledAfterSending()
    if (timedOut) return { failure: { kind: 'timeout', systemCode: null } }
    const systemCode = readCode(error)
    return { failure: { kind: failureKind(systemCode), systemCode } }
  } finally {
    clearTimeout(timer)
    request.signal?.removeEventListener('abort', abort)
  }
}

/** As axios would have it: JSON when the body parses, the text itself otherwise, '' when empty. */
function parseBody(text: string, parseJson: (text: string) => unknown): unknown {
  if (text.trim() === '') return text
  try {
    return parseJson(text)
  } catch {
    return text
  }
}

/** zlib's codes (Z_DATA_ERROR; brotli's ERR__…) say the answer came but its compressed body was corrupt. */
function failureKind(systemCode: string | null): NetworkFailureKind {
  if (systemCode === null) return 'other'
  if (/^(Z_|ERR__|ERR_BROTLI)/.test(systemCode)) return 'unreadable'
  return failureKinds[systemCode] ?? 'other'
}

function readCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null
  const code = (error as { code: unknown }).code
  return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : null
}

function plainHeaders(headers: unknown): Record<string, string> {
  const plain: Record<string, string> = {}
  if (typeof headers !== 'object' || headers === null) return plain
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') plain[name.toLowerCase()] = value
    else if (typeof value === 'number') plain[name.toLowerCase()] = String(value)
    else if (Array.isArray(value)) plain[name.toLowerCase()] = value.map(String).join(', ')
  }
  return plain
}
