import type { DirectoryObject } from '../../../shared/directory'
import { readPath, toAttributeValue } from '../descriptorMapping'
import { AppError } from '../../errors/AppError'
import { text, type CoupaContext, type CoupaGroup } from './coupaTypes'

/*
 * Coupa's group-like objects, each read-only in the target and changed from a user's side
 * (CONNECTORS.md §2): content groups (`/api/business_groups`), roles (no REST resource: read
 * through GraphQL, A.5), user groups (approval groups among them) and account groups. A user
 * carries each kind as an association array; a kind's members are the users filtered on it.
 */

export interface GroupKind {
  objectType: string
  /** The REST resource; roles have none. */
  path: string | null
  /** The user's association array for this kind. */
  userArray: string
  /** The `/api/users` filter that finds a group's members (A.3's filters through associations). */
  memberFilter: string
  /** "content group", in messages. */
  noun: string
}

export const groupKinds: readonly GroupKind[] = [
  // Newer guides: groups are content groups (version 1 used user groups for them).
  { objectType: 'groups', path: '/api/business_groups', userArray: 'content-groups', memberFilter: 'content_groups[id]', noun: 'content group' },
  { objectType: 'roles', path: null, userArray: 'roles', memberFilter: 'roles[id]', noun: 'role' },
  { objectType: 'user-groups', path: '/api/user_groups', userArray: 'user-groups', memberFilter: 'user_groups[id]', noun: 'approval group' },
  { objectType: 'account-groups', path: '/api/account_groups', userArray: 'account-groups', memberFilter: 'account_groups[id]', noun: 'account group' },
]

export function groupKindOf(objectType: string): GroupKind {
  const kind = groupKinds.find((candidate) => candidate.objectType === objectType)
  if (!kind) throw new AppError('unsupported', `Coupa profiles have users, content groups, roles, approval groups and account groups, not "${objectType}".`)
  return kind
}

function secondaryOf(group: CoupaGroup): string {
  const accountType = readPath(group, 'account-type.name')
  if (typeof accountType === 'string' && accountType !== '') return `Chart of accounts: ${accountType}`
  return text(group.description)
}

export function groupToObject(context: CoupaContext, kind: GroupKind, group: CoupaGroup): DirectoryObject {
  const objectType = context.objectTypes.get(kind.objectType)
  const attributes: DirectoryObject['attributes'] = {}
  for (const row of objectType?.mapping ?? []) {
    const value = row.native === 'id' ? group.id : toAttributeValue(readPath(group, row.native))
    if (value !== undefined && value !== null) attributes[row.scim] = value
  }
  return {
    id: group.id,
    objectType: kind.objectType,
    displayName: text(group.name) || group.id,
    secondary: secondaryOf(group),
    status: null,
    attributes,
    readOnlyReason: `Coupa does not change ${kind.noun}s through its API: give or take one away from a user's panel, under its memberships.`,
  }
}
