import type { AttributeSchema, AttributeSchemaInput } from '../../shared/attributeSchema'
import type { ObjectTypeDescriptor } from '../../shared/catalogue/types'
import type { AccountActionResult } from '../../shared/contract'
import type {
  AccountActionInput,
  CheckCreateInput,
  ConnectionReport,
  CreateCheck,
  CreateObjectInput,
  DeleteObjectInput,
  DeprovisionInput,
  DirectoryObject,
  DirectoryPage,
  DirectoryRow,
  ListObjectsInput,
  ListRelatedInput,
  MembershipChangeInput,
  ObjectRef,
  UpdateObjectInput,
} from '../../shared/directory'
import { validateChanges, validateNewObject } from '../../shared/directoryValidation'
import type { StepReport } from '../../shared/errors'
import { requireCapability } from '../connectors/capabilities'
import { rowPageOf } from '../connectors/listedObjects'
import type { Connector, PageRequest, ReadsMemberships } from '../connectors/Connector'
import { AppError, refuseProblems } from '../errors/AppError'
import { creationChanges, effectiveChanges, isSecret } from './attributeChanges'
import type { ConnectorPool } from './ConnectorPool'
import { assertConfirmedName, assertWritable, groupTypeOf, membershipTypes, objectTypeOf, requireOperation, userTypeOf } from './operationRules'
import { profileFieldsOf, recordChange, type ChangeContext } from '../changes/recordChange'
import { RequestKeys } from './RequestKeys'
import { runAccountAction } from './accountActionRun'
import { withFormFields } from './targetFields'
import { changeLicence, readLicences } from './licenceChangeRun'
import type { LicenceChangeInput, UserLicences } from '../../shared/licenses'
import type { JournalEntry } from '../../shared/journal'

/**
 * The `directory.*` calls but deprovision. Before any adapter call it checks, from the catalogue's
 * descriptor, that the operation exists for the object type and that the input is valid; every
 * change is journaled through `recordChange`. A new user's password goes to the adapter only: it
 * is registered with the logger and never journaled or returned.
 */
export class DirectoryService {
  private readonly requests = new RequestKeys()

  constructor(
    private readonly connectors: ConnectorPool,
    private readonly context: ChangeContext,
  ) {}

  async testConnection(profileId: string): Promise<ConnectionReport> {
    return (await this.connectors.connectorFor(profileId)).testConnection()
  }

  /** A table's page: rows only (the detail panel reads the object by id). */
  async list(input: ListObjectsInput): Promise<DirectoryPage<DirectoryRow>> {
    requireOperation(this.connectors.target(input.profileId).descriptor, input.objectType, input.cursor ? 'page' : 'list')
    const connector = await this.connectors.connectorFor(input.profileId)
    const query = { search: input.search, cursor: input.cursor ?? null, pageSize: input.pageSize, rowsOnly: true }
    return rowPageOf(await this.requests.run(input.requestKey, (signal) => connector.list(input.objectType, query, signal)))
  }

  async get(ref: ObjectRef): Promise<DirectoryObject> {
    requireOperation(this.connectors.target(ref.profileId).descriptor, ref.objectType, 'get')
    return (await this.connectors.connectorFor(ref.profileId)).get(ref.objectType, ref.objectId)
  }

  members(input: ListRelatedInput): Promise<DirectoryPage<DirectoryRow>> {
    return this.related(input, 'Group', (connector, page, signal) => connector.listMembers(input.objectType, input.objectId, page, signal))
  }

  groupsOf(input: ListRelatedInput): Promise<DirectoryPage<DirectoryRow>> {
    const groupType = groupTypeOf(this.connectors.target(input.profileId).descriptor, input.relatedType ?? 'groups').id
    return this.related(input, 'User', (connector, page, signal) => connector.listGroupsOf(input.objectId, groupType, page, signal))
  }

