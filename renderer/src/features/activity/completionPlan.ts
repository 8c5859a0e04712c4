import { findObjectType, getDescriptor } from '../../../../shared/catalogue'
import type { StepReport } from '../../../../shared/errors'
import type { CompletionChoice, JournalEntry } from '../../../../shared/journal'
import { labelFor } from '../../components/attributeValues'
import { formatValue, type ChangeLine } from '../../components/changeLines'
import type { ConfirmationRequest, PasswordQuestion } from '../../stores/ui'

/**
 * How finishing or rolling back a create or update that stopped part-way (Cognito runs them as
 * steps) is confirmed, from the form that saw it stop and from the Activity view alike: the steps
 * it will run or take back, said before anything is sent. Main reads the object first and sends
 * only what still differs, so the wording promises no more than that.
 */

export const finishLabel = 'Finish the remaining steps'
export const rollbackLabel = 'Roll back the applied steps'

const stepWords: Record<StepReport['status'], string> = { applied: 'done', failed: 'failed', not_attempted: 'not attempted' }

/** "the creation of ada" / "the change to ada" / "the deprovision of ada". */
export function changeName(entry: JournalEntry): string {
  if (entry.action === 'deprovision') return `the deprovision of ${entry.target.name}`
  return entry.action === 'create' ? `the creation of ${entry.target.name}` : `the change to ${entry.target.name}`
}

export const finishDeprovisionLabel = 'Finish deprovision'

function targetLabel(entry: JournalEntry): string {
  return getDescriptor(entry.connectorId).label
}

function stepLines(steps: readonly StepReport[], label: string): ChangeLine[] {
  return steps.map((step) => ({ label, text: `${step.name} (${stepWords[step.status]})` }))
}

/** The password finishing needs typed again, when its step did not happen; null otherwise. */
export function passwordQuestion(entry: JournalEntry, choice: CompletionChoice): PasswordQuestion | null {
  if (choice !== 'finish' || entry.completion?.needsPassword !== true) return null
  return {
    label: 'Password',
    help: 'The password step did not happen, and Lanyard never keeps passwords: type it again. It is sent once and not stored.',
  }
}

/**
 * Why a roll-back cannot be offered, when the descriptor says so up front: rolling back a create
 * deletes the object again, which the target must allow. Null when it can be offered.
 */
export function rollbackRefusal(entry: JournalEntry): string | null {
  if (entry.action !== 'create') return null
  const descriptor = getDescriptor(entry.connectorId)
  const objectType = findObjectType(descriptor, entry.target.objectType)
  if (objectType?.operations.delete) return null
  return `${descriptor.label} does not let Lanyard delete ${objectType?.label.toLowerCase() ?? 'this object'}, so a creation cannot be rolled back.`
}

/**
 * A deprovision that stopped part-way: main sends only its steps that did not happen (a step the
 * target cannot show, like Cognito's sign-out, is sent again), and undo still brings everything back.
 */
function finishDeprovisionPlan(entry: JournalEntry, remaining: readonly StepReport[]): ConfirmationRequest {
  return {
    title: `Finish ${changeName(entry)}?`,
    message:
      `Lanyard sends ${targetLabel(entry)} only the steps of this deprovision that did not happen; what was done is not sent again. ` +
      'Undo stays on offer and brings back everything recorded before the deprovision.',
    lines: stepLines(remaining, 'To do'),
    confirmLabel: finishDeprovisionLabel,
    danger: true,
  }
}

function finishPlan(entry: JournalEntry): ConfirmationRequest {
  const remaining = entry.outcome.steps.filter((step) => step.status !== 'applied')
  if (entry.action === 'deprovision') return finishDeprovisionPlan(entry, remaining)
  return {
    title: `Finish ${changeName(entry)}?`,
    message:
      `Lanyard reads ${entry.target.name} in ${targetLabel(entry)} now and runs the steps that did not happen; ` +
      'whatever the target already holds is not sent again.',
    lines: stepLines(remaining, 'To do'),
    confirmLabel: finishLabel,
    danger: false,
  }
}

function rollbackCreatePlan(entry: JournalEntry): ConfirmationRequest {
  const applied = entry.outcome.steps.filter((step) => step.status === 'applied')
  return {
    title: `Roll back ${changeName(entry)}?`,
    message: `Lanyard deletes ${entry.target.name} from ${targetLabel(entry)} again, which takes back every step that was applied.`,
    lines: stepLines(applied, 'Taken back'),
    confirmLabel: rollbackLabel,
    danger: true,
  }
}

/** Each recorded change is shown new → old; a write-only value (a password) cannot be read back, so it says so. */
function rollbackUpdatePlan(entry: JournalEntry): ConfirmationRequest {
  const objectType = findObjectType(getDescriptor(entry.connectorId), entry.target.objectType)
  const writeOnly = new Set(objectType?.mapping.filter((row) => row.access === 'writeOnly').map((row) => row.scim) ?? [])
  const lines: ChangeLine[] = entry.changes.map((change) =>
    writeOnly.has(change.attribute)
      ? { label: labelFor(change.attribute), hint: change.attribute, text: `cannot be set back: ${targetLabel(entry)} never returns the old value` }
      : { label: labelFor(change.attribute), hint: change.attribute, before: formatValue(change.after), after: formatValue(change.before) },
  )
  return {
    title: `Roll back ${changeName(entry)}?`,
    message:
      `Lanyard sets back each attribute of ${entry.target.name} that still holds the new value; ` +
      'one that someone has changed since is left as it is.',
    lines,
    confirmLabel: rollbackLabel,
    danger: false,
  }
}

export function completionPlan(entry: JournalEntry, choice: CompletionChoice): ConfirmationRequest {
  if (choice === 'finish') return finishPlan(entry)
  return entry.action === 'create' ? rollbackCreatePlan(entry) : rollbackUpdatePlan(entry)
}
