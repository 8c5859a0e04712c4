import type { DeprovisionInput } from '../../shared/directory'
import type { ChildUndoReport, JournalEntry, OperationUndoReport, UndoReport } from '../../shared/journal'
import { requireCapability } from '../connectors/capabilities'
import type { DeprovisionSnapshot, Deprovisions } from '../connectors/Connector'
import { ownAccountRefusal } from '../connectors/ownAccount'
import { compareWithTarget, differencesFrom } from './snapshotComparison'
import { AppError } from '../errors/AppError'
import type { ConnectorPool } from '../directory/ConnectorPool'
import { requireOperation, userTypeOf } from '../directory/operationRules'
import { profileFieldsOf, recordChange, type ChangeContext } from './recordChange'
import { DeprovisionFinishes, stepsMessage, touchedBy } from './deprovisionFinish'
import { finishedBefore, unfinishedFrom, type DeprovisionOutcome } from './unfinishedDeprovision'

/**
 * Deprovision and its undo, as small transactions (DESIGN §3): read the user's state, journal it
 * as the intent's snapshot, apply the target's steps, journal the outcome. Undo needs nothing but
 * the journal entry (so it works after a restart): it replays the snapshot through the adapter,
 * then reads the user back and reports every difference from the snapshot.
 */
export class DeprovisionService {
  /**
   * Deprovisions whose undo is running. The journal only learns of an undo once its intent is on
   * disk, so without this a second click in that moment would run the undo twice.
   */
  private readonly undoing = new Set<string>()
  private readonly finishes: DeprovisionFinishes

  constructor(
    private readonly connectors: ConnectorPool,
    private readonly context: ChangeContext,
  ) {
    this.finishes = new DeprovisionFinishes(connectors, context)
  }

  /**
   * With `operationId`, the deprovision is one change of that operation (an offboarding, a bulk
   * job); `signal` is that job's pause (see recordChange for what an abort leaves in the journal).
   */
  async deprovision(input: DeprovisionInput, options: { operationId?: string; signal?: AbortSignal } = {}): Promise<JournalEntry> {
    const outcome = await this.deprovisionOrSkip(input, { ...options, skipRefused: false })
    if ('skipped' in outcome) throw outcome.skipped
    return outcome.entry
  }

  /**
   * As `deprovision`, but a user the target's deprovision would refuse from the snapshot just read
   * (already suspended, disabled, inactive) is skipped with the refusal, and nothing is journaled:
   * an offboarding reports such an account as skipped rather than failed.
   */
  async deprovisionUnlessDone(
    input: DeprovisionInput,
    options: { operationId?: string; signal?: AbortSignal } = {},
  ): Promise<DeprovisionOutcome | { skipped: AppError }> {
    return this.deprovisionOrSkip(input, { ...options, skipRefused: true })
  }

  private async deprovisionOrSkip(
    input: DeprovisionInput,
    { operationId, signal, skipRefused }: { operationId?: string; signal?: AbortSignal; skipRefused: boolean },
  ): Promise<DeprovisionOutcome | { skipped: AppError }> {
    const journal = this.context.journal
    // A change may only name an operation the journal holds: its undo is found through it.
    if (operationId) journal.operationRecord(operationId)
    const { profile, descriptor } = this.connectors.target(input.profileId)
    const users = requireOperation(descriptor, userTypeOf(descriptor).id, 'deprovision')
    // A retry of an operation's change (a job's "Retry failed rows", an offboarding's "Retry failed") meets its
    // deprovision that stopped part-way: one being finished now is joined, one finished since is done, nothing sent.
    const earlier = operationId ? journal.newestDeprovisionIn(operationId, profile.id, input.userId) : null
    const running = earlier ? this.finishes.running(earlier.completes ?? earlier.id) : undefined
    if (running) return outcomeOf(await running)
    const finished = earlier ? finishedBefore(journal, earlier) : null
    if (finished) return finished
    refuseWhileUnsettled(journal.unsettledFor(profile.id, input.userId), descriptor.label)
    const connector = requireCapability(await this.connectors.connectorFor(input.profileId), 'deprovisions')
    // One not finished yet is finished, not read as done and skipped.
    const unfinished = earlier ? unfinishedFrom(journal, earlier) : null
    if (unfinished) return outcomeOf(await this.finishes.finishOnce(unfinished.root, connector, descriptor, signal))
    const snapshot = await connector.readDeprovisionSnapshot(input.userId, signal)
    const refusal = skipRefused ? connector.deprovisionRefusal(snapshot) : null
    if (refusal) return { skipped: refusal }
    const ownRefusal = input.ownAccountOverride ? null : await ownAccountRefusal(connector, snapshot, descriptor.label, signal)
    if (ownRefusal) {
      if (skipRefused) return { skipped: ownRefusal }
      throw ownRefusal
    }
    const touched = touchedBy(descriptor, users.id, snapshot)
    const { entryId } = await recordChange(this.context, {
      profileId: profile.id,
      signal,
      intent: {
        ...profileFieldsOf(profile),
        action: 'deprovision',
        target: { objectType: users.id, id: snapshot.userId, name: snapshot.displayName },
        related: null,
        // SCIM's view of what a deprovision does; the status and groups it keeps are the snapshot.
        changes: [{ attribute: 'active', before: snapshot.active, after: false }],
        snapshot,
        undoOf: null,
        ...(operationId && { operationId }),
        ...(input.reason && { reason: input.reason }),
        ...(input.ownAccountOverride && { ownAccountOverride: input.ownAccountOverride }),
      },
      apply: async (signal) => {
        const steps = await connector.deprovision(snapshot.userId, snapshot, signal)
        return { value: null, steps, message: stepsMessage(steps, 'Deprovisioned.'), touched }
      },
      touchedOnFailure: touched,
    })
    return outcomeOf(journal.entry(entryId))
  }