  /** Warnings the target's adapter has for this create (none for most targets). */
  async checkCreate(input: CheckCreateInput): Promise<CreateCheck> {
    requireOperation(this.connectors.target(input.profileId).descriptor, input.objectType, 'create')
    const connector = requireCapability(await this.connectors.connectorFor(input.profileId), 'createsObjects')
    return { warnings: connector.checkCreate ? await connector.checkCreate(input.objectType, input.attributes) : [] }
  }

  /** The target's own schema of the object type's attributes, or null (the descriptor is all there is). */
  async attributeSchema(input: AttributeSchemaInput): Promise<AttributeSchema | null> {
    objectTypeOf(this.connectors.target(input.profileId).descriptor, input.objectType)
    const connector = await this.connectors.connectorFor(input.profileId)
    const attributes = connector.attributeSchema ? await connector.attributeSchema(input.objectType) : null
    return attributes ? { attributes } : null
  }

  /** A user's licences and admin roles (GoToMeeting); see licenceChangeRun. */
  licences(ref: ObjectRef): Promise<UserLicences> {
    return readLicences(this.connectors, ref)
  }

  /** Assigns or removes one licence, journaled; see licenceChangeRun. */
  changeLicence(input: LicenceChangeInput): Promise<JournalEntry> {
    return changeLicence(this.connectors, this.context, input)
  }

  /** What the person should know before deprovisioning this user (a Coupa approver's limits); none for most targets. */
  async checkDeprovision(input: DeprovisionInput): Promise<CreateCheck> {
    const { descriptor } = this.connectors.target(input.profileId)
    requireOperation(descriptor, userTypeOf(descriptor).id, 'deprovision')
    const connector = requireCapability(await this.connectors.connectorFor(input.profileId), 'deprovisions')
    return { warnings: connector.deprovisionWarnings ? await connector.deprovisionWarnings(input.userId) : [] }
  }

  cancel(requestKey: string): null {
    this.requests.cancel(requestKey)
    return null
  }

  /** `signal`: a bulk job's pause; see recordChange for what an abort leaves in the journal. */
  async create(input: CreateObjectInput, signal?: AbortSignal): Promise<DirectoryObject> {
    const { profile, descriptor } = this.connectors.target(input.profileId)
    const type = requireOperation(descriptor, input.objectType, 'create')
    if (input.password) this.context.logger.registerSecret(input.password)
    this.registerSecrets(input.attributes)
    refuseProblems(validateNewObject(type, input.attributes, input.password), `The new ${singular(type)} was not created`)
    const groups = input.groups ?? []
    if (groups.length > 0 && !type.joinsGroupsOnCreate) {
      throw new AppError('unsupported', `${descriptor.label} adds a new ${singular(type)} to groups from the group, after the create.`)
    }
    const connector = requireCapability(await this.connectors.connectorFor(input.profileId), 'createsObjects')
    // The adapter's own refusals too, before the intent: a change never sent leaves no journal entry.
    connector.refuseUnsendable?.(type.id, input.attributes, null, { hasPassword: Boolean(input.password), groups })
    const name = provisionalName(input.attributes)
    const { value } = await recordChange(this.context, {
      profileId: profile.id,
      signal,
      intent: {
        ...this.profileFields(input.profileId),
        action: 'create',
        target: { objectType: type.id, id: '', name },
        related: null,
        changes: [...creationChanges(input.attributes), ...(groups.length > 0 ? [{ attribute: 'groups', before: null, after: groups }] : [])],
        snapshot: null,
        undoOf: null,
      },
      apply: async (signal) => {
        let steps: StepReport[] = []
        const created = await connector
          .create(type.id, input.attributes, { password: input.password, groups, onSteps: (reported) => (steps = reported), signal })
          .catch((error: unknown) => Promise.reject(withFormFields(type, error, Object.keys(input.attributes))))
        const touched = [{ objectType: type.id, ids: [created.id] }, { objectType: 'groups', ids: groups }]
        return { value: created, steps, target: { id: created.id, name: created.displayName }, touched }
      },
      touchedOnFailure: [{ objectType: 'groups', ids: groups }],
    })
    return value
  }

