import { AppError } from '../errors/AppError'

/**
 * Cancellation is a normal outcome (a newer search replaced this one), not a failure: it is thrown
 * as `cancelled`, which the renderer drops silently. The words guess no reason: the same abort is a
 * replaced search, a technician's Cancel job or a closing profile, and a job's words say which.
 */
export function cancelledError(): AppError {
  return new AppError('cancelled', 'The request was cancelled before it was sent.')
}

/**
 * A read whose caller stopped waiting while it was out (a shared read goes on for the others):
 * reads change nothing, so nothing is uncertain.
 */
export function cancelledWhileReading(): AppError {
  return new AppError('cancelled', 'The read was cancelled before its answer came; nothing was changed.')
}

/**
 * A request cancelled after it went out (in flight, or waiting to be sent again after no answer):
 * whether the target acted on it is not known. A write's journal entry then stays pending and is
 * settled against the target, never called failed (`details.sent`, see `wasSentBeforeCancel`).
 */
export function cancelledAfterSending(): AppError {
  return new AppError('cancelled', 'The request was cancelled after it was sent, before its answer came.', {
    details: { sent: 'true' },
  })
}

export function wasSentBeforeCancel(error: unknown): boolean {
  return error instanceof AppError && error.code === 'cancelled' && error.extra.details?.sent === 'true'
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError()
}

/** Waits `ms`, or rejects with `cancelled` as soon as the signal aborts. */
export function waitFor(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError())
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(cancelledError())
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * One signal that aborts as soon as any of `signals` does (the caller's, the client's closing).
 * `dispose` removes its listeners: the client's closing signal lives as long as the profile, so
 * every request must let go of it when it ends.
 */
export function linkedSignal(signals: readonly (AbortSignal | undefined)[]): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const sources = signals.filter((signal): signal is AbortSignal => signal !== undefined)
  const abort = () => controller.abort()
  for (const source of sources) {
    if (source.aborted) controller.abort()
    else source.addEventListener('abort', abort, { once: true })
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const source of sources) source.removeEventListener('abort', abort)
    },
  }
}

/**
 * The calls in flight of an owner that outlives each (a profile's HTTP client and Cognito transport,
 * a job run), each by its own controller, so `close` aborts each. Not one closing signal every call
 * listens to: that signal would carry a listener per call in flight or queued, and Node warns past
 * 10 (the MaxListenersExceededWarning the budget and offboarding benches met).
 */
export class CallsInFlight {
  private readonly controllers = new Set<{ abort(): void }>()
  private isClosed = false

  get closed(): boolean {
    return this.isClosed
  }

  /**
   * Runs `call` with a controller of its own that follows the caller's signal (one listener,
   * removed when the call ends) and that `close` aborts.
   */
  async follow<T>(caller: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    const abort = () => controller.abort()
    // An aborted signal fires no more: a caller that already gave up gets a call that starts aborted.
    if (caller?.aborted) controller.abort()
    else caller?.addEventListener('abort', abort, { once: true })
    try {
      return await this.track(controller, () => call(controller.signal))
    } finally {
      caller?.removeEventListener('abort', abort)
    }
  }

  /** Runs `call` under a controller it already has (a shared read's own), which `close` aborts too. */
  async track<T>(controller: { abort(): void }, call: () => Promise<T>): Promise<T> {
    if (this.isClosed) controller.abort()
    this.controllers.add(controller)
    try {
      return await call()
    } finally {
      this.controllers.delete(controller)
    }
  }

  close(): void {
    this.isClosed = true
    for (const controller of [...this.controllers]) controller.abort()
  }
}
