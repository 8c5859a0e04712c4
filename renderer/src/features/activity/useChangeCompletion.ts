import { ref } from 'vue'
import type { LanyardError } from '../../../../shared/errors'
import type { CompletionChoice, JournalEntry } from '../../../../shared/journal'
import { useActivityStore } from '../../stores/activity'
import { useUiStore } from '../../stores/ui'
import { changeName, completionPlan, passwordQuestion } from './completionPlan'

/** What the last finish or roll-back did: the new journal entry, or why it did not complete. */
export type CompletionOutcome =
  | { partial: JournalEntry; choice: CompletionChoice; entry: JournalEntry; error: null }
  | { partial: JournalEntry; choice: CompletionChoice; entry: null; error: LanyardError }

/**
 * Finishing or rolling back a change that stopped part-way, after the person has seen exactly what
 * will be done. A password typed for finishing lives in this function's one call only: from the
 * confirmation straight into `journal.complete`.
 */
export function useChangeCompletion() {
  const activity = useActivityStore()
  const ui = useUiStore()
  const completingEntryId = ref<string | null>(null)
  const outcome = ref<CompletionOutcome | null>(null)

  /** Resolves the outcome, or null when the person cancelled. */
  async function complete(partial: JournalEntry, choice: CompletionChoice): Promise<CompletionOutcome | null> {
    const plan = completionPlan(partial, choice)
    const question = passwordQuestion(partial, choice)
    let password: string | undefined
    if (question) {
      const typed = await ui.confirmWithPassword(plan, question)
      if (typed === null) return null
      password = typed
    } else if (!(await ui.confirm(plan))) {
      return null
    }

    completingEntryId.value = partial.id
    const result =
      partial.action === 'deprovision'
        ? await activity.finishDeprovision(partial.id)
        : await activity.complete({ entryId: partial.id, choice, ...(password !== undefined ? { password } : {}) })
    completingEntryId.value = null
    const what = changeName(partial)
    if (result.ok) {
      outcome.value = { partial, choice, entry: result.value, error: null }
      ui.showToast(choice === 'finish' ? `Finished ${what}.` : `Rolled back ${what}.`)
    } else {
      outcome.value = { partial, choice, entry: null, error: result.error }
      ui.showToast(`${choice === 'finish' ? 'Finishing' : 'Rolling back'} ${what} did not complete. ${result.error.message}`, 'error')
    }
    return outcome.value
  }

  function dismissOutcome(): void {
    outcome.value = null
  }

  return { completingEntryId, outcome, complete, dismissOutcome }
}
