import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventPayload } from '../../../shared/contract'
import { events } from '../../../shared/contract'
import { createBudgetEvents } from '../../../electron/http/budgetEvents'
import type { BudgetState } from '../../../electron/http/RequestBudget'

const state = (remaining: number, queued: number): BudgetState => ({ family: 'users', limit: 600, remaining, resetsAt: Date.UTC(2026, 0, 1, 12, 0, 30), queued })

describe('budget.changed events', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends the first change at once, then the latest once per interval, and always the last one', async () => {
    const sent: EventPayload<'budget.changed'>[] = []
    const publish = createBudgetEvents((payload) => sent.push(payload), 250)
    for (let remaining = 600; remaining > 500; remaining--) publish('p1', state(remaining, 5))
    expect(sent.map((payload) => payload.remaining)).toEqual([600])
    await vi.advanceTimersByTimeAsync(250)
    expect(sent.map((payload) => payload.remaining)).toEqual([600, 501])
    publish('p1', state(500, 0))
    await vi.advanceTimersByTimeAsync(250)
    expect(sent.at(-1)).toEqual({ profileId: 'p1', family: 'users', limit: 600, remaining: 500, resetsAt: '2026-01-01T12:00:30.000Z', queued: 0 })
    // Quiet for an interval: the next change goes out at once again.
    await vi.advanceTimersByTimeAsync(250)
    publish('p1', state(499, 1))
    expect(sent.at(-1)?.remaining).toBe(499)
  })

  it('throttles each profile on its own, and every payload fits the contract', () => {
    const sent: EventPayload<'budget.changed'>[] = []
    const publish = createBudgetEvents((payload) => sent.push(payload), 250)
    publish('p1', state(10, 1))
    publish('p2', { ...state(3, 0), resetsAt: null })
    expect(sent.map((payload) => payload.profileId)).toEqual(['p1', 'p2'])
    for (const payload of sent) expect(events['budget.changed'].parse(payload)).toEqual(payload)
  })
})
