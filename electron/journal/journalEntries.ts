import { getDescriptor } from '../../shared/catalogue'
import type { ChangeCompletion, JournalEntry } from '../../shared/journal'
import type { JournalFacts } from '../../shared/journalFilter'
import { createdName, type CreateEvidence } from './createEvidence'
import { DamagedRecordError, type RecordLoader } from './journalLines'
import { objectWord, summarize } from './journalSummary'
import type { IntentRecord, OutcomeRecord } from './journalRecord'
import type { IndexedIntent, IndexedOperation, IndexedOutcome, IndexedRecord } from './recordSummary'

/** What pairing needs to know beyond the journal: whether a profile still exists (for undo). */
export interface EntryContext {
  profileExists(profileId: string): boolean
}

/**
 * The journal's records grouped the way entries and queries need them, built once from the file
 * at start-up and kept up to date by every append. Each list of intents is in `seq` order.
 *
 * It holds each record's summary (recordSummary), not the record: an entry is built only when a
 * query returns it, from its records read again through the loader.
 */
export class JournalIndex {
  readonly intents: IndexedIntent[] = []
  private readonly byProfile = new Map<string, IndexedIntent[]>()
  /** By the target's id as the intent recorded it and as the target answered (a create's new id). */
  private readonly byTarget = new Map<string, IndexedIntent[]>()
  private readonly operations = new Map<string, IndexedOperation>()
  /** An operation's children, and the undo operations that reverse it. */
  private readonly byOperation = new Map<string, IndexedIntent[]>()
  private readonly operationUndos = new Map<string, IndexedOperation[]>()
  private readonly intentsById = new Map<string, IndexedIntent>()
  /** The latest outcome of each intent (reconciliation may add one after a `pending` one). */
  private readonly outcomes = new Map<string, IndexedOutcome>()
  private readonly undos = new Map<string, IndexedIntent[]>()
  /** Finishes and roll-backs of partial changes, by the entry they complete. */
  private readonly completions = new Map<string, IndexedIntent[]>()
  /**
   * Intents whose latest outcome is missing or `pending`, kept by every append: settling asks for
   * them after every call that reached a target, so they are not found by walking the whole journal.
   */
  private readonly pending = new Set<IndexedIntent>()
  /** Objects creates are recorded as having made (`profile objectType id` → the create): one claim each. */
  private readonly made = new Map<string, string>()

  constructor(
    readonly loader: RecordLoader,
    records: readonly IndexedRecord[] = [],
  ) {
    for (const record of records) this.add(record)
  }

  add(record: IndexedRecord): void {
    if (record.kind === 'outcome') {
      const intent = this.intentsById.get(record.intentId)
      // One copy of the id for the intent, its outcome and the map: ~60 bytes an outcome at 100,000.
      if (intent) record.intentId = intent.id
      this.outcomes.set(record.intentId, record)
      if (intent && record.status === 'pending') this.pending.add(intent)
      else if (intent) this.pending.delete(intent)
      if (intent && record.target?.id) addInOrder(this.byTarget, record.target.id, intent)
      if (intent?.action === 'create' && record.target?.id && (record.status === 'applied' || record.status === 'partial')) {
        const key = madeKey(intent, record.target.id)
        if (!this.made.has(key)) this.made.set(key, intent.id)
      }
      return
    }
    if (record.kind === 'operation') {
      this.operations.set(record.id, record)
      if (record.undoOf) this.operationUndos.set(record.undoOf, [...(this.operationUndos.get(record.undoOf) ?? []), record])
      return
    }
    this.intents.push(record)
    this.intentsById.set(record.id, record)
    if ((this.outcomes.get(record.id)?.status ?? 'pending') === 'pending') this.pending.add(record)
    addInOrder(this.byProfile, record.profileId, record)
    if (record.target.id) addInOrder(this.byTarget, record.target.id, record)
    if (record.operationId) addInOrder(this.byOperation, record.operationId, record)
    if (record.undoOf) this.undos.set(record.undoOf, [...(this.undos.get(record.undoOf) ?? []), record])
    if (record.completes) this.completions.set(record.completes, [...(this.completions.get(record.completes) ?? []), record])
  }

  intent(id: string): IndexedIntent | undefined {
    return this.intentsById.get(id)
  }