  /**
   * The person's "Finish deprovision" on a partial entry (a single deprovision from the account panel,
   * or one of an operation): see DeprovisionFinishes. `entryId` may name a finish of it.
   */
  finishDeprovision(entryId: string, options: { signal?: AbortSignal } = {}): Promise<JournalEntry> {
    return this.finishes.finishDeprovision(entryId, options)
  }

  async undo(entryId: string, { operationId, signal }: { operationId?: string; signal?: AbortSignal } = {}): Promise<UndoReport> {
    // A finish of a partial deprovision is undone with the deprovision it finishes (see finish).
    entryId = this.context.journal.intent(entryId).completes ?? entryId
    if (this.undoing.has(entryId)) {
      throw new AppError('conflict', 'An undo of this deprovision is already under way. Wait for it to finish.', { details: { entryId } })
    }
    this.undoing.add(entryId)
    try {
      return await this.undoOnce(entryId, operationId, signal)
    } finally {
      this.undoing.delete(entryId)
    }
  }

  /**
   * Undoes every change of an operation that can be undone, newest first, as a new operation of
   * its own; a change that cannot be undone, or whose undo fails, is reported and the others go on.
   * Once `signal` aborts, the changes not reached yet are reported skipped, their undo never sent.
   */
  async undoOperation(operationId: string, { signal }: { signal?: AbortSignal } = {}): Promise<OperationUndoReport> {
    const journal = this.context.journal
    const operation = journal.operationRecord(operationId)
    if (this.undoing.has(operationId)) {
      throw new AppError('conflict', 'An undo of this operation is already under way. Wait for it to finish.', { details: { operationId } })
    }
    const state = journal.operationUndoState(operation)
    if (!state.available) {
      throw new AppError(state.undoneBy ? 'conflict' : 'unsupported', `This operation cannot be undone: ${state.reason}`, {
        details: { operationId, ...(state.undoneBy && { undoneBy: state.undoneBy }) },
      })
    }
    this.undoing.add(operationId)
    try {
      const undo = await journal.recordOperation({ action: 'undo', title: `Undo of ${operation.title}`, undoOf: operation.id })
      const children: ChildUndoReport[] = []
      // A finish of a partial deprovision is undone with that deprovision: the child is reported once.
      const undone = journal.childrenOf(operation.id).filter((child) => !(child.action === 'deprovision' && child.completes))
      for (const child of undone.reverse()) children.push(await this.undoChild(child.id, undo.id, signal))
      return { operation: journal.operation(undo.id), children }
    } finally {
      this.undoing.delete(operationId)
    }
  }

