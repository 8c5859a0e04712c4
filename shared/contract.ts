import { z } from 'zod'
import { attributeSchemaInput, type AttributeSchema } from './attributeSchema'
import type { Result } from './errors'
import { lineText } from './text'
import { licenceChangeSchema, type UserLicences } from './licenses'
import { cancelChangeSchema, changeProgressSchema } from './changeProgress'
import {
  createProfileSchema,
  duplicateProfileSchema,
  exportProfilesSchema,
  importPreviewSchema,
  importProfilesSchema,
  profileIdSchema,
  updateProfileSchema,
  type ImportPreviewEntry,
  type ImportResult,
  type ProfileMadeReal,
  type ProfileView,
} from './profiles'
import {
  accountActionSchema,
  cancelRequestSchema,
  checkCreateSchema,
  createObjectSchema,
  deleteObjectSchema,
  deprovisionSchema,
  listObjectsSchema,
  listRelatedSchema,
  membershipChangeSchema,
  objectRefSchema,
  updateObjectSchema,
  type ConnectionReport,
  type CreateCheck,
  type DirectoryObject,
  type DirectoryPage,
  type DirectoryRow,
} from './directory'
import {
  completeChangeSchema,
  journalEntryRefSchema,
  operationRefSchema,
  journalExportSchema,
  journalListSchema,
  settleEntrySchema,
  undoableForSchema,
  undoDeprovisionSchema,
  finishDeprovisionSchema,
  type ChainVerification,
  type JournalEntry,
  type JournalOperation,
  type JournalPage,
  type OperationUndoReport,
  type UndoReport,
} from './journal'
import {
  offboardingPlanSchema,
  offboardSchema,
  peopleCancelSchema,
  peopleSearchSchema,
  offboardProgressSchema,
  peopleResultsSchema,
  type OffboardingPlan,
  type OffboardReport,
  type PeopleSearchStarted,
} from './people'
import { jobPlanSchema, jobProgressSchema, jobRefSchema, jobStartSchema, readListSchema, type JobDetails, type JobPlan, type JobView, type ReadList } from './jobs'

/**
 * The one contract between renderer and main. Every call the renderer may make is an entry
 * here, `namespace.verb`, with a zod schema for its input and a phantom output type. The preload
 * allow-list, the main handler table, the preview bridge and the CLI all derive from this list.
 */
interface CallSpec<I extends z.ZodType, O> {
  input: I
  /** Phantom: carries the output type only. */
  output?: O
  /** One line for the reader. */
  doc: string
}

function call<O>() {
  return <I extends z.ZodType>(input: I, doc: string): CallSpec<I, O> => ({ input, doc })
}

const none = z.object({}).strict()

export interface AppInfo {
  version: string
  platform: string
  dataDirectory: string
  keychain: 'available' | 'unavailable'
  /** A profiles file that could not be read and was moved aside at start-up. */
  storageProblem: { movedTo: string; reason: string } | null
  sandbox: SandboxStatus
  /** Profiles saved as Sandbox though not on this computer, which this start made Real (told once: the next start has none). */
  profilesMadeReal?: ProfileMadeReal[]
}

/** Lanyard's own sandbox tenants: whether their Sandbox profiles may be used, and which those are. */
export interface SandboxStatus {
  /** On: a tenant starts when its Sandbox profile is first used. Off: none starts, and those profiles refuse to connect. */
  enabled: boolean
  /** The environment variable that turned them off for this run (the setting cannot turn them on then). */
  switchedOffBy: 'LANYARD_SANDBOX' | null
  /** The profiles Lanyard made for its tenants: their address and secrets are the tenant's, filled in when it starts. */
  profileIds: string[]
}

export interface ExportedFile {
  fileName: string
  content: string
}

/**
 * What an everyday account action did: its journal entry and, only for `temporaryPassword`, the
 * one-time password. That exists in this answer and nowhere else: never journaled, logged or sent
 * in an event. The user is not read again here: `directory.changed` has every view re-read it once.
 */
export interface AccountActionResult {
  entry: JournalEntry
  oneTimePassword: string | null
}

