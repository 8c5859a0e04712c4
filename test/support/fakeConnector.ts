import { findAccountAction, statusAfterOf, type AccountActionId } from '../../shared/accountActions'
import { capabilitiesOf, findObjectType, getDescriptor } from '../../shared/catalogue'
import type { ConnectorDescriptor, ConnectorId } from '../../shared/catalogue/types'
import type { Attributes, DirectoryObject, DirectoryPage, ObjectStatus } from '../../shared/directory'
import type { StepReport } from '../../shared/errors'
import type { LicenceChange, UserLicences } from '../../shared/licenses'
import { capabilityMethods, coreMethods, optionalCapabilityMethods } from '../../electron/connectors/capabilities'
import type {
  AccountActionOutcome,
  Connector,
  ConnectorFactory,
  ConnectorSettings,
  CreateOptions,
  CreatesObjects,
  DeletesObjects,
  DeprovisionSnapshot,
  Deprovisions,
  LicenceChangePlan,
  ListQuery,
  ManagesLicences,
  ManagesMemberships,
  PageRequest,
  ReadsMemberships,
  RunsAccountActions,
  SnapshotPart,
  UpdatesObjects,
} from '../../electron/connectors/Connector'
import { AppError } from '../../electron/errors/AppError'
import { askedOnce } from '../../electron/connectors/ownAccount'

interface StoredObject {
  id: string
  objectType: 'users' | 'groups'
  attributes: Attributes
  /** Users: the target's status word (ACTIVE, SUSPENDED, DEPROVISIONED). */
  status: string | null
  readOnlyReason: string | null
}

const statuses: Record<string, ObjectStatus> = {
  ACTIVE: { label: 'ACTIVE', tone: 'ok', active: true },
  SUSPENDED: { label: 'SUSPENDED', tone: 'warning', active: false },
  DEPROVISIONED: { label: 'DEPROVISIONED', tone: 'danger', active: false },
  LOCKED_OUT: { label: 'LOCKED_OUT', tone: 'warning', active: true },
  PASSWORD_EXPIRED: { label: 'PASSWORD_EXPIRED', tone: 'warning', active: true },
}

/** A step of deprovision or undo made to fail: the steps before it are applied, the rest not attempted. */
export interface StepFailure {
  operation: 'deprovision' | 'undoDeprovision'
  step: number
}

/**
 * An in-memory target behind the `Connector` interface, for service tests: users, groups and
 * memberships, statuses, deprovision and undo as named steps, and failures on demand. Every
 * connector it builds shares its state, so a test can look at the "target" after any call.
 */
export class FakeDirectory {
  readonly objects = new Map<string, StoredObject>()
  /** `groupId/userId` */
  readonly memberships = new Set<string>()
  /** Every adapter method called, in order, as `method` or `method objectType`. */
  readonly calls: string[] = []
  readonly built: ConnectorSettings[] = []
  readonly passwordsReceived: string[] = []
  closed = 0
  /** Called at the start of every adapter method, before it does anything. */
  onCall: ((method: string) => void) | null = null
  stepFailure: StepFailure | null = null
  /** The user the profile signs in with, as the target's "who am I" answers (`signedInUser` in `calls`); null for none. */
  ownUserId: string | null = null
  private readonly failures = new Map<string, AppError>()
  private heldLists: Promise<void> | null = null
  private nextId = 1

  /** The next call of `method` throws `error` (once). */
  failNext(method: FakeMethod, error: AppError): void {
    this.failures.set(method, error)
  }

  /** Lists wait until the returned function is called, or until their signal aborts. */
  holdLists(): () => void {
    let release = () => {}
    this.heldLists = new Promise<void>((resolve) => (release = resolve))
    return () => {
      this.heldLists = null
      release()
    }
  }

  addUser(givenName: string, familyName: string, extra: Attributes = {}): string {
    const userName = `${givenName}.${familyName}@example.com`.toLowerCase()
    return this.store('users', {
      userName,
      'name.givenName': givenName,
      'name.familyName': familyName,
      'emails.value': userName,
      ...extra,
    }, 'ACTIVE')
  }

  addGroup(name: string, readOnlyReason: string | null = null): string {
    return this.store('groups', { displayName: name }, null, readOnlyReason)
  }

