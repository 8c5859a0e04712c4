import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Who counts the requests sent on behalf of some work (a bulk job's change): every request of a
 * profile takes a budget ticket first, and the ticket tells the tally in force where it was asked
 * for when it goes on the wire, with its family. So a job measures what it sent (a GoTo deprovision's 2 to 5
 * requests, retries and all) instead of guessing from its changes. Outside a tally nothing counts;
 * a read shared by callers in flight (sharedReads.ts) is one request, counted by the one who sent it.
 */
export type RequestTally = (sent: SentRequest) => void

/**
 * A request as it goes out: its budget family and the limit in force for that family (the target's reported
 * limit, else its documented quota), so a job's rate can be read against each family's own limit; the quota is
 * null for a family the target does not limit.
 */
export interface SentRequest {
  family: string
  quota: { limit: number; windowMs: number } | null
}

const current = new AsyncLocalStorage<RequestTally>()

export function withRequestTally<T>(tally: RequestTally, run: () => Promise<T>): Promise<T> {
  return current.run(tally, run)
}

/** The tally of the work asking for a ticket now, to be told once its request is sent. */
export function requestTallyHere(): RequestTally | undefined {
  return current.getStore()
}
