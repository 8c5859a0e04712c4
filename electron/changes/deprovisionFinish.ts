import type { ConnectorDescriptor } from '../../shared/catalogue/types'
import type { StepReport } from '../../shared/errors'
import type { JournalEntry } from '../../shared/journal'
import { requireCapability } from '../connectors/capabilities'
import type { DeprovisionSnapshot, Deprovisions } from '../connectors/Connector'
import type { DoneSteps } from '../connectors/runSteps'
import type { ConnectorPool } from '../directory/ConnectorPool'
import { requireOperation } from '../directory/operationRules'
import { AppError } from '../errors/AppError'
import type { IntentRecord } from '../journal/journalRecord'
import { recordChange, type ChangeContext } from './recordChange'
import { compareWithTarget } from './snapshotComparison'
import { stillHeld, unfinishedFrom, type Unfinished } from './unfinishedDeprovision'

/**
 * Finishing a deprovision that stopped part-way (DeprovisionService's retries, Activity's and the
 * account panel's Finish deprovision): only the steps that did not happen are sent, as one more change
 * naming the partial entry in `completes`, and never two finishes of one partial at once.
 */
export class DeprovisionFinishes {
  /**
   * The finish under way of each partial deprovision, by its entry id, whoever asked for it: Activity's or the account
   * panel's Finish deprovision, a job's or the person page's retry. Until its intent is journaled the journal cannot tell,
   * so a second asker joins this one instead of sending the missing steps again.
   */
  private readonly finishing = new Map<string, Promise<JournalEntry>>()

  constructor(
    private readonly connectors: ConnectorPool,
    private readonly context: ChangeContext,
  ) {}

  /** The finish of the partial entry `rootId` under way, if one is. */
  running(rootId: string): Promise<JournalEntry> | undefined {
    return this.finishing.get(rootId)
  }

  /**
   * The person's "Finish deprovision" on a partial entry (a single deprovision from the account panel,
   * or one of an operation): the same finish a retry runs, sending only the steps that did not happen,
   * journaled as a finish of that entry (in its operation, if it has one). `entryId` may name a finish of it.
   */
  async finishDeprovision(entryId: string, { signal }: { signal?: AbortSignal } = {}): Promise<JournalEntry> {
    const journal = this.context.journal
    const named = journal.intent(entryId)
    const rootId = named.completes ?? named.id
    const running = this.finishing.get(rootId)
    if (running) return running
    const root = journal.intent(rootId)
    const state = journal.finishState(root)
    if (!state.available) {
      throw new AppError(state.completedBy ? 'conflict' : 'unsupported', `This deprovision cannot be finished: ${state.reason}`, { details: { entryId: rootId } })
    }
    if (!unfinishedFrom(journal, root)) throw nothingLeftToFinish(rootId)
    const { descriptor } = this.connectors.target(root.profileId)
    requireOperation(descriptor, root.target.objectType, 'deprovision')
    const connector = requireCapability(await this.connectors.connectorFor(root.profileId), 'deprovisions')
    return this.finishOnce(root, connector, descriptor, signal)
  }

  /**
   * The one finish of `root` under way, joined, or a new one, from what the journal says is left of it now. No await
   * between the look and the start: two askers can never both start one.
   */
  finishOnce(root: IntentRecord, connector: Deprovisions, descriptor: ConnectorDescriptor, signal?: AbortSignal): Promise<JournalEntry> {
    const running = this.finishing.get(root.id)
    if (running) return running
    const unfinished = unfinishedFrom(this.context.journal, root)
    if (!unfinished) return Promise.reject(nothingLeftToFinish(root.id))
    const finishing = this.finish(unfinished, connector, touchedBy(descriptor, root.target.objectType, unfinished.snapshot), signal).finally(() => {
      this.finishing.delete(root.id)
    })
    this.finishing.set(root.id, finishing)
    return finishing
  }

