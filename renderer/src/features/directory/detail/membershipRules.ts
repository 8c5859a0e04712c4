import { membershipCapability, type ConnectorDescriptor, type ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { MembershipSource, Relation } from '../../../stores/directoryMemberships'
import { pluralNoun, singularNoun } from '../list/listWords'

/**
 * Which membership sections a detail panel shows and what may be done in each, from the
 * descriptor's capability model (shared/catalogue/capabilities.ts), the same one main's
 * `membershipTypes` (electron/directory/operationRules.ts) reads: a membership can change when the
 * model gives it a side; it is "user-centric" (Coupa) when that side is the user's — the target
 * changes the user, so the change is made from the user's panel.
 * Memberships are always read, changeable or not: people need to see them either way.
 */

export interface MembershipSectionSpec {
  /** The key the memberships store holds this section's list under. */
  key: string
  /** A user's groups of one group-like type, or a group's members. */
  relation: Relation
  /** The group-like side (`groups`, Coupa's `roles`…): sent as `relatedType` / `groupType`. */
  groupType: ObjectTypeDescriptor
  userType: ObjectTypeDescriptor
  /** The type of the objects listed (and searched by the picker): the group type, or the users. */
  listedType: ObjectTypeDescriptor
  /** "Groups", "Roles", "Members". */
  title: string
  /** Add and remove are offered in this panel. */
  changeHere: boolean
  /** The target changes the user's side: the user must be writable, the group need not be. */
  userCentric: boolean
  /** Why nothing can be changed here, and where it can be, in words; null when `changeHere`. */
  readOnlyNote: string | null
}

export function userTypeOf(descriptor: ConnectorDescriptor): ObjectTypeDescriptor | undefined {
  return descriptor.objectTypes.find((type) => type.scimResource === 'User')
}

export function groupTypesOf(descriptor: ConnectorDescriptor): ObjectTypeDescriptor[] {
  return descriptor.objectTypes.filter((type) => type.scimResource === 'Group')
}

/** Whether the target lets anyone change memberships of this group type, and from which side. */
export function membershipChange(descriptor: ConnectorDescriptor, groupType: ObjectTypeDescriptor): { changeable: boolean; userCentric: boolean } {
  const { changedFrom } = membershipCapability(descriptor, groupType.id)
  return { changeable: changedFrom !== null, userCentric: changedFrom === 'user' }
}

export function sectionKey(relation: Relation, groupType: string): string {
  return relation === 'members' ? 'members' : `groupsOf:${groupType}`
}

/** Every membership section of an object's panel: one per group-like type for a user, members for a group. */
export function membershipSections(descriptor: ConnectorDescriptor, objectType: ObjectTypeDescriptor): MembershipSectionSpec[] {
  const userType = userTypeOf(descriptor)
  if (!userType) return []
  if (objectType.scimResource === 'User') {
    return groupTypesOf(descriptor).map((groupType) => {
      const { changeable, userCentric } = membershipChange(descriptor, groupType)
      return {
        key: sectionKey('groupsOf', groupType.id),
        relation: 'groupsOf',
        groupType,
        userType,
        listedType: groupType,
        title: groupType.label,
        changeHere: changeable,
        userCentric,
        readOnlyNote: changeable ? null : unsupportedNote(descriptor, `a ${singularNoun(userType)}'s ${pluralNoun(groupType)} are shown`),
      }
    })
  }
  const { changeable, userCentric } = membershipChange(descriptor, objectType)
  const changeHere = changeable && !userCentric
  return [
    {
      key: sectionKey('members', objectType.id),
      relation: 'members',
      groupType: objectType,
      userType,
      listedType: userType,
      title: 'Members',
      changeHere,
      userCentric,
      readOnlyNote: changeHere
        ? null
        : changeable
          ? fromUserNote(descriptor, userType, objectType)
          : unsupportedNote(descriptor, `a ${singularNoun(objectType)}'s members are shown`),
    },
  ]
}

function unsupportedNote(descriptor: ConnectorDescriptor, shown: string): string {
  return `${descriptor.label} does not support membership changes: ${shown}, not changed here.`
}

/** Coupa changes a role's members through each user: say where to go, since the list here is read-only. */
function fromUserNote(descriptor: ConnectorDescriptor, userType: ObjectTypeDescriptor, groupType: ObjectTypeDescriptor): string {
  const singular = singularNoun(userType)
  return (
    `${descriptor.label} changes ${pluralNoun(groupType)} from the ${singular}'s side, so they are shown here, not changed: ` +
    `open a ${singular} below, or find one under ${userType.label}, and use their ${groupType.label} section.`
  )
}

/** What the memberships store reads for a section. */
export function membershipSource(spec: MembershipSectionSpec): MembershipSource {
  return spec.relation === 'groupsOf' ? { key: spec.key, relation: spec.relation, relatedType: spec.groupType.id } : { key: spec.key, relation: spec.relation }
}
