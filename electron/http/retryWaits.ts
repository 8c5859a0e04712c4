import type { ChangeRetry } from '../../shared/changeProgress'

/** What a profile's requests waiting to be sent again amount to: how many, and the wait that began last. */
export interface RetryWaitsState {
  waiting: number
  retry: ChangeRetry | null
}

/**
 * A profile's requests that wait to be sent again (a busy answer's backoff, a 429's wait, no
 * answer at all), whatever asked for them: a list's page, a search, a panel's read. A change says
 * its own retries in its progress; a read has no such scope, so without this the list it loads
 * would say only "Loading…" through a wait of up to a minute. One per profile, shared by its
 * clients like its request budget; `onChange` hears every start and end.
 */
export class RetryWaits {
  private readonly waits = new Map<number, ChangeRetry>()
  private nextId = 0

  constructor(private readonly onChange: (state: RetryWaitsState) => void) {}

  /** One request starts waiting; the function returned says it no longer does (answered, given up or cancelled). */
  begin(retry: ChangeRetry): () => void {
    const id = this.nextId++
    this.waits.set(id, retry)
    this.publish()
    return () => {
      if (this.waits.delete(id)) this.publish()
    }
  }

  private publish(): void {
    let latest: ChangeRetry | null = null
    for (const retry of this.waits.values()) latest = retry
    this.onChange({ waiting: this.waits.size, retry: latest })
  }
}