  /**
   * Sends the steps of a partial deprovision that did not happen, and only those, as one more change
   * of its operation naming it in `completes`. It works from the journaled snapshot, so the steps are
   * named as before and an undo (of either entry) brings back everything that snapshot recorded.
   */
  private async finish(unfinished: Unfinished, connector: Deprovisions, touched: ReturnType<typeof touchedBy>, signal?: AbortSignal): Promise<JournalEntry> {
    const { root, snapshot, done } = unfinished
    // Settled as partial by reading the target, it has no steps on record: what the target shows says what is left.
    const { remaining, alreadyDone, resent } = done ? { remaining: snapshot, alreadyDone: done, resent: [] } : await leftAfterSettling(connector, snapshot, signal)
    const { entryId } = await recordChange(this.context, {
      profileId: root.profileId,
      signal,
      intent: {
        profileId: root.profileId,
        profileName: root.profileName,
        connectorId: root.connectorId,
        target: root.target,
        changes: root.changes,
        action: 'deprovision',
        related: null,
        snapshot,
        undoOf: null,
        completes: root.id,
        ...(root.operationId && { operationId: root.operationId }),
        ...(root.reason && { reason: root.reason }),
        ...(root.ownAccountOverride && { ownAccountOverride: root.ownAccountOverride }),
      },
      apply: async (signal) => {
        const steps = await connector.deprovision(snapshot.userId, remaining, signal, alreadyDone)
        const again = resent.length > 0 ? ` ${resent.join(', ')}: sent again, because whether it happened before cannot be read back from the target; sending it twice is harmless.` : ''
        return { value: null, steps, message: `${stepsMessage(steps, 'Finished: every step had already been done.')}${again}`, touched }
      },
      touchedOnFailure: touched,
    })
    return this.context.journal.entry(entryId)
  }
}

/**
 * What is left of a deprovision settled as partial (no steps on record), from the target: with every
 * part it takes away gone, only its steps that cannot be read back (resendableSteps) are sent again,
 * at least once, and every other step counts as done; otherwise the snapshot cut to what the user still holds.
 */
async function leftAfterSettling(
  connector: Deprovisions,
  snapshot: DeprovisionSnapshot,
  signal?: AbortSignal,
): Promise<{ remaining: DeprovisionSnapshot; alreadyDone?: DoneSteps; resent: string[] }> {
  const { live, parts } = await compareWithTarget(connector, snapshot, signal)
  const resendable = connector.resendableSteps?.(snapshot) ?? []
  const allTaken = parts.filter((part) => part.taken).every((part) => part.missing.length === part.recorded.length)
  if (allTaken && resendable.length > 0) return { remaining: snapshot, alreadyDone: { has: (step) => !resendable.includes(step) }, resent: resendable }
  return { remaining: stillHeld(snapshot, live), resent: [] }
}

/** The user, and the groups a deprovision may take them out of (their member lists change). */
export function touchedBy(descriptor: ConnectorDescriptor, userType: string, snapshot: DeprovisionSnapshot) {
  const groupTypes = descriptor.objectTypes.filter((type) => type.scimResource === 'Group').map((type) => type.id)
  const idsOf = (groupType: string) => snapshot.groups.filter((group) => (group.objectType ?? 'groups') === groupType).map((group) => group.id)
  return [{ objectType: userType, ids: [snapshot.userId] }, ...groupTypes.map((groupType) => ({ objectType: groupType, ids: idsOf(groupType) }))]
}

function nothingLeftToFinish(entryId: string): AppError {
  return new AppError('unsupported', 'This deprovision cannot be finished: nothing of it is left to send.', { details: { entryId } })
}

/** A deprovision's outcome message: the steps applied, or `fallback` when none was. */
export function stepsMessage(steps: readonly StepReport[], fallback: string): string {
  const applied = steps.filter((step) => step.status === 'applied').map((step) => step.name)
  return applied.length > 0 ? `${applied.join('; ')}.` : fallback
}
