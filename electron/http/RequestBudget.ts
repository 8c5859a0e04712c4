import { cancelledError } from './cancellation'
import { FamilyWindow, type Quota, type ReportedWindow, type Waiter } from './familyWindow'
import { requestTallyHere, type RequestTally } from './requestTally'

export { minimumJitterMs, typicalJitterMs } from './arrivalJitter'
export { burstOf, steadyRate, type Quota, type ReportedWindow } from './familyWindow'

/** The budget's state as the UI shows it: the family closest to its limit, and everything waiting. */
export interface BudgetState {
  family: string
  limit: number
  remaining: number
  /** When the family's window resets (ms since the epoch), or null when nothing has been counted. */
  resetsAt: number | null
  queued: number
}

export interface RequestBudgetOptions {
  /** The documented quota of a family; null when the target documents none (it is then not limited). */
  quotaOf: (family: string) => Quota | null
  /** Reads the target's rate headers of an answer; null when it sent none (or the target has none). */
  readHeaders?: (headers: Readonly<Record<string, string>>, now: number) => ReportedWindow | null
  /** Called after every change of the state (a grant, an answer, a queue change); throttle it before publishing. */
  onChange?: (state: BudgetState) => void
  now?: () => number
}

/** A granted request: tell the budget when it goes out, and how it ended, once. */
export interface BudgetTicket {
  /**
   * It is being sent now (it may have waited for a concurrency slot since the grant): a target
   * counts arrivals, so the budget counts this moment, not the grant's.
   */
  sending(): void
  /** The answer came (any status): its headers correct the budget's count. */
  answered(headers: Readonly<Record<string, string>>): void
  /** No answer (network failure, cancelled): the request may or may not have counted. */
  abandoned(): void
}


/**
 * One profile's request budget: every request of the profile takes a ticket here first, so its
 * target's rate limits are spent on purpose instead of discovered by 429s. Requests are counted per
 * family (Okta's rate-limit bucket, Cognito's quota category); a family follows the target's own
 * rate headers once an answer has carried them (Okta), its documented quota otherwise, and waits
 * out a pause a 429 asked for. Requests of a family are granted in arrival order.
 */
export class RequestBudget {
  private readonly families = new Map<string, FamilyWindow>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly now: () => number

  constructor(private readonly options: RequestBudgetOptions) {
    this.now = options.now ?? Date.now
  }