  /** The record itself, read again (see RecordLoader). */
  fullIntent(intent: IndexedIntent): IntentRecord {
    return this.loader.load<IntentRecord>(intent)
  }

  /** The intents of one profile, or of one target, oldest first: the smallest list a query can start from. */
  intentsOfProfile(profileId: string): readonly IndexedIntent[] {
    return this.byProfile.get(profileId) ?? []
  }

  intentsOfTarget(targetId: string): readonly IndexedIntent[] {
    return this.byTarget.get(targetId) ?? []
  }

  operation(id: string): IndexedOperation | undefined {
    return this.operations.get(id)
  }

  /** The finishes and roll-backs of a partial change (and a partial deprovision's finishes), oldest first. */
  completionsOf(intentId: string): readonly IndexedIntent[] {
    return this.completions.get(intentId) ?? []
  }

  /** An operation's changes, in the order they were made. */
  childrenOf(operationId: string): readonly IndexedIntent[] {
    return this.byOperation.get(operationId) ?? []
  }

  /** The operations that undo `operationId`, oldest first. */
  undosOfOperation(operationId: string): readonly IndexedOperation[] {
    return this.operationUndos.get(operationId) ?? []
  }

  /** What a filter is checked against, read from the records without building the entry. */
  facts(intent: IndexedIntent): JournalFacts {
    const outcome = this.outcomes.get(intent.id)
    const answered = outcome?.target
    return {
      profileId: intent.profileId,
      action: intent.action,
      time: intent.time,
      status: outcome?.status ?? 'pending',
      targetIds: answered?.id ? [intent.target.id, answered.id] : [intent.target.id],
      targetNames: answered?.name ? [intent.target.name, answered.name] : [intent.target.name],
      operationId: intent.operationId ?? null,
      reason: intent.reason ?? null,
    }
  }

  /** Intents whose outcome is missing or still `pending`: what start-up reconciliation checks. */
  unsettled(): IndexedIntent[] {
    // In `seq` order: a change settled as "could not tell" and then as pending again re-enters the set last.
    return [...this.pending].sort((left, right) => left.seq - right.seq)
  }

  /**
   * What settling a create needs from the journal: the id the target gave it if already recorded,
   * which entry claims an object, and the other creates of the same name whose outcome is not known.
   */
  createEvidence(intent: IntentRecord): CreateEvidence {
    const outcome = this.outcomes.get(intent.id)
    const name = createdName(intent)
    const unknown = (other: IndexedIntent) => ['pending', 'undetermined'].includes(this.outcomes.get(other.id)?.status ?? 'pending')
    return {
      knownId: outcome?.target?.id || null,
      claimOf: (objectId) => {
        const claimant = this.made.get(madeKey(intent, objectId))
        return claimant && claimant !== intent.id ? claimant : null
      },
      // Rivals are in the same profile: its own list, not every intent in the journal.
      rivals: this.readableIntents(
        this.intentsOfProfile(intent.profileId).filter(
          (other) =>
            other.id !== intent.id &&
            other.action === 'create' &&
            !other.completes &&
            other.target.objectType === intent.target.objectType &&
            other.createdName === name &&
            unknown(other),
        ),
      ),
    }
  }

  /**
   * The entries of a list. A record damaged further in than start-up checks is left out, as a
   * line that is not a record is left out at start-up: "Verify journal" names it. One entry asked
   * for by id is refused with the reason instead (entry).
   */
  readableEntries(intents: readonly IndexedIntent[], context: EntryContext): JournalEntry[] {
    return readable(intents, (intent) => this.entry(intent, context))
  }

  /** The records of several intents (an operation's children, the unsettled), leaving out a damaged one as lists do. */
  readableIntents(intents: readonly IndexedIntent[]): IntentRecord[] {
    return readable(intents, (intent) => this.fullIntent(intent))
  }

