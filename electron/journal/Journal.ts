import { userInfo } from 'node:os'
import type { ExportedFile } from '../../shared/contract'
import type {
  ChainVerification,
  ChangeCompletion,
  JournalEntry,
  JournalFilter,
  JournalListInput,
  JournalOperation,
  JournalPage,
  OperationUndoState,
} from '../../shared/journal'
import type { Logger } from '../logging/Logger'
import { AppError } from '../errors/AppError'
import type { CreateEvidence } from './createEvidence'
import { JournalIndex, type EntryContext } from './journalEntries'
import { exportEntries } from './journalExport'
import { JournalFile, type SetAsideTail } from './JournalFile'
import { allMatching, pageOf } from './journalFilter'
import { RecordLoader } from './journalLines'
import { operationUndoState, operationView } from './journalOperations'
import type { IntentFields, IntentRecord, JournalRecord, OperationFields, OperationRecord, OutcomeFields, OutcomeRecord } from './journalRecord'
import { summaryOf, type IndexedIntent, type IndexedOperation } from './recordSummary'

export interface JournalOptions extends EntryContext {
  directory: string
  logger: Logger
  /** The workstation's user name; read from the OS when absent. */
  actor?: string
  now?: () => Date
}

export type NewIntent = Omit<IntentFields, 'kind' | 'actor'>
export type NewOutcome = Omit<OutcomeFields, 'kind'>
export type NewOperation = Omit<OperationFields, 'kind' | 'actor'>

/**
 * The audit and undo log: appends records to `journal.jsonl` (see JournalFile) and keeps an index
 * of them in memory to answer lists, undo checks and exports; the records an answer shows are read
 * again from the file (RecordLoader), so start-up keeps only the index (recordSummary).
 */
export class Journal {
  private readonly outcomeListeners = new Set<(entryIds: readonly string[]) => void>()

  private constructor(
    private readonly file: JournalFile,
    private readonly index: JournalIndex,
    /** A record cut off mid-write found at this start-up: reported by verify. */
    readonly setAside: SetAsideTail | null,
    private readonly options: JournalOptions,
    private readonly actor: string,
  ) {}

  static async open(options: JournalOptions): Promise<Journal> {
    const now = options.now ?? (() => new Date())
    const { file, summaries, setAside } = await JournalFile.open(options.directory, options.logger, now)
    const index = new JournalIndex(new RecordLoader(file.path), summaries)
    return new Journal(file, index, setAside, options, options.actor ?? workstationUser())
  }

  /** Written and fsync'd before it resolves: call before the change goes to the target. */
  async recordIntent(fields: NewIntent): Promise<IntentRecord> {
    return (await this.append({ kind: 'intent', actor: this.actor, ...fields })) as IntentRecord
  }

  async recordOutcome(fields: NewOutcome): Promise<OutcomeRecord> {
    const record = (await this.append({ kind: 'outcome', ...fields })) as OutcomeRecord
    const affected = this.index.intent(fields.intentId) ? this.affectedIds(fields.intentId) : [fields.intentId]
    for (const listener of this.outcomeListeners) {
      // Written is written: a listener's failure must not make the change look as if it failed.
      try {
        listener(affected)
      } catch (error) {
        this.options.logger.error('journal: an outcome listener failed', { entryId: fields.intentId, error })
      }
    }
    return record
  }

  /**
   * Told after each outcome is written, with the entries whose state it changes (see affectedBy), whoever wrote it:
   * a change, settling, a finish made from Activity. Bulk jobs follow the rows they show with it. Returns the unsubscribe.
   */
  onOutcome(listener: (entryIds: readonly string[]) => void): () => void {
    this.outcomeListeners.add(listener)
    return () => this.outcomeListeners.delete(listener)
  }

  /** Opens an operation: its changes name it in their intent's `operationId`. */
  async recordOperation(fields: NewOperation): Promise<OperationRecord> {
    return (await this.append({ kind: 'operation', actor: this.actor, ...fields })) as OperationRecord
  }

  private async append(fields: IntentFields | OutcomeFields | OperationFields): Promise<JournalRecord> {
    const { record, place } = await this.file.append(fields)
    // Read back and fully checked by the file: kept, so the entry it announces is not read again.
    this.index.loader.remember(place, record)
    this.index.add(summaryOf(record, place))
    return record
  }

  operationRecord(id: string): OperationRecord {
    return this.index.loader.load<OperationRecord>(this.indexedOperation(id))
  }

  operation(id: string): JournalOperation {
    return operationView(this.index, this.indexedOperation(id), this.options)
  }

  operationUndoState(operation: OperationRecord): OperationUndoState {
    return operationUndoState(this.index, this.indexedOperation(operation.id), this.options)
  }

  private indexedOperation(id: string): IndexedOperation {
    const operation = this.index.operation(id)
    if (!operation) throw new AppError('not_found', 'This operation is not in the journal. Refresh the Activity view.', { details: { operationId: id } })
    return operation
  }

  /** An operation's changes in the order they were made. */
  childrenOf(operationId: string): IntentRecord[] {
    return this.index.readableIntents(this.index.childrenOf(operationId))
  }

  entry(id: string): JournalEntry {
    return this.index.entry(this.indexedIntent(id), this.options)
  }

