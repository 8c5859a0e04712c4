import { ArrivalJitter, typicalJitterMs } from './arrivalJitter'

/**
 * One rate-limit family of a request budget (RequestBudget.ts): its documented quota spent as the
 * target's model allows, or the target's own count once its headers told it, and the requests
 * waiting for it.
 */

/**
 * A documented quota: at most `limit` requests in any `windowMs`; or, with `bucket`, a token bucket
 * holding `bucket` requests refilled at `limit` per `windowMs` (Coupa's "25 requests per second and
 * a burst query limit of 20 calls").
 */
export interface Quota {
  limit: number
  windowMs: number
  bucket?: number
}

/** What a target's own rate headers said about a family's window (Okta's X-Rate-Limit-*), on this computer's clock. */
export interface ReportedWindow {
  limit: number
  remaining: number
  resetsAt: number
}

/**
 * How many requests of a family may go at once. A target counting a window (a sliding second, a
 * wall-clock second, a minute) takes its whole limit at once whenever the last window (widened by
 * the arrival jitter) holds none: the budget's sliding window then lets the limit go as soon as the
 * window allows, which spends the last window of a run at its start instead of spreading it (a run
 * of fifteen windows ends a window sooner: GoTo's 150 reads went from 93% of the bound to 98%).
 * A target refilling a bucket (Coupa's 20 at 25 a second) takes the bucket, less what arrival
 * jitter may crowd into it: requests spaced exactly at the rate may arrive up to the jitter closer.
 */
export function burstOf(quota: Quota, jitterMs = typicalJitterMs): number {
  if (quota.bucket === undefined) return quota.limit
  return Math.max(1, Math.floor(quota.bucket - (quota.limit * jitterMs) / quota.windowMs))
}

/** Requests a second a documented quota is spent at once its burst is used, allowing for `jitterMs` (also the estimate's and the benchmark's pace). */
export function steadyRate(quota: Quota, jitterMs = typicalJitterMs): number {
  // A bucket refills at its rate whatever the jitter: the jitter is allowed for in its burst.
  return (quota.limit * 1000) / (quota.windowMs + (quota.bucket === undefined ? jitterMs : 0))
}

export interface Waiter {
  grant: () => void
  onAbort: () => void
}

/** One counted request of a sliding window: granted at `at`, then re-dated when it is really sent. */
export interface Sending {
  at: number
  /** Granted, not yet sent: it will count whenever it goes, so it never leaves the window before. */
  pending: boolean
}

export class FamilyWindow {
  /** Requests within the documented window (when the target sends no headers). */
  sent: Sending[] = []
  /** The target's own count, once an answer has carried its headers. */
  reported: ReportedWindow | null = null
  /** The reported window's reset is the budget's own guess (it rolled the window over), not yet the target's word. */
  resetGuessed = false
  /** Granted, not yet answered: not in the last reported count. */
  inFlight = 0
  blockedUntil = 0
  readonly waiters: Waiter[] = []
  /** Spacing of a documented quota (GCRA): when the next request would be due at the steady rate. */
  private dueAt = 0
  readonly jitter: ArrivalJitter

  constructor(
    readonly quota: Quota,
    now: () => number,
  ) {
    this.jitter = new ArrivalJitter(quota.windowMs, now)
  }

  private interval(): number {
    // A bucket refills at its rate: the jitter is allowed for in its burst (burstOf).
    return (this.quota.bucket === undefined ? this.span() : this.quota.windowMs) / this.quota.limit
  }

  private burstTolerance(): number {
    return (burstOf(this.quota, this.jitter.jitterMs()) - 1) * this.interval()
  }

  /** 0 when one more request may go now; otherwise how long until one may. */
  waitMs(now: number): number {
    if (now < this.blockedUntil) return this.blockedUntil - now
    const reported = this.reported
    if (reported) {
      // The target's window has ended: the next request starts a new one with the whole limit.
      // Requests granted in the old window but still on their way will count in the new one.
      if (now >= reported.resetsAt) {
        this.reported = { limit: reported.limit, remaining: reported.limit - this.inFlight, resetsAt: now + this.quota.windowMs }
        this.resetGuessed = true
      }
      return (this.reported as ReportedWindow).remaining > 0 ? 0 : (this.reported as ReportedWindow).resetsAt - now
    }
    const early = this.dueAt - this.burstTolerance() - now
    if (early > 0) return early
    const span = this.span()
    this.sent = this.sent.filter((sending) => sending.pending || sending.at > now - span)
    // A bucket is kept by the spacing alone; a window's limit also by the count of the widened window.
    if (this.quota.bucket !== undefined) return 0
    if (this.sent.length < this.quota.limit) return 0
    const leaving = this.sent.filter((sending) => !sending.pending).map((sending) => sending.at + span - now)
    // Every one still pending: the next to be sent re-schedules.
    return leaving.length > 0 ? Math.max(1, Math.min(...leaving)) : Infinity
  }

  take(now: number): Sending | null {
    this.inFlight++
    if (this.reported) {
      this.reported.remaining--
      return null
    }
    this.dueAt = Math.max(this.dueAt, now) + this.interval()
    const sending = { at: now, pending: true }
    this.sent.push(sending)
    return sending
  }

  /** A granted request that never left (cancelled while it waited for a connection): as if never granted. */
  giveBack(sending: Sending | null): void {
    if (this.reported) this.reported.remaining = Math.min(this.reported.limit, this.reported.remaining + 1)
    if (!sending) return
    this.sent = this.sent.filter((candidate) => candidate !== sending)
    this.dueAt -= this.interval()
  }

  span(): number {
    return this.quota.windowMs + this.jitter.jitterMs()
  }

  state(): { limit: number; remaining: number; resetsAt: number | null } {
    if (this.reported) return { limit: this.reported.limit, remaining: Math.max(0, this.reported.remaining), resetsAt: Math.max(this.reported.resetsAt, this.blockedUntil) }
    const times = this.sent.map((sending) => sending.at)
    const resetsAt = times.length === 0 ? null : Math.min(...times) + this.span()
    return { limit: this.quota.limit, remaining: Math.max(0, this.quota.limit - this.sent.length), resetsAt: this.blockedUntil > 0 ? Math.max(resetsAt ?? 0, this.blockedUntil) : resetsAt }
  }
}