export const contract = {
  'app.info': call<AppInfo>()(none, 'Version, data folder, keychain state and start-up problems.'),
  'app.openExternal': call<null>()(
    z.object({ url: lineText().url('Not a web address') }).strict(),
    'Opens an http(s) link in the default browser; anything else is refused.',
  ),
  'app.setSandbox': call<SandboxStatus>()(
    z.object({ enabled: z.boolean() }).strict(),
    "Turns Lanyard's sandbox profiles on or off, kept for the next start; off stops their tenants.",
  ),
  'profiles.list': call<ProfileView[]>()(none, 'Every profile, secrets shown only as stored / missing.'),
  'profiles.get': call<ProfileView>()(profileIdSchema.strict(), 'One profile.'),
  'profiles.create': call<ProfileView>()(createProfileSchema.strict(), 'Saves a new profile; secrets go to the keychain.'),
  'profiles.update': call<ProfileView>()(updateProfileSchema.strict(), 'Changes a profile; a secret is replaced, cleared or kept.'),
  'profiles.duplicate': call<ProfileView>()(duplicateProfileSchema.strict(), 'Copies a profile, secrets included, under a new name.'),
  'profiles.delete': call<null>()(profileIdSchema.strict(), 'Deletes a profile and its keychain entries.'),
  'profiles.export': call<ExportedFile>()(exportProfilesSchema.strict(), 'Export file content for the chosen profiles, without secrets.'),
  'profiles.importPreview': call<ImportPreviewEntry[]>()(importPreviewSchema.strict(), 'Reads an export file and reports name clashes.'),
  'profiles.import': call<ImportResult>()(importProfilesSchema.strict(), 'Imports profiles with the chosen clash resolutions.'),

  'directory.testConnection': call<ConnectionReport>()(profileIdSchema.strict(), "Reaches the target with the profile's credentials."),
  'directory.list': call<DirectoryPage<DirectoryRow>>()(listObjectsSchema.strict(), 'One page of users, groups or another object type, searched.'),
  'directory.get': call<DirectoryObject>()(objectRefSchema.strict(), 'One object, read fresh from the target.'),
  'directory.create': call<DirectoryObject>()(createObjectSchema.strict(), 'Creates a user or group; journaled.'),
  'directory.update': call<DirectoryObject>()(updateObjectSchema.strict(), 'Changes the given attributes; journaled.'),
  'directory.delete': call<null>()(deleteObjectSchema.strict(), 'Deletes for good after the typed name matches; journaled.'),
  'directory.members': call<DirectoryPage<DirectoryRow>>()(listRelatedSchema.strict(), "One page of a group's members."),
  'directory.groupsOf': call<DirectoryPage<DirectoryRow>>()(listRelatedSchema.strict(), "One page of a user's groups."),
  'directory.addMember': call<null>()(membershipChangeSchema.strict(), 'Adds a user to a group; journaled.'),
  'directory.removeMember': call<null>()(membershipChangeSchema.strict(), 'Removes a user from a group; journaled.'),
  'directory.deprovision': call<JournalEntry>()(deprovisionSchema.strict(), "Records the user's state, then deprovisions; journaled."),
  'directory.accountAction': call<AccountActionResult>()(
    accountActionSchema.strict(),
    "An everyday account action (unlock, reset password, …) the user's status allows; journaled.",
  ),
  'directory.checkCreate': call<CreateCheck>()(checkCreateSchema.strict(), 'What the target would do with this create that the person should know first.'),
  'directory.attributeSchema': call<AttributeSchema | null>()(attributeSchemaInput.strict(), "The target's own attribute schema (a Cognito pool's), or null."),
  'directory.licences': call<UserLicences>()(objectRefSchema.strict(), "A user's licences and admin roles, and the account's other licences (GoToMeeting)."),
  'directory.changeLicence': call<JournalEntry>()(licenceChangeSchema.strict(), 'Assigns a licence to a user or removes one; journaled.'),
  'directory.checkDeprovision': call<CreateCheck>()(deprovisionSchema.strict(), 'What the person should know before deprovisioning this user (a Coupa approver).'),
  'directory.cancel': call<null>()(cancelRequestSchema.strict(), 'Cancels the list still running under a request key.'),
  'directory.cancelChange': call<null>()(
    cancelChangeSchema.strict(),
    'Cancels a running change (its entry as changes.progress named it); its journal entry says how far it got. Nothing when it has finished.',
  ),

  'journal.list': call<JournalPage>()(journalListSchema, 'One page of journal entries, newest first, filtered; nextCursor reads the next.'),
  'journal.get': call<JournalEntry>()(journalEntryRefSchema, 'One journal entry by id, as it stands now.'),
  'journal.undoableFor': call<JournalEntry | null>()(undoableForSchema, "The user's newest deprovision in this profile that undo applies to, or null."),
  'journal.unsettledFor': call<JournalEntry | null>()(undoableForSchema, "The user's newest change in this profile whose outcome is not known yet, or null."),
  'journal.verify': call<ChainVerification>()(none, "Checks every record's hash chain."),
  'journal.export': call<ExportedFile>()(journalExportSchema, 'The filtered journal as a CSV or JSON file.'),
  'journal.undo': call<UndoReport>()(undoDeprovisionSchema, 'Undoes a deprovision from its snapshot, then re-reads the user.'),
  'journal.operation': call<JournalOperation>()(operationRefSchema, 'An operation: its changes in the order made, and whether undo applies.'),
  'journal.undoOperation': call<OperationUndoReport>()(
    operationRefSchema,
    "Undoes each of an operation's changes that can be undone, newest first, as a new operation; reports each.",
  ),
  'journal.complete': call<JournalEntry>()(completeChangeSchema, 'Finishes or rolls back a create or update that stopped part-way; journaled.'),
  'journal.finishDeprovision': call<JournalEntry>()(
    finishDeprovisionSchema,
    'Finishes a deprovision that stopped part-way: sends only the steps that did not happen; journaled as its finish.',
  ),
  'journal.reconciled': call<JournalEntry[]>()(none, 'Changes found unfinished at start-up and how they were settled.'),
  'journal.settle': call<JournalEntry>()(settleEntrySchema, 'Check now: reads the target for an entry whose outcome is not known and settles it.'),

  'people.search': call<PeopleSearchStarted>()(peopleSearchSchema, 'Searches every profile of a set for a person; each profile answers with a people.results event.'),
  'people.cancel': call<null>()(peopleCancelSchema, 'Cancels the people search still running under a search key, in every profile.'),
  'people.planOffboarding': call<OffboardingPlan>()(
    offboardingPlanSchema,
    'Reads each account fresh and says what offboarding would do and record there; changes nothing.',
  ),
  'people.offboard': call<OffboardReport>()(
    offboardSchema,
    'Deprovisions the accounts, in parallel across profiles, as one journal operation; progress as people.offboardProgress events.',
  ),

  // jobs
  'jobs.plan': call<JobPlan>()(jobPlanSchema, 'Reads what each line names and what each change would do, with an estimate; sends no change.'),
  'jobs.readList': call<ReadList>()(readListSchema, 'Reads a pasted list or a CSV file into columns (encoding, delimiter and header found); sends nothing.'),
  'jobs.start': call<JobView>()(jobStartSchema, "Starts a planned job in the background as one journal operation; progress as jobs.progress events."),
  'jobs.pause': call<JobView>()(jobRefSchema, 'Starts no more changes of the job; the ones in flight finish.'),
  'jobs.resume': call<JobView>()(jobRefSchema, 'Runs the changes of a paused or interrupted job still waiting; none is sent twice.'),
  'jobs.cancel': call<JobView>()(jobRefSchema, 'Stops the job: changes in flight are aborted and recorded as far as they went.'),
  'jobs.list': call<JobView[]>()(none, 'Every job on this computer, newest first.'),
  'jobs.get': call<JobDetails>()(jobRefSchema, "A job with each change's result, and the lines that were not run."),
  'jobs.retryFailed': call<JobView>()(jobRefSchema, "Runs the job's failed changes again, as more changes of its operation."),
  'jobs.undo': call<JobView>()(jobRefSchema, 'Starts a new job undoing every change of this one that was done.'),
  'jobs.exportResults': call<ExportedFile>()(jobRefSchema, "The job's results as a CSV file (UTF-8 with a byte-order mark)."),
} as const

