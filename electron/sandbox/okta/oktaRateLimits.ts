import type { RateLimitMode } from '../types'

/**
 * Okta's per-minute rate limits (okta.md §6). Each request falls in one bucket (the exact path
 * first, then the longest prefix; the method matters); each bucket has its own 60-second window,
 * started by its first request and not aligned with the wall-clock minute.
 */

export interface RateLimitState {
  allowed: boolean
  limit: number
  remaining: number
  /** UTC epoch seconds when the window resets. */
  resetEpochSeconds: number
  /** The limiter's clock when it answered (ms since the epoch): the answer's `Date`, so the reset and the date are one clock's, as Okta's are. */
  at: number
}

const minuteMs = 60_000

/** okta.md §6.2, the Enterprise column: one user's read has its own, larger bucket. */
const documentedPerMinute: Readonly<Record<string, number>> = { 'users:one:read': 1000 }
const documentedDefaultPerMinute = 600
/** `off`: Okta always sends its headers, so the tenant does too, with a limit nobody reaches. */
const unlimited = 1_000_000

/** The limiter a `rateLimits` mode asks for; `perMinute` when no mode is given (the old option). */
export function oktaRateLimiterFor(mode: RateLimitMode | undefined, perMinute: number): OktaRateLimiter {
  if (mode === 'documented') return new OktaRateLimiter((bucket) => documentedPerMinute[bucket] ?? documentedDefaultPerMinute)
  if (mode === 'off') return new OktaRateLimiter(unlimited)
  if (typeof mode === 'number') return new OktaRateLimiter(mode, Date.now, 1000)
  return new OktaRateLimiter(perMinute)
}

/**
 * The §6.2 bucket names: users list/create, one user read, one user write, groups, one group, and
 * one bucket for "most other /api/v1" endpoints. The set is fixed, so the limiter's windows stay
 * bounded whatever paths clients send.
 */
export function rateLimitBucket(method: string, path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '')
  const [api, version, collection] = segments
  if (api !== 'api' || version !== 'v1') return 'other'
  if (collection === 'users') {
    if (segments.length === 3) return 'users:collection'
    if (segments.length === 4) return method === 'GET' ? 'users:one:read' : 'users:one:write'
    return 'users:other'
  }
  if (collection === 'groups') return segments.length === 4 ? 'groups:one' : 'groups'
  return 'other'
}

interface BucketWindow {
  startedAt: number
  used: number
  limit: number
}

export class OktaRateLimiter {
  private readonly windows = new Map<string, BucketWindow>()

  private readonly limitOf: (bucket: string) => number

  /** `limit` requests per bucket in each window of `windowMs` (Okta's windows are a minute). */
  constructor(
    limit: number | ((bucket: string) => number),
    private readonly now: () => number = Date.now,
    private readonly windowMs: number = minuteMs,
  ) {
    this.limitOf = typeof limit === 'number' ? () => limit : limit
  }

  /** Counts one request in its bucket; `allowed` is false once the minute's budget is spent. */
  take(bucket: string): RateLimitState {
    const window = this.currentWindow(bucket)
    if (window.used >= window.limit) return { ...this.state(window), allowed: false }
    window.used++
    return { ...this.state(window), allowed: true }
  }

  /** The bucket's state without counting a request (for answers that are not served: auth failures, faults). */
  peek(bucket: string): RateLimitState {
    return this.state(this.currentWindow(bucket))
  }

  private currentWindow(bucket: string) {
    const now = this.now()
    let window = this.windows.get(bucket)
    if (!window || now >= window.startedAt + this.windowMs) {
      window = { startedAt: now, used: 0, limit: this.limitOf(bucket) }
      this.windows.set(bucket, window)
    }
    return window
  }

  private state(window: BucketWindow): RateLimitState {
    const remaining = Math.max(0, window.limit - window.used)
    return {
      at: this.now(),
      allowed: remaining > 0,
      limit: window.limit,
      remaining,
      resetEpochSeconds: Math.ceil((window.startedAt + this.windowMs) / 1000),
    }
  }

  /** The state a scripted `rate_limit` fault reports: spent, resetting in one second. */
  faultState(bucket: string): RateLimitState {
    const at = this.now()
    return { at, allowed: false, limit: this.limitOf(bucket), remaining: 0, resetEpochSeconds: Math.floor(at / 1000) + 1 }
  }
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'X-Rate-Limit-Limit': String(state.limit),
    'X-Rate-Limit-Remaining': String(state.remaining),
    'X-Rate-Limit-Reset': String(state.resetEpochSeconds),
    // Clients measure the reset against the answer's Date (okta.md §6.1): Node's own Date would be another clock's.
    Date: new Date(state.at).toUTCString(),
  }
}
