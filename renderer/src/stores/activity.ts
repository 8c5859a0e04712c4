import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ExportedFile } from '../../../shared/contract'
import type { LanyardError, Result } from '../../../shared/errors'
import type {
  ChainVerification,
  CompleteChangeInput,
  JournalEntry,
  JournalFilter,
  OperationUndoReport,
  UndoReport,
} from '../../../shared/journal'
import { eventSubscription } from '../api/eventSubscription'
import { useApi } from '../api/lanyardApi'
import { entryFacts, matchesFilter, prepareFilter } from '../../../shared/journalFilter'
import { useJournalOperationsStore } from './journalOperations'

/**
 * The journal as the Activity view shows it, a page at a time, plus what start-up reconciliation
 * settled. Main sends each entry a change adds or alters as a `journal.appended` event carrying the
 * entry: it is placed in the list (or replaces its older self) without reading the list again.
 * The operations the entries belong to are read alongside (`journalOperations.ts`), so a page
 * arrives with its operations and the list shows each operation as one row from the start.
 */
export const useActivityStore = defineStore('activity', () => {
  const operations = useJournalOperationsStore()
  const items = ref<JournalEntry[]>([])
  /** Reads the page after the last one shown; null when the list is complete. */
  const nextCursor = ref<string | null>(null)
  const loading = ref(false)
  const loadingMore = ref(false)
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
  let preparedFilter = prepareFilter(lastFilter)
  // Only the newest load may write the list: an older, slower answer for a filter the person
  // has already changed must not overwrite the newer one.
  let latestLoad = 0
  /** Entries announced while the first page was on its way: placed once it lands, so none is lost. */
  let announcedWhileLoading: JournalEntry[] = []

  /** Reads the first page with `next`, or again with the last filter used. */
  async function load(next: JournalFilter = lastFilter): Promise<void> {
    lastFilter = { ...next }
    preparedFilter = prepareFilter(lastFilter)
    const thisLoad = ++latestLoad
    loading.value = true
    loadingMore.value = false
    announcedWhileLoading = []
    operations.forget()
    const result = await useApi().invoke('journal.list', lastFilter)
    if (thisLoad !== latestLoad) return
    if (result.ok) await operations.ensureFor(result.value.entries)
    if (thisLoad !== latestLoad) return
    loading.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    items.value = result.value.entries
    nextCursor.value = result.value.nextCursor
    error.value = null
    for (const entry of announcedWhileLoading) place(entry)
    announcedWhileLoading = []
  }

  /** Adds the next page below the entries shown (scrolling to the end, or Load more). */
  async function loadMore(): Promise<void> {
    if (!nextCursor.value || loading.value || loadingMore.value) return
    const thisLoad = latestLoad
    loadingMore.value = true
    const result = await useApi().invoke('journal.list', { ...lastFilter, cursor: nextCursor.value })
    if (thisLoad !== latestLoad) return
    if (result.ok) await operations.ensureFor(result.value.entries)
    if (thisLoad !== latestLoad) return
    loadingMore.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    const shown = new Set(items.value.map((entry) => entry.id))
    items.value = [...items.value, ...result.value.entries.filter((entry) => !shown.has(entry.id))]
    nextCursor.value = result.value.nextCursor
  }

  /**
   * Puts an entry where it belongs: over its older self, or among the entries shown by time when
   * the filter takes it. One older than every entry shown waits for its page.
   */
  function place(entry: JournalEntry): void {
    const matches = matchesFilter(entryFacts(entry), preparedFilter)
    const at = items.value.findIndex((shown) => shown.id === entry.id)
    if (at >= 0) {
      items.value = matches ? items.value.toSpliced(at, 1, entry) : items.value.toSpliced(at, 1)
      return
    }
    if (!matches) return
    const before = items.value.findIndex((shown) => shown.time < entry.time)
    if (before >= 0) items.value = items.value.toSpliced(before, 0, entry)
    else if (nextCursor.value === null) items.value = [...items.value, entry]
  }

  function announced(entry: JournalEntry): void {
    if (loading.value) announcedWhileLoading.push(entry)
    else place(entry)
    operations.placeChild(entry)
  }

  /** Reads entries again by id (those a change just altered), whether or not their event has come. */
  async function refreshEntries(entryIds: readonly (string | undefined)[]): Promise<void> {
    for (const entryId of new Set(entryIds)) {
      if (!entryId) continue
      const result = await useApi().invoke('journal.get', { entryId })
      if (result.ok) announced(result.value)
    }
  }

  const appended = eventSubscription('journal.appended', ({ entry }) => announced(entry))

  async function verify(): Promise<Result<ChainVerification>> {
    return useApi().invoke('journal.verify', {})
  }

  async function exportJournal(format: 'csv' | 'json', exportFilter: JournalFilter): Promise<Result<ExportedFile>> {
    return useApi().invoke('journal.export', { format, filter: exportFilter })
  }

  /** The undo's entry and the deprovision are read again whatever happened: a failed undo is journaled too. */
  async function undo(entryId: string): Promise<Result<UndoReport>> {
    const result = await useApi().invoke('journal.undo', { entryId })
    await refreshEntries([result.ok ? result.value.entry.id : result.error.details?.entryId, entryId])
    // Its operation's undo state may have changed with it (nothing left to undo, say).
    const operationId = items.value.find((entry) => entry.id === entryId)?.operationId
    if (operationId) await operations.refresh(operationId)
    return result
  }

  /**
   * Undoes an operation (an offboarding) as a new operation. The undo's children and the undone
   * operation's children, as they now stand, are placed in the list whether or not their events have come.
   */
  async function undoOperation(operationId: string): Promise<Result<OperationUndoReport>> {
    const result = await operations.undoOperation(operationId)
    const changed = [...(result.ok ? result.value.operation.entries : []), ...(operations.find(operationId)?.entries ?? [])]
    for (const entry of changed) announced(entry)
    return result
  }

  /**
   * Check now: main reads the target for an entry whose outcome is not known and settles it. The
   * entry is read again whatever happened; others settled along the way arrive as events.
   */
  async function settle(entryId: string): Promise<Result<JournalEntry>> {
    const result = await useApi().invoke('journal.settle', { entryId })
    await refreshEntries([entryId])
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
   * passes straight through to the api and is kept nowhere. The completion and the partial entry
   * are read again whatever happened: a completion that failed part-way is journaled too.
   */
  async function complete(input: CompleteChangeInput): Promise<Result<JournalEntry>> {
    const result = await useApi().invoke('journal.complete', { ...input })
    await refreshEntries([result.ok ? result.value.id : result.error.details?.entryId, input.entryId])
    return result
  }

  /** Finishes a deprovision that stopped part-way (only its missing steps are sent); both entries are read again, as for complete. */
  async function finishDeprovision(entryId: string): Promise<Result<JournalEntry>> {
    const result = await useApi().invoke('journal.finishDeprovision', { entryId })
    await refreshEntries([result.ok ? result.value.id : result.error.details?.entryId, entryId])
    return result
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
    nextCursor,
    loading,
    loadingMore,
    error,
    reconciled,
    reconciledError,
    reconciledDismissed,
    hasReconciliationNews,
    load,
    loadMore,
    listen: appended.start,
    stopListeningForChanges: appended.stop,
    verify,
    exportJournal,
    undo,
    undoOperation,
    settle,
    findEntry,
    complete,
    finishDeprovision,
    loadReconciled,
    dismissReconciled,
  }
})
