import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { connectorIds } from '../../shared/catalogue/types'
import { lanyardErrorSchema } from '../../shared/errors'
import { jobChangeStates, jobKinds } from '../../shared/jobs'
import type { Logger } from '../logging/Logger'
import { writeFileAtomically } from '../profiles/writeFileAtomically'

/*
 * Jobs on disk, one pair of files per job in `<data>/jobs/`: `<id>.json`, the plan and what the
 * technician last asked for (run, pause, cancel), replaced atomically; and `<id>.results.jsonl`,
 * one line per change that finished, appended. Neither is the truth about the targets: the journal
 * is. On start-up a change with no result line is looked up in the journal (see resumeFromJournal)
 * before anything is sent, so a crash between a request and its result line never sends it twice.
 */

const changeSchema = z.object({
  line: z.number().int().nonnegative(),
  input: z.string(),
  profileId: z.string(),
  profileName: z.string(),
  connectorId: z.enum(connectorIds),
  objectType: z.string(),
  objectId: z.string(),
  displayName: z.string(),
  action: z.enum(['deprovision', 'undoDeprovision', 'addMember', 'removeMember']),
  group: z.object({ objectType: z.string(), id: z.string(), name: z.string() }).nullable(),
  before: z.string(),
  after: z.string(),
  entryToUndo: z.string().nullable(),
})
export type StoredChange = z.infer<typeof changeSchema>

export const storedJobSchema = z.object({
  version: z.literal(1),
  id: z.string().min(1),
  kind: z.enum(jobKinds),
  title: z.string(),
  operationId: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** What the technician last asked for; `running` found at start-up means the app stopped mid-job. */
  requested: z.enum(['running', 'paused', 'cancelled', 'done']),
  undoOf: z.string().nullable(),
  changes: z.array(changeSchema),
  skippedLines: z.array(z.object({ line: z.number().int().nonnegative(), input: z.string(), reason: z.string() })),
  /**
   * The profiles the job sends to. (A job saved before the rate was measured per family also has
   * `budgetPerSecond`, the plan's pace, and an older one `requestsPerChange`: parsing drops them.)
   */
  profiles: z.array(z.object({ profileId: z.string(), profileName: z.string() })),
})
export type StoredJob = z.infer<typeof storedJobSchema>

const resultSchema = z.object({
  index: z.number().int().nonnegative(),
  state: z.enum(jobChangeStates),
  message: z.string().nullable(),
  entryId: z.string().nullable(),
  error: lanyardErrorSchema.nullable(),
  pending: z.boolean().optional(),
  time: z.string(),
})
export type StoredResult = z.infer<typeof resultSchema>

export interface LoadedJob {
  job: StoredJob
  /** The last result line of each change that has one. */
  results: Map<number, StoredResult>
}

export class JobStore {
  private readonly directory: string

  constructor(
    dataDirectory: string,
    private readonly logger: Logger,
  ) {
    this.directory = join(dataDirectory, 'jobs')
  }

  async save(job: StoredJob): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 })
    await writeFileAtomically(this.jobFile(job.id), `${JSON.stringify(job)}\n`)
  }

  async appendResult(jobId: string, result: StoredResult): Promise<void> {
    await appendFile(this.resultsFile(jobId), `${JSON.stringify(result)}\n`, { mode: 0o600 })
  }

  /** Every job readable on disk. A damaged job file is logged and left where it is, never deleted. */
  async loadAll(): Promise<LoadedJob[]> {
    const names = await readdir(this.directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw error
    })
    const loaded: LoadedJob[] = []
    for (const name of names.filter((file) => file.endsWith('.json')).sort()) {
      const job = await this.readJob(join(this.directory, name))
      if (job) loaded.push({ job, results: await this.readResults(job.id) })
    }
    return loaded
  }

  private async readJob(path: string): Promise<StoredJob | null> {
    try {
      const parsed = storedJobSchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
      if (parsed.success) return parsed.data
      this.logger.warn('a job file could not be read and was left alone', { path, problem: parsed.error.issues[0]?.message })
    } catch (error) {
      this.logger.warn('a job file could not be read and was left alone', { path, error })
    }
    return null
  }

  /** A line cut short by a crash (the last one) is ignored: its change is looked up in the journal. */
  private async readResults(jobId: string): Promise<Map<number, StoredResult>> {
    const results = new Map<number, StoredResult>()
    const text = await readFile(this.resultsFile(jobId), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return ''
      throw error
    })
    for (const line of text.split('\n')) {
      if (!line.trim()) continue
      try {
        const parsed = resultSchema.safeParse(JSON.parse(line))
        if (parsed.success) results.set(parsed.data.index, parsed.data)
      } catch {
        this.logger.warn('a job result line could not be read; its change is checked in the journal', { jobId })
      }
    }
    return results
  }

  private jobFile(jobId: string): string {
    return join(this.directory, `${jobId}.json`)
  }

  private resultsFile(jobId: string): string {
    return join(this.directory, `${jobId}.results.jsonl`)
  }
}
