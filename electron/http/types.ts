import type { ErrorCode } from '../../shared/errors'
import type { Environment } from '../../shared/profiles'
import type { Logger } from '../logging/Logger'
import type { NetworkOptions } from './network/networkAgents'
import type { RequestBudget } from './RequestBudget'
import type { RetryWaits } from './retryWaits'

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type QueryValue = string | number | boolean | null | undefined

export interface HttpRequest {
  method: HttpMethod
  /** A path under the base URL (`/api/v1/users`), or an absolute URL on the base URL's origin. */
  path: string
  query?: Readonly<Record<string, QueryValue>>
  /** Sent as JSON. A POST or PUT without one is sent with `Content-Length: 0` (Okta answers 411 otherwise). */
  body?: unknown
  /** Sent as `application/x-www-form-urlencoded` instead of a JSON body (OAuth token requests). */
  form?: Readonly<Record<string, string>>
  /** Cancels the request, also while it waits for a retry or a rate-limit reset. */
  signal?: AbortSignal
  /**
   * Marks a POST/PUT/DELETE as safe to send twice (a membership PUT). GET and HEAD always are;
   * anything else is never retried after it may have reached the target.
   */
  idempotent?: boolean
  /**
   * Values sent in this request that must never be logged or shown (a new user's password):
   * registered with the logger and masked in every error message.
   */
  secrets?: readonly string[]
  /**
   * Called once a 2xx answer's headers have arrived, before its body is read and parsed: a list
   * can ask for its next page (the cursor is in a `Link` header) while this one is still on its
   * way. Not called for failures. It may be called again for the same request: when a body is cut
   * off after its headers, the request is retried and its answer's headers are handed over again.
   */
  onHeaders?: (headers: Readonly<Record<string, string>>) => void
}

/** A received answer. Header names are lower case; repeated headers are joined with ", ". */
export interface HttpResponse {
  status: number
  data: unknown
  headers: Readonly<Record<string, string>>
}

/**
 * What the target itself said about a failure, pulled out of its error body by the adapter.
 * `code` and `message` override the status-based defaults when the target's own code says more
 * (Okta answers 400 for a duplicate login: that is a `conflict` for the person).
 */
export interface TargetErrorDescription {
  targetCode?: string
  summary?: string
  causes?: readonly string[]
  requestId?: string
  code?: ErrorCode
  message?: string
  /**
   * The fields the target says it refused, by the target's own attribute names (Okta's
   * `profile.title`, Coupa's `employee-number`, GoTo's `firstName`) → the message for that field.
   * The directory service turns them into the form's paths (`electron/directory/targetFields.ts`).
   */
  fields?: Record<string, string>
}

export interface HttpClientOptions {
  /** The target's name in messages: "Okta did not answer within 30 s". */
  targetName: string
  /** The profile's target URL; request paths are resolved against it. */
  baseUrl: string
  /**
   * The profile's environment, which decides whether its credentials may go over http://: never
   * for `real`, only to this computer for `sandbox`. Nothing is sent (or authenticated) otherwise.
   */
  environment: Environment
  /** Headers that authenticate one request, asked for every attempt so a token can be refreshed. */
  authenticate: () => Record<string, string> | Promise<Record<string, string>>
  /** The profile's secret values: registered with the logger and masked in every error. */
  secrets: readonly string[]
  logger: Logger
  /** Logged with every request line so a support engineer can tell profiles apart. */
  profileName?: string
  /** Per attempt. Default 30 s. */
  timeoutMs?: number
  /** Retries of idempotent requests after network errors, timeouts and 500/502/503/504. Default 3. */
  maxRetries?: number
  /** Exponential backoff: the first retry waits about `initialMs`, never more than `maxMs`. */
  backoff?: { initialMs: number; maxMs: number }
  /** 429 handling: longest single wait and how many waits one request may make. Default 60 s, 5. */
  rateLimit?: { maxWaitMs: number; maxWaits: number }
  /** Requests of this profile in flight at once. Default 4. */
  concurrency?: number
  /**
   * The profile's request budget (shared with the profile's other clients): every attempt waits for
   * it before it is sent, and a 429 pauses the request's family in it. Without one, rate limits are
   * only reacted to.
   */
  budget?: RequestBudget
  /** The profile's requests waiting to be sent again (shared with its other clients): told of each wait and its end. */
  retryWaits?: RetryWaits
  /** The budget family of a request (Okta's rate-limit bucket); one family for the whole target when absent. */
  budgetFamily?: (method: HttpMethod, path: string) => string
  /** How long a 429 asks to wait, in ms, from the target's headers; null when it does not say. */
  retryAfter?: (response: HttpResponse) => number | null
  describeError?: (response: HttpResponse) => TargetErrorDescription
  /**
   * Parses a JSON answer's text; `JSON.parse` when absent. For targets whose integers do not fit a
   * double (GoTo's keys are beyond 2^53, which `JSON.parse` silently rounds).
   */
  parseJson?: (text: string) => unknown
  /** The profile's extra CA and, for tests, the proxy settings; the system's proxy and CAs otherwise. */
  network?: NetworkOptions
  /** For tests: the clock used to say when a rate-limited request may be tried again. */
  now?: () => number
}

export interface HttpClient {
  /** Resolves with a 2xx answer; anything else is thrown as an `AppError` with a shared code. */
  request(request: HttpRequest): Promise<HttpResponse>
  /** Aborts requests in flight, refuses new ones and closes kept-alive sockets. */
  close(): void
}
