import type { LanyardError } from '../../shared/errors'
import type { JobChangeState } from '../../shared/jobs'
import type { JournalEntry } from '../../shared/journal'
import type { DeprovisionService } from '../changes/DeprovisionService'
import type { DirectoryService } from '../directory/DirectoryService'
import { AppError } from '../errors/AppError'
import type { Journal } from '../journal/Journal'
import type { Logger } from '../logging/Logger'
import { errorValue } from '../people/perProfile'
import type { StoredChange } from './JobStore'

export interface JobChangeServices {
  journal: Journal
  deprovisions: DeprovisionService
  directory: DirectoryService
  logger: Logger
}

/** How one change of a job ended; `pending` when the target's answer was lost (settling checks it). */
export interface ChangeOutcome {
  state: Exclude<JobChangeState, 'waiting' | 'running'>
  pending: boolean
  entryId: string | null
  message: string | null
  error: LanyardError | null
}

/**
 * Runs one change of a job as one journaled change of the job's operation, through the same
 * services a single click uses. It never throws: a failure is the change's outcome.
 */
export async function runJobChange(services: JobChangeServices, change: StoredChange, operationId: string, signal: AbortSignal): Promise<ChangeOutcome> {
  try {
    const ref = { profileId: change.profileId, userId: change.objectId }
    switch (change.action) {
      case 'deprovision': {
        const outcome = await services.deprovisions.deprovisionUnlessDone(ref, { operationId, signal })
        if ('skipped' in outcome) return { state: 'skipped', pending: false, entryId: null, message: outcome.skipped.message, error: null }
        return { ...fromEntry(outcome.entry), message: outcome.message }
      }
      case 'undoDeprovision': {
        if (!change.entryToUndo) throw new AppError('invalid_input', 'This undo names no deprovision to undo.')
        return fromEntry((await services.deprovisions.undo(change.entryToUndo, { operationId, signal })).entry)
      }
      case 'addMember':
      case 'removeMember': {
        if (!change.group) throw new AppError('invalid_input', 'This membership change names no group.')
        const input = { ...ref, groupType: change.group.objectType, groupId: change.group.id }
        const planned = { userName: change.displayName, groupName: change.group.name }
        const entryId = await services.directory.changeMembership(input, change.action, signal, { operationId, planned })
        return fromEntry(services.journal.entry(entryId))
      }
    }
  } catch (thrown) {
    const error = errorValue(thrown, services.logger, 'job change')
    const entryId = thrown instanceof AppError ? (thrown.extra.details?.entryId ?? null) : null
    const pending = entryId !== null && services.journal.entry(entryId).outcome.status === 'pending'
    return { state: 'failed', pending, entryId, message: error.message, error }
  }
}

/** A journaled change as the job's result: applied is done; anything else failed, with the journal's words. */
export function fromEntry(entry: JournalEntry): ChangeOutcome {
  const { status, message } = entry.outcome
  if (status === 'applied') return { state: 'done', pending: false, entryId: entry.id, message, error: null }
  const code = status === 'partial' ? 'partial_failure' : 'network'
  return { state: 'failed', pending: status === 'pending', entryId: entry.id, message, error: { code, message, steps: entry.outcome.steps } }
}