  addMembership(groupId: string, userId: string): void {
    this.memberships.add(`${groupId}/${userId}`)
  }

  groupIdsOf(userId: string): string[] {
    return [...this.memberships].filter((key) => key.endsWith(`/${userId}`)).map((key) => key.split('/')[0]!)
  }

  statusOf(id: string): string | null {
    return this.objects.get(id)?.status ?? null
  }

  /**
   * A factory for `createServices({ connectorFactories })`, answering as the given connector, with
   * exactly the capabilities its descriptor declares (as the real adapter has: a GoToMeeting fake has
   * no `addMember`, a Coupa one no `delete`).
   */
  factory(connectorId: ConnectorId = 'okta'): ConnectorFactory {
    return (settings) => {
      this.built.push(settings)
      const descriptor = getDescriptor(connectorId)
      return declaredOnly(new FakeConnector(this, descriptor, settings), descriptor)
    }
  }

  /** Runs the bookkeeping every adapter method shares: record, hook, injected failure. */
  enter(method: string, detail?: string): void {
    this.calls.push(detail ? `${method} ${detail}` : method)
    this.onCall?.(method)
    const failure = this.failures.get(method)
    if (failure) {
      this.failures.delete(method)
      throw failure
    }
  }

  async waitIfHeld(signal?: AbortSignal): Promise<void> {
    if (!this.heldLists) return
    await new Promise<void>((resolve, reject) => {
      // A plain Error, as a real HTTP client throws on abort: the service must map it to `cancelled`.
      signal?.addEventListener('abort', () => reject(new Error('The operation was aborted')), { once: true })
      void this.heldLists?.then(resolve)
    })
  }

  require(objectType: string, id: string): StoredObject {
    const object = this.objects.get(id)
    if (!object || object.objectType !== objectType) {
      throw new AppError('not_found', `No ${objectType} with id ${id}.`, { details: { targetCode: 'E0000007' } })
    }
    return object
  }

  view(object: StoredObject): DirectoryObject {
    const attributes = object.attributes
    const fullName = [attributes['name.givenName'], attributes['name.familyName']].filter(Boolean).join(' ')
    const displayName = String(attributes.displayName ?? fullName)
    return {
      id: object.id,
      objectType: object.objectType,
      displayName,
      secondary: String(attributes.userName ?? ''),
      status: object.status ? (statuses[object.status] ?? null) : null,
      attributes: { ...attributes, id: object.id },
      readOnlyReason: object.readOnlyReason,
    }
  }

  store(objectType: 'users' | 'groups', attributes: Attributes, status: string | null, readOnlyReason: string | null = null): string {
    const id = `${objectType === 'users' ? '00u' : '00g'}${String(this.nextId++).padStart(4, '0')}`
    this.objects.set(id, { id, objectType, attributes: { ...attributes }, status, readOnlyReason })
    return id
  }

  page(objects: StoredObject[], request: PageRequest): DirectoryPage {
    const offset = request.cursor ? Number(request.cursor) : 0
    const items = objects.slice(offset, offset + request.pageSize).map((object) => this.view(object))
    const next = offset + request.pageSize
    return { items, nextCursor: next < objects.length ? String(next) : null, total: null }
  }

  /** Runs named steps in order; the injected failing step throws partial_failure with the report. */
  runSteps(operation: StepFailure['operation'], steps: { name: string; apply: () => void }[]): StepReport[] {
    const report: StepReport[] = steps.map((step) => ({ name: step.name, status: 'not_attempted' }))
    for (const [index, step] of steps.entries()) {
      if (this.stepFailure?.operation === operation && this.stepFailure.step === index) {
        report[index] = { name: step.name, status: 'failed', message: 'The target answered 500.' }
        throw new AppError('partial_failure', `${step.name} failed; the steps before it stay applied.`, {
          steps: report,
          details: { targetCode: 'E0000009', requestId: 'req-fake-1' },
        })
      }
      step.apply()
      report[index] = { name: step.name, status: 'applied' }
    }
    return report
  }
}

type FakeMethod = Exclude<keyof FakeConnector, 'descriptor'>

