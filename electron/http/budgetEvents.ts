import type { EventPayload } from '../../shared/contract'
import type { BudgetState } from './RequestBudget'

/** At most one event per profile in this span: a bulk job changes its budget hundreds of times a second. */
const defaultIntervalMs = 250

/**
 * Turns every profile's budget changes into `budget.changed` events, at most one per profile per
 * interval: the first at once, then the latest state at the end of the interval (so the last
 * state, the queue emptied, is always sent).
 */
export function createBudgetEvents(
  emit: (payload: EventPayload<'budget.changed'>) => void,
  intervalMs: number = defaultIntervalMs,
): (profileId: string, state: BudgetState) => void {
  const profiles = new Map<string, { timer: ReturnType<typeof setTimeout> | null; latest: BudgetState | null }>()

  function send(profileId: string, state: BudgetState): void {
    const { family, remaining, limit, resetsAt, queued } = state
    emit({ profileId, family, remaining: Math.floor(remaining), limit, resetsAt: resetsAt === null ? null : new Date(resetsAt).toISOString(), queued })
  }

  function quiet(profileId: string): void {
    const entry = profiles.get(profileId)
    if (!entry) return
    if (entry.latest === null) {
      profiles.delete(profileId)
      return
    }
    send(profileId, entry.latest)
    entry.latest = null
    entry.timer = setTimeout(() => quiet(profileId), intervalMs)
  }

  return (profileId, state) => {
    const entry = profiles.get(profileId)
    if (entry) {
      entry.latest = state
      return
    }
    send(profileId, state)
    profiles.set(profileId, { latest: null, timer: setTimeout(() => quiet(profileId), intervalMs) })
  }
}
