import { z } from 'zod'
import type { ConnectorId } from './catalogue/types'
import type { LanyardError } from './errors'
import { profileSetSchema } from './people'
import { freeText, lineText } from './text'

/*
 * Bulk jobs: a planned list of account changes that main runs in the background, through each
 * profile's request budget, as one journal operation whose changes are the job's rows. A job is
 * planned first (`jobs.plan`: everything read, nothing sent), started from its plan, and kept on
 * disk so it survives a crash and resumes without sending any change twice.
 */

export const jobKinds = ['offboard', 'addMembers', 'removeMembers', 'moveMembers', 'copyGroups', 'deprovisionAccounts', 'undoAccounts', 'undoJob'] as const
export type JobKind = (typeof jobKinds)[number]

/** The most rows one job holds: a week's leavers or a large group, not a directory export. */
export const maxJobLines = 10_000

const profileId = z.string().uuid('Not a profile id')
const objectId = lineText().trim().min(1, 'Choose one').max(512)
/** One line of a pasted list or a CSV column: an email, a username, a name or an id. */
const lines = z
  .array(lineText().max(512, 'Keep each value under 512 characters'))
  .min(1, 'Paste or import at least one line')
  .max(maxJobLines, `A job holds at most ${maxJobLines.toLocaleString('en')} lines; split the list`)

/** What to plan: one shape per kind. Lines are matched as the People search matches a person or account. */
export const jobPlanSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offboard'), profileSet: profileSetSchema, lines }).strict(),
  z.object({ kind: z.literal('addMembers'), profileId, groupType: objectId, groupId: objectId, lines }).strict(),
  z.object({ kind: z.literal('removeMembers'), profileId, groupType: objectId, groupId: objectId, lines }).strict(),
  z.object({ kind: z.literal('moveMembers'), profileId, groupType: objectId, fromGroupId: objectId, toGroupId: objectId }).strict(),
  z.object({ kind: z.literal('copyGroups'), profileId, fromUserId: objectId, toUserId: objectId }).strict(),
  z.object({ kind: z.literal('deprovisionAccounts'), profileId, lines }).strict(),
  z.object({ kind: z.literal('undoAccounts'), profileId, lines }).strict(),
])
export type JobPlanInput = z.infer<typeof jobPlanSchema>

/** One account-level change of a job: a journal entry once it runs. */
export interface JobChange {
  profileId: string
  profileName: string
  connectorId: ConnectorId
  objectType: string
  objectId: string
  displayName: string
  action: 'deprovision' | 'undoDeprovision' | 'addMember' | 'removeMember'
  /** For memberships: the group. */
  group: { objectType: string; id: string; name: string } | null
  /** For `undoDeprovision`: the deprovision's journal entry it undoes. */
  entryToUndo: string | null
  /** The account's state now and after, in words ("ACTIVE, in 3 groups" → "SUSPENDED, groups kept on record"). */
  before: string
  after: string
}

/** One line of the input as planned: ready with its changes, skipped with why, or a problem to fix. */
export interface JobPlanRow {
  /** The line's position in the input, from 1 (a CSV's data rows after the header). */
  line: number
  input: string
  state: 'ready' | 'skip' | 'problem'
  reason: string | null
  changes: JobChange[]
}

/** How long the job will take at each profile's budget: requests spaced by the documented limits. */
export interface JobEstimate {
  /**
   * What the run will send (every ready change's requests) and how long it takes at each profile's rate.
   * Where the plan cannot know a change's steps (a GoTo deprovision sends only the role and licence
   * steps the account needs, and the list answer the plan read does not say which), `requests` is
   * the fewest and `requestsAtMost` the most, and the time is a range too: `secondsAtLeast` at the
   * fewest, `seconds` at the most; each pair is equal where the plan knows.
   */
  requests: number
  requestsAtMost: number
  /** What planning already sent (its lookups and reads, retries aside): spent, not part of the run's time. */
  planRequests: number
  secondsAtLeast: number
  seconds: number
  perProfile: { profileId: string; profileName: string; changes: number; requests: number; requestsPerSecond: number; secondsAtLeast: number; seconds: number }[]
}

export interface JobPlan {
  /** Start the job with this id; a plan is kept in main until started or for an hour. */
  planId: string
  kind: JobKind
  /** "Offboard 25 people", "Move 40 members from EMEA-old to EMEA". */
  title: string
  rows: JobPlanRow[]
  counts: { ready: number; skipped: number; problems: number; changes: number }
  estimate: JobEstimate
}

