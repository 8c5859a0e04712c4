import type { EventName, EventPayload } from '../../shared/contract'
import type { JournalEntry } from '../../shared/journal'
import type { Connector } from '../connectors/Connector'
import type { Logger } from '../logging/Logger'
import { AppError } from '../services/AppError'
import { checkIntent, uncheckable, type Verdict } from './checkIntent'
import type { Journal } from './Journal'
import type { IntentRecord } from './journalRecord'

export interface ReconciliationOptions {
  journal: Journal
  connectorFor: (profileId: string) => Promise<Connector>
  logger: Logger
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** The first check waits for this: start-up work the targets' credentials depend on. */
  startAfter?: Promise<void>
}

/**
 * Start-up reconciliation: every intent left without an outcome (or with a `pending` one) is
 * checked against its target, one after another, in the background — start-up never waits on the
 * network. Each gets an outcome marked `reconciled`: applied, failed, partial, "could not tell"
 * (`undetermined`, see createVerdict), or still pending
 * with the reason it could not be checked (tried again at the next start; the same reason again
 * is not written twice).
 */
export class Reconciliation {
  private readonly intentIds: string[]
  private readonly finished: Promise<void>
  private readonly stop = new AbortController()

  constructor(private readonly options: ReconciliationOptions) {
    const unsettled = options.journal.unsettled()
    this.intentIds = unsettled.map((intent) => intent.id)
    // setImmediate: the caller (start-up) finishes before the first read begins.
    this.finished = (options.startAfter ?? Promise.resolve())
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => this.run(unsettled))
  }

  /** The entries this start-up had to settle, once settled or after `limitMs`, whichever is first. */
  async settled(limitMs: number): Promise<JournalEntry[]> {
    let timer: NodeJS.Timeout | undefined
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)))
    await Promise.race([this.finished, limit])
    clearTimeout(timer)
    return this.intentIds.map((id) => this.options.journal.entry(id))
  }

  /** Stops between checks (the app is closing) and waits for the check under way. */
  async close(): Promise<void> {
    this.stop.abort()
    await this.finished
  }

  private async run(intents: readonly IntentRecord[]): Promise<void> {
    for (const intent of intents) {
      if (this.stop.signal.aborted) return
      try {
        const verdict = await this.check(intent)
        // A check cut short by closing proves nothing: the intent is simply checked next start.
        if (this.stop.signal.aborted) return
        if (this.repeatsLastOutcome(intent.id, verdict)) continue
        await this.options.journal.recordOutcome({
          intentId: intent.id,
          status: verdict.status,
          message: verdict.message,
          steps: [],
          details: {},
          reconciled: true,
          target: verdict.target ?? null,
        })
        this.options.emit('journal.appended', { entryId: intent.id })
        this.options.logger.info('journal: unfinished change reconciled', { entryId: intent.id, status: verdict.status })
      } catch (error) {
        // The outcome could not be written: the intent stays unsettled and is checked next start.
        this.options.logger.error('journal: reconciliation outcome not written', { entryId: intent.id, error })
      }
    }
  }

  /**
   * A change that still cannot be checked for the same reason (its profile was deleted, only
   * write-only values changed) gets no new record: one per start would grow the journal forever.
   */
  private repeatsLastOutcome(intentId: string, verdict: Verdict): boolean {
    const last = this.options.journal.entry(intentId).outcome
    return verdict.status === last.status && last.reconciled && last.message === verdict.message
  }

  private async check(intent: IntentRecord): Promise<Verdict> {
    let connector: Connector
    try {
      connector = await this.options.connectorFor(intent.profileId)
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return uncheckable(`the profile "${intent.profileName}" no longer exists.`)
      return uncheckable(error instanceof AppError ? error.message : 'the profile could not be used.')
    }
    return checkIntent(connector, intent, this.stop.signal, this.options.journal.createEvidence(intent))
  }
}
