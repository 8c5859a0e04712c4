import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Result } from '../../../shared/errors'
import type { JournalEntry, JournalOperation, OperationUndoReport } from '../../../shared/journal'
import { useApi } from '../api/lanyardApi'

/**
 * The operations the Activity list's entries belong to (an offboarding, the undo of one), read by
 * id. The list's pages hold entries, not operations: each operation met on a page is read once
 * (`journal.operation`), however many of its children the page holds, and kept until the list
 * is read afresh. A child announced later (`journal.appended`) is placed in its operation here
 * without reading the operation again.
 */
export const useJournalOperationsStore = defineStore('journalOperations', () => {
  const byId = ref<Record<string, JournalOperation>>({})
  /** Operations whose read failed: their children stay plain rows rather than disappear. */
  const unreadable = ref<Record<string, true>>({})
  const reading = new Map<string, Promise<void>>()
  /** Children announced while their operation was being read: merged once it lands. */
  let announcedWhileReading: JournalEntry[] = []
  // A read started before `forget` must not write an operation back into a cache that was cleared.
  let generation = 0

  function find(operationId: string): JournalOperation | undefined {
    return byId.value[operationId]
  }

  async function read(operationId: string): Promise<void> {
    const thisGeneration = generation
    const result = await useApi().invoke('journal.operation', { operationId })
    if (thisGeneration !== generation) return
    if (!result.ok) {
      unreadable.value = { ...unreadable.value, [operationId]: true }
      return
    }
    remember(result.value)
    const waiting = announcedWhileReading.filter((entry) => entry.operationId === operationId)
    announcedWhileReading = announcedWhileReading.filter((entry) => entry.operationId !== operationId)
    for (const entry of waiting) placeChild(entry)
  }

  /** Reads each operation these entries belong to that is neither known nor being read: once each. */
  async function ensureFor(entries: readonly JournalEntry[]): Promise<void> {
    const wanted = new Set(entries.map((entry) => entry.operationId).filter((id): id is string => id !== null))
    const reads: Promise<void>[] = []
    for (const operationId of wanted) {
      if (byId.value[operationId] || unreadable.value[operationId]) continue
      let pending = reading.get(operationId)
      if (!pending) {
        pending = read(operationId).finally(() => reading.delete(operationId))
        reading.set(operationId, pending)
      }
      reads.push(pending)
    }
    await Promise.all(reads)
  }

  /** Reads an operation again (its undo state changed: a child or the whole was undone). */
  async function refresh(operationId: string): Promise<JournalOperation | undefined> {
    const { [operationId]: _dropped, ...rest } = unreadable.value
    unreadable.value = rest
    await read(operationId)
    return byId.value[operationId]
  }

  function remember(operation: JournalOperation): void {
    byId.value = { ...byId.value, [operation.id]: operation }
  }

  /** An entry main announced: over its older self in its operation, or added as its newest child. */
  function placeChild(entry: JournalEntry): void {
    const operationId = entry.operationId
    if (!operationId) return
    const operation = byId.value[operationId]
    if (!operation) {
      if (reading.has(operationId)) announcedWhileReading.push(entry)
      else void ensureFor([entry])
      return
    }
    const at = operation.entries.findIndex((child) => child.id === entry.id)
    const entries = at >= 0 ? operation.entries.toSpliced(at, 1, entry) : [...operation.entries, entry]
    remember({ ...operation, entries })
  }

  /** Undoes every child of an operation that can be undone, as a new operation; both are kept as they now stand. */
  async function undoOperation(operationId: string): Promise<Result<OperationUndoReport>> {
    const result = await useApi().invoke('journal.undoOperation', { operationId })
    if (result.ok) remember(result.value.operation)
    await refresh(operationId)
    return result
  }

  /** The list is read afresh: operations are read again as its pages name them. */
  function forget(): void {
    generation++
    byId.value = {}
    unreadable.value = {}
    reading.clear()
    announcedWhileReading = []
  }

  return { byId, unreadable, find, ensureFor, refresh, placeChild, undoOperation, forget }
})
