import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { EventPayload } from '../../../shared/contract'
import { eventSubscription } from '../api/eventSubscription'

export type BudgetView = EventPayload<'budget.changed'>

/**
 * Each profile's request budget as main last reported it (`budget.changed`, a few a second at
 * most): what the gauge beside a profile shows while its requests wait for a rate limit.
 */
export const useBudgetsStore = defineStore('budgets', () => {
  const byProfile = ref<Record<string, BudgetView>>({})

  const changed = eventSubscription('budget.changed', (budget) => {
    byProfile.value = { ...byProfile.value, [budget.profileId]: budget }
  })

  /** The profile's budget while requests wait for it; null when nothing waits (the gauge hides). */
  function waiting(profileId: string): BudgetView | null {
    const budget = byProfile.value[profileId]
    return budget && budget.queued > 0 ? budget : null
  }

  return { byProfile, waiting, listen: changed.start, stopListening: changed.stop }
})
