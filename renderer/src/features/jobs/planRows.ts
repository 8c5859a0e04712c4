import type { JobChange, JobChangeResult, JobChangeState, JobDetails, JobPlan, JobPlanRow } from '../../../../shared/jobs'

/** One line of a plan's table: a change of an input line, or the line itself when it has none (skipped, a problem). */
export interface PlanTableRow {
  key: string
  /** The input line's number and text on its first row only, so a line's several changes read as one group. */
  line: number | null
  input: string
  /** The input line this row belongs to, on every row: the row read whole names it. */
  of: { line: number; input: string }
  state: JobPlanRow['state']
  what: string
  beforeAfter: string
}

/** "Okta Sandbox · Dana Lee", "… · add to Sales": what a change touches, in one short cell. */
export function changeLabel(change: JobChange): string {
  const group = change.group ? `${change.action === 'removeMember' ? 'remove from' : 'add to'} ${change.group.name}` : null
  return [change.profileName, change.displayName, group].filter(Boolean).join(' · ')
}

/** A plan's rows, a table row per change: 10,000 lines become a flat list the virtual table can place by index. */
export function planTableRows(plan: JobPlan, shown: 'all' | JobPlanRow['state']): PlanTableRow[] {
  const rows: PlanTableRow[] = []
  for (const row of plan.rows) {
    if (shown !== 'all' && row.state !== shown) continue
    if (row.changes.length === 0) {
      rows.push({ key: `${row.line}`, line: row.line, input: row.input, of: row, state: row.state, what: row.reason ?? '', beforeAfter: '' })
      continue
    }
    row.changes.forEach((change, index) => {
      rows.push({
        key: `${row.line}:${index}`,
        line: index === 0 ? row.line : null,
        input: index === 0 ? row.input : '',
        of: row,
        state: row.state,
        // A ready line may carry a note too ("Already in EMEA: only removed from EMEA-old").
        what: row.reason && index === 0 ? `${changeLabel(change)} — ${row.reason}` : changeLabel(change),
        beforeAfter: `${change.before} → ${change.after}`,
      })
    })
  }
  return rows
}

/** One line of a job's results: a change with its outcome, or an input line the plan left out. */
export interface ResultTableRow {
  key: string
  line: number
  input: string
  state: ResultState
  what: string
  reason: string
}

/** A change's state as its row reads: `checking` is a failed one whose outcome is not known yet (pending). */
export type ResultState = JobChangeState | 'checking'

export function resultStateOf(change: Pick<JobChangeResult, 'state' | 'pending'>): ResultState {
  return change.state === 'failed' && change.pending ? 'checking' : change.state
}

/** Which of a job's results to show: one state of its changes, or the input lines its plan left out (`unplanned`). */
export type ResultFilter = 'all' | ResultState | 'unplanned'

/**
 * A job's results by input line: its changes as they ran, and the lines its plan left out with why.
 * Those lines are no change: `skipped` shows the skipped changes only, so its count is the progress line's.
 */
export function resultTableRows(details: JobDetails, shown: ResultFilter): ResultTableRow[] {
  const rows: ResultTableRow[] = []
  for (const change of details.changes) {
    const state = resultStateOf(change)
    if (shown !== 'all' && state !== shown) continue
    rows.push({ key: `c${change.index}`, line: change.line, input: change.input, state, what: changeLabel(change), reason: change.error?.message ?? change.message ?? '' })
  }
  if (shown === 'all' || shown === 'unplanned') {
    for (const skipped of details.skippedLines) rows.push({ key: `s${skipped.line}`, line: skipped.line, input: skipped.input, state: 'skipped', what: '', reason: skipped.reason })
  }
  return rows.sort((left, right) => left.line - right.line)
}
