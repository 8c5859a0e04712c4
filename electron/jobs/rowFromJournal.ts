import type { JobChangeResult } from '../../shared/jobs'
import { appliedFinishOf } from '../changes/unfinishedDeprovision'
import type { Journal } from '../journal/Journal'
import { fromEntry, type ChangeOutcome } from './runJobChange'

/*
 * A job's row records how its change ended when it ended; the journal may learn more afterwards (a lost answer
 * settled, a partial deprovision finished from Activity). The row shows that, read from the journal each time:
 * the job's results file is never rewritten.
 */

/** A row whose deprovision stopped part-way, then was finished with "Finish deprovision" outside the job. */
export const finishedOutsideMessage = 'Finished outside this job, with Finish deprovision (Activity or the account panel):'

/** What a failed row now shows from the journal (JobRun.followJournal), or null while the journal says nothing new of it. */
export function shownFromJournal(journal: Journal, entryId: string, row: Pick<JobChangeResult, 'pending' | 'error'>): ChangeOutcome | null {
  if (row.pending) {
    const entry = journal.entry(entryId)
    return entry.outcome.status === 'pending' ? null : (finishedOutside(journal, entryId) ?? fromEntry(entry))
  }
  return row.error?.code === 'partial_failure' ? finishedOutside(journal, entryId) : null
}

/**
 * A deprovision that stopped part-way and was finished since by the person's "Finish deprovision" (Activity, the account
 * panel): done, by that finish, in words that say where. Its retry then sends nothing.
 */
function finishedOutside(journal: Journal, entryId: string): ChangeOutcome | null {
  // Asked without reading the row's own entry, which matters as every view of the job asks again.
  const finish = appliedFinishOf(journal, entryId)
  return finish ? { ...fromEntry(finish), message: `${finishedOutsideMessage} ${finish.outcome.message}` } : null
}
