import type { JournalEntry } from '../../shared/journal'
import type { Logger } from '../logging/Logger'
import type { Journal } from '../journal/Journal'
import type { Settling } from './Settling'

export interface ReconciliationOptions {
  journal: Journal
  /** Does each check: one at a time per entry, shared with background and on-demand settling. */
  settling: Pick<Settling, 'settle'>
  logger: Logger
  /** The first check waits for this: start-up work the targets' credentials depend on. */
  startAfter?: Promise<void>
}

/**
 * Start-up reconciliation: every intent left without an outcome (or with a `pending` one) is
 * checked against its target, one after another, in the background — start-up never waits on the
 * network. Each gets an outcome marked `reconciled`: applied, failed, partial, "could not tell"
 * (`undetermined`), or still pending with the reason it could not be checked (settled later, as
 * soon as the target answers; the same reason again is not written twice). `settled` is what the
 * start-up banner shows.
 */
export class Reconciliation {
  private readonly intentIds: string[]
  private readonly finished: Promise<void>
  private stopped = false

  constructor(private readonly options: ReconciliationOptions) {
    this.intentIds = options.journal.unsettled().map((intent) => intent.id)
    // setImmediate: the caller (start-up) finishes before the first read begins.
    this.finished = (options.startAfter ?? Promise.resolve())
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => this.run())
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
    this.stopped = true
    await this.finished
  }

  private async run(): Promise<void> {
    for (const intentId of this.intentIds) {
      if (this.stopped) return
      try {
        await this.options.settling.settle(intentId)
      } catch (error) {
        // The outcome could not be written: the intent stays unsettled and is checked again later.
        this.options.logger.error('journal: reconciliation outcome not written', { entryId: intentId, error })
      }
    }
  }
}
