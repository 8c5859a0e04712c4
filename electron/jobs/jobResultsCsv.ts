import type { ExportedFile } from '../../shared/contract'
import type { JobDetails } from '../../shared/jobs'
import { csvCell } from '../journal/journalExport'

const actionWords = { deprovision: 'Deprovision', undoDeprovision: 'Undo deprovision', addMember: 'Add to group', removeMember: 'Remove from group' } as const
const stateWords = { waiting: 'Not run', running: 'Running', done: 'Done', skipped: 'Skipped', failed: 'Failed' } as const

/**
 * A job's results as a spreadsheet opens them: UTF-8 with a byte-order mark (Excel reads accents
 * right only with one), human column names, one row per change and one per line that was not run.
 */
export function jobResultsCsv(details: JobDetails, now: Date): ExportedFile {
  const header = ['Line', 'Input', 'Account', 'Application', 'Change', 'Group', 'Before', 'After', 'Result', 'Reason', 'Journal entry']
  const rows = details.changes.map((change) => [
    String(change.line),
    change.input,
    change.displayName,
    change.profileName,
    actionWords[change.action],
    change.group?.name ?? '',
    change.before,
    change.after,
    change.state === 'failed' && change.pending ? 'Not known yet (checking)' : stateWords[change.state],
    change.message ?? '',
    change.entryId ?? '',
  ])
  for (const skipped of details.skippedLines) rows.push([String(skipped.line), skipped.input, '', '', '', '', '', '', 'Skipped', skipped.reason, ''])
  rows.sort((a, b) => Number(a[0]) - Number(b[0]))
  const content = [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')
  const date = now.toISOString().slice(0, 10)
  return { fileName: `lanyard-job-${details.job.id.slice(0, 8)}-${date}.csv`, content: `\uFEFF${content}\r\n` }
}
