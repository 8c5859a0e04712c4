import { deepFreeze } from './deepFreeze'
import { operations, type ConnectorDescriptor, type ObjectTypeDescriptor, type Operation } from './types'

/*
 * What a target can do, as types, derived once from its descriptor. The descriptor keeps the
 * reference's wording (`via user`, `POST create/add, DELETE remove`) for display; every decision
 * in main and the renderer reads this model instead, so the one place that reads the prose is
 * here (and a test holds it to the reference's tables).
 */

/** The side of a membership the target changes: the user (Coupa) or the group (Okta, Cognito). */
export type MembershipSide = 'user' | 'group'

/**
 * The capability interfaces an adapter implements besides its core (electron/connectors/Connector.ts),
 * as ConnId's operation interfaces: each declared here exactly when the descriptor declares it.
 */
export const adapterCapabilities = [
  'createsObjects',
  'updatesObjects',
  'deletesObjects',
  'readsMemberships',
  'managesMemberships',
  'deprovisions',
  'runsAccountActions',
  'managesLicences',
] as const
export type AdapterCapability = (typeof adapterCapabilities)[number]

export interface ObjectTypeCapabilities {
  /** Each operation of the reference's table: declared for this type or not. */
  supports: Readonly<Record<Operation, boolean>>
  /** The side this type's own membership cell says memberships are changed from; null without one. */
  membershipChangedFrom: MembershipSide | null
  /** Nothing Lanyard does writes an object of this type (Coupa's roles: changed through the user). */
  readOnly: boolean
}

/** The memberships between the user type and one group-like type. */
export interface MembershipCapability {
  groupType: string
  /** The object the target changes (which must be writable), or null: memberships are shown read-only. */
  changedFrom: MembershipSide | null
}

export interface ConnectorCapabilities {
  objectTypes: Readonly<Record<string, ObjectTypeCapabilities>>
  /** The type people are (`users`), if the target has one. */
  userType: string | null
  /** Keyed by group-like type id (`groups`, Coupa's `roles`…). */
  memberships: Readonly<Record<string, MembershipCapability>>
  /** The capability interfaces the target's adapter must implement, no more and no less. */
  adapter: readonly AdapterCapability[]
}

const derived = new WeakMap<ConnectorDescriptor, ConnectorCapabilities>()

/** The descriptor's capability model; derived on first use and the same frozen object afterwards. */
export function capabilitiesOf(descriptor: ConnectorDescriptor): ConnectorCapabilities {
  let model = derived.get(descriptor)
  if (!model) {
    model = deepFreeze(derive(descriptor))
    derived.set(descriptor, model)
  }
  return model
}

/** The memberships of one group-like type (`changedFrom: null` when it is not one, or they cannot change). */
export function membershipCapability(descriptor: ConnectorDescriptor, groupType: string): MembershipCapability {
  return capabilitiesOf(descriptor).memberships[groupType] ?? { groupType, changedFrom: null }
}

/** Whether the descriptor declares `operation` for the object type `objectType`. */
export function declaresOperation(descriptor: ConnectorDescriptor, objectType: string, operation: Operation): boolean {
  return capabilitiesOf(descriptor).objectTypes[objectType]?.supports[operation] === true
}

function derive(descriptor: ConnectorDescriptor): ConnectorCapabilities {
  const problem = (message: string) => new Error(`The ${descriptor.label} descriptor: ${message}`)
  const users = descriptor.objectTypes.filter((type) => type.scimResource === 'User')
  if (users.length > 1) throw problem(`it has ${users.length} user types; Lanyard expects one.`)
  const userType = users[0] ?? null
  const groupTypes = descriptor.objectTypes.filter((type) => type.scimResource === 'Group')

  const objectTypes: Record<string, ObjectTypeCapabilities> = {}
  for (const type of descriptor.objectTypes) {
    const supported = Object.fromEntries(operations.map((operation) => [operation, type.operations[operation] !== undefined])) as Record<Operation, boolean>
    if (supported.deprovision !== supported.undoDeprovision) {
      throw problem(`${type.id} declares ${supported.deprovision ? 'deprovision without its undo' : 'an undo without a deprovision'}; every deprovision Lanyard makes can be undone.`)
    }
    if (supported.deprovision && type !== userType) throw problem(`${type.id} declares deprovision, which only people have.`)
    const membershipChangedFrom = sideOf(type)
    const ownSide: MembershipSide = type.scimResource === 'User' ? 'user' : 'group'
    const writes = supported.create || supported.update || supported.delete || supported.deprovision || membershipChangedFrom === ownSide
    objectTypes[type.id] = { supports: supported, membershipChangedFrom, readOnly: !writes }
  }

  const memberships: Record<string, MembershipCapability> = {}
  const fromUser = userType ? objectTypes[userType.id]!.membershipChangedFrom : null
  for (const groups of groupTypes) {
    const fromGroup = objectTypes[groups.id]!.membershipChangedFrom
    if (fromGroup === 'user' && fromUser !== 'user') {
      throw problem(`${groups.id} say memberships change "via user", but ${userType?.id ?? 'the users'} ${fromUser ? 'say "via group"' : 'declare no membership'}.`)
    }
    // The user type's own cell covers every group-like type (Coupa lists them all); a group-like
    // type's cell covers itself. Both naming themselves would leave the side to a guess.
    if (fromUser === 'user' && fromGroup === 'group') {
      throw problem(`${userType!.id} and ${groups.id} both change memberships themselves (both sides): write "via user" or "via group" in one of the two cells.`)
    }
    memberships[groups.id] = { groupType: groups.id, changedFrom: fromGroup ?? (fromUser === 'user' ? 'user' : null) }
  }
  if (fromUser === 'group' && !Object.values(memberships).some((membership) => membership.changedFrom === 'group')) {
    throw problem(`${userType!.id} say memberships change "via group", but no group-like type declares membership.`)
  }

  const anyType = (operation: Operation) => Object.values(objectTypes).some((type) => type.supports[operation])
  const adapter: AdapterCapability[] = []
  if (anyType('create')) adapter.push('createsObjects')
  if (anyType('update')) adapter.push('updatesObjects')
  if (anyType('delete')) adapter.push('deletesObjects')
  // Memberships are read wherever there are people and groups, changeable or not: the panels show them.
  if (userType && groupTypes.length > 0) adapter.push('readsMemberships')
  if (Object.values(memberships).some((membership) => membership.changedFrom !== null)) adapter.push('managesMemberships')
  if (userType && objectTypes[userType.id]!.supports.deprovision) adapter.push('deprovisions')
  // The everyday account actions (shared/accountActions.ts) some object type declares.
  if (descriptor.objectTypes.some((type) => (type.accountActions ?? []).length > 0)) adapter.push('runsAccountActions')
  // A user's licences (GoToMeeting), shown and changed on the panel.
  if (userType?.licences) adapter.push('managesLicences')

  return { objectTypes, userType: userType?.id ?? null, memberships, adapter }
}

/**
 * The one reading of a membership cell: `via user` / `via group` name the side; any other wording
 * (`POST create/add, DELETE remove`, `PUT/PATCH: roles, … (user-centric)`) means the type itself.
 */
function sideOf(type: ObjectTypeDescriptor): MembershipSide | null {
  const cell = type.operations.membership
  if (cell === undefined) return null
  const named = /^via (user|group)\b/.exec(cell.trim())?.[1]
  if (named === 'user' || named === 'group') return named
  return type.scimResource === 'User' ? 'user' : 'group'
}
