import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Connector } from '../../../electron/connectors/Connector'
import { createCognitoBudget } from '../../../electron/connectors/cognito/cognitoBudget'
import { createGoToBudget } from '../../../electron/connectors/gotomeeting/goToBudget'
import { createOktaBudget } from '../../../electron/connectors/okta/oktaBudget'
import type { BudgetState, RequestBudget } from '../../../electron/http/RequestBudget'
import { cognitoHarness, fastTuning as fastCognitoTuning } from './cognito/cognitoSandboxHarness'
import { goToHarness } from './gotomeeting/goToSandboxHarness'
import { oktaHarness } from './okta/oktaSandboxHarness'

/**
 * The budget against the sandbox tenants enforcing their targets' limits: a loop of reads that
 * goes past a limit completes without one 429 through the budget, and the same loop without it is
 * refused. A 429 is not waited out here (no waits allowed), so any 429 fails the loop at once.
 * Throughput figures belong in `npm run bench`; nothing here asserts a duration. Every read of a
 * loop differs from the others: identical reads in flight at once are sent once (sharedReads.ts).
 *
 * The tenants' windows and the budgets run on one fake clock (Date and timers, installed before
 * either is made), which moves only when every read not yet answered waits in its budget: it then
 * jumps to the budget's next timer. On the wall clock both halves depended on the machine's speed:
 * at load 7–9 Okta's 300 reads without the budget spread over more than two windows and drew no 429,
 * and stalls between the budget's grant and the arrival put 2–3 of Cognito's budgeted calls into a
 * window already full. Here a request's way to the tenant costs no clock time, so the budgeted loop
 * pins the budget's schedule against each tenant's own enforcement, and the loop without it arrives
 * in one window, as on a fast machine. What arrival jitter does to the budget is for
 * budgetAgainstTenantLimits.test.ts (a fake clock too) and the benches.
 */
const noWaits = { rateLimit: { maxWaits: 0, maxWaitMs: 0 } }

beforeEach(() => {
  // Half a second into the current second: GoTo's tenant counts whole seconds of its clock, so where in a second the
  // loop starts is fixed too. Near the real time: a fixed date far from it made Cognito's tenant refuse the calls' signatures as skewed.
  const now = Math.floor(Date.now() / 1000) * 1000 + 500
  vi.useFakeTimers({ now, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

/**
 * Settles `calls` on the fake clock: it moves to the next timer only when every call still open waits
 * in `budget`'s queue (nothing is on its way to the tenant); otherwise the real event loop turns.
 */
async function settleOnFakeClock(calls: Promise<unknown>[], budget?: RequestBudget): Promise<PromiseSettledResult<unknown>[]> {
  let open = calls.length
  const settled = Promise.allSettled(calls.map((call) => call.finally(() => open--)))
  while (open > 0) {
    const queued = budget?.state()?.queued ?? 0
    if (queued > 0 && queued === open) await vi.advanceTimersToNextTimerAsync()
    else await new Promise((resolve) => setImmediate(resolve))
  }
  return settled
}

async function readAll(connector: Connector, ids: readonly string[], count: number, budget?: RequestBudget): Promise<PromiseSettledResult<unknown>[]> {
  return settleOnFakeClock(
    Array.from({ length: count }, (_, index) => connector.get('users', ids[index % ids.length] as string)),
    budget,
  )
}

function rejectedCodes(results: PromiseSettledResult<unknown>[]): string[] {
  return results.flatMap((result) => (result.status === 'rejected' ? [String((result.reason as { code?: unknown }).code)] : []))
}

describe('the request budget against the sandbox tenants', () => {
  it("Okta: 300 reads of one bucket follow the X-Rate-Limit headers across windows with 0 429s; without the budget they get 429s", async () => {
    // 150 a second per bucket: Okta's per-minute windows in seconds, so the test waits for two resets, not two minutes.
    const states: BudgetState[] = []
    const budget = createOktaBudget((state) => states.push(state))
    const harness = await oktaHarness({ users: 300, rateLimits: 150 }, { ...noWaits, budget })
    const ids = harness.tenant.users().map((user) => user.id)
    const budgeted = await readAll(harness.connector, ids, 300, budget)
    expect(rejectedCodes(budgeted)).toEqual([])
    expect(harness.requests().filter((request) => request.status === 429)).toEqual([])
    // What the gauge is fed: the bucket as Okta reported it, with requests queued while it was spent.
    expect(states.some((state) => state.family === 'user:read' && state.limit === 150 && state.remaining === 0 && state.queued > 0)).toBe(true)
    expect(states.at(-1)?.queued).toBe(0)

    const unbudgeted = await readAll(harness.connect({}, undefined, { ...noWaits, concurrency: 50, budget: undefined }), ids, 300)
    expect(rejectedCodes(unbudgeted)).toContain('rate_limited')
  })

  it("Cognito: 75 ListUsers calls keep within UserList's documented 30 a second; without the budget they are throttled", async () => {
    const noThrottlingWaits = { ...fastCognitoTuning, throttling: { maxWaits: 0, initialMs: 1, maxMs: 1 } }
    const budget = createCognitoBudget()
    const harness = await cognitoHarness({ users: 10, rateLimits: 'documented' }, { ...noThrottlingWaits, budget })
    const listAll = (connector: Connector, budget?: RequestBudget) =>
      settleOnFakeClock(
        Array.from({ length: 75 }, (_, index) => connector.list('users', { search: `user ${index}`, pageSize: 10 })),
        budget,
      )
    const budgeted = await listAll(harness.connector, budget)
    expect(rejectedCodes(budgeted)).toEqual([])
    expect(harness.calls().filter((call) => call.outcome === 'TooManyRequestsException')).toEqual([])

    // All at once (no concurrency limit to slow them down), as a bulk job without the budget would send them.
    const unbudgeted = await listAll(harness.connect(undefined, undefined, { ...noThrottlingWaits, concurrency: 75, budget: undefined }))
    expect(rejectedCodes(unbudgeted)).toContain('rate_limited')
  })

  it("GoTo: 20 reads keep within the Admin API's 10 a second; without the budget they get 429s", async () => {
    const budget = createGoToBudget()
    const harness = await goToHarness({ users: 20, rateLimits: 'documented' }, { ...noWaits, budget })
    const ids = harness.tenant.users().map((user) => user.key)
    const budgeted = await readAll(harness.connector, ids, 20, budget)
    expect(rejectedCodes(budgeted)).toEqual([])
    expect(harness.requests().filter((request) => request.status === 429)).toEqual([])

    const unbudgeted = await readAll(harness.connect(undefined, undefined, { ...noWaits, concurrency: 20, budget: undefined }), ids, 20)
    expect(rejectedCodes(unbudgeted)).toContain('rate_limited')
  })
})
