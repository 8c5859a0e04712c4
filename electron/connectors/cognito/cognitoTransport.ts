import { CallsInFlight, cancelledAfterSending, linkedSignal, throwIfAborted, waitFor } from '../../http/cancellation'
import { ConcurrencyLimiter } from '../../http/ConcurrencyLimiter'
import { createNetworkAgents, type NetworkOptions } from '../../http/network/networkAgents'
import type { RequestBudget } from '../../http/RequestBudget'
import { createSharedReads } from '../../http/sharedReads'
import { backoffDelay } from '../../http/retryTiming'
import { retryReporter } from '../../http/changeProgress'
import type { RetryWaits } from '../../http/retryWaits'
import { redactedMark } from '../../logging/redact'
import type { Logger } from '../../logging/Logger'
import { AppError } from '../../errors/AppError'
import { cognitoBudgetFamily } from './cognitoBudget'
import { wireMoments } from './cognitoWireMoment'
import { cognitoEndpoint, createCognitoWire, type CognitoWire } from './cognitoWire'
import { appErrorOf, classifyFailure, isThrottled, isTransient, type CognitoFailure } from './cognitoErrors'
import type { CognitoProfileSettings } from './cognitoSettings'

/** Test seams: faster timeouts, retries and throttling waits than a real profile uses. */
export interface CognitoTuning {
  /** Per attempt. Default 30 s. */
  timeoutMs?: number
  /** Retries of idempotent calls after network failures and server faults. Default 3. */
  maxRetries?: number
  backoff?: { initialMs: number; maxMs: number }
  /** TooManyRequestsException: how many backoff waits one call may make, and how they grow. */
  throttling?: { maxWaits: number; initialMs: number; maxMs: number }
  /** Calls of this profile in flight at once. Default 4. */
  concurrency?: number
  /**
   * The profile's request budget: every attempt waits for its operation's quota category, and a
   * throttled call pauses the category. Without one, throttling is only reacted to.
   */
  budget?: RequestBudget
  /** The profile's calls waiting to be sent again: told of each wait and its end. */
  retryWaits?: RetryWaits
  /** The tests' proxy and name seams, added to the profile's own network settings. */
  network?: NetworkOptions
  /** This computer's clock, as requests are signed with it. */
  clock?: () => number
}

const defaults = {
  timeoutMs: 30_000,
  maxRetries: 3,
  backoff: { initialMs: 500, maxMs: 8_000 },
  // The SDK's own throttling base is 500 ms, capped at 20 s (cognito.md §4).
  throttling: { maxWaits: 5, initialMs: 500, maxMs: 20_000 },
  concurrency: 4,
}

export interface CallOptions {
  signal?: AbortSignal
  /** Values in this call that must never be logged or shown (a password). */
  secrets?: readonly string[]
}

export interface CognitoTransport {
  /**
   * Sends one call: `run` gets the wire and the attempt's signal. Throttling is waited out for
   * every call (a throttled request was not processed); network failures and server faults are
   * retried only for `idempotent` calls; anything else (LimitExceeded too) fails at once.
   */
  send<Output>(
    operation: string,
    idempotent: boolean,
    run: (wire: CognitoWire, abortSignal: AbortSignal) => Promise<Output>,
    options?: CallOptions,
  ): Promise<Output>
  /**
   * A read (idempotent, as `send`), shared with an identical read in flight: same operation and
   * same `input` (see http/sharedReads.ts). Each caller gets its own copy of the output.
   */
  read<Input extends object, Output>(
    operation: string,
    input: Input,
    run: (wire: CognitoWire, input: Input, abortSignal: AbortSignal) => Promise<Output>,
    options?: CallOptions,
  ): Promise<Output>
  close(): void
}

/**
 * The profile's signed calls to Cognito (cognitoWire.ts) and the policy around them: retries,
 * throttling waits, the request budget, the concurrency limit, timeouts and the log. Credentials
 * are the profile's own, never the AWS default chain, the environment or ~/.aws.
 */
