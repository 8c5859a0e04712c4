import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LanyardError } from '../../../shared/errors'
import type { JournalEntry } from '../../../shared/journal'
import { useApi } from '../api/lanyardApi'

/**
 * The change of the shown user whose outcome is not known yet (its answer was lost), as main's
 * journal says (`journal.unsettledFor`), and Check now (`journal.settle`). While there is one the
 * panel says "Checking…" and offers no second deprovision. Looked up on every read of the user:
 * main reports a settled change as `directory.changed`, so the re-read also ends the "Checking…".
 */
export const useUnsettledChangesStore = defineStore('unsettledChanges', () => {
  const entry = ref<JournalEntry | null>(null)
  /** The entry as Check now last left it, settled: what the target was found to say. */
  const settled = ref<JournalEntry | null>(null)
  const checking = ref(false)
  const checkFailure = ref<LanyardError | null>(null)
  /** The user last asked about: an answer for another is dropped. */
  let asked = ''

  async function lookUp(profileId: string, userId: string): Promise<void> {
    const key = `${profileId}\n${userId}`
    if (key !== asked) settled.value = null
    asked = key
    const result = await useApi().invoke('journal.unsettledFor', { profileId, userId })
    if (asked !== key) return
    entry.value = result.ok ? result.value : null
  }

  async function checkNow(): Promise<void> {
    const unsettled = entry.value
    if (!unsettled || checking.value) return
    checking.value = true
    checkFailure.value = null
    const result = await useApi().invoke('journal.settle', { entryId: unsettled.id })
    checking.value = false
    if (!result.ok) {
      checkFailure.value = result.error
      return
    }
    if (entry.value?.id !== unsettled.id) return
    const stillPending = result.value.outcome.status === 'pending'
    entry.value = stillPending ? result.value : null
    settled.value = stillPending ? null : result.value
  }

  function clear(): void {
    asked = ''
    entry.value = null
    settled.value = null
    checkFailure.value = null
  }

  return { entry, settled, checking, checkFailure, lookUp, checkNow, clear }
})