  entry(indexed: IndexedIntent, context: EntryContext): JournalEntry {
    const intent = this.fullIntent(indexed)
    const indexedOutcome = this.outcomes.get(intent.id)
    const outcome = indexedOutcome && this.loader.load<OutcomeRecord>(indexedOutcome)
    const status = outcome?.status ?? 'pending'
    const target = {
      objectType: intent.target.objectType,
      id: outcome?.target?.id || intent.target.id,
      name: outcome?.target?.name || intent.target.name,
    }
    return {
      id: intent.id,
      time: intent.time,
      actor: intent.actor,
      action: intent.action,
      profileId: intent.profileId,
      profileName: intent.profileName,
      connectorId: intent.connectorId,
      target,
      related: intent.related,
      summary: summarize(intent, target.name, status),
      changes: intent.changes,
      recorded: intent.snapshot
        ? { status: intent.snapshot.status, groups: intent.snapshot.groups.map((group) => recordedName(intent, group)) }
        : null,
      outcome: {
        status,
        time: outcome?.time ?? null,
        message: outcome?.message ?? 'The change was under way when Lanyard stopped. Lanyard checks it against the target as soon as the target answers again.',
        steps: outcome?.steps ?? [],
        reconciled: outcome?.reconciled ?? false,
        details: outcome?.details ?? {},
      },
      undo: intent.action === 'deprovision' ? this.undoState(indexed, context) : null,
      undoOf: intent.undoOf,
      completion: status !== 'partial' ? null : isCompletable(intent) ? this.completionState(indexed, context) : isFinishable(intent) ? this.finishState(indexed, context) : null,
      completes: intent.completes ?? null,
      operationId: intent.operationId ?? null,
      reason: intent.reason ?? null,
      ownAccountOverride: intent.ownAccountOverride ?? null,
    }
  }

  /**
   * Whether a create or update that stopped part-way can be finished or rolled back now. The
   * completion call applies the same rule, so the buttons and the service never disagree.
   */
  completionState(partial: IndexedIntent, context: EntryContext): ChangeCompletion {
    const outcome = this.outcomes.get(partial.id)
    // The steps are not indexed: the outcome is read again (only partial changes get here with one).
    const steps = outcome?.status === 'partial' ? this.loader.load<OutcomeRecord>(outcome).steps : []
    const needsPassword = steps.some((step) => step.status !== 'applied' && (step.writes ?? []).includes('password'))
    const refuse = (reason: string, completedBy: string | null = null) => ({ available: false, reason, completedBy, needsPassword })
    if (!isCompletable(partial) || outcome?.status !== 'partial') return refuse('Only a create or update that stopped part-way can be finished or rolled back.')
    const completions = this.completions.get(partial.id) ?? []
    const done = completions.find((completion) => this.outcomes.get(completion.id)?.status === 'applied')
    if (done) return refuse(`Already completed on ${readableTime(done.time)} by ${done.actor}.`, done.id)
    if (completions.some((completion) => (this.outcomes.get(completion.id)?.status ?? 'pending') === 'pending')) {
      return refuse('A completion of this change was started and its outcome is not known yet. Lanyard checks it as soon as the target answers again, or use Check now on that entry.')
    }
    if (!context.profileExists(partial.profileId)) {
      return refuse(`The profile "${partial.profileName}" no longer exists, so Lanyard cannot reach the target.`)
    }
    if (!(outcome.target?.id || partial.target.id)) return refuse('The target did not say which object it created, so there is nothing to complete.')
    return { available: true, reason: null, completedBy: null, needsPassword }
  }

  /**
   * Whether a deprovision that stopped part-way (Cognito disabled, not signed out) can be finished now:
   * its missing steps sent, journaled as its finish (DeprovisionService.finishDeprovision, which applies
   * the same rule). Not once a finish took effect, while one is unsettled, or after it was undone.
   */
  finishState(deprovision: IndexedIntent, context: EntryContext): ChangeCompletion {
    const refuse = (reason: string, completedBy: string | null = null) => ({ available: false, reason, completedBy, needsPassword: false })
    if (!isFinishable(deprovision) || this.outcomes.get(deprovision.id)?.status !== 'partial') return refuse('Only a deprovision that stopped part-way can be finished.')
    const finishes = this.completions.get(deprovision.id) ?? []
    const done = finishes.find((finish) => this.outcomes.get(finish.id)?.status === 'applied')
    if (done) return refuse(`Already finished on ${readableTime(done.time)} by ${done.actor}.`, done.id)
    if (finishes.some((finish) => (this.outcomes.get(finish.id)?.status ?? 'pending') === 'pending')) {
      return refuse('A finish of this deprovision was started and its outcome is not known yet. Lanyard checks it as soon as the target answers again, or use Check now on that entry.')
    }
    if (this.undoState(deprovision, context).undoneBy) return refuse('It was undone since, so there is nothing left to finish.')
    if (!context.profileExists(deprovision.profileId)) {
      return refuse(`The profile "${deprovision.profileName}" no longer exists, so Lanyard cannot reach the target.`)
    }
    return { available: true, reason: null, completedBy: null, needsPassword: false }
  }

