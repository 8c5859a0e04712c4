import type { JobChangeResult } from '../../shared/jobs'

/** A job of thousands of changes would send thousands of events a minute: a few a second carry the same news. */
const intervalMs = 250

/**
 * Gathers each job's changed rows and publishes them at most every quarter second, the newest
 * state of each row; a change of the job's own state (started, paused, done) goes out at once.
 */
export class ProgressThrottle {
  private readonly waiting = new Map<string, Map<number, JobChangeResult>>()
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly publish: (jobId: string, changed: JobChangeResult[]) => void) {}

  push(jobId: string, changed: readonly JobChangeResult[], now: boolean): void {
    const rows = this.waiting.get(jobId) ?? new Map<number, JobChangeResult>()
    for (const change of changed) rows.set(change.index, { ...change })
    this.waiting.set(jobId, rows)
    if (now) this.flush()
    else this.timer ??= setTimeout(() => this.flush(), intervalMs)
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const waiting = [...this.waiting]
    this.waiting.clear()
    for (const [jobId, rows] of waiting) this.publish(jobId, [...rows.values()])
  }
}
