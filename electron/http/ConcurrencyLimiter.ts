import { cancelledError } from './cancellation'

interface Waiter {
  grant: () => void
  signal: AbortSignal | undefined
  onAbort: () => void
}

/**
 * At most `limit` holders at once; the others wait in arrival order. A waiter whose signal aborts
 * leaves the queue at once (a superseded search does not hold up the next one).
 */
export class ConcurrencyLimiter {
  private active = 0
  private readonly queue: Waiter[] = []

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`A concurrency limit must be a whole number ≥ 1, got ${limit}`)
  }

  /** Resolves with a release function once a slot is free; call it exactly once. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(cancelledError())
    if (this.active < this.limit) {
      this.active++
      return Promise.resolve(this.releaser())
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        grant: () => {
          signal?.removeEventListener('abort', waiter.onAbort)
          resolve(this.releaser())
        },
        onAbort: () => {
          const index = this.queue.indexOf(waiter)
          if (index >= 0) this.queue.splice(index, 1)
          reject(cancelledError())
        },
      }
      signal?.addEventListener('abort', waiter.onAbort, { once: true })
      this.queue.push(waiter)
    })
  }

  get inFlight(): number {
    return this.active
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.queue.shift()
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next.grant()
      else this.active--
    }
  }
}
