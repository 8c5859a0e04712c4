import type { RateLimitMode } from '../types'

/**
 * Coupa's published limit: "25 requests per second and a burst query limit of 20 calls"
 * (coupa-gotomeeting.md A.2). Read as a token bucket holding 20 calls, refilled at 25 per second.
 * Off by default (tests and the app's sandbox would otherwise trip over it); `enabled` turns it on.
 */
export class CoupaRateLimiter {
  static readonly burst = 20
  static readonly perSecond = 25
  enabled: boolean
  private tokens: number
  private refilledAt: number

  constructor(
    enabled: boolean,
    private readonly now: () => number = Date.now,
    private readonly burst: number = CoupaRateLimiter.burst,
    private readonly perSecond: number = CoupaRateLimiter.perSecond,
  ) {
    this.enabled = enabled
    this.tokens = burst
    this.refilledAt = now()
  }

  /** The limiter a `rateLimits` mode asks for (N: a bucket of N refilled at N a second); `enabled` when no mode is given. */
  static for(mode: RateLimitMode | undefined, enabled: boolean): CoupaRateLimiter {
    if (typeof mode === 'number') return new CoupaRateLimiter(true, Date.now, mode, mode)
    return new CoupaRateLimiter(mode === undefined ? enabled : mode === 'documented')
  }

  /** Takes one call from the bucket; false when it is empty (the request gets a 429). */
  take(): boolean {
    if (!this.enabled) return true
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
