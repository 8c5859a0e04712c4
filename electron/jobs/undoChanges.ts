import type { JobChangeResult } from '../../shared/jobs'
import type { StoredChange, StoredJob } from './JobStore'

/**
 * The changes that undo a job: each deprovision it did is undone from its journal entry, each
 * membership it added is removed and each it removed is added back. What it skipped or failed
 * changed nothing, and an undo of a deprovision is not undone again here. `deprovisionOf` names the
 * entry an undo reverses: a finish of a partial deprovision is undone as the deprovision it finished
 * (the undo's intent names that one, and a resumed undo job finds it by that name).
 */
export function undoChangesOf(job: StoredJob, results: readonly JobChangeResult[], deprovisionOf: (entryId: string) => string = (entryId) => entryId): StoredChange[] {
  const undo: StoredChange[] = []
  job.changes.forEach((change, index) => {
    const result = results[index]
    if (result?.state !== 'done') return
    const reversed = { ...change, before: change.after, after: change.before, entryToUndo: null }
    if (change.action === 'deprovision' && result.entryId) undo.push({ ...reversed, action: 'undoDeprovision', entryToUndo: deprovisionOf(result.entryId) })
    else if (change.action === 'addMember') undo.push({ ...reversed, action: 'removeMember' })
    else if (change.action === 'removeMember') undo.push({ ...reversed, action: 'addMember' })
  })
  // Newest first, as an operation's undo runs: a move's add is taken back before its remove.
  return undo.reverse()
}
