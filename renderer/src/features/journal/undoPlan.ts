import type { JournalEntry, JournalOperation } from '../../../../shared/journal'
import { localDateTime } from '../../../../shared/dates'
import { labelFor } from '../../components/attributeValues'
import { formatValue, type ChangeLine } from '../../components/changeLines'
import type { ConfirmationRequest } from '../../stores/ui'

/**
 * The recorded groups as what undo does with them: it adds back whichever is missing when it runs.
 * Never "in … again": no deprovision removes groups (an Okta suspend, a Cognito disable and a Coupa
 * deactivation all leave them), so saying they come back would claim a change that never happened.
 */
function recordedGroupsWords(groups: readonly string[]): string {
  if (groups.length === 1) return `${groups[0]} is added back if it is missing by then`
  return `any of ${groups.join(', ')} missing by then is added back`
}

/**
 * The one way an undo of a deprovision is confirmed, from the detail panel and from the Activity
 * view alike: it brings back what the deprovision took away, so each recorded change is shown
 * after → before.
 */
export function undoPlan(entry: JournalEntry): ConfirmationRequest {
  const lines: ChangeLine[] = entry.changes.map((change) => ({
    label: labelFor(change.attribute),
    hint: change.attribute,
    before: formatValue(change.after),
    after: formatValue(change.before),
  }))
  // What the deprovision read and kept: the status and the groups undo brings back.
  if (entry.recorded) {
    const { status, groups } = entry.recorded
    lines.push({ label: 'Status', text: `back to ${status}` })
    lines.push({ label: 'Groups', text: groups.length > 0 ? recordedGroupsWords(groups) : 'none were recorded' })
  }
  const then = lines.length > 0 ? ':' : '.'
  return {
    title: `Undo the deprovision of ${entry.target.name}?`,
    message: `${entry.summary} (${localDateTime(entry.time)}). Undo brings back what it took away, then reads the user back to check${then}`,
    lines,
    confirmLabel: 'Undo deprovision',
    danger: false,
  }
}

/**
 * The one confirmation of an operation's undo (an offboarding undone everywhere): each account it
 * brings back, with the status and groups that were recorded for it. Reversible, so one confirm.
 */
export function operationUndoPlan(operation: JournalOperation): ConfirmationRequest {
  const undoable = operation.entries.filter((entry) => entry.undo?.available)
  const lines: ChangeLine[] = undoable.map((entry) => ({
    label: `${entry.target.name} in ${entry.profileName}`,
    text: entry.recorded
      ? `back to ${entry.recorded.status}${entry.recorded.groups.length > 0 ? `; ${recordedGroupsWords(entry.recorded.groups)}` : ''}`
      : 'brought back as recorded',
  }))
  const left = operation.entries.length - undoable.length
  const accounts = `${undoable.length} account${undoable.length === 1 ? '' : 's'}`
  return {
    // "Offboarding of Dana Lee" → "Undo the offboarding of Dana Lee?"
    title: `Undo the ${operation.title.charAt(0).toLowerCase()}${operation.title.slice(1)}?`,
    message:
      `Brings back ${accounts}, then reads each back to check.` +
      (left > 0 ? ` ${left} other${left === 1 ? ' is' : 's are'} left as they are (already undone, or nothing to undo).` : ''),
    lines,
    confirmLabel: operation.action === 'offboard' ? 'Undo offboarding' : 'Undo',
    danger: false,
  }
}