export const jobStates = ['running', 'pausing', 'paused', 'cancelling', 'cancelled', 'done', 'interrupted'] as const
export type JobState = (typeof jobStates)[number]

/** A change's place in a running job. */
export const jobChangeStates = ['waiting', 'running', 'done', 'skipped', 'failed'] as const
export type JobChangeState = (typeof jobChangeStates)[number]

export interface JobChangeResult {
  /** Index into the job's changes (plan order). */
  index: number
  line: number
  state: JobChangeState
  message: string | null
  /** The change's journal entry, once there is one. */
  entryId: string | null
  error: LanyardError | null
  /**
   * Its answer was lost (cancelled after sending, the network): state stays `failed` so Retry settles and
   * finishes it, but whether it happened is not known yet; the row reads "checking" until the journal settles it.
   */
  pending?: boolean
}

/** One rate-limit family's requests a second now, against the limit its target sets it; and all the job has sent it. */
export interface JobFamilyRate {
  family: string
  requestsPerSecond: number
  limitPerSecond: number | null
  requestsSent: number
}

export interface JobView {
  id: string
  kind: JobKind
  title: string
  /** The journal operation whose changes are this job's rows. */
  operationId: string
  state: JobState
  createdAt: string
  finishedAt: string | null
  /** `notRun`: of `skipped`, the changes a cancel left unsent (the bar does not count them as finished). */
  /** `checking`: changes whose outcome is not known yet (pending), not counted in `failed`. */
  counts: { total: number; done: number; failed: number; skipped: number; left: number; notRun?: number; checking?: number }
  /**
   * Per profile: requests a second now (those the job sent in the last few seconds, counted as each went out),
   * and every request the job has sent it since the app started it. A target limits each rate-limit family apart
   * (Cognito's reads and writes are separate quotas), so `families` says each family's rate against its own limit,
   * the closest to its limit first; `limitPerSecond` is null for a family the target does not limit.
   */
  rates: { profileId: string; profileName: string; requestsPerSecond: number; requestsSent: number; families: JobFamilyRate[] }[]
  /** Seconds left at the current rate; null before any change has run or once finished. */
  secondsLeft: number | null
  /** For an undo job, the job it undoes. */
  undoOf: string | null
}

export interface JobDetails {
  job: JobView
  /** Each change with its result and the input line it came from. */
  changes: (JobChange & JobChangeResult & { input: string })[]
  /** The plan's lines that were not run (skipped or unmatched), with why: results show them too. */
  skippedLines: { line: number; input: string; reason: string }[]
}

export const jobRefSchema = z.object({ jobId: lineText().min(1).max(100) }).strict()
export const jobStartSchema = z.object({ planId: lineText().min(1).max(100) }).strict()

/** A pasted list or a CSV file's bytes (base64): read into columns without any request. */
export const readListSchema = z
  .object({
    fileName: lineText().max(260).optional(),
    /** Pasted text. */
    text: freeText().max(5_000_000).optional(),
    /** A file's bytes, base64, when its encoding is not known (UTF-8, UTF-16 or Windows-1252 are sniffed). */
    base64: z.string().max(7_000_000, 'The file is over 5 MB; split it').optional(),
  })
  .strict()
  .refine((input) => (input.text === undefined) !== (input.base64 === undefined), 'Give either pasted text or a file, not both')

export interface ReadList {
  columns: string[]
  /** Whether the first row was taken as the column names. */
  hasHeader: boolean
  delimiter: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
  rows: string[][]
  /** The column most likely holding emails or usernames, by its name or values. */
  suggestedColumn: number
  /** Anything that could not be read, by row and column (from 1), in words. */
  problems: { row: number; column: number | null; message: string }[]
}

/** Progress of a job (event `jobs.progress`): its view and the changes whose state changed since the last event. */
export const jobProgressSchema = z.object({
  job: z.custom<JobView>((value) => typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string', 'not a job'),
  changes: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      line: z.number().int().nonnegative(),
      state: z.enum(jobChangeStates),
      message: z.string().nullable(),
      entryId: z.string().nullable(),
      error: z.custom<LanyardError>((value) => value === null || typeof value === 'object').nullable(),
      pending: z.boolean().optional(),
    }),
  ),
})
export type JobProgress = z.infer<typeof jobProgressSchema>
