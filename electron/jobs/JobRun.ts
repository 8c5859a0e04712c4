import type { JobChangeResult, JobState, JobView } from '../../shared/jobs'
import type { JournalEntry } from '../../shared/journal'
import { CallsInFlight } from '../http/cancellation'
import { JournalledChanges } from './journalledChanges'
import type { JobStore, StoredChange, StoredJob, StoredResult } from './JobStore'
import { withRequestTally } from '../http/requestTally'
import { countSent, jobRates, newPaceWindow, type PaceWindow } from './jobRates'
import { shownFromJournal } from './rowFromJournal'
import { fromEntry, runJobChange, type ChangeOutcome, type JobChangeServices } from './runJobChange'

export interface JobRunServices extends JobChangeServices {
  store: JobStore
  /** Reads the target for a change whose answer was lost, and settles its journal entry. */
  settle: (entryId: string) => Promise<JournalEntry>
}

/** A change a cancelled job never sent: not failed (nothing happened), not left (a cancelled job never resumes). */
export const notRunMessage = 'Not run: the job was cancelled before this change was sent; nothing was changed.'

export interface JobRunOptions {
  /**
   * Changes of one profile in flight at once. The profile's request budget spaces their requests,
   * so this only has to be enough for the budget, not the round trip, to set the pace.
   */
  inFlightPerProfile: number
  /** Told of every change whose state changed (and of the job's own state changes, with none). */
  onProgress: (run: JobRun, changed: JobChangeResult[]) => void
  now?: () => number
}

/**
 * One job as it runs: profiles side by side, a few changes of each in flight, each change one
 * journaled change of the job's operation. Pause lets the changes in flight finish and starts no
 * more; cancel aborts them through their signal (the journal records what each had done). A change
 * with no result on disk is first looked up in the journal: one found is never sent again.
 */
export class JobRun {
  private state: JobState
  private readonly changes: JobChangeResult[]
  /**
   * The changes in flight, each with a signal of its own that cancel aborts. Not one job signal every
   * change listens to: profiles × inFlightPerProfile changes at once would hang more listeners on it than Node allows (10).
   */
  private changesInFlight = new CallsInFlight()
  private running: Promise<void> | null = null
  private readonly pace: PaceWindow
  /** Changes the journal must be asked about before they are sent: those that had no result at load. */
  private readonly unknown = new Set<number>()
  private journalled: JournalledChanges | null = null
  private halted = false
  /** A cancelled job whose failed changes are retried ends cancelled again: its changes not run stay not run. */
  private staysCancelled = false
  /** The row showing each journal entry: an outcome the journal writes elsewhere finds its row without a scan of them all. */
  private readonly rowOf = new Map<string, number>()

  constructor(
    readonly job: StoredJob,
    results: ReadonlyMap<number, StoredResult>,
    private readonly services: JobRunServices,
    private readonly options: JobRunOptions,
  ) {
    this.changes = job.changes.map((change, index) => {
      const result = results.get(index)
      if (!result) this.unknown.add(index)
      return { index, line: change.line, state: result?.state ?? 'waiting', message: result?.message ?? null, entryId: result?.entryId ?? null, error: result?.error ?? null, pending: result?.pending ?? false }
    })
    for (const change of this.changes) this.follow(change)
    this.state = job.requested === 'running' ? 'interrupted' : job.requested
    if (job.requested === 'running' && this.left() === 0 && this.unknown.size === 0) this.state = 'done'
    this.pace = newPaceWindow(options.now ?? Date.now)
  }

  view(): JobView {
    this.showSettled()
    const counts = { total: this.changes.length, done: 0, failed: 0, skipped: 0, left: 0, notRun: 0, checking: 0 }
    for (const change of this.changes) {
      if (change.state === 'done') counts.done += 1
      else if (change.state === 'failed' && change.pending) counts.checking += 1
      else if (change.state === 'failed') counts.failed += 1
      else if (change.state === 'skipped') counts.skipped += 1
      else counts.left += 1
      if (change.state === 'skipped' && change.message === notRunMessage) counts.notRun += 1
    }
    const { rates, secondsLeft } = jobRates(this.job, this.changes, this.pace, this.state === 'running')
    const { id, kind, title, operationId, createdAt, finishedAt, undoOf } = this.job
    return { id, kind, title, operationId, state: this.state, createdAt, finishedAt, counts, rates, secondsLeft, undoOf }
  }

