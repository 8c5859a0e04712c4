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

/**
 * A loaded machine's arrival delays (budgetArrivalBench.ts measured them): mostly a millisecond or
 * two, and now and then a stall of the client or the target holding one request back 60 ms, long
 * after the last such stall has left the 32 answers the budget times.
 */
function stallingJitterOf(index: number): number {
  return index % 200 === 199 ? 60 : index % 3
}

async function drive(budget: RequestBudget, family: string, requests: number, admit: () => Admission, delayOf: (index: number) => number = jitterOf) {
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
      }, delayOf(index))
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
   * The share of the permitted rate achieved once the first second has passed: the rate a bulk job of
   * minutes runs at, whatever its start.
   */
  function steadyShare(arrivals: readonly number[], perSecond: number): number {
    const from = Math.min(...arrivals) + 1000
    const later = arrivals.filter((time) => time > from)
    return (later.length * 1000) / (Math.max(...later) - from) / perSecond
  }

  /**
   * The share of the limiter's bound for the whole run, start included: the requests need at least
   * as many windows as they fill, the first whole limit at once (a sliding window or a per-second
   * counter), or Coupa's bucket of 20 at once and the rest at 25 a second.
   */
  function wholeShare(arrivals: readonly number[], boundMs: number): number {
    return boundMs / (Math.max(...arrivals) - Math.min(...arrivals))
  }

  it('Cognito: 150 UserUpdates (six windows of 25) take ≥ 95% of the bound from the first, with no TooManyRequestsException', async () => {
    const throttle = throttleFor('documented', Date.now)
    const { refused, arrivals } = await drive(createCognitoBudget(), 'UserUpdate', 150, () => ({ allowed: throttle.take('UserUpdate') }))
    expect(refused).toBe(0)
    expect(wholeShare(arrivals, 5_000)).toBeGreaterThanOrEqual(0.95)
  })

  it("GoTo: 150 Admin requests (fifteen wall-clock seconds' worth) take ≥ 95% of the bound from the first, with no 429", async () => {
    const withinSecond = perSecondCounter(Date.now)
    const { refused, arrivals } = await drive(createGoToBudget(), goToAdminFamily, 150, () => ({ allowed: withinSecond(10) }))
    expect(refused).toBe(0)
    expect(wholeShare(arrivals, 14_000)).toBeGreaterThanOrEqual(0.95)
  })

  it('Coupa: 300 requests take ≥ 95% of the bucket\'s bound (20 at once, then 25 a second) from the first, with no 429', async () => {
    const limiter = new CoupaRateLimiter(true, Date.now)
    const { refused, arrivals } = await drive(createCoupaBudget(), 'api', 300, () => ({ allowed: limiter.take() }))
    expect(refused).toBe(0)
    expect(wholeShare(arrivals, ((300 - 20) * 1000) / 25)).toBeGreaterThanOrEqual(0.95)
  })

  it("Cognito's isolated TooManyRequestsExceptions: a stall now and then, longer than the spread of the last 32 answers, is still allowed for (≥ 90% of the bound, none refused)", async () => {
    const throttle = throttleFor('documented', Date.now)
    const { refused, arrivals } = await drive(createCognitoBudget(), 'UserRead', 1_200, () => ({ allowed: throttle.take('UserRead') }), stallingJitterOf)
    expect(refused).toBe(0)
    expect(wholeShare(arrivals, 9_000)).toBeGreaterThanOrEqual(0.9)
  })

  it("GoTo: a stall now and then is allowed for (≥ 90% of the bound), no 429", async () => {
    const withinSecond = perSecondCounter(Date.now)
    const { refused, arrivals } = await drive(createGoToBudget(), goToAdminFamily, 600, () => ({ allowed: withinSecond(10) }), stallingJitterOf)
    expect(refused).toBe(0)
    expect(wholeShare(arrivals, 59_000)).toBeGreaterThanOrEqual(0.9)
  })

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
