import type { JournalEntry, JournalOperation, OperationAction, OutcomeStatus } from '../../../../shared/journal'
import { entryFacts, matchesFilter, type PreparedFilter } from '../../../../shared/journalFilter'
import { plural, type OutcomeLook } from './journalWords'

/**
 * The Activity list as rows: an entry on its own, or an operation (an offboarding, its undo) as ONE
 * row standing where its newest child on the page stands, holding its children. The journal's
 * pages are of entries; the operations come from `journal.operation`. An entry whose operation
 * could not be read stays a plain row: nothing is hidden.
 */
export type ActivityListRow =
  | { kind: 'entry'; key: string; entry: JournalEntry }
  | { kind: 'operation'; key: string; operation: JournalOperation; children: JournalEntry[] }

export function activityRows(
  items: readonly JournalEntry[],
  operations: Readonly<Record<string, JournalOperation>>,
  filter: PreparedFilter | null,
): ActivityListRow[] {
  const shownById = new Map(items.map((entry) => [entry.id, entry]))
  const rows: ActivityListRow[] = []
  const placed = new Set<string>()
  for (const entry of items) {
    const operation = entry.operationId ? operations[entry.operationId] : undefined
    if (!operation) {
      rows.push({ kind: 'entry', key: entry.id, entry })
      continue
    }
    if (placed.has(operation.id)) continue
    placed.add(operation.id)
    // The list's copy is the freshest (events replace it); a filter keeps the children that match it.
    const children = operation.entries
      .map((child) => shownById.get(child.id) ?? child)
      .filter((child) => !filter || shownById.has(child.id) || matchesFilter(entryFacts(child), filter))
    rows.push({ kind: 'operation', key: `operation-${operation.id}`, operation, children })
  }
  return rows
}

const childWords: Record<OutcomeStatus, string> = {
  applied: 'done',
  failed: 'failed',
  partial: 'partly done',
  pending: 'unfinished',
  undetermined: 'could not tell',
}

/** What each child of an operation is: a person's accounts for an offboarding and its undo, changes otherwise. */
const childNouns: Record<OperationAction, string> = { offboard: 'account', undo: 'account', bulk: 'change', move: 'change' }

/** "4 accounts: 3 done, 1 failed" — every child of the operation, by outcome. */
export function operationCounts(operation: JournalOperation): string {
  const counts = new Map<OutcomeStatus, number>()
  for (const child of operation.entries) counts.set(child.outcome.status, (counts.get(child.outcome.status) ?? 0) + 1)
  const total = plural(operation.entries.length, childNouns[operation.action])
  if (counts.size === 0) return total
  const parts = (Object.keys(childWords) as OutcomeStatus[]).filter((status) => counts.has(status)).map((status) => `${counts.get(status)} ${childWords[status]}`)
  return `${total}: ${parts.join(', ')}`
}

/** "Offboarding of Dana Lee — 4 accounts: 3 done, 1 failed" */
export function operationHeadline(operation: JournalOperation): string {
  return `${operation.title} — ${operationCounts(operation)}`
}

/** The operation's state from its children's: done only when every one is. */
export function operationLook(operation: JournalOperation): OutcomeLook {
  const statuses = new Set(operation.entries.map((child) => child.outcome.status))
  if (statuses.size === 0) return { label: 'Nothing done', tone: 'neutral' }
  if (statuses.size === 1 && statuses.has('applied')) return { label: 'Done', tone: 'ok' }
  if (statuses.size === 1 && statuses.has('failed')) return { label: 'Failed', tone: 'danger' }
  if (statuses.has('pending')) return { label: 'Unfinished', tone: 'neutral' }
  return { label: statuses.has('applied') || statuses.has('partial') ? 'Partly done' : 'Could not tell', tone: 'warning' }
}

/** "Undo offboarding" for an offboarding; the other kinds say what they are. */
export const operationUndoLabels: Record<OperationAction, string> = {
  offboard: 'Undo offboarding',
  bulk: 'Undo bulk change',
  move: 'Undo move',
  undo: 'Undo',
}