  results(): readonly JobChangeResult[] {
    this.showSettled()
    return this.changes
  }

  /** The journal wrote an outcome of these entries (settling, a finish made outside the job): the rows showing them follow, announced. */
  journalChanged(entryIds: readonly string[]): void {
    const changed: JobChangeResult[] = []
    for (const entryId of entryIds) {
      const change = this.changes[this.rowOf.get(entryId) ?? -1]
      if (change?.entryId === entryId && this.followJournal(change)) changed.push(change)
    }
    if (changed.length > 0) this.options.onProgress(this, changed)
  }

  private showSettled(): void {
    for (const change of this.changes) this.followJournal(change)
  }

  /**
   * A row that ended failed shows what the journal learned since: its lost answer settled (reconciliation, Check now,
   * the background checks), done or failed as the target says; or its deprovision that stopped part-way finished
   * outside the job (Finish deprovision), done. Read from the journal each time, so the job's file needs no rewrite.
   * True when the row changed.
   */
  private followJournal(change: JobChangeResult): boolean {
    // Waiting or running again (a retry): the run itself says how it ends.
    if (change.state !== 'failed' || change.entryId === null) return false
    const shown = shownFromJournal(this.services.journal, change.entryId, change)
    if (!shown) return false
    Object.assign(change, shown)
    this.follow(change)
    return true
  }

  private follow(change: JobChangeResult): void {
    if (change.entryId !== null) this.rowOf.set(change.entryId, change.index)
  }

  /** Starts (or resumes) the changes still waiting; resolves when the job stops running. */
  start(): Promise<void> {
    // Still stopping (its last state being saved): start again once it has stopped.
    if (this.running) return this.state === 'running' ? this.running : this.running.then(() => this.start())
    this.changesInFlight = new CallsInFlight()
    this.state = 'running'
    this.options.onProgress(this, [])
    this.running = this.runAll().finally(() => (this.running = null))
    return this.running
  }

  /** Starts the failed changes again, as more changes of the same operation. */
  retryFailed(): Promise<void> {
    this.staysCancelled = this.state === 'cancelled'
    const again = this.changes.filter((change) => change.state === 'failed')
    for (const change of again) Object.assign(change, { state: 'waiting', message: null, error: null })
    this.options.onProgress(this, again)
    return this.start()
  }

  pause(): void {
    if (this.state !== 'running') return
    this.state = 'pausing'
    this.options.onProgress(this, [])
  }

  cancel(): void {
    if (this.state === 'done' || this.state === 'cancelled') return
    if (this.state === 'running' || this.state === 'pausing') {
      this.state = 'cancelling'
      this.changesInFlight.close()
    } else if (!this.running) {
      // Paused or interrupted: nothing in flight. Saved like a running job's cancel, so a restart finds it cancelled.
      this.state = 'cancelling'
      this.running = this.stop('cancelled').finally(() => (this.running = null))
    }
    this.options.onProgress(this, [])
  }

  /**
   * The app is closing: no new change starts and the ones in flight finish, but nothing is saved:
   * the job stays `running` on disk, shown as interrupted at the next start, to resume from there.
   */
  halt(): void {
    if (this.state !== 'running' && this.state !== 'pausing') return
    this.halted = true
    this.state = 'pausing'
  }

