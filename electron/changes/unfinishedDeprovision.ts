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

/**
 * The deprovision of this user in this operation that stopped part-way and is not finished yet: its
 * newest attempt is partial, or a finish of it failed. Not once it was finished or undone since.
 */
export function unfinishedIn(journal: Journal, operationId: string, profileId: string, userId: string): Unfinished | null {
  const newest = journal.newestDeprovisionIn(operationId, profileId, userId)
  return newest ? unfinishedFrom(journal, newest) : null
}

/**
 * The same for one deprovision entry, or a finish of one (the person's "Finish deprovision" on a
 * partial entry, wherever it was made): what is left of it, or null when it is not unfinished.
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

/** The snapshot with each list it keeps (GoTo's licences and roles) cut to what the target still holds. */
export function stillHeld(snapshot: DeprovisionSnapshot, live: DeprovisionSnapshot): DeprovisionSnapshot {
  const held = (list: unknown[], now: unknown) => {
    const ids = new Set((Array.isArray(now) ? now : []).map((item) => itemOf(item).id))
    return list.filter((item) => ids.has(itemOf(item).id))
  }
  const extra = Object.fromEntries(Object.entries(snapshot.extra).map(([key, value]) => [key, Array.isArray(value) ? held(value, live.extra[key]) : value]))
  return { ...snapshot, extra }
}