export type Contract = typeof contract
export type CallName = keyof Contract
export const callNames = Object.keys(contract) as CallName[]
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>
export type CallOutput<N extends CallName> = Exclude<Contract[N]['output'], undefined>

/**
 * Events main pushes to the renderer. Both doors (IPC and the preview bridge) send a payload only
 * after parsing it with its schema here (electron/services/contractEvents.ts), which strips the
 * fields a schema does not declare: keep these plain `z.object`s, never loose or passthrough ones.
 */
export const events = {
  'profiles.changed': z.object({ profileIds: z.array(z.string()) }),
  /** A change went to a target: views showing this object re-read it. */
  'directory.changed': z.object({ profileId: z.string(), objectType: z.string(), ids: z.array(z.string()) }),
  /**
   * One per entry a journal record added or changed (a new change, its settled outcome, the
   * deprovision an undo reverses, the partial change a completion finishes), carrying the entry as
   * it stands now: the Activity list places it without reading the journal again.
   */
  'journal.appended': z.object({ entryId: z.string(), entry: z.custom<JournalEntry>(isJournalEntryLike, 'not a journal entry') }),
  /**
   * A profile's request budget, a few times a second at most while it changes: the rate-limit
   * family closest to its limit (`resetsAt` an ISO time, null before anything was counted) and
   * the requests waiting for it.
   */
  'budget.changed': z.object({
    profileId: z.string(),
    family: z.string(),
    remaining: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
    resetsAt: z.string().nullable(),
    queued: z.number().int().nonnegative(),
  }),
  /**
   * A profile's requests waiting to be sent again (a busy answer, a 429, no answer), whatever asked
   * for them: how many, and the wait that began last. One at each start and end of a wait.
   */
  'retries.changed': z.object({
    profileId: z.string(),
    waiting: z.number().int().nonnegative(),
    retry: changeProgressSchema.shape.retry,
  }),
  /**
   * A running change (not one of an operation's, which say theirs in their own events): its steps,
   * which runs now, and the retry it waits for. One when it starts, then at each step and retry.
   */
  'changes.progress': changeProgressSchema,
  /** One profile's answer to a people search (`people.search`), as soon as it has answered. */
  'people.results': peopleResultsSchema,
  /** One account of an offboarding changed state. */
  'people.offboardProgress': offboardProgressSchema,
  /** A job's state and the changes that moved since the last event, a few times a second at most. */
  'jobs.progress': jobProgressSchema,
} as const
function isJournalEntryLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
}

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>
export const eventNames = Object.keys(events) as EventName[]

/** What `window.lanyard` (and the preview bridge client) offers the renderer. */
export interface LanyardApi {
  invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** Handlers for every call, given already-validated input. */
export type Handlers = {
  [N in CallName]: (input: ParsedInput<N>) => Promise<CallOutput<N>>
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}
