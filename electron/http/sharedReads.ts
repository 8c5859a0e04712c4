import { cancelledError, cancelledWhileReading } from './cancellation'

/**
 * Identical reads in flight at the same time, sent once. Coupa keeps a user's four membership
 * lists in the user record, so the panel and its lists ask for the same `GET /api/users/{id}` five
 * times at once; a refresh after a change does the same. Each asker (a "caller") gets the one
 * answer, a copy of it when the read was shared (callers may change what they get), or the one
 * failure. A caller's abort detaches that caller only; the read itself is aborted once every
 * caller has aborted. Nothing is kept after the answer: a read that starts later is sent again
 * (this is coalescing, not caching, so it never shows anything older than the read it joined).
 *
 * The key must hold everything that makes two reads the same (method, full URL with its query);
 * one `SharedReads` belongs to one profile's client, so the credentials are the same by construction.
 */
export interface SharedReads<Answer, Listener> {
  /**
   * Joins the read in flight under `key`, or starts it with `start`, which gets the read's own
   * signal (aborted when every caller has left) and the listeners of the callers still waiting,
   * and the signal's controller, for an owner that may stop the read itself (a client closing).
   */
  read(
    key: string,
    caller: { signal?: AbortSignal; listener?: Listener },
    start: (signal: AbortSignal, listeners: () => readonly Listener[], controller: AbortController) => Promise<Answer>,
  ): Promise<Answer>
}

interface InFlight<Answer, Listener> {
  answer: Promise<Answer>
  controller: AbortController
  /** Callers still waiting, each with its listener (if any). */
  callers: Set<{ listener?: Listener }>
  /** Whether more than one caller ever joined: then each gets its own copy. */
  shared: boolean
}

/** `copy` makes a caller's own copy of a shared answer. */
export function createSharedReads<Answer, Listener = never>(copy: (answer: Answer) => Answer): SharedReads<Answer, Listener> {
  const inFlight = new Map<string, InFlight<Answer, Listener>>()

  function begin(
    key: string,
    start: (signal: AbortSignal, listeners: () => readonly Listener[], controller: AbortController) => Promise<Answer>,
  ): InFlight<Answer, Listener> {
    const controller = new AbortController()
    const callers = new Set<{ listener?: Listener }>()
    const listeners = () => [...callers].flatMap((caller) => (caller.listener === undefined ? [] : [caller.listener]))
    const answer = start(controller.signal, listeners, controller)
    // Forgotten the moment it settles, before any caller sees the answer (this handler is the first
    // on it): a read after it is new. One handler for both outcomes, no promise of its own per read,
    // which also takes the rejection no caller may be left to take (all aborted: cancelled).
    const forget = () => {
      if (inFlight.get(key) === entry) inFlight.delete(key)
    }
    answer.then(forget, forget)
    const entry: InFlight<Answer, Listener> = { answer, controller, callers, shared: false }
    inFlight.set(key, entry)
    return entry
  }

  return {
    read(key, caller, start) {
      if (caller.signal?.aborted) return Promise.reject(cancelledError())
      let entry = inFlight.get(key)
      if (entry) entry.shared = true
      else entry = begin(key, start)
      const joined = entry
      const membership = { listener: caller.listener }
      joined.callers.add(membership)
      return new Promise<Answer>((resolve, reject) => {
        const leave = () => {
          caller.signal?.removeEventListener('abort', onAbort)
          joined.callers.delete(membership)
        }
        const onAbort = () => {
          leave()
          if (joined.callers.size === 0) {
            // No one waits for it any more: stop it, and let the next read start afresh.
            if (inFlight.get(key) === joined) inFlight.delete(key)
            joined.controller.abort()
          }
          reject(cancelledWhileReading())
        }
        caller.signal?.addEventListener('abort', onAbort, { once: true })
        joined.answer.then(
          (answer) => {
            if (!joined.callers.has(membership)) return
            leave()
            resolve(joined.shared ? copy(answer) : answer)
          },
          (error: unknown) => {
            if (!joined.callers.has(membership)) return
            leave()
            reject(error)
          },
        )
      })
    },
  }
}