  /** Resolves once nothing of this job is in flight. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve()
  }

  private async runAll(): Promise<void> {
    await this.save('running')
    this.pace.started ??= this.pace.now()
    // Per profile, the lines with changes still to run: a line's changes run in order (a move's add, then its remove).
    const byProfile = new Map<string, Map<number, number[]>>()
    for (const [index, { profileId, line }] of this.job.changes.entries()) {
      const lines = byProfile.get(profileId) ?? byProfile.set(profileId, new Map()).get(profileId)!
      lines.set(line, [...(lines.get(line) ?? []), index])
    }
    const queues = [...byProfile.values()].map((lines) => [...lines.values()].filter((line) => line.some((index) => isLeft(this.changes[index]!))))
    const workers = queues.flatMap((queue) => Array.from({ length: this.options.inFlightPerProfile }, () => this.work(queue)))
    await Promise.all(workers)
    if (this.halted) return
    const cancelled = this.state === 'cancelling' || (this.staysCancelled && this.state === 'running')
    await this.stop(cancelled ? 'cancelled' : this.state === 'pausing' ? 'paused' : 'done')
  }

  private async stop(stoppedAs: 'cancelled' | 'paused' | 'done'): Promise<void> {
    this.staysCancelled = false
    if (stoppedAs === 'cancelled') await this.markNotRun()
    // On disk first: a job shown finished, paused or cancelled is one a restart finds so.
    await this.save(stoppedAs)
    this.state = stoppedAs
    this.options.onProgress(this, [])
  }

  /**
   * The changes a cancel left waiting are recorded as not run. One a crash may have sent (its intent is in the
   * journal, never looked at since) stays waiting: the journal, not the job, says what became of it.
   */
  private async markNotRun(): Promise<void> {
    if (this.unknown.size > 0) this.journalled ??= new JournalledChanges(this.services.journal, this.job.operationId)
    const mayHaveBeenSent = (index: number) => this.unknown.has(index) && this.journalled!.entryFor(this.job.changes[index]!) !== null
    const notRun = this.changes.filter((change) => change.state === 'waiting' && !mayHaveBeenSent(change.index))
    for (const result of notRun) {
      Object.assign(result, { state: 'skipped', message: notRunMessage, error: null })
      await this.services.store.appendResult(this.job.id, { ...result, time: new Date(this.pace.now()).toISOString() })
    }
    if (notRun.length > 0) this.options.onProgress(this, notRun)
  }

  /** Takes lines off the profile's queue, one at a time, until it is empty or the job stops running. */
  private async work(queue: number[][]): Promise<void> {
    while (this.state === 'running') {
      const line = queue.shift()
      if (line === undefined) return
      await this.runLine(line)
    }
  }

  /**
   * The changes of one line, in order. Once one fails, the later ones are not sent (a move's remove
   * waits for its add: a person is never left in neither group) and say why; a retry runs them all again.
   */
  private async runLine(line: readonly number[]): Promise<void> {
    let failed: number | null = null
    for (const index of line) {
      // Paused or cancelled between two changes of a line: the rest waits, for resume to send.
      if (this.state !== 'running') return
      // Run before (a resumed job): a failure found on disk holds the rest of the line all the same.
      if (!isLeft(this.changes[index]!)) failed ??= this.changes[index]!.state === 'failed' ? index : null
      else if (failed !== null) await this.finishWith(index, notSentAfter(this.job.changes[index]!, this.job.changes[failed]!, this.changes[failed]!.message))
      else if (!(await this.runChange(index))) return
      else if (this.changes[index]!.state === 'failed') failed = index
    }
  }

  /** Runs one change and records its result; false when it was cancelled before anything was sent (it waits again). */
  private async runChange(index: number): Promise<boolean> {
    const result = this.changes[index]!
    result.state = 'running'
    this.options.onProgress(this, [result])
    // Every request the change sends (its reads, steps, retries, a settling read first) counts toward the job's rate.
    const { profileId } = this.job.changes[index]!
    const outcome = await withRequestTally((sent) => countSent(this.pace, profileId, sent), () => this.runOne(index))
    if (this.changesInFlight.closed && outcome.state === 'failed' && outcome.entryId === null) {
      // Cancelled before its intent was written: nothing was sent or recorded; it stays waiting.
      Object.assign(result, { state: 'waiting', message: null, error: null })
      this.options.onProgress(this, [result])
      return false
    }
    if (this.changesInFlight.closed && outcome.state === 'failed' && !outcome.pending && outcome.error?.code === 'cancelled') {
      // Cancelled after its intent, before any request (while it read the target): the journal says nothing was
      // sent. The technician cancelled: it is not run, in the job's words, not failed with a read's.
      Object.assign(outcome, { state: 'skipped', message: notRunMessage, error: null })
    }
    this.pace.finished.push({ at: this.pace.now(), profileId })
    await this.finishWith(index, outcome)
    return true
  }