  /** Resolves when a request of `family` may be sent; rejects with `cancelled` when the signal aborts first. */
  acquire(family: string, signal?: AbortSignal): Promise<BudgetTicket> {
    if (signal?.aborted) return Promise.reject(cancelledError())
    // Taken here, in the asker's context: a waiter is granted later from the budget's timer.
    const tally = requestTallyHere()
    const window = this.windowOf(family)
    if (!window) return Promise.resolve(tally ? countedTicket(tally, family) : unlimitedTicket)
    if (window.waiters.length === 0 && window.waitMs(this.now()) === 0) return Promise.resolve(this.grant(family, window, tally))
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', waiter.onAbort)
          resolve(this.grant(family, window, tally))
        },
        onAbort: () => {
          const index = window.waiters.indexOf(waiter)
          if (index >= 0) window.waiters.splice(index, 1)
          reject(cancelledError())
          this.changed()
        },
      }
      signal?.addEventListener('abort', waiter.onAbort, { once: true })
      window.waiters.push(waiter)
      this.changed()
      this.schedule()
    })
  }

  /**
   * A 429 asked to wait until `until` (ms since the epoch): nothing more of the family goes before,
   * and a documented quota allows for more jitter from now on.
   */
  pause(family: string, until: number): void {
    const window = this.windowOf(family)
    if (!window) return
    if (!window.reported) window.jitter.refused()
    if (until <= window.blockedUntil) return
    window.blockedUntil = until
    this.changed()
    this.schedule()
  }

  /**
   * The family holding work up (with requests waiting; else any), closest to its limit, and
   * everything queued. Null before any request of a limited family.
   */
  state(): BudgetState | null {
    let tightest: { state: BudgetState; waiting: boolean } | null = null
    let queued = 0
    for (const [family, window] of this.families) {
      queued += window.waiters.length
      const state = { family, ...window.state(), queued: 0 }
      const waiting = window.waiters.length > 0
      const tighter = tightest === null || state.remaining / state.limit < tightest.state.remaining / tightest.state.limit
      if (tightest === null || (waiting && !tightest.waiting) || (waiting === tightest.waiting && tighter)) tightest = { state, waiting }
    }
    return tightest && { ...tightest.state, queued }
  }

  /** Stops the timer; waiting requests are cancelled by their own signals (the client's closing). */
  close(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private windowOf(family: string): FamilyWindow | null {
    const existing = this.families.get(family)
    if (existing) return existing
    const quota = this.options.quotaOf(family)
    if (!quota) return null
    const window = new FamilyWindow(quota, this.now)
    this.families.set(family, window)
    return window
  }

  private grant(family: string, window: FamilyWindow, tally: RequestTally | undefined): BudgetTicket {
    const sending = window.take(this.now())
    this.changed()
    let sentAt: number | null = null
    let settled = false
    const settle = (headers: Readonly<Record<string, string>> | null) => {
      if (settled) return
      settled = true
      window.inFlight--
      if (headers && sentAt !== null) window.jitter.answeredIn(this.now() - sentAt)
      const reported = headers && this.options.readHeaders?.(headers, this.now())
      if (reported) this.observe(window, reported)
      this.changed()
      this.schedule()
    }
    return {
      sending: () => {
        // The limit in force: the target's own once it reported one (Okta), else the documented quota.
        if (sentAt === null) tally?.({ family, quota: { limit: window.reported?.limit ?? window.quota.limit, windowMs: window.quota.windowMs } })
        sentAt = this.now()
        if (sending?.pending !== true) return
        sending.at = this.now()
        sending.pending = false
        this.schedule()
      },
      answered: (headers) => settle(headers),
      abandoned: () => {
        // Never sent (a superseded search cancelled while it waited): the target never counted it, so neither does the budget.
        if (sentAt === null && !settled) window.giveBack(sending)
        settle(null)
      },
    }
  }

  /**
   * The target's count is the truth, less what is still on its way (sent after the target counted
   * this answer, or not yet counted at all): counting those twice only spaces requests a little more.
   */
  private observe(window: FamilyWindow, reported: ReportedWindow): void {
    // Okta's concurrency 429 reports a limit of 0: no window to follow, only a time to wait for.
    if (reported.limit <= 0) {
      window.blockedUntil = Math.max(window.blockedUntil, reported.resetsAt)
      return
    }
    const remaining = reported.remaining - window.inFlight
    const current = window.reported
    const sameWindow = current !== null && Math.abs(current.resetsAt - reported.resetsAt) < 1000
    window.reported = {
      limit: reported.limit,
      remaining: sameWindow ? Math.min(current.remaining, remaining) : remaining,
      // Each answer's estimate of the reset errs late by up to a second (its Date has whole seconds), never early: the earliest is the best.
      resetsAt: sameWindow && !window.resetGuessed ? Math.min(current.resetsAt, reported.resetsAt) : reported.resetsAt,
    }
    window.resetGuessed = false
  }

  /** Grants every family's head waiters that may go now, then sleeps until the next one may. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    let nextMs = Infinity
    for (const window of this.families.values()) {
      while (window.waiters.length > 0) {
        const waitMs = window.waitMs(this.now())
        if (waitMs > 0) {
          nextMs = Math.min(nextMs, waitMs)
          break
        }
        ;(window.waiters.shift() as Waiter).grant()
      }
    }
    if (Number.isFinite(nextMs)) this.timer = setTimeout(() => this.schedule(), Math.max(1, Math.ceil(nextMs)))
  }

  private changed(): void {
    const state = this.state()
    if (state) this.options.onChange?.(state)
  }
}

const unlimitedTicket: BudgetTicket = { sending: () => undefined, answered: () => undefined, abandoned: () => undefined }

/** A family with no documented limit: nothing to space, but its requests are counted all the same. */
function countedTicket(tally: RequestTally, family: string): BudgetTicket {
  let sent = false
  return {
    ...unlimitedTicket,
    sending: () => {
      if (sent) return
      sent = true
      tally({ family, quota: null })
    },
  }
}