export function createCognitoTransport(settings: CognitoProfileSettings, logger: Logger, profileName: string, tuning: CognitoTuning = {}): CognitoTransport {
  const timeoutMs = tuning.timeoutMs ?? defaults.timeoutMs
  const maxRetries = tuning.maxRetries ?? defaults.maxRetries
  const backoff = tuning.backoff ?? defaults.backoff
  const throttling = tuning.throttling ?? defaults.throttling
  const limiter = new ConcurrencyLimiter(tuning.concurrency ?? defaults.concurrency)
  const budget = tuning.budget
  // Each call by its own controller, which close() aborts (not a closing signal every call would listen to).
  const calls = new CallsInFlight()
  // Outputs are plain data (Dates included), so a structured clone is a faithful copy.
  const sharedReads = createSharedReads<unknown>((output) => structuredClone(output))
  const host = cognitoEndpoint(settings).host
  logger.registerSecret(settings.accessSecret)
  // The same proxy-aware, CA-trusting agents as the HTTP client's (http/network/networkAgents.ts).
  const agents = createNetworkAgents({ ...settings.network, ...tuning.network })
  const moments = wireMoments()
  const wire = createCognitoWire(settings, agents, profileName, moments.reached, tuning.clock)

  function log(operation: string, attempt: number, started: number, failure: CognitoFailure | null): void {
    const ms = Math.round(performance.now() - started)
    const outcome = failure === null ? 'ok' : failure.kind === 'service' ? failure.name : failure.kind === 'network' ? failure.systemCode : 'cancelled'
    const fields = {
      target: 'Cognito',
      profile: profileName,
      operation,
      outcome,
      status: failure === null ? 200 : failure.kind === 'service' ? failure.status : null,
      requestId: failure?.kind === 'service' ? failure.requestId : null,
      ms,
      attempt,
    }
    const message = `Cognito ${operation} → ${outcome} (${ms} ms, attempt ${attempt})`
    if (failure === null || failure.kind === 'cancelled') logger.info(message, fields)
    else logger.warn(message, fields)
  }

  /** One attempt under the concurrency limit and its own timeout; a timeout is a network failure. */
  async function attempt<Output>(
    operation: string,
    number: number,
    run: (wire: CognitoWire, abortSignal: AbortSignal) => Promise<Output>,
    signal: AbortSignal,
  ): Promise<{ output: Output } | { failure: CognitoFailure }> {
    // The budget first: a call waiting for its quota holds no concurrency slot.
    const ticket = await budget?.acquire(cognitoBudgetFamily(operation), signal)
    let release: () => void
    try {
      release = await limiter.acquire(signal)
    } catch (error: unknown) {
      ticket?.abandoned()
      throw error
    }
    const timer = new AbortController()
    const timeout = setTimeout(() => timer.abort(), timeoutMs)
    const linked = linkedSignal([signal, timer.signal])
    const started = performance.now()
    // Counted when the signed request goes to the network (cognitoWireMoment.ts); an answer says it went in any case.
    const sending = ticket ? moments.onTheWire(linked.signal, () => ticket.sending()) : () => undefined
    try {
      const output = await run(wire, linked.signal)
      sending()
      log(operation, number, started, null)
      // Cognito sends no rate headers: the answer only ends the call's count as in flight.
      ticket?.answered({})
      return { output }
    } catch (error: unknown) {
      // Lanyard's own refusal (plain http://, cognitoWire.ts): nothing was sent, so nothing to classify or retry.
      if (error instanceof AppError) throw error
      const failure: CognitoFailure =
        timer.signal.aborted && !signal.aborted ? { kind: 'network', systemCode: 'TimeoutError' } : classifyFailure(error, linked.signal)
      if (failure.kind === 'service') sending()
      log(operation, number, started, failure)
      return { failure }
    } finally {
      clearTimeout(timeout)
      linked.dispose()
      ticket?.abandoned()
      release()
    }
  }

  function closedError(): AppError {
    return new AppError('cancelled', 'This Cognito profile was closed (changed or deleted); open it again to continue.')
  }

  async function send<Output>(
    operation: string,
    idempotent: boolean,
    run: (wire: CognitoWire, abortSignal: AbortSignal) => Promise<Output>,
    options: CallOptions = {},
  ): Promise<Output> {
    if (calls.closed) throw closedError()
    throwIfAborted(options.signal)
    return calls.follow(options.signal, (signal) => sendWithRetries(operation, idempotent, run, { ...options, signal }))
  }

  /** A call with its own signal (`calls` aborts it when the profile closes), sent until it is answered or given up. */
  async function sendWithRetries<Output>(
    operation: string,
    idempotent: boolean,
    run: (wire: CognitoWire, abortSignal: AbortSignal) => Promise<Output>,
    options: CallOptions & { signal: AbortSignal },
  ): Promise<Output> {
    const secrets = [settings.accessSecret, ...(options.secrets ?? [])].filter((secret) => secret !== '')
    for (const secret of options.secrets ?? []) if (secret !== '') logger.registerSecret(secret)
    const signal = options.signal
    let retries = 0
    let waits = 0
    let resentForItsTime = false
    // A change's progress (changes.progress) and the profile's retry waits say while a call waits to be sent again.
    const retryShown = retryReporter(tuning.retryWaits)
    try {
      for (let number = 1; ; number++) {
        const outcome = await attempt(operation, number, run, signal)
        retryShown.answered()
        if ('output' in outcome) return outcome.output
        const { failure } = outcome
        // Cancelled once the call was on its way: it may have reached Cognito.
        if (failure.kind === 'cancelled') throw calls.closed ? closedError() : cancelledAfterSending()
        // Refused for a signing time since corrected (cognitoWire.ts): nothing was done, so any call goes once more, at once.
        if (failure.kind === 'service' && failure.refusedForItsTime && !resentForItsTime) {
          resentForItsTime = true
          continue
        }
        if (isThrottled(failure) && waits < throttling.maxWaits) {
          waits++
          const waitMs = backoffDelay(waits, throttling)
          retryShown.waiting({ attempt: waits, of: throttling.maxWaits, waitMs, reason: 'rate_limit' })
          logger.info(`Cognito throttled ${operation}: waiting ${waitMs} ms before sending it again`, { target: 'Cognito', profile: profileName, waitMs })
          // With a budget the whole category waits (the next calls would be throttled too), this
          // call in the budget's queue, where the UI sees it waiting.
          if (budget) budget.pause(cognitoBudgetFamily(operation), Date.now() + waitMs)
          else await waitFor(waitMs, signal)
          continue
        }
        if (isTransient(failure) && idempotent && retries < maxRetries) {
          retries++
          const waitMs = backoffDelay(retries, backoff)
          retryShown.waiting({ attempt: retries, of: maxRetries, waitMs, reason: failure.kind === 'network' ? 'network' : 'server_busy' })
          // The failed attempt may have reached Cognito: cancelled now, its outcome is not known.
          await waitFor(waitMs, signal).catch(() => {
            throw cancelledAfterSending()
          })
          continue
        }
        throw appErrorOf(failure, {
          operation,
          accessKeyId: settings.accessKeyId,
          userPoolId: settings.userPoolId,
          host,
          idempotent,
          timeoutMs,
          waits,
          scrub: scrubber(secrets),
        })
      }
    } catch (error: unknown) {
      if (calls.closed && error instanceof AppError && error.code === 'cancelled') throw closedError()
      throw error
    } finally {
      retryShown.answered()
    }
  }

  async function read<Input extends object, Output>(
    operation: string,
    input: Input,
    run: (wire: CognitoWire, input: Input, abortSignal: AbortSignal) => Promise<Output>,
    options: CallOptions = {},
  ): Promise<Output> {
    const call = (wire: CognitoWire, abortSignal: AbortSignal) => run(wire, input, abortSignal)
    // A call with secrets of its own is not only what its operation and input say: never shared.
    if ((options.secrets ?? []).some((secret) => secret !== '')) return send(operation, true, call, options)
    const key = `${operation} ${JSON.stringify(input)}`
    if (calls.closed) throw closedError()
    // The transport belongs to one profile, so the pool and the credentials are the same for every caller.
    // The shared read's controller is the call's own: aborted when every caller has left, or on close.
    const shared = (signal: AbortSignal, controller: AbortController) => calls.track(controller, () => sendWithRetries(operation, true, call, { signal }))
    return (await sharedReads.read(key, { signal: options.signal }, (signal, _listeners, controller) => shared(signal, controller))) as Output
  }

  return {
    send,
    read,
    close() {
      calls.close()
      agents.httpAgent.destroy()
      agents.httpsAgent.destroy()
      budget?.close()
    },
  }
}

function scrubber(secrets: readonly string[]): (text: string) => string {
  const ordered = [...new Set(secrets)].sort((left, right) => right.length - left.length)
  return (text) => ordered.reduce((clean, secret) => clean.split(secret).join(redactedMark), text)
}
