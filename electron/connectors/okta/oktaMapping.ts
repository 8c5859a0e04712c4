import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import type { Attributes, DirectoryObject, DirectoryRow, ObjectStatus, StatusTone } from '../../../shared/directory'
import { customAttributeName, showCustomValue, writeCustomValue } from '../customAttributes'
import type { PageRequest } from '../Connector'
import { mappedObject, notMapped, type MappedAttributes } from '../listedObjects'
import { mappedKeysUnder, readMappedAttributes, writeMappedAttributes } from '../descriptorMapping'
import { AppError } from '../../errors/AppError'
import type { OktaGroup, OktaUser } from './oktaTypes'

/*
 * Okta ⇄ the SCIM model, both ways, from the descriptor's rows. Hand-written here only what the
 * rows cannot say: `active` (an expression over `status`), the status badge, the names shown in
 * tables, custom profile attributes and which groups are read-only.
 */

const statusTones: Readonly<Record<string, StatusTone>> = {
  ACTIVE: 'ok',
  SUSPENDED: 'warning',
  LOCKED_OUT: 'warning',
  PASSWORD_EXPIRED: 'warning',
  DEPROVISIONED: 'danger',
}

export function userStatus(status: string): ObjectStatus {
  return { label: status, tone: statusTones[status] ?? 'neutral', active: status === 'ACTIVE' }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

export function userDisplayName(user: OktaUser): string {
  const { profile } = user
  const fullName = `${text(profile.firstName)} ${text(profile.lastName)}`.trim()
  return text(profile.displayName) || fullName || text(profile.login) || user.id
}

/** Adds the profile attributes the table does not map, as `<prefix><name>`; nulls are left out. */
function addCustomAttributes(attributes: Attributes, objectType: ObjectTypeDescriptor, profile: Record<string, unknown>): Attributes {
  const prefix = objectType.customAttributePrefix
  if (!prefix) return attributes
  const mapped = mappedKeysUnder(objectType.mapping, 'profile')
  for (const name in profile) {
    if (!Object.hasOwn(profile, name) || mapped.has(name)) continue
    const shown = showCustomValue(profile[name])
    if (shown !== undefined && shown !== null) attributes[customAttributeName(prefix, name)] = shown
  }
  return attributes
}

/**
 * What `userRow` reads, as Okta's `fields` projection of List all users asks for it (`id` always
 * comes): a table's list asks for these alone. A full user in a list is ~1.1 kB of JSON (its
 * credentials, type, dates and links); these few fields are ~170 B, to send and to parse.
 */
export const userRowFields = 'status,profile:(login,firstName,lastName,displayName)'

/** What a table shows of a user. */
export function userRow(users: ObjectTypeDescriptor, user: OktaUser): DirectoryRow {
  return {
    id: user.id,
    objectType: users.id,
    displayName: userDisplayName(user),
    secondary: text(user.profile.login),
    status: userStatus(user.status),
    readOnlyReason: null,
  }
}

/** A user's attributes: mapped rows, then `active`, then custom attributes, in one object. */
function userAttributes(users: ObjectTypeDescriptor, user: OktaUser): MappedAttributes {
  const attributes = readMappedAttributes(users.mapping, user)
  attributes.active = user.status === 'ACTIVE'
  return { attributes: addCustomAttributes(attributes, users, user.profile) }
}

export function userToObject(users: ObjectTypeDescriptor, user: OktaUser): DirectoryObject {
  return mappedObject(userRow(users, user), userAttributes(users, user))
}

/** A user of a list: its row alone when the caller keeps only rows (PageRequest.rowsOnly). */
export function listedUser(users: ObjectTypeDescriptor, user: OktaUser, page: PageRequest): DirectoryObject {
  return mappedObject(userRow(users, user), page.rowsOnly ? notMapped : userAttributes(users, user))
}

/** Why Okta refuses changes to a group, or null for an OKTA_GROUP (okta.md §4.1). */
export function groupReadOnlyReason(group: OktaGroup): string | null {
  if (group.type === 'APP_GROUP') {
    return 'This group is managed by the app or directory it was imported from: change it there, not in Okta.'
  }
  if (group.type === 'BUILT_IN') {
    return 'This group is managed by Okta itself (every user belongs to Everyone): it cannot be changed.'
  }
  return null
}

export function groupToObject(groups: ObjectTypeDescriptor, group: OktaGroup): DirectoryObject {
  const name = text(group.profile.name)
  return {
    id: group.id,
    objectType: groups.id,
    displayName: name || group.id,
    secondary: text(group.profile.description) || group.type,
    status: null,
    attributes: addCustomAttributes(readMappedAttributes(groups.mapping, group), groups, group.profile),
    readOnlyReason: groupReadOnlyReason(group),
  }
}

/**
 * The Okta `profile` for the given attributes: mapped rows through the descriptor, custom
 * attributes by name. A null value is sent as null, which clears the attribute in a partial update.
 */
export function attributesToProfile(objectType: ObjectTypeDescriptor, attributes: Attributes): Record<string, unknown> {
  const { native, unmapped } = writeMappedAttributes(objectType.mapping, attributes)
  const profile = (native.profile ?? {}) as Record<string, unknown>
  const prefix = objectType.customAttributePrefix
  const mapped = mappedKeysUnder(objectType.mapping, 'profile')
  for (const path of unmapped) {
    const value = attributes[path]
    const name = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : ''
    // A mapped field written as custom (`Extension.Custom.login`) would skip its row and its checks.
    if (name !== '' && name !== '__proto__' && !mapped.has(name) && value !== undefined) {
      profile[name] = value === null ? null : writeCustomValue(value)
      continue
    }
    throw new AppError('invalid_input', `${path} cannot be written to Okta ${objectType.label.toLowerCase()}.`, {
      fields: { [path]: mapped.has(name) ? 'This is a mapped attribute: change it through its own field.' : 'This attribute is read-only or unknown for Okta.' },
    })
  }
  const stray = Object.keys(native).filter((key) => key !== 'profile')
  if (stray.length > 0) throw new Error(`Okta mapping rows write outside the profile: ${stray.join(', ')}`)
  return profile
}
