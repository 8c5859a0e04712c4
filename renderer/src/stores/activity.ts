import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ExportedFile } from '../../../shared/contract'
import type { LanyardError, Result } from '../../../shared/errors'
import type {
  ChainVerification,
  CompleteChangeInput,
  JournalEntry,
  JournalFilter,
  UndoReport,
} from '../../../shared/journal'
import { eventSubscription } from '../api/eventSubscription'
import { useApi } from '../api/lanyardApi'

/**
 * The journal as the Activity view shows it, plus what start-up reconciliation settled. The
 * list is re-read with the last filter on every `journal.appended`, so a change made in another
 * view (or by undo here) shows up without a manual refresh.
 */
export const useActivityStore = defineStore('activity', () => {
  const items = ref<JournalEntry[]>([])
  const loading = ref(false)
  const error = ref<LanyardError | null>(null)

  const reconciled = ref<JournalEntry[]>([])
  const reconciledError = ref<LanyardError | null>(null)
  const reconciledDismissed = ref(false)
  /** Something start-up reconciliation settled (or failed to report) that the person has not dismissed. */
  const hasReconciliationNews = computed(
    () => !reconciledDismissed.value && (reconciled.value.length > 0 || reconciledError.value !== null),
  )

  // Kept plain, not reactive: a reactive proxy cannot cross the IPC bridge (structured clone).
  let lastFilter: JournalFilter = {}
  // Only the newest load may write the list: an older, slower answer for a filter the person
  // has already changed must not overwrite the newer one.
  let latestLoad = 0

  /** Reads the journal with `next`, or again with the last filter used. */
  async function load(next: JournalFilter = lastFilter): Promise<void> {
    lastFilter = { ...next }
    const thisLoad = ++latestLoad
    loading.value = true
    const result = await useApi().invoke('journal.list', lastFilter)
    if (thisLoad !== latestLoad) return
    loading.value = false
    if (result.ok) {
      items.value = result.value.entries
      error.value = null
    } else {
      error.value = result.error
    }
  }

  /** Re-reads with the last filter whenever a change is journaled. */
  const appended = eventSubscription('journal.appended', () => void load())

  async function verify(): Promise<Result<ChainVerification>> {
    return useApi().invoke('journal.verify', {})
  }

  async function exportJournal(format: 'csv' | 'json', exportFilter: JournalFilter): Promise<Result<ExportedFile>> {
    return useApi().invoke('journal.export', { format, filter: exportFilter })
  }

  /** The list is re-read whatever happened: a failed undo is journaled too. */
  async function undo(entryId: string): Promise<Result<UndoReport>> {
    const result = await useApi().invoke('journal.undo', { entryId })
    await load()
    return result
  }

  /**
   * Check now: main reads the target for an entry whose outcome is not known and settles it. The
   * list is re-read whatever happened: another entry may have been settled along the way.
   */
  async function settle(entryId: string): Promise<Result<JournalEntry>> {
    const result = await useApi().invoke('journal.settle', { entryId })
    await load()
    return result
  }

  /**
   * One entry by id, read fresh (a form that just saw a change stop part-way needs its completion
   * state). Null when the journal does not hold it.
   */
  async function findEntry(entryId: string): Promise<Result<JournalEntry | null>> {
    const result = await useApi().invoke('journal.get', { entryId })
    if (!result.ok && result.error.code === 'not_found') return { ok: true, value: null }
    return result
  }

  /**
   * Finishes or rolls back a change that stopped part-way. A password (finishing a password step)
   * passes straight through to the api and is kept nowhere. The list is not re-read here: the
   * Activity view re-reads on `journal.appended`, and a form has no list to re-read.
   */
  async function complete(input: CompleteChangeInput): Promise<Result<JournalEntry>> {
    return useApi().invoke('journal.complete', input)
  }

  async function loadReconciled(): Promise<void> {
    const result = await useApi().invoke('journal.reconciled', {})
    if (result.ok) {
      reconciled.value = result.value
      reconciledError.value = null
    } else {
      reconciledError.value = result.error
    }
  }

  function dismissReconciled(): void {
    reconciledDismissed.value = true
  }

  return {
    items,
    loading,
    error,
    reconciled,
    reconciledError,
    reconciledDismissed,
    hasReconciliationNews,
    load,
    listen: appended.start,
    stopListeningForChanges: appended.stop,
    verify,
    exportJournal,
    undo,
    settle,
    findEntry,
    complete,
    loadReconciled,
    dismissReconciled,
  }
})