/** The fake's core and the methods of the capabilities `descriptor` declares, and nothing else. */
function declaredOnly(fake: FakeConnector, descriptor: ConnectorDescriptor): Connector {
  const declared = capabilitiesOf(descriptor).adapter
  const names: string[] = [
    ...coreMethods,
    ...declared.flatMap((capability) => [...capabilityMethods[capability], ...((optionalCapabilityMethods as Record<string, readonly string[]>)[capability] ?? [])]),
  ]
  const methods = Object.fromEntries(
    names.flatMap((name) => {
      const method: unknown = (fake as unknown as Record<string, unknown>)[name]
      return typeof method === 'function' ? [[name, method.bind(fake)]] : []
    }),
  )
  return { descriptor, ...methods } as Connector
}

/** Every capability, so each one a descriptor declares can be handed out. */
class FakeConnector implements Connector, CreatesObjects, UpdatesObjects, DeletesObjects, ReadsMemberships, ManagesMemberships, Deprovisions, RunsAccountActions, ManagesLicences {
  constructor(
    private readonly target: FakeDirectory,
    readonly descriptor: ConnectorDescriptor,
    private readonly settings: ConnectorSettings,
  ) {}

  async testConnection() {
    this.target.enter('testConnection')
    return { summary: `Connected to ${this.settings.values.url ?? 'the fake target'}.`, facts: [] }
  }

  async list(objectType: string, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
    this.target.enter('list', objectType)
    await this.target.waitIfHeld(signal)
    const search = query.search.toLowerCase()
    const matches = [...this.target.objects.values()].filter((object) => {
      if (object.objectType !== objectType) return false
      const view = this.target.view(object)
      return search === '' || view.displayName.toLowerCase().includes(search) || view.secondary.toLowerCase().includes(search)
    })
    return this.target.page(matches, query)
  }

  async get(objectType: string, id: string): Promise<DirectoryObject> {
    this.target.enter('get', objectType)
    return this.target.view(this.target.require(objectType, id))
  }

  async create(objectType: string, attributes: Attributes, options: CreateOptions): Promise<DirectoryObject> {
    this.target.enter('create', objectType)
    if (options.password) this.target.passwordsReceived.push(options.password)
    const type = objectType === 'users' ? 'users' : 'groups'
    const id = this.target.store(type, attributes, type === 'users' ? 'ACTIVE' : null)
    return this.target.view(this.target.require(type, id))
  }

  async update(objectType: string, id: string, changes: Attributes): Promise<DirectoryObject> {
    this.target.enter('update', objectType)
    const object = this.target.require(objectType, id)
    for (const [path, value] of Object.entries(changes)) {
      if (value === null) delete object.attributes[path]
      else object.attributes[path] = value
    }
    return this.target.view(object)
  }

  async delete(objectType: string, id: string): Promise<void> {
    this.target.enter('delete', objectType)
    this.target.require(objectType, id)
    this.target.objects.delete(id)
  }