  async update(input: UpdateObjectInput, signal?: AbortSignal): Promise<DirectoryObject> {
    const { descriptor } = this.connectors.target(input.profileId)
    const type = requireOperation(descriptor, input.objectType, 'update')
    this.registerSecrets(input.changes)
    refuseProblems(validateChanges(type, input.changes), 'Nothing was changed')
    const connector = requireCapability(await this.connectors.connectorFor(input.profileId), 'updatesObjects')
    const current = await connector.get(type.id, input.objectId, signal)
    assertWritable(current)
    const { changes, journal } = effectiveChanges(type, current.attributes, input.changes)
    if (journal.length === 0) return current
    connector.refuseUnsendable?.(type.id, changes, current, null)
    const { value } = await recordChange(this.context, {
      profileId: input.profileId,
      signal,
      intent: {
        ...this.profileFields(input.profileId),
        action: 'update',
        target: { objectType: type.id, id: current.id, name: current.displayName },
        related: null,
        changes: journal,
        snapshot: null,
        undoOf: null,
      },
      apply: async (signal) => {
        let steps: StepReport[] = []
        const updated = await connector
          .update(type.id, current.id, changes, { onSteps: (reported) => (steps = reported), signal })
          .catch((error: unknown) => Promise.reject(withFormFields(type, error, Object.keys(changes))))
        return { value: updated, steps, target: { id: updated.id, name: updated.displayName }, touched: [{ objectType: type.id, ids: [updated.id] }] }
      },
      touchedOnFailure: [{ objectType: type.id, ids: [current.id] }],
    })
    return value
  }

  async delete(input: DeleteObjectInput, signal?: AbortSignal): Promise<null> {
    const type = requireOperation(this.connectors.target(input.profileId).descriptor, input.objectType, 'delete')
    const connector = requireCapability(await this.connectors.connectorFor(input.profileId), 'deletesObjects')
    const current = await connector.get(type.id, input.objectId, signal)
    assertWritable(current)
    assertConfirmedName(current, input.confirmName)
    const touched = [{ objectType: type.id, ids: [current.id] }]
    await recordChange(this.context, {
      profileId: input.profileId,
      signal,
      intent: {
        ...this.profileFields(input.profileId),
        action: 'delete',
        target: { objectType: type.id, id: current.id, name: current.displayName },
        related: null,
        changes: [],
        snapshot: null,
        undoOf: null,
        ...(current.status && { statusBefore: current.status.label }),
      },
      apply: async (signal) => {
        await connector.delete(type.id, current.id, signal)
        return { value: null, touched }
      },
      touchedOnFailure: touched,
    })
    return null
  }

  async addMember(input: MembershipChangeInput, signal?: AbortSignal): Promise<null> {
    await this.changeMembership(input, 'addMember', signal)
    return null
  }

  async removeMember(input: MembershipChangeInput, signal?: AbortSignal): Promise<null> {
    await this.changeMembership(input, 'removeMember', signal)
    return null
  }