  private async finishWith(index: number, outcome: Pick<ChangeOutcome, 'state' | 'message' | 'entryId' | 'error'> & { pending?: boolean }): Promise<void> {
    const result = this.changes[index]!
    Object.assign(result, { state: outcome.state, message: outcome.message, entryId: outcome.entryId, error: outcome.error, pending: outcome.pending ?? false })
    this.follow(result)
    await this.services.store.appendResult(this.job.id, { ...result, time: new Date(this.pace.now()).toISOString() })
    this.options.onProgress(this, [result])
  }

  private async runOne(index: number): Promise<ChangeOutcome> {
    const change = this.job.changes[index]!
    if (this.unknown.delete(index)) {
      // No result on disk: the last run may have sent it before it stopped. If so, its outcome stands.
      this.journalled ??= new JournalledChanges(this.services.journal, this.job.operationId)
      const sent = this.journalled.entryFor(change)
      const settled = sent ? await this.settled(sent) : null
      // Sent before: its outcome stands, unless settling read the target and found it never happened.
      if (settled && stands(settled, { failure: !settled.outcome.reconciled })) return fromEntry(settled)
    } else if (this.changes[index]!.entryId) {
      // A retry: a change whose answer was lost is settled first, and sent again only if it did not happen.
      const last = this.services.journal.entry(this.changes[index]!.entryId!)
      if (last.outcome.status === 'pending') {
        const settled = await this.settled(last)
        if (stands(settled, { failure: false })) return fromEntry(settled)
      }
    }
    return this.changesInFlight.follow(undefined, (signal) => runJobChange(this.services, change, this.job.operationId, signal))
  }

  private async settled(entry: JournalEntry): Promise<JournalEntry> {
    if (entry.outcome.status !== 'pending') return entry
    return this.services.settle(entry.id).catch(() => entry)
  }

  private async save(requested: StoredJob['requested']): Promise<void> {
    this.job.requested = requested
    if (requested === 'done' || requested === 'cancelled') this.job.finishedAt = new Date(this.pace.now()).toISOString()
    await this.services.store.save(this.job)
  }

  left(): number {
    return this.changes.filter(isLeft).length
  }
}

/**
 * Whether a change's journaled outcome is final, so the change is not run again. A deprovision that
 * stopped part-way never is: running it again finishes its missing steps (DeprovisionService).
 */
function stands(entry: JournalEntry, { failure }: { failure: boolean }): boolean {
  if (entry.outcome.status === 'partial') return false
  return entry.outcome.status !== 'failed' || failure
}

/** A change of a line not sent because an earlier one of the line failed: "Not removed from A because adding to B failed: …". */
function notSentAfter(change: StoredChange, failed: StoredChange, reason: string | null): Pick<ChangeOutcome, 'state' | 'message' | 'entryId' | 'error'> {
  const why = reason ? `: ${reason}` : '.'
  const message =
    change.action === 'removeMember' && failed.action === 'addMember'
      ? `Not removed from ${change.group?.name ?? 'the group'} because adding to ${failed.group?.name ?? 'the other group'} failed${why}`
      : `Not sent because the change before it on this line failed${why}`
  return { state: 'failed', message, entryId: null, error: { code: 'conflict', message } }
}

/** Still to run: waiting, or running when the app stopped. */
function isLeft(change: JobChangeResult): boolean {
  return change.state === 'waiting' || change.state === 'running'
}