  /**
   * Whether a deprovision can be undone now, and why not. The undo call applies the same rule,
   * so the button and the service never disagree.
   */
  undoState(deprovision: IndexedIntent, context: EntryContext): NonNullable<JournalEntry['undo']> {
    // A deprovision finishing one that stopped part-way is undone with it: one undo brings back the snapshot both worked from.
    const finished = deprovision.completes ? this.intentsById.get(deprovision.completes) : undefined
    if (finished) return this.undoState(finished, context)
    const status = this.outcomes.get(deprovision.id)?.status ?? 'pending'
    const refuse = (reason: string, undoneBy: string | null = null) => ({ available: false, reason, undoneBy })
    if (status === 'failed') return refuse('The deprovision did not happen, so there is nothing to undo.')
    if (status === 'pending') return refuse('Whether the deprovision took effect is not known yet. Lanyard checks it as soon as the target answers again, or use Check now.')
    const undos = this.undos.get(deprovision.id) ?? []
    const applied = undos.find((undo) => this.outcomes.get(undo.id)?.status === 'applied')
    if (applied) return refuse(`Already undone on ${readableTime(applied.time)} by ${applied.actor}.`, applied.id)
    if (undos.some((undo) => (this.outcomes.get(undo.id)?.status ?? 'pending') === 'pending')) {
      return refuse('An undo of this deprovision was started and its outcome is not known yet. Lanyard checks it as soon as the target answers again, or use Check now on that entry.')
    }
    if ((this.completions.get(deprovision.id) ?? []).some((completion) => (this.outcomes.get(completion.id)?.status ?? 'pending') === 'pending')) {
      return refuse('The deprovision was being finished and whether that took effect is not known yet. Lanyard checks it as soon as the target answers again, or use Check now on that entry.')
    }
    if (!context.profileExists(deprovision.profileId)) {
      return refuse(`The profile "${deprovision.profileName}" no longer exists, so Lanyard cannot reach the target to undo this.`)
    }
    const descriptor = getDescriptor(deprovision.connectorId)
    const users = descriptor.objectTypes.find((type) => type.id === deprovision.target.objectType)
    if (!users?.operations.undoDeprovision) return refuse(`${descriptor.label} cannot undo a deprovision.`)
    return { available: true, reason: null, undoneBy: null }
  }
}

function readable<T>(intents: readonly IndexedIntent[], read: (intent: IndexedIntent) => T): T[] {
  return intents.flatMap((intent) => {
    try {
      return [read(intent)]
    } catch (error) {
      if (error instanceof DamagedRecordError) return []
      throw error
    }
  })
}

/** Appends in `seq` order; an outcome naming a create's new id long after may slot an older intent in. */
function addInOrder(lists: Map<string, IndexedIntent[]>, key: string, intent: IndexedIntent): void {
  const list = lists.get(key)
  if (!list) {
    lists.set(key, [intent])
    return
  }
  let at = list.length
  while (at > 0 && list[at - 1]!.seq > intent.seq) at--
  if (list[at - 1]?.seq === intent.seq) return
  list.splice(at, 0, intent)
}

function madeKey(intent: Pick<IndexedIntent, 'profileId' | 'target'>, objectId: string): string {
  return `${intent.profileId} ${intent.target.objectType} ${objectId}`
}

/** A group by name; another group-like type says what it is: "Buyer (role)". */
function recordedName(intent: IntentRecord, group: { name: string; objectType?: string }): string {
  if (!group.objectType || group.objectType === 'groups') return group.name
  return `${group.name} (${objectWord(intent.connectorId, group.objectType)})`
}

/** Only creates and updates run as steps the journal can finish or roll back. */
function isCompletable(intent: Pick<IndexedIntent, 'action'>): boolean {
  return intent.action === 'create' || intent.action === 'update'
}

/** A deprovision itself (not a finish of one): one that stopped part-way is finished by sending its missing steps. */
function isFinishable(intent: Pick<IndexedIntent, 'action' | 'completes'>): boolean {
  return intent.action === 'deprovision' && !intent.completes
}

export function readableTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`
}
