import type { ObjectTypeDescriptor } from '../../shared/catalogue/types'
import type { Attributes, DirectoryObject } from '../../shared/directory'
import type { StepReport } from '../../shared/errors'
import type { AttributeChange, CompleteChangeInput, JournalEntry } from '../../shared/journal'
import { requireCapability } from '../connectors/capabilities'
import type { Connector } from '../connectors/Connector'
import { runSteps, type Step } from '../connectors/runSteps'
import type { IntentRecord } from '../journal/journalRecord'
import { AppError } from '../errors/AppError'
import { effectiveChanges, isSecret, isSensitive, notRecorded, sameValue } from '../directory/attributeChanges'
import type { ConnectorPool } from '../directory/ConnectorPool'
import { objectTypeOf, requireOperation } from '../directory/operationRules'
import { readAllGroupsOf } from '../directory/readAllGroupsOf'
import { recordChange, type ChangeContext } from './recordChange'

/**
 * Finishes or rolls back a create or update that stopped part-way (Cognito runs them as steps;
 * a failed step leaves the earlier ones applied). Both work from the journal entry and the object
 * as the target holds it now, so they send only what still differs: running one twice, or after
 * someone fixed the object by hand, changes nothing more. Each is journaled as an entry of its
 * own that names the partial one in `completes`.
 */
export class ChangeCompletionService {
  /** Partial entries being completed: a second click must not run the same steps twice. */
  private readonly running = new Set<string>()

  constructor(
    private readonly connectors: ConnectorPool,
    private readonly context: ChangeContext,
  ) {}

  /** `signal`: a bulk job's pause; the finish or rollback's steps check it (see runSteps, recordChange). */
  async complete(input: CompleteChangeInput, { signal }: { signal?: AbortSignal } = {}): Promise<JournalEntry> {
    if (this.running.has(input.entryId)) {
      throw new AppError('conflict', 'This change is already being completed. Wait for it to finish.', { details: { entryId: input.entryId } })
    }
    this.running.add(input.entryId)
    try {
      return await this.completeOnce(input, signal)
    } finally {
      this.running.delete(input.entryId)
    }
  }

  private async completeOnce(input: CompleteChangeInput, signal: AbortSignal | undefined): Promise<JournalEntry> {
    const journal = this.context.journal
    const partial = journal.intent(input.entryId)
    const state = journal.completionState(partial)
    if (!state.available) {
      throw new AppError(state.completedBy ? 'conflict' : 'unsupported', `This change cannot be completed: ${state.reason}`, {
        details: { entryId: partial.id },
      })
    }
    if (input.choice === 'finish' && state.needsPassword && !input.password) {
      const message = 'The password step did not happen, and Lanyard never keeps passwords: type the password again.'
      throw new AppError('invalid_input', `Nothing was changed. ${message}`, { fields: { password: message } })
    }
    if (input.password) this.context.logger.registerSecret(input.password)
    const { descriptor } = this.connectors.target(partial.profileId)
    const type = objectTypeOf(descriptor, partial.target.objectType)
    const connector = await this.connectors.connectorFor(partial.profileId)
    const entry = journal.entry(partial.id)
    const object = await connector.get(type.id, entry.target.id, signal)
    if (input.choice === 'rollback' && partial.action === 'create') return this.deleteCreated(partial, type, connector, object, signal)
    const plan =
      input.choice === 'finish'
        ? await finishPlan(partial, entry.outcome.steps, type, connector, object, input.password)
        : rollbackPlan(partial, type, object)
    return this.applyPlan(partial, type, connector, object, plan, input.choice, signal)
  }

  private async deleteCreated(
    partial: IntentRecord,
    type: ObjectTypeDescriptor,
    connector: Connector,
    object: DirectoryObject,
    signal: AbortSignal | undefined,
  ): Promise<JournalEntry> {
    requireOperation(this.connectors.target(partial.profileId).descriptor, type.id, 'delete')
    const touched = [{ objectType: type.id, ids: [object.id] }]
    const { entryId } = await recordChange(this.context, {
      profileId: partial.profileId,
      signal,
      intent: { ...intentBase(partial, object), action: 'delete', changes: [] },
      apply: async (signal) => {
        await requireCapability(connector, 'deletesObjects').delete(type.id, object.id, signal)
        return { value: null, message: `Rolled back: ${object.displayName} was deleted again.`, touched }
      },
      touchedOnFailure: touched,
    })
    return this.context.journal.entry(entryId)
  }

