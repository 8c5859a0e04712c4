import type { JournalEntry } from '../../../../shared/journal'
import { labelFor } from '../../components/attributeValues'
import { formatValue, type ChangeLine } from '../../components/changeLines'
import type { ConfirmationRequest } from '../../stores/ui'

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
    lines.push({ label: 'Groups', text: groups.length > 0 ? `in ${groups.join(', ')} again` : 'none were recorded' })
  }
  const then = lines.length > 0 ? ':' : '.'
  return {
    title: `Undo the deprovision of ${entry.target.name}?`,
    message: `${entry.summary} (${new Date(entry.time).toLocaleString()}). Undo brings back what it took away, then reads the user back to check${then}`,
    lines,
    confirmLabel: 'Undo deprovision',
    danger: false,
  }
}
