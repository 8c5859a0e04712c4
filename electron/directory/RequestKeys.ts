import { AppError } from '../errors/AppError'

/**
 * Reads that a newer one replaces. The renderer gives each table a request key; a new request
 * under the same key aborts the one still running (the previous keystroke's search), whose caller
 * then gets `cancelled` and drops the answer.
 */
export class RequestKeys {
  private readonly running = new Map<string, AbortController>()

  async run<T>(requestKey: string | undefined, read: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    if (requestKey !== undefined) {
      this.running.get(requestKey)?.abort()
      this.running.set(requestKey, controller)
    }
    try {
      const value = await read(controller.signal)
      // An adapter that ignored the signal still must not deliver a superseded answer.
      if (controller.signal.aborted) throw cancelled()
      return value
    } catch (error) {
      if (controller.signal.aborted && !(error instanceof AppError && error.code === 'cancelled')) throw cancelled(error)
      throw error
    } finally {
      if (requestKey !== undefined && this.running.get(requestKey) === controller) this.running.delete(requestKey)
    }
  }

  /** Aborts the read running under this key, if any. */
  cancel(requestKey: string): void {
    this.running.get(requestKey)?.abort()
    this.running.delete(requestKey)
  }
}

function cancelled(cause?: unknown): AppError {
  return new AppError('cancelled', 'This request was replaced by a newer one or cancelled.', { cause })
}
