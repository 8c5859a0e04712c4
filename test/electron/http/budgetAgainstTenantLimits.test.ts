import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCognitoBudget } from '../../../electron/connectors/cognito/cognitoBudget'
import { createCoupaBudget } from '../../../electron/connectors/coupa/coupaBudget'
import { createGoToBudget, goToAdminFamily } from '../../../electron/connectors/gotomeeting/goToBudget'
import { createOktaBudget } from '../../../electron/connectors/okta/oktaBudget'
import type { RequestBudget } from '../../../electron/http/RequestBudget'
import { throttleFor } from '../../../electron/sandbox/cognito/cognitoThrottling'
import { CoupaRateLimiter } from '../../../electron/sandbox/coupa/CoupaRateLimiter'
import { perSecondCounter } from '../../../electron/sandbox/gotomeeting/createGoToMeetingTarget'
import { OktaRateLimiter, rateLimitHeaders } from '../../../electron/sandbox/okta/oktaRateLimits'

/**
 * Each connector's budget against its sandbox tenant's own limiter, on a fake clock: many requests
 * started at once (a bulk job's rows), each arriving up to 20 ms after the budget let it go (arrival
 * jitter), answered 5 ms later. A bulk job must run at the target's full permitted rate and no
 * faster: no refusal, and at least 95% of the rate the limiter permits. The clock is fake, so this pins the budget's schedule, not the machine's speed.
 */
interface Admission {
  allowed: boolean
  headers?: Record<string, string>
}

const maxJitterMs = 20

/** A spread of arrival delays in [0, 20] ms that repeats no simple pattern. */
function jitterOf(index: number): number {
  return (index * 7919) % (maxJitterMs + 1)
}

async function drive(budget: RequestBudget, family: string, requests: number, admit: () => Admission) {
  const arrivals: number[] = []
  let refused = 0
  let answered = 0
  for (let index = 0; index < requests; index++) {
    void budget.acquire(family).then((ticket) => {
      ticket.sending()
      setTimeout(() => {
        const admission = admit()
        arrivals.push(Date.now())
        if (!admission.allowed) refused++
        setTimeout(() => {
          ticket.answered(admission.headers ?? {})
          answered++
        }, 5)
      }, jitterOf(index))
    })
  }
  while (answered < requests) await vi.advanceTimersByTimeAsync(1_000)
  budget.close()
  return { refused, arrivals, spanMs: Math.max(...arrivals) - Math.min(...arrivals) }
}

describe("each connector's budget against its tenant's limiter", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /**
   * The share of the permitted rate achieved once the first second has passed: the budget starts
   * with a burst of a few (burstOf), not the whole of what the target would let arrive at once, a
   * fixed cost of under a second per run that a bulk job of minutes does not notice.
   */
  function steadyShare(arrivals: readonly number[], perSecond: number): number {
    const from = Math.min(...arrivals) + 1000
    const later = arrivals.filter((time) => time > from)
    return (later.length * 1000) / (Math.max(...later) - from) / perSecond
  }

  it("Cognito: UserUpdate's 25 a second, counted per sliding second, spent at ≥ 95% after the first second with no TooManyRequestsException", async () => {
    const throttle = throttleFor('documented', Date.now)
    const { refused, arrivals } = await drive(createCognitoBudget(), 'UserUpdate', 500, () => ({ allowed: throttle.take('UserUpdate') }))
    expect(refused).toBe(0)
    expect(steadyShare(arrivals, 25)).toBeGreaterThanOrEqual(0.95)
  })

  it("Coupa: 25 a second with a burst of 20 (a token bucket) spent at ≥ 95% after the first second with no 429", async () => {
    const limiter = new CoupaRateLimiter(true, Date.now)
    const { refused, arrivals } = await drive(createCoupaBudget(), 'api', 500, () => ({ allowed: limiter.take() }))
    expect(refused).toBe(0)
    expect(steadyShare(arrivals, CoupaRateLimiter.perSecond)).toBeGreaterThanOrEqual(0.95)
  })

  it("GoTo: the Admin API's 10 a second, counted per wall-clock second, spent at ≥ 95% after the first second with no 429", async () => {
    const withinSecond = perSecondCounter(Date.now)
    const { refused, arrivals } = await drive(createGoToBudget(), goToAdminFamily, 300, () => ({ allowed: withinSecond(10) }))
    expect(refused).toBe(0)
    expect(steadyShare(arrivals, 10)).toBeGreaterThanOrEqual(0.95)
  })

  it("Okta: 600 a minute per bucket, told by X-Rate-Limit-* on whole seconds, each new window used within 2% of its start, no 429", async () => {
    const limiter = new OktaRateLimiter(600, Date.now)
    const admit = (): Admission => {
      const state = limiter.take('users:one:write')
      const headers = Object.fromEntries(Object.entries(rateLimitHeaders(state)).map(([name, value]) => [name.toLowerCase(), value]))
      return { allowed: state.allowed, headers: { ...headers, date: new Date().toUTCString() } }
    }
    const { refused, spanMs } = await drive(createOktaBudget(), 'user:write', 3_000, admit)
    expect(refused).toBe(0)
    // Five windows: the last opens four minutes after the first request at the earliest.
    expect((4 * 60_000) / spanMs).toBeGreaterThanOrEqual(0.98)
  })
})
