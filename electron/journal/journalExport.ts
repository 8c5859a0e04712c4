import type { ExportedFile } from '../../shared/contract'
import { csvCell, csvFile } from '../../shared/csv'
import { localDateTime } from '../../shared/dates'
import type { JournalEntry, JournalFilter } from '../../shared/journal'

const columns: { header: string; cell: (entry: JournalEntry) => string }[] = [
  { header: 'Time', cell: (entry) => localDateTime(entry.time) },
  // The exact moment as well, for sorting and for matching other systems' logs.
  { header: 'Time (UTC)', cell: (entry) => entry.time },
  { header: 'Actor', cell: (entry) => entry.actor },
  { header: 'Action', cell: (entry) => entry.action },
  { header: 'Summary', cell: (entry) => entry.summary },
  { header: 'Outcome', cell: (entry) => entry.outcome.status },
  { header: 'Outcome message', cell: (entry) => entry.outcome.message },
  { header: 'Reconciled at start-up', cell: (entry) => (entry.outcome.reconciled ? 'yes' : 'no') },
  { header: 'Profile', cell: (entry) => entry.profileName },
  { header: 'Connector', cell: (entry) => entry.connectorId },
  { header: 'Object type', cell: (entry) => entry.target.objectType },
  { header: 'Object id', cell: (entry) => entry.target.id },
  { header: 'Object name', cell: (entry) => entry.target.name },
  { header: 'Related', cell: (entry) => (entry.related ? `${entry.related.name} (${entry.related.id})` : '') },
  {
    header: 'Changes',
    cell: (entry) => entry.changes.map((change) => `${change.attribute}: ${show(change.before)} → ${show(change.after)}`).join('; '),
  },
  { header: 'Steps', cell: (entry) => entry.outcome.steps.map((step) => `${step.name}: ${step.status}`).join('; ') },
  { header: 'Undoes entry', cell: (entry) => entry.undoOf ?? '' },
  { header: 'Entry id', cell: (entry) => entry.id },
  { header: 'Ticket or reason', cell: (entry) => entry.reason ?? '' },
  { header: 'Own account override', cell: (entry) => entry.ownAccountOverride ?? '' },
]

/** The filtered journal as a spreadsheet-safe CSV (RFC 4180) or as JSON, named with the date. */
export function exportEntries(entries: readonly JournalEntry[], format: 'csv' | 'json', filter: JournalFilter, now: Date): ExportedFile {
  const date = now.toISOString().slice(0, 10)
  if (format === 'json') {
    const content = JSON.stringify({ format: 'lanyard-journal', version: 1, exportedAt: now.toISOString(), filter, entries }, null, 2)
    return { fileName: `lanyard-journal-${date}.json`, content: `${content}\n` }
  }
  const rows = entries.map((entry) => columns.map((column) => column.cell(entry)))
  return { fileName: `lanyard-journal-${date}.csv`, content: csvFile(columns.map((column) => column.header), rows) }
}

export { csvCell }

function show(value: unknown): string {
  if (value === null || value === undefined) return '(empty)'
  return Array.isArray(value) ? value.join(', ') : String(value)
}
