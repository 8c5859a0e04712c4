import type { AccountActionId } from '../../shared/accountActions'
import type { SchemaAttribute } from '../../shared/attributeSchema'
import type { ConnectorDescriptor } from '../../shared/catalogue/types'
import type { LicenceChange, LicenceView, UserLicences } from '../../shared/licenses'
import type { Attributes, ConnectionReport, DirectoryObject, DirectoryPage } from '../../shared/directory'
import type { StepReport } from '../../shared/errors'
import type { Environment } from '../../shared/profiles'
import type { Logger } from '../logging/Logger'
import type { BudgetState } from '../http/RequestBudget'
import type { RetryWaits } from '../http/retryWaits'
import type { AppError } from '../errors/AppError'
import type { DoneSteps } from './runSteps'

/**
 * What every target adapter implements: a small core, plus the capability interfaces below that
 * its descriptor declares (as ConnId's operation interfaces), exactly those and no others
 * (test/electron/connectors/capabilities.test.ts). `shared/catalogue/capabilities.ts` says which a
 * target declares; `capabilities.ts` here has the type guards. The DirectoryService in front of an
 * adapter has already checked that the descriptor declares the operation, that mandatory fields are
 * present and that the object is not read-only, so an adapter only speaks its target's API and maps
 * both ways.
 *
 * Every method throws `AppError` with a shared code (`not_found`, `conflict`, `auth_failed`,
 * `rate_limited`, `network`, `unsupported`, `invalid_input`, `cancelled`), keeping the target's own
 * error code and request id in `details`. Reads take an AbortSignal: a superseded search is
 * cancelled, not left to finish. Writes take one too (in `ChangeOptions` for create and update):
 * a bulk job can pause. A change of several steps checks it before each step (see `runSteps`); a
 * request already sent when it fires throws `cancelled` with `details.sent` (see `cancelledAfterSending`).
 */
export interface Connector {
  readonly descriptor: ConnectorDescriptor

  testConnection(signal?: AbortSignal): Promise<ConnectionReport>

