import { declaresOperation, membershipCapability, type MembershipSide } from '../../shared/catalogue/capabilities'
import type { ConnectorDescriptor, ObjectTypeDescriptor, Operation } from '../../shared/catalogue/types'
import type { DirectoryObject } from '../../shared/directory'
import { AppError } from '../errors/AppError'

/*
 * The refusals the directory service makes before any adapter call, from the descriptor alone
 * (and, for delete and memberships, the object read fresh). Each says what is not possible and why.
 */

const operationVerbs: Record<Operation, string> = {
  create: 'create',
  get: 'read',
  list: 'list',
  page: 'page through',
  update: 'change',
  delete: 'delete',
  deprovision: 'deprovision',
  undoDeprovision: 'undo a deprovision of',
  membership: 'change the memberships of',
}

export function objectTypeOf(descriptor: ConnectorDescriptor, objectType: string): ObjectTypeDescriptor {
  const found = descriptor.objectTypes.find((candidate) => candidate.id === objectType)
  if (!found) {
    throw new AppError('unsupported', `${descriptor.label} has no object type "${objectType}".`, { details: { objectType } })
  }
  return found
}

/** The object type, if the descriptor declares the operation for it; else `unsupported` with the reason. */
export function requireOperation(descriptor: ConnectorDescriptor, objectType: string, operation: Operation): ObjectTypeDescriptor {
  const type = objectTypeOf(descriptor, objectType)
  if (!declaresOperation(descriptor, type.id, operation)) throw refusal(descriptor, type, operation)
  return type
}

/** The type people are (`users`): deprovision and membership changes are about them. */
export function userTypeOf(descriptor: ConnectorDescriptor): ObjectTypeDescriptor {
  const users = descriptor.objectTypes.find((type) => type.scimResource === 'User')
  if (!users) throw new AppError('unsupported', `${descriptor.label} has no users.`)
  return users
}

/** A group-like type (`groups`, Coupa's `roles`…): the group side of memberships. */
export function groupTypeOf(descriptor: ConnectorDescriptor, groupType: string): ObjectTypeDescriptor {
  const groups = objectTypeOf(descriptor, groupType)
  if (groups.scimResource !== 'Group') {
    throw new AppError('invalid_input', `${groups.label} are not groups: nobody is a member of them.`, { details: { objectType: groups.id } })
  }
  return groups
}

/**
 * The two sides of a membership change, if the target can change it (the capability model says
 * from which side: Okta and Cognito change the group, Coupa the user). `changedFrom` is the object
 * the target changes, and so the one that must be writable.
 */
export function membershipTypes(
  descriptor: ConnectorDescriptor,
  groupType: string,
): { users: ObjectTypeDescriptor; groups: ObjectTypeDescriptor; changedFrom: MembershipSide } {
  const users = userTypeOf(descriptor)
  const groups = groupTypeOf(descriptor, groupType)
  const { changedFrom } = membershipCapability(descriptor, groups.id)
  if (changedFrom === null) throw refusal(descriptor, groups, 'membership')
  return { users, groups, changedFrom }
}

/** Objects the target will not let anyone change (an Okta APP_GROUP) are refused with its reason. */
export function assertWritable(object: DirectoryObject): void {
  if (object.readOnlyReason) {
    throw new AppError('unsupported', `${object.displayName} cannot be changed: ${object.readOnlyReason}`, {
      details: { objectId: object.id },
    })
  }
}

/** Delete is irreversible: the typed name must be the object's current name, exactly. */
export function assertConfirmedName(object: DirectoryObject, confirmName: string): void {
  if (confirmName.trim() === object.displayName) return
  const message = `Type the name exactly as shown, "${object.displayName}", to delete it for good.`
  throw new AppError('invalid_input', `Nothing was deleted. ${message}`, { fields: { confirmName: message } })
}

function refusal(descriptor: ConnectorDescriptor, type: ObjectTypeDescriptor, operation: Operation): AppError {
  const note = type.absentOperationNotes?.[operation]
  const message = `${descriptor.label} cannot ${operationVerbs[operation]} ${type.label.toLowerCase()}${note ? `: ${note}.` : '.'}`
  return new AppError('unsupported', message, { details: { objectType: type.id, operation } })
}
