import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChangeProgress } from '../../../shared/changeProgress'
import { useApi } from '../api/lanyardApi'
import { eventSubscription } from '../api/eventSubscription'

/**
 * The changes running now, as main reports them (`changes.progress`): each one's steps and the retry
 * it waits for, until its outcome is in the journal (`journal.appended` for its entry, which main
 * sends once the change has ended, whatever became of it).
 */
export const useChangeProgressStore = defineStore('changeProgress', () => {
  const byEntry = ref<Record<string, ChangeProgress>>({})
  /** Entries the person asked to cancel: the button says so until the change ends. */
  const cancelling = ref<Record<string, boolean>>({})

  /** When each change's waiting request is sent again (epoch ms), stamped as its report arrives. */
  const resendsAt = ref<Record<string, number | null>>({})

  const progress = eventSubscription('changes.progress', (report) => {
    byEntry.value = { ...byEntry.value, [report.entryId]: report }
    resendsAt.value = { ...resendsAt.value, [report.entryId]: report.retry ? Date.now() + report.retry.waitMs : null }
  })
  const ended = eventSubscription('journal.appended', ({ entryId }) => {
    if (!(entryId in byEntry.value)) return
    const { [entryId]: _ended, ...still } = byEntry.value
    byEntry.value = still
    delete cancelling.value[entryId]
    delete resendsAt.value[entryId]
  })

  /** The change running on this object, or null. */
  function runningOn(profileId: string, objectId: string): ChangeProgress | null {
    return Object.values(byEntry.value).find((report) => report.profileId === profileId && report.objectId === objectId) ?? null
  }

  /** Asks main to cancel; what the change did by then comes back as its own answer and journal entry. */
  async function cancel(entryId: string): Promise<void> {
    cancelling.value = { ...cancelling.value, [entryId]: true }
    await useApi().invoke('directory.cancelChange', { entryId })
  }

  function listen(): void {
    progress.start()
    ended.start()
  }

  return { byEntry, cancelling, resendsAt, runningOn, cancel, listen }
})