  list(objectType: string, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage>
  get(objectType: string, id: string, signal?: AbortSignal): Promise<DirectoryObject>
  /**
   * The adapter's own refusals of a create (`current` null, with what the create carries besides its
   * attributes in `create`) or of an update of `current` that need no call, from the profile and the
   * target's rules (a Coupa custom property the profile does not declare, GoTo's username and email
   * that are one field, Cognito's permanent password without the password). The directory runs it
   * before the change is journaled, so input refused here leaves no journal entry; create and update
   * run the same functions again. Throws `invalid_input`. Optional: the shared field checks may be all there is.
   */
  refuseUnsendable?(objectType: string, attributes: Attributes, current: DirectoryObject | null, create: CreateCarries | null): void

  /**
   * The target's own attribute schema for this object type (a Cognito pool's, from DescribeUserPool,
   * read once per connector), or null where it has none. Optional: the descriptor is the schema.
   */
  attributeSchema?(objectType: string, signal?: AbortSignal): Promise<SchemaAttribute[] | null>

  /**
   * The users whose email (or login, where the target keeps one apart) is one of `emails`, case
   * aside, many emails to a request as the target's search allows (Okta's `or`, Coupa's `[in]`,
   * GoTo's `|`), within the limits its documentation gives (see emailBatches.ts). Cognito's ListUsers
   * filter takes one condition: it searches each email, or lists the pool once when that costs fewer
   * requests (cognitoEmailLookup.ts). A bulk job's plan finds its email lines with it; Lanyard keeps
   * only exact matches. Takes plain emails only (`isPlainEmail`). Optional: without it the plan
   * searches line by line.
   */
  usersWithEmails?(emails: readonly string[], signal?: AbortSignal): Promise<UsersWithEmails>

  /** Stops timers and open sockets (the profile was changed or deleted). */
  close(): void
}

export interface UsersWithEmails {
  users: DirectoryObject[]
  /** The requests it sent (one per page read), for the plan's count of what it spent. */
  requests: number
}

/** `createsObjects`: some object type declares create. */
export interface CreatesObjects {
  /**
   * Creates one object. A create that runs as several steps (Cognito) throws `partial_failure`
   * once a step was applied, with `details.objectId` set to the created object's id and each
   * step's `writes`, so the journal can offer to finish or roll it back.
   */
  create(objectType: string, attributes: Attributes, options: CreateOptions): Promise<DirectoryObject>
  /**
   * What the target would do with this create that the person should know before confirming
   * (GoToMeeting re-activates a deleted user with the same email). Optional: most targets have
   * nothing to say.
   */
  checkCreate?(objectType: string, attributes: Attributes, signal?: AbortSignal): Promise<string[]>
}

/** `updatesObjects`: some object type declares update. */
export interface UpdatesObjects {
  /** `changes` holds only what changes; null clears an attribute. Returns the object read back. */
  update(objectType: string, id: string, changes: Attributes, options?: ChangeOptions): Promise<DirectoryObject>
}

/** `deletesObjects`: some object type declares delete (Coupa does not: soft delete only). */
export interface DeletesObjects {
  /** Removes for good (deactivating first where the target needs it). */
  delete(objectType: string, id: string, signal?: AbortSignal): Promise<void>
}

/*
 * Memberships. `groupType` is the group-like object type on the group side: `groups` for most
 * targets; Coupa also has `roles`, `user-groups` and `account-groups`, changed from the user.
 */

/** `readsMemberships`: the target has people and groups; memberships are shown changeable or not. */
export interface ReadsMemberships {
  /** A group's members (users), paged. */
  listMembers(groupType: string, groupId: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage>
  /** A user's groups of one group-like type, paged. */
  listGroupsOf(userId: string, groupType: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage>
}

/** `managesMemberships`: some group-like type's memberships can change (GoToMeeting's cannot). */
export interface ManagesMemberships {
  addMember(groupType: string, groupId: string, userId: string, signal?: AbortSignal, checked?: MembershipWriteChecked): Promise<void>
  removeMember(groupType: string, groupId: string, userId: string, signal?: AbortSignal, checked?: MembershipWriteChecked): Promise<void>
}

/**
 * `groupWritable`: the caller has read the group and found it changeable (a job's plan, the
 * service's own read), so an adapter that reads it before a write to refuse a read-only one
 * (Okta's APP_GROUP) sends the write alone: one request per change.
 */
export interface MembershipWriteChecked {
  groupWritable?: boolean
}

/** `deprovisions`: the user type declares deprovision and its undo. */
export interface Deprovisions {
  /**
   * Reads what a deprovision may take away, before it runs; journaled as the intent's snapshot.
   * Read again later, it is the live state settling compares with the journaled one.
   */
  readDeprovisionSnapshot(userId: string, signal?: AbortSignal): Promise<DeprovisionSnapshot>
  /**
   * The parts of this snapshot a deprovision takes away: `status`, `groups`, or a list in `extra`
   * as `extra.<key>` (GoTo's `extra.licenses`). Undo brings back every part. Settling an
   * unfinished deprovision or undo compares each part with the target (see snapshotComparison).
   */
  deprovisionTakes(snapshot: DeprovisionSnapshot): SnapshotPart[]
  /**
   * Why this user cannot be deprovisioned now, from the snapshot alone (already suspended, disabled,
   * inactive), or null. `deprovision` refuses with this same error; an offboarding asks first and
   * skips the account, so nothing is journaled for it.
   */
  deprovisionRefusal(snapshot: DeprovisionSnapshot): AppError | null
  /**
   * Whether the user is the account this profile signs in with (see ownAccount.ts): the rest of a
   * sentence starting with their name ("is the user this profile's API token belongs to …"), or null.
   * Asks the target at most once per connector. The user is a snapshot, or a job plan's account from a
   * list answer, whose `extra` is empty: what only the user's own read says (Coupa's API user) is not known there.
   */
  ownAccount(user: Pick<DeprovisionSnapshot, 'userId' | 'extra'>, signal?: AbortSignal): Promise<string | null>
  /**
   * Applies the target's deprovision as named steps. A failed step throws `AppError` with `steps`
   * saying which were applied, failed and not attempted; its code is `partial_failure` once a step
   * was applied, the failed step's own code otherwise (see `runSteps`). `alreadyDone` names the steps an
   * earlier attempt with this same snapshot applied: finishing a partial deprovision sends only the rest.
   */
  deprovision(userId: string, snapshot: DeprovisionSnapshot, signal?: AbortSignal, alreadyDone?: DoneSteps): Promise<StepReport[]>
  /**
   * The names of this snapshot's deprovision steps whose effect the target cannot show afterwards and
   * that are harmless to send twice (Cognito's global sign-out: nothing to read, and idempotent on a
   * disabled user). Settling that reads every other part taken away cannot call such a deprovision
   * done: it is partial, and finishing it sends these steps again (at least once), never the others.
   * Optional: every step of most targets can be read back.
   */
  resendableSteps?(snapshot: DeprovisionSnapshot): string[]
  /** Brings back the snapshot's status and memberships; steps as for deprovision. */
  undoDeprovision(userId: string, snapshot: DeprovisionSnapshot, signal?: AbortSignal): Promise<StepReport[]>
  /**
   * What the person should know before confirming a deprovision of this user, in sentences (Coupa:
   * "Dana approves requisitions up to 100,000.00 USD and is in the approval group Finance").
   * Optional: most targets have nothing to add to the plan.
   */
  deprovisionWarnings?(userId: string, signal?: AbortSignal): Promise<string[]>
}

/**
 * `runsAccountActions`: some object type declares everyday account actions (shared/accountActions.ts).
 * The DirectoryService has already refused an action the descriptor does not declare or the user's
 * status does not allow, and journals it; the adapter sends the target's request(s) and, for
 * `temporaryPassword` only, returns the one-time password (never logged or put in an error).
 */
export interface RunsAccountActions {
  runAccountAction(objectType: string, id: string, action: AccountActionId, signal?: AbortSignal): Promise<AccountActionOutcome>
}

export interface AccountActionOutcome {
  /** Only for `temporaryPassword`: shown once to the technician, never journaled, logged or evented. */
  oneTimePassword?: string
}

/**
 * `managesLicences`: the user type declares `licences` (GoToMeeting). A change is planned first (the
 * user and the licences read, a full or disabled licence refused in words), journaled, then sent
 * as the user's whole new list of licence keys, which is how GoTo takes it.
 */
export interface ManagesLicences {
  readLicences(userId: string, signal?: AbortSignal): Promise<UserLicences>
  planLicenceChange(userId: string, licenseKey: string, change: LicenceChange, signal?: AbortSignal): Promise<LicenceChangePlan>
  setLicences(userId: string, licenseKeys: readonly string[], signal?: AbortSignal): Promise<void>
}

export interface LicenceChangePlan {
  userId: string
  userName: string
  licence: LicenceView
  /** The names of the licences the user holds before the change, in GoTo's order. */
  held: string[]
  /** The user's licence keys after the change. */
  licenseKeys: string[]
  /** The change leaves the user with no licence and no admin role: GoTo then shows them SUSPENDED. */
  suspends: boolean
}

/** Each capability name of the catalogue with the interface an adapter implements for it. */
export interface CapabilityInterfaces {
  createsObjects: CreatesObjects
  updatesObjects: UpdatesObjects
  deletesObjects: DeletesObjects
  readsMemberships: ReadsMemberships
  managesMemberships: ManagesMemberships
  deprovisions: Deprovisions
  runsAccountActions: RunsAccountActions
  managesLicences: ManagesLicences
}

export interface PageRequest {
  /** Opaque: whatever the adapter put in `nextCursor`; absent for the first page. */
  cursor?: string | null
  /** Rows wanted; never more are returned. */
  pageSize: number
  /**
   * Called as soon as the adapter knows the next page's cursor (the same string it will return as
   * `nextCursor`), before it maps this page, so the next request can already be on its way.
   * Optional on both sides: adapters that cannot tell early simply never call it. An adapter whose
   * cursors are positions (offset paging) may tell it before it knows whether this page is the
   * last: it then returns `nextCursor: null`, and the page read ahead is never used.
   */
  onNextCursor?: (cursor: string) => void
  /**
   * The caller keeps only each object's row (a table: the detail panel reads the object by id), as
   * SCIM's `excludedAttributes` asks: the adapter may then neither map the attributes, which it
   * leaves as `notMapped` (listedObjects.ts), nor ask the target for them (Coupa's and Okta's
   * `fields`). A cursor still belongs to the list, not to what its rows carry.
   */
  rowsOnly?: boolean
}

export interface ListQuery extends PageRequest {
  /** Free text from the search box; empty lists everything. */
  search: string
}

export interface ChangeOptions {
  /**
   * Told the steps of a change that ran as several (Cognito's password and groups, Coupa's
   * segments), once every one applied, so the journal records them as it does a failure's.
   */
  onSteps?: (steps: StepReport[]) => void
  /** Stops the change: no further step or request is sent once it aborts. */
  signal?: AbortSignal
}

export interface CreateOptions extends ChangeOptions {
  /** A new user's first password: never logged, journaled or returned. */
  password?: string
  /** Ids of `groups` the new user joins as part of the create (each its own step). */
  groups?: readonly string[]
}

/**
 * What a create carries besides its attributes, as `refuseUnsendable` sees it: whether a password
 * was given (never the password itself, so it cannot reach a refusal's message or the journal)
 * and the groups the new user joins.
 */
export interface CreateCarries {
  hasPassword: boolean
  groups: readonly string[]
}

/**
 * The state a deprovision may change, read before it. Plain JSON: it is written to the journal
 * and read back after a restart for undo. Never holds a secret.
 */
export interface DeprovisionSnapshot {
  userId: string
  userName: string
  displayName: string
  /** The target's own status word before the deprovision (ACTIVE, PROVISIONED, …). */
  status: string
  active: boolean
  /** `objectType` is set for group-like types other than `groups` (Coupa roles, account groups). */
  groups: { id: string; name: string; objectType?: string }[]
  /** How this deprovision is done (Okta: `suspend` or `deactivate`), from the profile. */
  mode: string
  /** Anything else the adapter needs to undo (Coupa roles, GoTo group key). */
  extra: Record<string, unknown>
}

/** A part of a deprovision snapshot: its status, its groups, or one list kept in `extra`. */
export type SnapshotPart = 'status' | 'groups' | `extra.${string}`

/** What an adapter is built from: the profile's plain values and secrets, read in main. */
export interface ConnectorSettings {
  profileId: string
  profileName: string
  /** Decides whether the profile's credentials may go over http:// (shared/secureAddress.ts). */
  environment: Environment
  values: Readonly<Record<string, string>>
  secrets: Readonly<Record<string, string>>
  logger: Logger
  /** The profile's request budget changed (throttle before publishing): what the UI's gauge shows. */
  onBudgetChanged?: (state: BudgetState) => void
  /** The profile's requests waiting to be sent again, whatever asked for them: what a list loading through a retry says. */
  retryWaits?: RetryWaits
}

export type ConnectorFactory = (settings: ConnectorSettings) => Connector
/** Builds a connector once its adapter's module is loaded (connectors/registry.ts loads each on first use). */
export type LazyConnectorFactory = (settings: ConnectorSettings) => Promise<Connector>
