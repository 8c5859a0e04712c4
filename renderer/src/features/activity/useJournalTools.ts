import { ref } from 'vue'
import type { LanyardError } from '../../../../shared/errors'
import type { ChainVerification, JournalEntry, JournalFilter, JournalOperation, OperationUndoReport, UndoReport } from '../../../../shared/journal'
import { useActivityStore } from '../../stores/activity'
import { useUiStore } from '../../stores/ui'
import { operationUndoPlan, undoPlan } from '../journal/undoPlan'
import { downloadFile } from '../profiles/downloadFile'
import { outcomeLooks } from './journalWords'

/** What the last undo did, shown above the table until the next one. */
export type UndoOutcome =
  | { targetName: string; report: UndoReport; error: null }
  | { targetName: string; report: null; error: LanyardError }

/** What the last undo of an operation did, per account; `accounts` names each child by its account and profile. */
export type OperationUndoOutcome =
  | { title: string; report: OperationUndoReport; accounts: Record<string, string>; error: null }
  | { title: string; report: null; accounts: Record<string, string>; error: LanyardError }

const exportTypes = { csv: 'text/csv', json: 'application/json' } as const

/**
 * The Activity view's actions beyond reading: check the hash chain, export what the filters
 * show, undo a deprovision after the person has seen what it brings back, and check now whether a
 * change whose outcome is not known took effect.
 */
export function useJournalTools(currentFilter: () => JournalFilter) {
  const store = useActivityStore()
  const ui = useUiStore()

  const verifying = ref(false)
  const verification = ref<ChainVerification | null>(null)
  const verifyError = ref<LanyardError | null>(null)
  const exporting = ref(false)
  const undoingEntryId = ref<string | null>(null)
  const undoOutcome = ref<UndoOutcome | null>(null)
  const checkingEntryId = ref<string | null>(null)
  const undoingOperationId = ref<string | null>(null)
  const operationUndoOutcome = ref<OperationUndoOutcome | null>(null)

  async function verify(): Promise<void> {
    verifying.value = true
    const result = await store.verify()
    verifying.value = false
    verification.value = result.ok ? result.value : null
    verifyError.value = result.ok ? null : result.error
  }

  async function exportAs(format: 'csv' | 'json'): Promise<void> {
    exporting.value = true
    const result = await store.exportJournal(format, currentFilter())
    exporting.value = false
    if (!result.ok) {
      ui.showToast(result.error.message, 'error')
      return
    }
    downloadFile(result.value.fileName, result.value.content, exportTypes[format])
    ui.showToast(`Journal exported to ${result.value.fileName}.`)
  }

  async function undo(entry: JournalEntry): Promise<void> {
    if (!(await ui.confirm(undoPlan(entry)))) return
    undoingEntryId.value = entry.id
    const result = await store.undo(entry.id)
    undoingEntryId.value = null
    const targetName = entry.target.name
    if (result.ok) {
      undoOutcome.value = { targetName, report: result.value, error: null }
      ui.showToast(`The deprovision of ${targetName} was undone.`)
    } else {
      undoOutcome.value = { targetName, report: null, error: result.error }
      ui.showToast(`Undo for ${targetName} did not complete. ${result.error.message}`, 'error')
    }
  }

  /** Undoes an offboarding (any operation) everywhere after one confirmation; the report says what became of each account. */
  async function undoOperation(operation: JournalOperation): Promise<void> {
    if (!(await ui.confirm(operationUndoPlan(operation)))) return
    undoingOperationId.value = operation.id
    const result = await store.undoOperation(operation.id)
    undoingOperationId.value = null
    const accounts = Object.fromEntries(operation.entries.map((entry) => [entry.id, `${entry.target.name} in ${entry.profileName}`]))
    const title = operation.title
    if (result.ok) {
      operationUndoOutcome.value = { title, report: result.value, accounts, error: null }
      const undone = result.value.children.filter((child) => child.result === 'undone').length
      const complete = undone === result.value.children.length
      ui.showToast(complete ? `${title} was undone.` : `${title} was undone for ${undone} of ${result.value.children.length} accounts.`, complete ? 'success' : 'error')
    } else {
      operationUndoOutcome.value = { title, report: null, accounts, error: result.error }
      ui.showToast(`Undo of ${title} did not complete. ${result.error.message}`, 'error')
    }
  }

  /** Says what the check found, in the outcome's own words; the re-read list shows it on the entry. */
  async function checkNow(entry: JournalEntry): Promise<void> {
    checkingEntryId.value = entry.id
    const result = await store.settle(entry.id)
    checkingEntryId.value = null
    const name = entry.target.name
    if (result.ok) {
      const { status, message } = result.value.outcome
      ui.showToast(`Checked ${name}: ${outcomeLooks[status].label}. ${message}`, status === 'applied' ? 'success' : 'info')
    } else {
      ui.showToast(`Could not check ${name}. ${result.error.message}`, 'error')
    }
  }

  function dismissUndoOutcome(): void {
    undoOutcome.value = null
  }

  function dismissOperationUndoOutcome(): void {
    operationUndoOutcome.value = null
  }

  return {
    verifying,
    verification,
    verifyError,
    verify,
    exporting,
    exportAs,
    undoingEntryId,
    undoOutcome,
    undo,
    dismissUndoOutcome,
    undoingOperationId,
    operationUndoOutcome,
    undoOperation,
    dismissOperationUndoOutcome,
    checkingEntryId,
    checkNow,
  }
}
