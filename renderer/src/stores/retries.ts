import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChangeRetry } from '../../../shared/changeProgress'
import type { EventPayload } from '../../../shared/contract'
import { eventSubscription } from '../api/eventSubscription'

type RetryWaitsView = EventPayload<'retries.changed'>

/**
 * Each profile's requests waiting to be sent again, as main last reported them
 * (`retries.changed`, at each start and end of a wait): what a list loading through a busy
 * answer or a 429 says instead of only "Loading…".
 */
export const useRetriesStore = defineStore('retries', () => {
  const byProfile = ref<Record<string, RetryWaitsView & { resendsAt: number | null }>>({})

  const changed = eventSubscription('retries.changed', (waits) => {
    const resendsAt = waits.waiting > 0 && waits.retry ? Date.now() + waits.retry.waitMs : null
    byProfile.value = { ...byProfile.value, [waits.profileId]: { ...waits, resendsAt } }
  })

  /** The wait that began last among the profile's requests waiting now; null when none waits. */
  function waiting(profileId: string): ChangeRetry | null {
    const waits = byProfile.value[profileId]
    return waits && waits.waiting > 0 ? waits.retry : null
  }

  /** When (epoch ms) the profile's latest waiting request is sent again; null when none waits. */
  function resendsAt(profileId: string): number | null {
    return byProfile.value[profileId]?.resendsAt ?? null
  }

  return { waiting, resendsAt, listen: changed.start, stopListening: changed.stop }
})

/**
 * For a search box's `searchAsYouType`: when the profile's latest waiting request is sent again,
 * the search out being likely among them (a newer text then takes its place just before). Listens
 * to `retries.changed` from the box's first use.
 */
export function resendOfProfile(profileId: () => string | null): () => number | null {
  const retries = useRetriesStore()
  retries.listen()
  return () => {
    const id = profileId()
    return id ? retries.resendsAt(id) : null
  }
}