  /** Adds or removes one membership, journaled; answers the change's journal entry id. */
  async changeMembership(
    input: MembershipChangeInput,
    action: 'addMember' | 'removeMember',
    signal: AbortSignal | undefined,
    { operationId, planned }: MembershipChangeOptions = {},
  ): Promise<string> {
    const { users, groups, changedFrom } = membershipTypes(this.connectors.target(input.profileId).descriptor, input.groupType)
    const connector = requireCapability(await this.connectors.connectorFor(input.profileId), 'managesMemberships')
    // A change may only name an operation the journal holds: its undo is found through it.
    if (operationId) this.context.journal.operationRecord(operationId)
    // Read both first: the journal names them, and the side the target changes must be writable
    // (an Okta APP_GROUP is refused; a Coupa role is read-only itself but changed from the user).
    // A job's plan has read and checked both already: two reads per row would halve its pace.
    const group = planned ? { id: input.groupId, displayName: planned.groupName } : await readWritable(connector, groups.id, input.groupId, changedFrom === 'group', signal)
    const user = planned ? { id: input.userId, displayName: planned.userName } : await readWritable(connector, users.id, input.userId, changedFrom === 'user', signal)
    const touched = [
      { objectType: users.id, ids: [user.id] },
      { objectType: groups.id, ids: [group.id] },
    ]
    const { entryId } = await recordChange(this.context, {
      profileId: input.profileId,
      signal,
      intent: {
        ...this.profileFields(input.profileId),
        action,
        target: { objectType: users.id, id: user.id, name: user.displayName },
        related: { objectType: groups.id, id: group.id, name: group.displayName },
        changes: [],
        snapshot: null,
        undoOf: null,
        ...(operationId && { operationId }),
      },
      apply: async (signal) => {
        // The plan checked the group when the job was planned: the adapter need not read it again.
        const checked = { groupWritable: Boolean(planned) }
        if (action === 'addMember') await connector.addMember(groups.id, group.id, user.id, signal, checked)
        else await connector.removeMember(groups.id, group.id, user.id, signal, checked)
        return { value: null, touched }
      },
      touchedOnFailure: touched,
    })
    return entryId
  }

  /** An everyday account action (unlock, reset password, …); see accountActionRun. */
  accountAction(input: AccountActionInput): Promise<AccountActionResult> {
    return runAccountAction(this.connectors, this.context, input)
  }

  private async related(
    input: ListRelatedInput,
    resource: ObjectTypeDescriptor['scimResource'],
    read: (connector: ReadsMemberships, page: PageRequest, signal: AbortSignal) => Promise<DirectoryPage>,
  ): Promise<DirectoryPage<DirectoryRow>> {
    const type = objectTypeOf(this.connectors.target(input.profileId).descriptor, input.objectType)
    if (type.scimResource !== resource) {
      const wanted = resource === 'Group' ? 'members' : 'groups'
      throw new AppError('invalid_input', `${type.label} have no ${wanted} to list.`, { details: { objectType: type.id } })
    }
    const connector = requireCapability(await this.connectors.connectorFor(input.profileId), 'readsMemberships')
    const page = { cursor: input.cursor ?? null, pageSize: input.pageSize, rowsOnly: true }
    return rowPageOf(await this.requests.run(input.requestKey, (signal) => read(connector, page, signal)))
  }

  private profileFields(profileId: string) {
    return profileFieldsOf(this.connectors.target(profileId).profile)
  }

  /** Secret attributes (a Cognito password) are masked in every log line from now on. */
  private registerSecrets(attributes: Record<string, unknown>): void {
    for (const [path, value] of Object.entries(attributes)) {
      if (typeof value === 'string' && value !== '' && isSecret(path)) this.context.logger.registerSecret(value)
    }
  }
}

function singular(type: ObjectTypeDescriptor): string {
  return type.label.toLowerCase().replace(/s$/, '')
}

/** The name a create is journaled under before the target answers with the real one. */
function provisionalName(attributes: Record<string, unknown>): string {
  const pick = (path: string) => (typeof attributes[path] === 'string' ? (attributes[path] as string).trim() : '')
  const fullName = [pick('name.givenName'), pick('name.familyName')].filter(Boolean).join(' ')
  return pick('displayName') || fullName || pick('userName') || '(new object)'
}

/** A job's membership change whose plan has already read and checked both sides: their names, for the journal. */
export interface MembershipChangeOptions {
  operationId?: string
  planned?: { userName: string; groupName: string }
}

async function readWritable(connector: Pick<Connector, 'get'>, objectType: string, id: string, mustBeWritable: boolean, signal: AbortSignal | undefined): Promise<DirectoryObject> {
  const object = await connector.get(objectType, id, signal)
  if (mustBeWritable) assertWritable(object)
  return object
}
