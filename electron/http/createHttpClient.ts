import axios from 'axios'
import { redactedMark } from '../logging/redact'
import { AppError } from '../errors/AppError'
import { CallsInFlight, cancelledAfterSending, throwIfAborted, waitFor } from './cancellation'
import { retryReporter, type RetryReporter } from './changeProgress'
import { ConcurrencyLimiter } from './ConcurrencyLimiter'
import { errorFromFailure, errorFromResponse, rateLimitedError, type FailureContext } from './httpErrors'
import { createNetworkAgents } from './network/networkAgents'
import { nodeTransport } from './network/nodeTransport'
import { isPermanentNetworkFailure } from './network/networkFailureWording'
import { loggablePath, refusePlainHttp, requestUrl } from './requestUrl'
import { backoffDelay, isIdempotent, isRetryableStatus, retryAfterHeader } from './retryTiming'
import { sendAttempt, type AttemptOutcome } from './sendAttempt'
import { createSharedReads } from './sharedReads'
import type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse, TargetErrorDescription } from './types'

const defaults = {
  timeoutMs: 30_000,
  maxRetries: 3,
  backoff: { initialMs: 500, maxMs: 8_000 },
  rateLimit: { maxWaitMs: 60_000, maxWaits: 5 },
  concurrency: 4,
}

/** When a 429 does not say how long to wait: grow from 1 s like a backoff. */
const unannouncedRateLimitWait = { initialMs: 1_000, maxMs: 30_000 }

const bodilessWrites = new Set(['POST', 'PUT', 'PATCH'])