  /**
   * The entry of `id` and every entry whose state it changes: the deprovision an undo reverses,
   * the partial change a completion finishes or rolls back. One `journal.appended` goes out for each.
   */
  affectedBy(id: string): JournalEntry[] {
    return this.affectedIds(id).map((entryId) => this.entry(entryId))
  }

  private affectedIds(id: string): string[] {
    const intent = this.indexedIntent(id)
    const others = [intent.undoOf, intent.completes].filter((other): other is string => !!other && !!this.index.intent(other))
    return [intent.id, ...others]
  }

  intent(id: string): IntentRecord {
    return this.index.fullIntent(this.indexedIntent(id))
  }

  private indexedIntent(id: string): IndexedIntent {
    const intent = this.index.intent(id)
    if (!intent) throw new AppError('not_found', 'This journal entry does not exist. Refresh the Activity view.', { details: { entryId: id } })
    return intent
  }

  undoState(deprovision: IntentRecord): NonNullable<JournalEntry['undo']> {
    return this.index.undoState(this.indexedIntent(deprovision.id), this.options)
  }

  completionState(partial: IntentRecord): ChangeCompletion {
    return this.index.completionState(this.indexedIntent(partial.id), this.options)
  }

  /** Whether a deprovision that stopped part-way can be finished now (the rule its entry's `completion` shows). */
  finishState(deprovision: IntentRecord): ChangeCompletion {
    return this.index.finishState(this.indexedIntent(deprovision.id), this.options)
  }

  /** What settling a create needs from the journal (see createVerdict). */
  createEvidence(intent: IntentRecord): CreateEvidence {
    return this.index.createEvidence(intent)
  }

  /** Intents left without a settled outcome: what settling checks. */
  unsettled(): IntentRecord[] {
    return this.index.readableIntents(this.index.unsettled())
  }

  /** One page of the filtered journal, newest first (`journal.list`). */
  page(input: JournalListInput): JournalPage {
    return pageOf(this.index, input, this.options)
  }

  /** Every matching entry, newest first: for an export, and for tests that read the whole journal. */
  list(filter: JournalFilter): JournalEntry[] {
    return allMatching(this.index, filter, this.options)
  }

  /**
   * The newest deprovision of this user in this profile that undo applies to now, by exact ids
   * (a text search for `user-42` would also find `user-420`). Null when there is none.
   */
  undoableFor(profileId: string, userId: string): JournalEntry | null {
    const intents = this.index.intentsOfTarget(userId)
    for (let at = intents.length - 1; at >= 0; at--) {
      const intent = intents[at]!
      if (intent.profileId !== profileId || intent.action !== 'deprovision' || intent.target.id !== userId) continue
      if (this.index.undoState(intent, this.options).available) return this.index.entry(intent, this.options)
    }
    return null
  }

  /** The newest deprovision of this user in this profile that is a change of `operationId` (a finish counts), or null. */
  newestDeprovisionIn(operationId: string, profileId: string, userId: string): IntentRecord | null {
    const intents = this.index.intentsOfTarget(userId)
    for (let at = intents.length - 1; at >= 0; at--) {
      const intent = intents[at]!
      if (intent.operationId === operationId && intent.profileId === profileId && intent.action === 'deprovision' && intent.target.id === userId) return this.index.fullIntent(intent)
    }
    return null
  }

  /** The entries that finish a deprovision (or finish or roll back a change) that stopped part-way, oldest first. */
  completionsOf(intentId: string): JournalEntry[] {
    return this.index.readableEntries(this.index.completionsOf(intentId), this.options)
  }

  /**
   * The newest change of this user in this profile whose outcome is not known yet (pending: its
   * answer was lost, or it is being checked), by exact ids; null when there is none. While one is,
   * the same change must not be sent again: it may have been carried out already.
   */
  unsettledFor(profileId: string, userId: string): JournalEntry | null {
    const intents = this.index.intentsOfTarget(userId)
    for (let at = intents.length - 1; at >= 0; at--) {
      const intent = intents[at]!
      if (intent.profileId !== profileId || intent.target.id !== userId) continue
      const entry = this.index.entry(intent, this.options)
      if (entry.outcome.status === 'pending') return entry
    }
    return null
  }

  export(format: 'csv' | 'json', filter: JournalFilter): ExportedFile {
    return exportEntries(this.list(filter), format, filter, (this.options.now ?? (() => new Date()))())
  }

  /**
   * The chain as it is on disk now. A record set aside at start-up is reported even though the
   * chain of what remains is intact: it was a change whose record was cut off by a crash.
   */
  async verify(): Promise<ChainVerification> {
    const verification = await this.file.verify()
    if (verification.problem || !this.setAside) return verification
    return {
      ...verification,
      problem: {
        line: this.setAside.line,
        reason: `Line ${this.setAside.line} was cut off when Lanyard stopped while writing it. It was moved to ${this.setAside.movedTo}; the records before it are intact.`,
      },
    }
  }

  /** Waits for the appends under way. */
  idle(): Promise<void> {
    return this.file.idle()
  }
}

function workstationUser(): string {
  try {
    return userInfo().username
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown'
  }
}