  async listMembers(_groupType: string, groupId: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage> {
    this.target.enter('listMembers')
    await this.target.waitIfHeld(signal)
    const members = [...this.target.memberships]
      .filter((key) => key.startsWith(`${groupId}/`))
      .map((key) => this.target.require('users', key.split('/')[1]!))
    return this.target.page(members, page)
  }

  async listGroupsOf(userId: string, _groupType: string, page: PageRequest): Promise<DirectoryPage> {
    this.target.enter('listGroupsOf')
    return this.target.page(this.target.groupIdsOf(userId).map((id) => this.target.require('groups', id)), page)
  }

  async addMember(_groupType: string, groupId: string, userId: string): Promise<void> {
    this.target.enter('addMember')
    this.target.require('groups', groupId)
    this.target.require('users', userId)
    this.target.addMembership(groupId, userId)
  }

  async removeMember(_groupType: string, groupId: string, userId: string): Promise<void> {
    this.target.enter('removeMember')
    this.target.memberships.delete(`${groupId}/${userId}`)
  }

  /** The fake's deprovision suspends and also takes the user out of their groups. */
  deprovisionTakes(): SnapshotPart[] {
    return ['status', 'groups']
  }

  /** The fake deprovisions anyone not suspended or deactivated yet. */
  deprovisionRefusal(snapshot: DeprovisionSnapshot): AppError | null {
    return ['SUSPENDED', 'DEPROVISIONED'].includes(snapshot.status) ? new AppError('conflict', `${snapshot.displayName} is already ${snapshot.status}. Nothing was changed.`) : null
  }

  /** Asks the fake's "who am I" once per connector, through the adapters' own helper. */
  private readonly signedInUser = askedOnce(async () => {
    this.target.enter('signedInUser')
    return this.target.ownUserId
  })

  async ownAccount(user: Pick<DeprovisionSnapshot, 'userId'>): Promise<string | null> {
    return (await this.signedInUser()) === user.userId ? 'is the account this profile signs in with' : null
  }

  async readDeprovisionSnapshot(userId: string): Promise<DeprovisionSnapshot> {
    this.target.enter('readDeprovisionSnapshot')
    const user = this.target.view(this.target.require('users', userId))
    const groups = this.target.groupIdsOf(userId).map((id) => ({ id, name: this.target.view(this.target.require('groups', id)).displayName }))
    return {
      userId,
      userName: user.secondary,
      displayName: user.displayName,
      status: user.status?.label ?? 'ACTIVE',
      active: user.status?.active ?? true,
      groups,
      mode: this.settings.values.deprovisionMode ?? 'suspend',
      extra: {},
    }
  }

  async deprovision(userId: string, snapshot: DeprovisionSnapshot): Promise<StepReport[]> {
    this.target.enter('deprovision')
    const user = this.target.require('users', userId)
    return this.target.runSteps('deprovision', [
      { name: snapshot.mode === 'deactivate' ? 'Deactivate the user' : 'Suspend the user', apply: () => (user.status = snapshot.mode === 'deactivate' ? 'DEPROVISIONED' : 'SUSPENDED') },
      { name: `Remove from ${snapshot.groups.length} groups`, apply: () => snapshot.groups.forEach((group) => this.target.memberships.delete(`${group.id}/${userId}`)) },
    ])
  }

  async undoDeprovision(userId: string, snapshot: DeprovisionSnapshot): Promise<StepReport[]> {
    this.target.enter('undoDeprovision')
    const user = this.target.require('users', userId)
    return this.target.runSteps('undoDeprovision', [
      { name: `Restore status ${snapshot.status}`, apply: () => (user.status = snapshot.status) },
      { name: `Add back to ${snapshot.groups.length} groups`, apply: () => snapshot.groups.forEach((group) => this.target.addMembership(group.id, userId)) },
    ])
  }

  /** The fake moves the user to the action's `statusAfter`, and hands out a temporary password where the action reveals one. */
  async runAccountAction(objectType: string, id: string, action: AccountActionId): Promise<AccountActionOutcome> {
    this.target.enter('runAccountAction')
    const user = this.target.require('users', id)
    const declared = findAccountAction(findObjectType(this.descriptor, objectType)?.accountActions, action)
    const after = declared ? statusAfterOf(declared, user.status) : undefined
    if (after) user.status = after
    return declared?.revealsSecret ? { oneTimePassword: `Fake-temporary-${id}` } : {}
  }

  /** The fake's licences: one per user key, 'licence-1' held by everyone until removed. */
  private readonly licences = new Map<string, string[]>()

  async readLicences(userId: string): Promise<UserLicences> {
    this.target.enter('readLicences')
    const held = this.licences.get(userId) ?? ['licence-1']
    const view = (key: string) => ({ key, name: `Licence ${key}`, products: 'GoTo Meeting', freeSeats: null, enabled: true })
    return { held: held.map(view), others: ['licence-1', 'licence-2'].filter((key) => !held.includes(key)).map(view), adminRoles: [] }
  }

  async planLicenceChange(userId: string, licenseKey: string, change: LicenceChange): Promise<LicenceChangePlan> {
    const user = this.target.require('users', userId)
    const held = this.licences.get(userId) ?? ['licence-1']
    const licenseKeys = change === 'assign' ? [...held, licenseKey] : held.filter((key) => key !== licenseKey)
    const licence = { key: licenseKey, name: `Licence ${licenseKey}`, products: 'GoTo Meeting', freeSeats: null, enabled: true }
    return { userId, userName: this.target.view(user).displayName, licence, held: held.map((key) => `Licence ${key}`), licenseKeys, suspends: licenseKeys.length === 0 }
  }

  async setLicences(userId: string, licenseKeys: readonly string[]): Promise<void> {
    this.target.enter('setLicences')
    this.licences.set(userId, [...licenseKeys])
  }

  close(): void {
    this.target.closed++
  }
}
