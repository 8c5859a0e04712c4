import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RequestBudget } from '../../../electron/http/RequestBudget'
import { withRequestTally, type SentRequest } from '../../../electron/http/requestTally'

/** A job measures its rate from these counts: each request its work sent, once, whoever granted the ticket. */
describe('the requests a tally counts', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('counts each request the work sends once, with its family, one granted later by the budget\'s timer and one of an unlimited family too', async () => {
    // One a second: the second request waits for the window, granted from the budget's timer, outside the work's own calls.
    const budget = new RequestBudget({ quotaOf: (family) => (family === 'admin' ? { limit: 1, windowMs: 1000 } : null) })
    const counted: SentRequest[] = []
    const work = withRequestTally(
      (sent) => counted.push(sent),
      async () => {
        for (const family of ['admin', 'admin', 'sign-in']) {
          const ticket = await budget.acquire(family)
          ticket.sending()
          // A second report of the same send (the Cognito transport may say so twice) is still one request.
          ticket.sending()
          ticket.answered({})
        }
      },
    )
    await vi.advanceTimersByTimeAsync(2_000)
    await work
    // Each with its family and that family's limit, so a job's rate reads against the limit of what it spent.
    const admin = { family: 'admin', quota: { limit: 1, windowMs: 1000 } }
    expect(counted).toEqual([admin, admin, { family: 'sign-in', quota: null }])
  })

  it('counts nothing a request never sent (cancelled while it waited for a connection), nor the requests of other work', async () => {
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 10, windowMs: 1000 }) })
    let counted = 0
    await withRequestTally(
      () => (counted += 1),
      async () => (await budget.acquire('admin')).abandoned(),
    )
    const elsewhere = await budget.acquire('admin')
    elsewhere.sending()
    expect(counted).toBe(0)
  })
})
