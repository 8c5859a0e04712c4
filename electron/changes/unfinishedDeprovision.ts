import type { JournalEntry } from '../../shared/journal'
import type { DeprovisionSnapshot } from '../connectors/Connector'
import type { Journal } from '../journal/Journal'
import type { IntentRecord } from '../journal/journalRecord'
import { itemOf } from './snapshotComparison'

/*
 * A deprovision that stopped part-way (Cognito disabled the user but the sign-out failed; GoTo took
 * the admin roles but not the licences) is finished, not skipped, when its operation runs it again:
 * a job's "Retry failed rows" or resume, an offboarding's "Retry failed". The finish works from the
 * journaled snapshot and sends only the steps that did not happen (DeprovisionService.finish).
 */

export interface Unfinished {
  /** The deprovision that stopped part-way (never a finish of it). */
  root: IntentRecord
  snapshot: DeprovisionSnapshot
  /**
   * The names of its steps applied so far, by it or by an earlier finish; null when its steps are not
   * on record (its answer was lost, and settling found it partial by reading the target).
   */
  done: ReadonlySet<string> | null
}

/** How a deprovision ended, and in what words to say so (its entry's own, unless it was done before: finishedBefore). */
export interface DeprovisionOutcome {
  entry: JournalEntry
  message: string
}

/**
 * A deprovision entry that stopped part-way, or a finish of one (the person's "Finish deprovision" on a partial entry,
 * wherever it was made, or an operation's retry): what is left of it, or null when it is not unfinished (its newest
 * attempt is partial, or a finish of it failed; not once it was finished or undone since).
 */
export function unfinishedFrom(journal: Journal, entry: IntentRecord): Unfinished | null {
  const root = entry.completes ? journal.intent(entry.completes) : entry
  const first = root.action === 'deprovision' && root.snapshot ? journal.entry(root.id) : null
  if (!root.snapshot || first?.outcome.status !== 'partial' || journal.undoState(root).undoneBy) return null
  const finishes = journal.completionsOf(root.id)
  if (finishes.some((finish) => finish.outcome.status === 'applied')) return null
  if (first.outcome.steps.length === 0) return { root, snapshot: root.snapshot, done: null }
  const applied = [first, ...finishes].flatMap((entry) => entry.outcome.steps).filter((step) => step.status === 'applied')
  return { root, snapshot: root.snapshot, done: new Set(applied.map((step) => step.name)) }
}

/**
 * The finish that completed a deprovision which stopped part-way (`entryId` names it, or a finish of it), made by Finish
 * deprovision (Activity, the account panel) or a retry; null when none did.
 */
export function appliedFinishOf(journal: Journal, entryId: string): JournalEntry | null {
  // The index knows a deprovision's finishes (deprovisions naming it in `completes`) without reading its own entry.
  return journal.completionsOf(entryId).find((completion) => completion.action === 'deprovision' && completion.outcome.status === 'applied') ?? null
}

/**
 * A retry meeting a deprovision finished since it failed: done, by that finish, named as the journal names it ("Already
 * finished on … by …"), and nothing to send. Null when it was not finished, or was undone since (a retry then starts over).
 */
export function finishedBefore(journal: Journal, entry: IntentRecord): DeprovisionOutcome | null {
  const root = entry.completes ? journal.intent(entry.completes) : entry
  const finish = appliedFinishOf(journal, root.id)
  if (!finish || journal.undoState(root).undoneBy) return null
  return { entry: finish, message: `${journal.finishState(root).reason} ${finish.outcome.message}` }
}

/** The snapshot with each list it keeps (GoTo's licences and roles) cut to what the target still holds. */
export function stillHeld(snapshot: DeprovisionSnapshot, live: DeprovisionSnapshot): DeprovisionSnapshot {
  const held = (list: unknown[], now: unknown) => {
    const ids = new Set((Array.isArray(now) ? now : []).map((item) => itemOf(item).id))
    return list.filter((item) => ids.has(itemOf(item).id))
  }
  const extra = Object.fromEntries(Object.entries(snapshot.extra).map(([key, value]) => [key, Array.isArray(value) ? held(value, live.extra[key]) : value]))
  return { ...snapshot, extra }
}
