import { describe, expect, it } from 'vitest'
import type { Connector } from '../../../electron/connectors/Connector'
import { createOktaBudget } from '../../../electron/connectors/okta/oktaBudget'
import type { BudgetState } from '../../../electron/http/RequestBudget'
import { cognitoHarness, fastTuning as fastCognitoTuning } from './cognito/cognitoSandboxHarness'
import { goToHarness } from './gotomeeting/goToSandboxHarness'
import { oktaHarness } from './okta/oktaSandboxHarness'

/**
 * The budget against the sandbox tenants enforcing their targets' limits: a loop of reads that
 * goes past a limit completes without one 429 through the budget, and the same loop without it is
 * refused. A 429 is not waited out here (no waits allowed), so any 429 fails the loop at once.
 * Throughput figures belong in `npm run bench`; nothing here asserts a duration. Every read of a
 * loop differs from the others: identical reads in flight at once are sent once (sharedReads.ts).
 */
const noWaits = { rateLimit: { maxWaits: 0, maxWaitMs: 0 } }

async function readAll(connector: Connector, ids: readonly string[], count: number): Promise<PromiseSettledResult<unknown>[]> {
  return Promise.allSettled(Array.from({ length: count }, (_, index) => connector.get('users', ids[index % ids.length] as string)))
}

function rejectedCodes(results: PromiseSettledResult<unknown>[]): string[] {
  return results.flatMap((result) => (result.status === 'rejected' ? [String((result.reason as { code?: unknown }).code)] : []))
}

describe('the request budget against the sandbox tenants', () => {
  it("Okta: 300 reads of one bucket follow the X-Rate-Limit headers across windows with 0 429s; without the budget they get 429s", async () => {
    // 150 a second per bucket: Okta's per-minute windows in seconds, so the test waits for two resets, not two minutes.
    const states: BudgetState[] = []
    const harness = await oktaHarness({ users: 300, rateLimits: 150 }, { ...noWaits, budget: createOktaBudget((state) => states.push(state)) })
    const ids = harness.tenant.users().map((user) => user.id)
    const budgeted = await readAll(harness.connector, ids, 300)
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
    const harness = await cognitoHarness({ users: 10, rateLimits: 'documented' }, noThrottlingWaits)
    const listAll = (connector: Connector) =>
      Promise.allSettled(Array.from({ length: 75 }, (_, index) => connector.list('users', { search: `user ${index}`, pageSize: 10 })))
    const budgeted = await listAll(harness.connector)
    expect(rejectedCodes(budgeted)).toEqual([])
    expect(harness.calls().filter((call) => call.outcome === 'TooManyRequestsException')).toEqual([])

    // All at once (no concurrency limit to slow them down), as a bulk job without the budget would send them.
    const unbudgeted = await listAll(harness.connect(undefined, undefined, { ...noThrottlingWaits, concurrency: 75, budget: undefined }))
    expect(rejectedCodes(unbudgeted)).toContain('rate_limited')
  })

  it("GoTo: 20 reads keep within the Admin API's 10 a second; without the budget they get 429s", async () => {
    const harness = await goToHarness({ users: 20, rateLimits: 'documented' }, noWaits)
    const ids = harness.tenant.users().map((user) => user.key)
    const budgeted = await readAll(harness.connector, ids, 20)
    expect(rejectedCodes(budgeted)).toEqual([])
    expect(harness.requests().filter((request) => request.status === 429)).toEqual([])

    const unbudgeted = await readAll(harness.connect(undefined, undefined, { ...noWaits, concurrency: 20, budget: undefined }), ids, 20)
    expect(rejectedCodes(unbudgeted)).toContain('rate_limited')
  })
})