  private async applyPlan(
    partial: IntentRecord,
    type: ObjectTypeDescriptor,
    connector: Connector,
    object: DirectoryObject,
    plan: CompletionPlan,
    choice: CompleteChangeInput['choice'],
    signal: AbortSignal | undefined,
  ): Promise<JournalEntry> {
    const steps: Step[] = []
    if (Object.keys(plan.changes).length > 0) {
      const named = Object.keys(plan.changes).map((path) => (isSecret(path) ? 'the password' : path))
      const updating = requireCapability(connector, 'updatesObjects')
      steps.push({ name: `Set ${named.join(', ')}`, writes: Object.keys(plan.changes), run: async () => void (await updating.update(type.id, object.id, plan.changes, { signal })) })
    }
    if (plan.groups.length > 0) {
      const joining = requireCapability(connector, 'managesMemberships')
      for (const groupId of plan.groups) steps.push({ name: `Add to ${groupId}`, run: () => joining.addMember('groups', groupId, object.id, signal) })
    }
    const verb = choice === 'finish' ? { done: 'Finished', operation: 'Finishing' } : { done: 'Rolled back', operation: 'Rolling back' }
    const touched = [{ objectType: type.id, ids: [object.id] }, { objectType: 'groups', ids: plan.groups }]
    const { entryId } = await recordChange(this.context, {
      profileId: partial.profileId,
      signal,
      intent: { ...intentBase(partial, object), action: 'update', changes: plan.journal },
      apply: async (signal) => {
        const reports = await runSteps(steps, {
          operation: `${verb.operation} the change to ${object.displayName}`,
          advice: 'Try again: what is done already is not sent again.',
          signal,
        })
        const message = steps.length === 0 ? `${verb.done}: nothing was left to do, the target already holds it.` : `${verb.done}.${plan.note}`
        return { value: null, steps: reports, message, touched }
      },
      touchedOnFailure: touched,
    })
    return this.context.journal.entry(entryId)
  }
}

interface CompletionPlan {
  changes: Attributes
  journal: AttributeChange[]
  groups: string[]
  /** What could not be done, said in the outcome (a password cannot be taken back). */
  note: string
}

/**
 * What a finish sends: every recorded value the object does not hold yet, but those the target
 * refuses to update; a write-only value (the target never returns it) only if the step writing it
 * did not happen; the password typed again; and the groups the create meant to add.
 */
async function finishPlan(
  partial: IntentRecord,
  steps: readonly StepReport[],
  type: ObjectTypeDescriptor,
  connector: Connector,
  object: DirectoryObject,
  password: string | undefined,
): Promise<CompletionPlan> {
  const notDone = new Set(notAppliedWrites(steps))
  const wanted: Attributes = {}
  for (const change of partial.changes) {
    if (change.attribute === 'groups' || change.after === notRecorded) continue
    // Only the create writes these (a Cognito username), and the create did happen: what the target
    // made of them (a generated username) is final, and sending them again is refused.
    if (type.fieldRules?.[change.attribute]?.updateRefused) continue
    if (isSensitive(type, change.attribute) ? notDone.has(change.attribute) : !sameValue(object.attributes[change.attribute] ?? null, change.after)) {
      wanted[change.attribute] = change.after
    }
  }
  if (password && notDone.has('password')) wanted.password = password
  const { changes, journal } = effectiveChanges(type, object.attributes, wanted)
  const intended = partial.changes.find((change) => change.attribute === 'groups')?.after
  const current = Array.isArray(intended) ? new Set((await readAllGroupsOf(requireCapability(connector, 'readsMemberships'), object.id)).map((group) => group.id)) : new Set<string>()
  const groups = Array.isArray(intended) ? intended.filter((groupId) => !current.has(groupId)) : []
  if (groups.length > 0) journal.push({ attribute: 'groups', before: null, after: groups })
  return { changes, journal, groups, note: '' }
}

/** What a roll-back of an update sends: the old value of each attribute that holds the new one now. */
function rollbackPlan(partial: IntentRecord, type: ObjectTypeDescriptor, object: DirectoryObject): CompletionPlan {
  const wanted: Attributes = {}
  const lost: string[] = []
  for (const change of partial.changes) {
    if (isSensitive(type, change.attribute)) {
      lost.push(change.attribute)
      continue
    }
    if (sameValue(object.attributes[change.attribute] ?? null, change.after)) wanted[change.attribute] = change.before
  }
  const { changes, journal } = effectiveChanges(type, object.attributes, wanted)
  const note = lost.length > 0 ? ` ${lost.join(', ')} cannot be set back: the target never returns the old value.` : ''
  return { changes, journal, groups: [], note }
}

/** Attributes written by the steps that did not happen (`writes` on the journaled steps). */
function notAppliedWrites(steps: readonly StepReport[]): string[] {
  return steps.filter((step) => step.status !== 'applied').flatMap((step) => step.writes ?? [])
}

function intentBase(partial: IntentRecord, object: DirectoryObject) {
  return {
    profileId: partial.profileId,
    profileName: partial.profileName,
    connectorId: partial.connectorId,
    target: { objectType: partial.target.objectType, id: object.id, name: object.displayName },
    related: null,
    snapshot: null,
    undoOf: null,
    completes: partial.id,
  }
}
