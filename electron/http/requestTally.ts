import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Who counts the requests sent on behalf of some work (a bulk job's change): every request of a
 * profile takes a budget ticket first, and the ticket tells the tally in force where it was asked
 * for when it goes on the wire. So a job measures what it sent (a GoTo deprovision's 2 to 5
 * requests, retries and all) instead of guessing from its changes. Outside a tally nothing counts;
 * a read shared by callers in flight (sharedReads.ts) is one request, counted by the one who sent it.
 */
export type RequestTally = () => void

const current = new AsyncLocalStorage<RequestTally>()

export function withRequestTally<T>(tally: RequestTally, run: () => Promise<T>): Promise<T> {
  return current.run(tally, run)
}

/** The tally of the work asking for a ticket now, to be told once its request is sent. */
export function requestTallyHere(): RequestTally | undefined {
  return current.getStore()
}
