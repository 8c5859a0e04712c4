import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RequestBudget, type BudgetState, type BudgetTicket, type ReportedWindow } from '../../../electron/http/RequestBudget'
import { expectAppError } from '../../support/expectAppError'

/** Fake timers drive the clock, so these tests say what the budget grants and when, without waiting. */
describe('RequestBudget', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /** Starts `count` acquires and records which have been granted. */
  function acquireMany(budget: RequestBudget, family: string, count: number, signal?: AbortSignal) {
    const granted: number[] = []
    const tickets = Array.from({ length: count }, (_, index) =>
      budget.acquire(family, signal).then((ticket) => {
        granted.push(index)
        ticket.sending()
        return ticket
      }),
    )
    return { granted, tickets }
  }

  it("lets a window's whole limit go at once when the widened window holds none, then none until the first leaves it, in arrival order", async () => {
    // 100 a second: a target counting a window takes them at once; the 101st waits for the window and the most jitter (no answer timed yet).
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 100, windowMs: 1000 }) })
    const { granted } = acquireMany(budget, 'users', 102)
    await vi.advanceTimersByTimeAsync(0)
    expect(granted).toEqual(Array.from({ length: 100 }, (_, index) => index))
    expect(budget.state()).toMatchObject({ family: 'users', limit: 100, remaining: 0, queued: 2 })
    await vi.advanceTimersByTimeAsync(1099)
    expect(granted).toHaveLength(100)
    await vi.advanceTimersByTimeAsync(1)
    expect(granted).toEqual(Array.from({ length: 102 }, (_, index) => index))
    expect(budget.state()?.queued).toBe(0)
  })

  it("GoTo's 10 a second: ten at once (one click reads several things), the eleventh a widened window later", async () => {
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 10, windowMs: 1000 }) })
    const { granted } = acquireMany(budget, 'admin', 11)
    await vi.advanceTimersByTimeAsync(0)
    expect(granted).toHaveLength(10)
    await vi.advanceTimersByTimeAsync(1099)
    expect(granted).toHaveLength(10)
    await vi.advanceTimersByTimeAsync(1)
    expect(granted).toHaveLength(11)
  })

  it('spends a bucket (20 refilled at 25 a second) at its full rate after a burst of the bucket less what the jitter may crowd into it', async () => {
    // No answer timed yet: 100 ms of jitter allowed for, 2.5 requests' worth of refill, so 17 at once; then one every 40 ms.
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 25, windowMs: 1000, bucket: 20 }) })
    const { granted } = acquireMany(budget, 'api', 20)
    await vi.advanceTimersByTimeAsync(0)
    expect(granted).toHaveLength(17)
    await vi.advanceTimersByTimeAsync(39)
    expect(granted).toHaveLength(17)
    await vi.advanceTimersByTimeAsync(1)
    expect(granted).toHaveLength(18)
    await vi.advanceTimersByTimeAsync(80)
    expect(granted).toHaveLength(20)
  })

  /** Sends and answers one request of `family` for each of `answerMs` (how long each answer took), one after another. */
  async function timeAnswers(budget: RequestBudget, family: string, answerMs: readonly number[]) {
    for (const ms of answerMs) {
      const granting = budget.acquire(family)
      await vi.advanceTimersByTimeAsync(200)
      const ticket = await granting
      ticket.sending()
      await vi.advanceTimersByTimeAsync(ms)
      ticket.answered({})
    }
  }

  /** How long after now a request sent now leaves the family's window (the window and the jitter allowed for). */
  async function windowOfOneSentNow(budget: RequestBudget, family: string, afterMs = 5_000): Promise<number> {
    await vi.advanceTimersByTimeAsync(afterMs)
    ;(await budget.acquire(family)).sending()
    return (budget.state()?.resetsAt ?? 0) - Date.now()
  }

  it("allows for the most jitter (a tenth of the window) until eight answers are timed, then for the spread of the last twenty windows' answer times", async () => {
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 100, windowMs: 1000 }) })
    expect(await windowOfOneSentNow(budget, 'admin')).toBe(1100)
    await timeAnswers(budget, 'admin', [5, 5, 5, 5, 5, 5, 60])
    expect(await windowOfOneSentNow(budget, 'admin')).toBe(1100)
    await timeAnswers(budget, 'admin', [5])
    // Seven at 5 ms, one at 60: requests may arrive 55 ms apart from when they left.
    expect(await windowOfOneSentNow(budget, 'admin')).toBe(1055)
    // A slow answer is remembered for twenty windows however many answers come meanwhile (at Cognito's 120 a second,
    // 32 answers pass in a quarter of a second): a loaded machine stalls again within seconds (arrivalJitter.ts).
    await timeAnswers(budget, 'admin', Array.from({ length: 40 }, () => 5))
    expect(await windowOfOneSentNow(budget, 'admin', 1_200)).toBe(1055)
    // Twenty windows after it, the slow one is forgotten: the least is allowed for.
    await vi.advanceTimersByTimeAsync(2_000)
    await timeAnswers(budget, 'admin', [5])
    expect(await windowOfOneSentNow(budget, 'admin', 1_200)).toBe(1010)
    // A storm (an answer after 2 s) widens it by a tenth at most.
    await timeAnswers(budget, 'admin', [2000])
    expect(await windowOfOneSentNow(budget, 'admin')).toBe(1100)
  })

  it('allows for twice the jitter after a rate refusal came all the same', async () => {
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 100, windowMs: 1000 }) })
    await timeAnswers(budget, 'admin', Array.from({ length: 8 }, () => 5))
    expect(await windowOfOneSentNow(budget, 'admin')).toBe(1010)
    budget.pause('admin', Date.now())
    expect(await windowOfOneSentNow(budget, 'admin')).toBe(1020)
  })

  it('counts a request granted long ago but sent only now as sent now', async () => {
    // A window of 1 at most: the second may go only a window (and the jitter allowed for, 100 ms) after the first was really sent.
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 1, windowMs: 1000 }) })
    const first = await budget.acquire('users')
    await vi.advanceTimersByTimeAsync(3_000)
    first.sending()
    const { granted } = acquireMany(budget, 'users', 1)
    await vi.advanceTimersByTimeAsync(1_099)
    expect(granted).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(granted).toEqual([0])
  })

  it('counts families apart and lets a family without a documented quota through', async () => {
    const budget = new RequestBudget({ quotaOf: (family) => (family === 'admin' ? { limit: 1, windowMs: 1000 } : null) })
    const admin = acquireMany(budget, 'admin', 2)
    const signIn = acquireMany(budget, 'sign-in', 5)
    await vi.advanceTimersByTimeAsync(0)
    expect(admin.granted).toEqual([0])
    expect(signIn.granted).toEqual([0, 1, 2, 3, 4])
  })

  it("follows the target's headers: remaining 0 holds the family until the reported reset", async () => {
    const reset = Date.now() + 30_000
    const readHeaders = (headers: Readonly<Record<string, string>>): ReportedWindow | null =>
      headers.remaining === undefined ? null : { limit: 600, remaining: Number(headers.remaining), resetsAt: reset }
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 100, windowMs: 60_000 }), readHeaders })
    const first = await budget.acquire('users')
    first.sending()
    first.answered({ remaining: '1' })
    expect(budget.state()).toMatchObject({ limit: 600, remaining: 1, resetsAt: reset })
    const second = await budget.acquire('users')
    const { granted, tickets } = acquireMany(budget, 'users', 1)
    await vi.advanceTimersByTimeAsync(0)
    expect(granted).toEqual([])
    second.answered({ remaining: '0' })
    await vi.advanceTimersByTimeAsync(29_000)
    expect(granted).toEqual([])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(granted).toEqual([0])
    // A new window: the whole limit again, less the one just granted.
    expect(budget.state()).toMatchObject({ limit: 600, remaining: 599 })
    ;(await tickets[0])?.abandoned()
  })

  it("keeps the earliest reset the answers of one window told (each errs late by up to a second), not its own guess", async () => {
    const resets = [Date.now() + 29_400, Date.now() + 30_000]
    const readHeaders = (headers: Readonly<Record<string, string>>): ReportedWindow => ({ limit: 600, remaining: 10, resetsAt: Number(headers.reset) })
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 100, windowMs: 60_000 }), readHeaders })
    for (const reset of resets) (await budget.acquire('users')).answered({ reset: String(reset) })
    expect(budget.state()?.resetsAt).toBe(resets[0])

    // The window ends; the budget guesses the next resets a minute from its first request; the target's word replaces the guess.
    await vi.advanceTimersByTimeAsync(30_000)
    const next = await budget.acquire('users')
    expect(budget.state()?.resetsAt).toBe(Date.now() + 60_000)
    next.answered({ reset: String(Date.now() + 60_500) })
    expect(budget.state()?.resetsAt).toBe(Date.now() + 60_500)
  })

  it('does not count twice what is still on its way when an answer reports the count', async () => {
    const budget = new RequestBudget({
      quotaOf: () => ({ limit: 100, windowMs: 60_000 }),
      readHeaders: (headers) => ({ limit: 10, remaining: Number(headers.remaining), resetsAt: Date.now() + 60_000 }),
    })
    const tickets: BudgetTicket[] = []
    for (let index = 0; index < 4; index++) tickets.push(await budget.acquire('users'))
    // The target counted the first; three more are on their way and will be counted too.
    tickets[0]?.answered({ remaining: '9' })
    expect(budget.state()?.remaining).toBe(6)
  })

  it('a pause (a 429) holds every request of the family until it ends', async () => {
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 50, windowMs: 1000 }) })
    budget.pause('users', Date.now() + 5_000)
    const { granted } = acquireMany(budget, 'users', 2)
    await vi.advanceTimersByTimeAsync(4_999)
    expect(granted).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(granted).toEqual([0, 1])
  })

  it('drops a waiter whose signal aborts and tells the state without it', async () => {
    const states: BudgetState[] = []
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 1, windowMs: 1000 }), onChange: (state) => states.push(state) })
    await budget.acquire('users')
    const controller = new AbortController()
    const waiting = budget.acquire('users', controller.signal)
    expect(states.at(-1)?.queued).toBe(1)
    controller.abort()
    await expectAppError(waiting, 'cancelled')
    expect(states.at(-1)?.queued).toBe(0)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(budget.state()?.queued).toBe(0)
  })

  it('gives back the place of a request cancelled after its grant but before it left (a superseded search), in the spacing and in the reported window', async () => {
    // GoTo's 10 a second: a burst of three, then one every 167 ms. The third never leaves: a fourth may go at once.
    const spaced = new RequestBudget({ quotaOf: () => ({ limit: 10, windowMs: 1000 }) })
    for (let index = 0; index < 2; index++) (await spaced.acquire('admin')).sending()
    ;(await spaced.acquire('admin')).abandoned()
    const { granted } = acquireMany(spaced, 'admin', 1)
    await vi.advanceTimersByTimeAsync(0)
    expect(granted).toEqual([0])

    // Okta's headers said 5 remain: one granted and cancelled before sending leaves 5, not 4.
    const reported = new RequestBudget({
      quotaOf: () => ({ limit: 100, windowMs: 60_000 }),
      readHeaders: (headers) => ({ limit: 600, remaining: Number(headers.remaining), resetsAt: Date.now() + 60_000 }),
    })
    const first = await reported.acquire('users')
    first.sending()
    first.answered({ remaining: '5' })
    ;(await reported.acquire('users')).abandoned()
    expect(reported.state()?.remaining).toBe(5)
    // One that left and got no answer may have counted: it keeps its place.
    const lost = await reported.acquire('users')
    lost.sending()
    lost.abandoned()
    expect(reported.state()?.remaining).toBe(4)
  })

  it('reports the family closest to its limit, and one that holds requests up before any other', async () => {
    const budget = new RequestBudget({ quotaOf: (family) => ({ limit: family === 'small' ? 2 : 100, windowMs: 1000 }) })
    await budget.acquire('large')
    await budget.acquire('small')
    expect(budget.state()).toMatchObject({ family: 'small', limit: 2, remaining: 1 })
    budget.pause('large', Date.now() + 1000)
    void budget.acquire('large')
    expect(budget.state()).toMatchObject({ family: 'large', limit: 100, queued: 1 })
  })
})