  private async undoChild(entryId: string, undoOperationId: string, signal: AbortSignal | undefined): Promise<ChildUndoReport> {
    const entry = this.context.journal.entry(entryId)
    const report = { entryId, summary: entry.summary, undoEntryId: null, differences: [] }
    if (signal?.aborted) return { ...report, result: 'skipped', message: 'Not undone: the undo was cancelled before it reached this change.' }
    if (!entry.undo?.available) {
      return { ...report, result: 'skipped', message: entry.undo?.reason ?? 'Only a deprovision can be undone from the journal.' }
    }
    try {
      const { entry: undone, differences } = await this.undo(entryId, { operationId: undoOperationId, signal })
      const result = undone.outcome.status === 'applied' ? 'undone' : 'partial'
      return { ...report, result, message: undone.outcome.message, undoEntryId: undone.id, differences }
    } catch (error) {
      const message = error instanceof AppError ? error.message : 'The undo stopped on an unexpected error.'
      const undoEntryId = error instanceof AppError ? (error.extra.details?.entryId ?? null) : null
      return { ...report, result: 'failed', message, undoEntryId }
    }
  }

  private async undoOnce(entryId: string, operationId: string | undefined, signal: AbortSignal | undefined): Promise<UndoReport> {
    const journal = this.context.journal
    const deprovision = journal.intent(entryId)
    if (deprovision.action !== 'deprovision' || !deprovision.snapshot) {
      throw new AppError('invalid_input', 'Only a deprovision can be undone from the journal.', { details: { entryId } })
    }
    const state = journal.undoState(deprovision)
    if (!state.available) {
      throw new AppError(state.undoneBy ? 'conflict' : 'unsupported', `This deprovision cannot be undone: ${state.reason}`, {
        details: { entryId, ...(state.undoneBy && { undoneBy: state.undoneBy }) },
      })
    }
    const snapshot: DeprovisionSnapshot = deprovision.snapshot
    const { profile, descriptor } = this.connectors.target(deprovision.profileId)
    requireOperation(descriptor, deprovision.target.objectType, 'undoDeprovision')
    const connector = requireCapability(await this.connectors.connectorFor(profile.id), 'deprovisions')
    const userType = deprovision.target.objectType
    const touched = touchedBy(descriptor, userType, snapshot)
    let differences: string[] = []
    const { entryId: undoId } = await recordChange(this.context, {
      profileId: profile.id,
      signal,
      intent: {
        ...profileFieldsOf(profile),
        action: 'undoDeprovision',
        target: { objectType: userType, id: snapshot.userId, name: snapshot.displayName },
        related: null,
        changes: [{ attribute: 'active', before: false, after: snapshot.active }],
        snapshot,
        undoOf: deprovision.id,
        ...(operationId && { operationId }),
      },
      apply: async (signal) => {
        const steps = await connector.undoDeprovision(snapshot.userId, snapshot, signal)
        differences = await compareWithSnapshot(connector, snapshot)
        return {
          value: null,
          steps,
          status: differences.length === 0 ? 'applied' : 'partial',
          message: differences.length === 0 ? stepsMessage(steps, 'Undone: everything recorded before the deprovision is back.') : `Undone, but read back: ${differences.join(' ')}`,
          touched,
        }
      },
      touchedOnFailure: touched,
    })
    return { entry: journal.entry(undoId), differences }
  }
}

/**
 * What the user read back after an undo lacks compared with the snapshot: every part of it (the
 * status, each group, each licence or role the adapter recorded). A read that fails is itself
 * reported as a difference: undo was not verified.
 */
async function compareWithSnapshot(connector: Deprovisions, snapshot: DeprovisionSnapshot): Promise<string[]> {
  try {
    return differencesFrom(await compareWithTarget(connector, snapshot))
  } catch (error) {
    const reason = error instanceof AppError ? error.message : 'an unexpected error'
    return [`The user could not be read back to check the undo (${reason}).`]
  }
}

/** A deprovision's entry as its outcome: in the entry's own words. */
function outcomeOf(entry: JournalEntry): DeprovisionOutcome {
  return { entry, message: entry.outcome.message }
}

/**
 * A deprovision of this user whose outcome is not known yet (its answer was lost) may have been
 * carried out: another would be a second change for one person. Refused until it is settled.
 */
function refuseWhileUnsettled(unsettled: JournalEntry | null, target: string): void {
  if (unsettled?.action !== 'deprovision') return
  throw new AppError(
    'conflict',
    `The deprovision of ${unsettled.target.name} sent at ${new Date(unsettled.time).toLocaleTimeString()} is not settled yet: Lanyard is checking with ${target} ` +
      'whether it was carried out. Use Check now, or wait for the check, before deprovisioning again.',
    { details: { entryId: unsettled.id } },
  )
}
