import type { EventName, EventPayload } from '../../shared/contract'
import type { JournalEntry } from '../../shared/journal'
import type { Connector } from '../connectors/Connector'
import type { Logger } from '../logging/Logger'
import { AppError } from '../errors/AppError'
import { checkIntent, uncheckable, type Verdict } from './checkIntent'
import type { Journal } from '../journal/Journal'
import type { IntentRecord } from '../journal/journalRecord'

export interface SettlingBackoff {
  /** The wait before the first background check of a change that ended pending. */
  firstMs: number
  /** Waits double up to this. */
  maxMs: number
  /** Background checks of one change before it waits for the next call that reaches its target. */
  attempts: number
}

export const defaultBackoff: SettlingBackoff = { firstMs: 5_000, maxMs: 120_000, attempts: 6 }

export interface SettlingOptions {
  journal: Journal
  connectorFor: (profileId: string) => Promise<Connector>
  logger: Logger
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  backoff?: SettlingBackoff
}

/**
 * Settles changes whose outcome is not known by reading their target (checkIntent), whenever
 * there is reason to think it answers: at start-up (Reconciliation), in the background after a
 * change ended pending (bounded, doubling waits), after any call to the same profile succeeded,
 * and on demand (`journal.settle`, "Check now"). One check at a time per entry, and one after
 * another per profile, so a failing target is never asked in bursts. Each settled outcome is
 * written marked `reconciled`; a check that can only repeat the last "could not be checked"
 * writes nothing.
 */
export class Settling {
  private readonly checking = new Map<string, Promise<JournalEntry>>()
  /** The tail of each profile's checks: the next one starts when it ends. */
  private readonly queues = new Map<string, Promise<unknown>>()
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; attempt: number }>()
  private readonly stop = new AbortController()
  private readonly backoff: SettlingBackoff

  constructor(private readonly options: SettlingOptions) {
    this.backoff = options.backoff ?? defaultBackoff
  }

  /**
   * Checks one entry now and returns it as it stands after. An entry whose outcome is known is
   * returned as it is, without reading the target; a check of it already under way is joined.
   */
  settle(entryId: string): Promise<JournalEntry> {
    const intent = this.options.journal.intent(entryId)
    const entry = this.options.journal.entry(entryId)
    if (!isUnsettled(entry)) return Promise.resolve(entry)
    const running = this.checking.get(entryId)
    if (running) return running
    this.cancelTimer(entryId)
    const queued = (this.queues.get(intent.profileId) ?? Promise.resolve()).then(() => this.checkAndRecord(intent))
    const check = queued.finally(() => this.checking.delete(entryId))
    this.checking.set(entryId, check)
    this.queues.set(intent.profileId, check.catch(() => undefined))
    return check
  }

  /** A change just ended pending: check it in the background, waiting longer after each failed check. */
  watch(entryId: string, attempt = 0): void {
    if (this.stop.signal.aborted || attempt >= this.backoff.attempts || this.timers.has(entryId)) return
    const wait = Math.min(this.backoff.firstMs * 2 ** attempt, this.backoff.maxMs)
    const timer = setTimeout(() => {
      this.timers.delete(entryId)
      void this.settle(entryId)
        .then((entry) => {
          if (entry.outcome.status === 'pending') this.watch(entryId, attempt + 1)
        })
        .catch((error: unknown) => this.options.logger.error('journal: background settling failed', { entryId, error }))
    }, wait)
    timer.unref?.()
    this.timers.set(entryId, { timer, attempt })
  }

  /**
   * A call to this profile just succeeded, so its target answers: check its changes still pending
   * (each at most once at a time; a change waiting for its next background check goes now).
   */
  profileAnswered(profileId: string): void {
    if (this.stop.signal.aborted) return
    for (const intent of this.options.journal.unsettled()) {
      if (intent.profileId !== profileId || this.checking.has(intent.id)) continue
      void this.settle(intent.id).catch((error: unknown) => this.options.logger.error('journal: settling failed', { entryId: intent.id, error }))
    }
  }

  /** The checks under way and waiting have ended (tests; close). */
  async idle(): Promise<void> {
    while (this.checking.size > 0) await Promise.allSettled([...this.checking.values()])
  }

  /** Whether a check is under way or waiting for its time. */
  get busy(): boolean {
    return this.timers.size > 0 || this.checking.size > 0
  }

  /** The app is closing: no new check starts, the one under way is cut short and records nothing. */
  async close(): Promise<void> {
    this.stop.abort()
    for (const entryId of [...this.timers.keys()]) this.cancelTimer(entryId)
    await this.idle()
  }

  private cancelTimer(entryId: string): void {
    const waiting = this.timers.get(entryId)
    if (!waiting) return
    clearTimeout(waiting.timer)
    this.timers.delete(entryId)
  }

  private async checkAndRecord(intent: IntentRecord): Promise<JournalEntry> {
    const journal = this.options.journal
    // Settled by another path while this one waited its turn, or the app is closing.
    if (this.stop.signal.aborted || !isUnsettled(journal.entry(intent.id))) return journal.entry(intent.id)
    const verdict = await this.check(intent)
    // A check cut short by closing proves nothing: the intent is simply checked next time.
    if (this.stop.signal.aborted || this.repeatsLastOutcome(intent.id, verdict)) return journal.entry(intent.id)
    await journal.recordOutcome({
      intentId: intent.id,
      status: verdict.status,
      message: verdict.message,
      steps: [],
      details: {},
      reconciled: true,
      target: verdict.target ?? null,
    })
    for (const entry of journal.affectedBy(intent.id)) this.options.emit('journal.appended', { entryId: entry.id, entry })
    // The check read the target: every view of the object reads it again (the panel's "checking…" ends with it).
    if (intent.target.id !== '') this.options.emit('directory.changed', { profileId: intent.profileId, objectType: intent.target.objectType, ids: [intent.target.id] })
    this.options.logger.info('journal: unfinished change settled', { entryId: intent.id, status: verdict.status })
    return journal.entry(intent.id)
  }

  /**
   * A change that still cannot be checked, or still cannot be told, for the same reason (its
   * profile was deleted, only write-only values changed) gets no new record: one per check would
   * grow the journal forever.
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

/** Pending: not known yet. "Could not tell" is settled, but Check now may read the target again. */
function isUnsettled(entry: JournalEntry): boolean {
  return entry.outcome.status === 'pending' || entry.outcome.status === 'undetermined'
}
