import { AsyncLocalStorage } from 'node:async_hooks'
import type { ChangeRetry, ProgressStepStatus } from '../../shared/changeProgress'
import type { RetryWaits } from './retryWaits'

/**
 * Where a running change's progress goes. `recordChange` opens one scope per change (it knows the
 * entry id), and what runs inside it reports into it without being handed anything: `runSteps` the
 * step that starts and ends, the HTTP client a retry it waits for. Outside a change (a search, a
 * read) there is no scope and reporting does nothing.
 */
export interface ChangeProgressSink {
  steps(steps: { name: string; status: ProgressStepStatus }[]): void
  retry(retry: ChangeRetry | null): void
}

const current = new AsyncLocalStorage<ChangeProgressSink>()

export function withChangeProgress<T>(sink: ChangeProgressSink, run: () => Promise<T>): Promise<T> {
  return current.run(sink, run)
}

/** The change's steps as they stand now (the whole list each time: an event is read on its own). */
export function reportSteps(steps: { name: string; status: ProgressStepStatus }[]): void {
  current.getStore()?.steps(steps.map(({ name, status }) => ({ name, status })))
}

/** A request of the change waits `waitMs` before it is sent again; null once it has been. */
export function reportRetry(retry: ChangeRetry | null): void {
  current.getStore()?.retry(retry)
}

/**
 * One request's retries, for its send loop (the HTTP client's, the Cognito transport's): `waiting`
 * before each wait, `answered` once the next attempt has an outcome and once the request ends
 * however it ends, which clears the line only if this request put one there. The profile's
 * `waits` hear of every wait, a change's or not (what a list loading through one shows).
 */
export interface RetryReporter {
  waiting: (retry: ChangeRetry) => void
  answered: () => void
}

export function retryReporter(waits?: RetryWaits): RetryReporter {
  let shown = false
  let endWait: (() => void) | undefined
  return {
    waiting(retry) {
      shown = true
      reportRetry(retry)
      endWait?.()
      endWait = waits?.begin(retry)
    },
    answered() {
      endWait?.()
      endWait = undefined
      if (!shown) return
      shown = false
      reportRetry(null)
    },
  }
}
