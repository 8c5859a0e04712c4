import { randomUUID } from 'node:crypto'
import type { ExportedFile } from '../../shared/contract'
import type { JobChangeResult, JobDetails, JobKind, JobView } from '../../shared/jobs'
import type { OperationAction } from '../../shared/journal'
import { AppError } from '../errors/AppError'
import { jobResultsCsv } from './jobResultsCsv'
import { JobRun, type JobRunServices } from './JobRun'
import type { StoredChange, StoredJob } from './JobStore'
import type { PlanStore } from './PlanStore'
import { ProgressThrottle } from './ProgressThrottle'
import { undoChangesOf } from './undoChanges'

export interface JobsOptions {
  services: JobRunServices
  plans: PlanStore
  /** Sends `jobs.progress`: a job's view and the changes that moved since the last one. */
  publish: (view: JobView, changed: JobChangeResult[]) => void
  inFlightPerProfile?: number
  now?: () => number
}

const operationOf: Record<JobKind, OperationAction> = {
  offboard: 'bulk',
  addMembers: 'bulk',
  removeMembers: 'bulk',
  moveMembers: 'move',
  copyGroups: 'bulk',
  deprovisionAccounts: 'bulk',
  undoAccounts: 'bulk',
  undoJob: 'undo',
}

/**
 * The `jobs.*` calls: jobs started from plans, run in the background, kept on disk. At start-up a
 * job the app stopped in the middle of is `interrupted`, and resumes only when the technician asks.
 */
export class Jobs {
  private readonly runs = new Map<string, JobRun>()
  private readonly throttle: ProgressThrottle
  private readonly stopFollowingJournal: () => void

  private constructor(private readonly options: JobsOptions) {
    this.throttle = new ProgressThrottle((jobId, changed) => {
      const run = this.runs.get(jobId)
      if (run) options.publish(run.view(), changed)
    })
    // A row's entry settled in the background, or finished from Activity: the Jobs view hears of it as of any other move.
    this.stopFollowingJournal = options.services.journal.onOutcome((entryIds) => {
      for (const run of this.runs.values()) run.journalChanged(entryIds)
    })
  }

  static async open(options: JobsOptions): Promise<Jobs> {
    const jobs = new Jobs(options)
    for (const { job, results } of await options.services.store.loadAll()) jobs.add(job, results)
    return jobs
  }

  async start(planId: string): Promise<JobView> {
    const plan = this.options.plans.take(planId)
    const changes: StoredChange[] = plan.rows.filter((row) => row.state === 'ready').flatMap((row) => row.changes.map((change) => ({ ...change, line: row.line, input: row.input })))
    if (changes.length === 0) throw new AppError('invalid_input', 'This plan has nothing to run: every line is skipped or has a problem. Fix the list and plan again.')
    const skippedLines = plan.rows.filter((row) => row.state !== 'ready').map((row) => ({ line: row.line, input: row.input, reason: row.reason ?? 'Not run.' }))
    const profiles = plan.estimate.perProfile.map(({ profileId, profileName }) => ({ profileId, profileName }))
    return this.launch({ kind: plan.kind, title: plan.title, undoOf: null, changes, skippedLines, profiles })
  }

  /** A new job undoing every change of this one that was done: deprovisions undone, memberships reversed. */
  async undo(jobId: string): Promise<JobView> {
    const run = this.run(jobId)
    if (run.view().state === 'running' || run.view().state === 'pausing') throw new AppError('conflict', 'This job is still running: pause or cancel it, then undo it.')
    const { journal } = this.options.services
    const changes = undoChangesOf(run.job, run.results(), (entryId) => journal.intent(entryId).completes ?? entryId)
    if (changes.length === 0) throw new AppError('unsupported', 'Nothing of this job can be undone: no change of it was done.')
    return this.launch({ kind: 'undoJob', title: `Undo of ${run.job.title}`, undoOf: run.job.id, changes, skippedLines: [], profiles: run.job.profiles })
  }

  resume(jobId: string): JobView {
    const run = this.run(jobId)
    const { state } = run.view()
    if (state === 'done' || state === 'cancelled') throw new AppError('conflict', `This job is ${state === 'done' ? 'finished' : 'cancelled'}: there is nothing to resume.`)
    void run.start()
    return run.view()
  }

  retryFailed(jobId: string): JobView {
    const run = this.run(jobId)
    // A row still checking (its answer lost) is retried too: the retry settles it before sending it again.
    const { failed, checking = 0 } = run.view().counts
    if (failed + checking === 0) throw new AppError('conflict', 'This job has no failed rows to retry.')
    if (run.view().state === 'running') throw new AppError('conflict', 'This job is still running: retry its failed rows once it stops.')
    void run.retryFailed()
    return run.view()
  }

  pause(jobId: string): JobView {
    const run = this.run(jobId)
    run.pause()
    return run.view()
  }

  cancel(jobId: string): JobView {
    const run = this.run(jobId)
    run.cancel()
    return run.view()
  }

  list(): JobView[] {
    return [...this.runs.values()].map((run) => run.view()).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  get(jobId: string): JobDetails {
    const run = this.run(jobId)
    const results = run.results()
    const changes = run.job.changes.map((change, index) => ({ ...change, ...results[index]! }))
    return { job: run.view(), changes, skippedLines: run.job.skippedLines }
  }

  exportResults(jobId: string): ExportedFile {
    return jobResultsCsv(this.get(jobId), new Date(this.now()))
  }

  /** On close: no new change starts, the ones in flight finish; the job stays `running` on disk, to resume next time. */
  async close(): Promise<void> {
    for (const run of this.runs.values()) run.halt()
    await Promise.all([...this.runs.values()].map((run) => run.idle()))
    this.stopFollowingJournal()
    this.throttle.flush()
  }

  private async launch(fields: Pick<StoredJob, 'kind' | 'title' | 'undoOf' | 'changes' | 'skippedLines' | 'profiles'>): Promise<JobView> {
    const { journal } = this.options.services
    const undoneOperation = fields.undoOf ? this.run(fields.undoOf).job.operationId : null
    const operation = await journal.recordOperation({ action: operationOf[fields.kind], title: fields.title, undoOf: undoneOperation })
    const job: StoredJob = { version: 1, id: randomUUID(), operationId: operation.id, createdAt: new Date(this.now()).toISOString(), finishedAt: null, requested: 'running', ...fields }
    await this.options.services.store.save(job)
    const run = this.add(job, new Map())
    void run.start()
    return run.view()
  }

  private add(job: StoredJob, results: ConstructorParameters<typeof JobRun>[1]): JobRun {
    const run = new JobRun(job, results, this.options.services, {
      inFlightPerProfile: this.options.inFlightPerProfile ?? 4,
      onProgress: (changedRun, changed) => this.throttle.push(changedRun.job.id, changed, changed.length === 0),
      now: this.options.now,
    })
    this.runs.set(job.id, run)
    return run
  }

  private run(jobId: string): JobRun {
    const run = this.runs.get(jobId)
    if (!run) throw new AppError('not_found', 'This job is not known. Refresh the Jobs view.', { details: { jobId } })
    return run
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }
}