/**
 * The one HTTP client of a connector profile (Okta, Coupa, GoTo; Cognito signs its own calls, cognitoWire.ts).
 * Every request gets the profile's authentication, a timeout, the profile's concurrency limit,
 * retries for idempotent requests, waits for rate-limit resets, cancellation, one log line per
 * attempt, and an `AppError` with a shared code and a help-desk message when it fails. Identical
 * reads in flight at once share one request (sharedReads.ts).
 *
 * Invariant: no axios error, config or header object leaves this folder: they carry the
 * Authorization header. Errors are built from the status, the adapter's description of the body
 * and the system error code only, and every text is scrubbed of the profile's secrets.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const target = options.targetName
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs
  const maxRetries = options.maxRetries ?? defaults.maxRetries
  const backoff = options.backoff ?? defaults.backoff
  const rateLimit = options.rateLimit ?? defaults.rateLimit
  const now = options.now ?? Date.now
  // Parsed once, on the first request (which fails as before if it cannot be): every URL is built on it.
  let parsedBaseUrl: URL | undefined
  const logger = options.logger
  for (const secret of options.secrets) if (secret) logger.registerSecret(secret)

  // The system proxy (CONNECT tunnels for https) and the profile's CAs (network/networkAgents.ts).
  const agents = createNetworkAgents(options.network)
  const instance = axios.create({
    // Node's http and https through those agents: never axios's own proxy support (it reads
    // HTTPS_PROXY itself and sends https requests to the proxy in clear), and no redirect followed
    // (one could carry the credentials to another host, or to http://). See nodeTransport.ts.
    adapter: nodeTransport(agents),
    // Every status comes back as an answer, so no axios error is made for an HTTP failure.
    validateStatus: () => true,
    timeout: 0,
  })
  const limiter = new ConcurrencyLimiter(options.concurrency ?? defaults.concurrency)
  const budget = options.budget
  const budgetFamily = options.budgetFamily ?? (() => 'all')
  // Every request in flight, by its own controller: close() aborts each (not a closing signal every request would listen to).
  const inFlight = new CallsInFlight()
  const sharedReads = createSharedReads<HttpResponse, NonNullable<HttpRequest['onHeaders']>>(copyOfResponse)

  function describe(response: HttpResponse): TargetErrorDescription {
    try {
      return options.describeError?.(response) ?? {}
    } catch {
      return {}
    }
  }

  function log(request: HttpRequest, path: string, attempt: number, started: number, outcome: AttemptOutcome | 'cancelled'): void {
    const ms = Math.round(performance.now() - started)
    const status = outcome !== 'cancelled' && 'response' in outcome ? outcome.response.status : null
    const failure = outcome === 'cancelled' ? 'cancelled' : 'failure' in outcome ? outcome.failure.kind : null
    const fields = { target, profile: options.profileName, method: request.method, path, status, ms, attempt, failure }
    const message = `${request.method} ${path} → ${status ?? failure} (${ms} ms, attempt ${attempt})`
    if (status !== null && status < 400) logger.info(message, fields)
    else if (failure === 'cancelled') logger.info(message, fields)
    else logger.warn(message, fields)
  }

  /**
   * The credentials an attempt carried (a refreshed OAuth token is not among the profile's
   * secrets): registered with the logger and added to the request's scrub list.
   */
  function rememberCredentials(headers: Record<string, string>, sent: Set<string>): void {
    for (const value of Object.values(headers)) {
      const credential = value.replace(/^(Bearer|Basic|SSWS)\s+/i, '')
      if (credential === '' || sent.has(credential)) continue
      sent.add(credential)
      logger.registerSecret(credential)
    }
  }

  /** `path` is the URL's loggable path, made once per request (a Coupa list's `fields` alone is 1.7 kB of query). */
  async function attemptOnce(request: HttpRequest, url: URL, path: string, attempt: number, sent: Set<string>): Promise<AttemptOutcome> {
    // The budget first: a request waiting for its rate-limit window holds no concurrency slot.
    const ticket = await budget?.acquire(budgetFamily(request.method, url.pathname), request.signal)
    let release: () => void
    try {
      release = await limiter.acquire(request.signal)
    } catch (error: unknown) {
      ticket?.abandoned()
      throw error
    }
    try {
      // Before the attempt starts: a sign-in that fails (GoTo's token) reports and logs itself, and
      // this request, never sent, is not logged as an attempt, let alone as a cancelled one.
      const credentials = await options.authenticate()
      rememberCredentials(credentials, sent)
      const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'Lanyard', ...credentials }
      if (request.form !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded'
      else if (request.body !== undefined) headers['Content-Type'] = 'application/json'
      else if (bodilessWrites.has(request.method)) headers['Content-Length'] = '0'
      const started = performance.now()
      ticket?.sending()
      try {
        const outcome = await sendAttempt(instance, { url, request, headers, timeoutMs, parseJson: options.parseJson })
        log(request, path, attempt, started, outcome)
        if ('response' in outcome) ticket?.answered(outcome.response.headers)
        return outcome
      } catch (error: unknown) {
        // sendAttempt throws only when the request was cancelled.
        log(request, path, attempt, started, 'cancelled')
        throw error
      }
    } finally {
      // Once answered this does nothing; otherwise (no answer, cancelled, sign-in failed) it returns the count.
      ticket?.abandoned()
      release()
    }
  }

  function closedError(details?: Record<string, string>): AppError {
    return new AppError('cancelled', `This ${target} profile was closed (changed or deleted); open it again to continue.`, details && { details })
  }

  /**
   * A read identical to one in flight joins it (see sharedReads.ts): one request on the wire and
   * one budget ticket, its answer's headers announced to every caller still waiting.
   */
  async function request(request: HttpRequest): Promise<HttpResponse> {
    if (inFlight.closed) throw closedError()
    throwIfAborted(request.signal)
    // Made once per request: the shared read's key and every attempt use the same URL.
    const url = requestUrl((parsedBaseUrl ??= new URL(options.baseUrl)), request, target)
    if (!isShareableRead(request)) return sendOwn(request, url)
    const key = `${request.method} ${url.href}`
    // The shared read's controller is the request's own: aborted when every caller has left, or on close.
    return sharedReads.read(key, { signal: request.signal, listener: request.onHeaders }, (signal, listeners, controller) =>
      inFlight.track(controller, () =>
        send(
          {
            ...request,
            signal,
            onHeaders: (headers) => {
              for (const listener of listeners()) listener(headers)
            },
          },
          url,
        ),
      ),
    )
  }

  /** A request no other shares: its own controller follows the caller's signal (one listener, removed at the end). */
  function sendOwn(request: HttpRequest, url: URL): Promise<HttpResponse> {
    return inFlight.follow(request.signal, (signal) => send({ ...request, signal }, url))
  }

  /**
   * `request.signal` is the request's own, which close() aborts too (`inFlight`), so a closed profile
   * sends nothing more: not from the concurrency queue, nor after a retry or rate-limit wait.
   */
  async function send(request: HttpRequest, url: URL): Promise<HttpResponse> {
    // A change's progress (changes.progress) and the profile's retry waits say while the request
    // waits to be sent again, and stop once it is, or once it ends however it ends.
    const retryShown = retryReporter(options.retryWaits)
    try {
      return await sendWithRetries(request, url, retryShown)
    } catch (error: unknown) {
      if (inFlight.closed && error instanceof AppError && error.code === 'cancelled') throw closedError(error.extra.details)
      throw error
    } finally {
      retryShown.answered()
    }
  }

  /** Waits before sending again a request that went out: cancelled there, it may have taken effect. */
  async function waitToResend(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await waitFor(ms, signal)
    } catch {
      throw cancelledAfterSending()
    }
  }

  /** Attempts, retries and rate-limit waits of one request (to `url`, its requestUrl); `request.signal` already covers closing. */
  async function sendWithRetries(request: HttpRequest, url: URL, retryShown: RetryReporter): Promise<HttpResponse> {
    const requestSecrets = (request.secrets ?? []).filter((secret) => secret !== '')
    const sentCredentials = new Set<string>()
    for (const secret of requestSecrets) logger.registerSecret(secret)
    // Before any attempt, so before `authenticate`: not even a sign-in happens for a refused address.
    refusePlainHttp(url, options.environment, target, options.profileName)
    const idempotent = isIdempotent(request)
    const path = loggablePath(url)
    const context: FailureContext = {
      targetName: target,
      method: request.method,
      path,
      idempotent,
      timeoutMs,
      // Read at scrub time: the credentials grow as attempts get (refreshed) authentication.
      scrub: (text) => scrubber([...options.secrets, ...requestSecrets, ...sentCredentials])(text),
    }
    let retries = 0
    let rateLimitWaits = 0
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptOnce(request, url, path, attempt, sentCredentials)
      retryShown.answered()
      if ('failure' in outcome) {
        const hopeless = isPermanentNetworkFailure(outcome.failure.systemCode)
        if (!idempotent || retries >= maxRetries || hopeless) throw errorFromFailure(outcome.failure, context, url.host)
        retries++
        const waitMs = backoffDelay(retries, backoff)
        retryShown.waiting({ attempt: retries, of: maxRetries, waitMs, reason: 'network' })
        await waitToResend(waitMs, request.signal)
        continue
      }
      const { response } = outcome
      if (response.status >= 200 && response.status < 300) return response
      if (response.status === 429) {
        // A 429 was not processed, so waiting it out is safe for every method.
        const waitMs = Math.max(0, options.retryAfter?.(response) ?? retryAfterHeader(response, now()) ?? backoffDelay(rateLimitWaits + 1, unannouncedRateLimitWait))
        if (rateLimitWaits >= rateLimit.maxWaits || waitMs > rateLimit.maxWaitMs) {
          throw rateLimitedError(response, describe(response), context, new Date(now() + waitMs), now())
        }
        rateLimitWaits++
        retryShown.waiting({ attempt: rateLimitWaits, of: rateLimit.maxWaits, waitMs: Math.round(waitMs), reason: 'rate_limit' })
        logger.info(`${target} rate limit reached: waiting ${waitMs} ms before sending ${request.method} ${context.path} again`, {
          target,
          profile: options.profileName,
          waitMs,
        })
        // With a budget the whole family waits, not only this request (the next ones would get the
        // same 429), and this one waits in the budget's queue, where the UI sees it waiting.
        if (budget) budget.pause(budgetFamily(request.method, url.pathname), now() + waitMs)
        else await waitFor(waitMs, request.signal)
        continue
      }
      if (isRetryableStatus(response.status) && idempotent && retries < maxRetries) {
        retries++
        const waitMs = backoffDelay(retries, backoff)
        retryShown.waiting({ attempt: retries, of: maxRetries, waitMs, reason: 'server_busy' })
        await waitToResend(waitMs, request.signal)
        continue
      }
      throw errorFromResponse(response, describe(response), context)
    }
  }

  return {
    request,
    close() {
      inFlight.close()
      agents.httpAgent.destroy()
      agents.httpsAgent.destroy()
    },
  }
}

/**
 * A GET or HEAD without a body, form or secrets of its own: what the method and full URL say is all
 * there is to it, so two such reads at once may share one request. Writes never are.
 */
function isShareableRead(request: HttpRequest): boolean {
  const read = request.method === 'GET' || request.method === 'HEAD'
  return read && request.body === undefined && request.form === undefined && !(request.secrets ?? []).some((secret) => secret !== '')
}

/** A caller's own copy of a shared answer: adapters may change the data they are given. */
function copyOfResponse(response: HttpResponse): HttpResponse {
  return { status: response.status, headers: { ...response.headers }, data: structuredClone(response.data) }
}

function scrubber(secrets: readonly string[]): (text: string) => string {
  const ordered = [...new Set(secrets.filter((secret) => secret !== ''))].sort((a, b) => b.length - a.length)
  return (text) => ordered.reduce((clean, secret) => clean.split(secret).join(redactedMark), text)
}
