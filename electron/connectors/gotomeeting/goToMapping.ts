import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import type { Attributes, DirectoryObject, DirectoryRow, ObjectStatus, StatusTone } from '../../../shared/directory'
import { fieldLabel } from '../../../shared/directoryValidation'
import { AppError } from '../../errors/AppError'
import { readMappedAttributes, writeMappedAttributes } from '../descriptorMapping'
import type { PageRequest } from '../Connector'
import { mappedObject, notMapped, type MappedAttributes } from '../listedObjects'
import type { GoToGroup, GoToUser } from './goToTypes'

/*
 * GoTo ⇄ the SCIM model, both ways, from the descriptor's rows. Hand-written here only what the
 * rows cannot say: the derived full name (`firstName + " " + lastName`), the status badge and the
 * names shown in tables. Memberships (`groups[]`, `members[]`) are lists of their own.
 */

const statusTones: Readonly<Record<string, StatusTone>> = {
  ACTIVE: 'ok',
  INVITED: 'neutral',
  SUSPENDED: 'warning',
  INACTIVE: 'warning',
  DELETED: 'danger',
}

/**
 * GoTo's status word. It is derived by GoTo itself: SUSPENDED is "no products and the Member role"
 * (B.3, G11). An answer without one is given the word the same rule gives.
 */
export function statusWord(user: GoToUser): string {
  const status = user.status?.trim().toUpperCase()
  if (status) return status
  const holdsNothing = (user.licenseKeys ?? []).length === 0 && (user.adminRoles ?? []).length === 0 && (user.roleSets ?? []).length === 0
  return holdsNothing ? 'SUSPENDED' : 'ACTIVE'
}

/** Invited users hold their licences and can accept the invitation: they are active accounts. */
export function isActiveStatus(status: string): boolean {
  return status === 'ACTIVE' || status === 'INVITED'
}

export function userStatus(status: string): ObjectStatus {
  return { label: status, tone: statusTones[status] ?? 'neutral', active: isActiveStatus(status) }
}

/** `firstName + " " + lastName`, the derived name of two rows (name.formatted, displayName). */
export function fullName(user: Pick<GoToUser, 'firstName' | 'lastName'>): string {
  return `${user.firstName?.trim() ?? ''} ${user.lastName?.trim() ?? ''}`.trim()
}

export function userDisplayName(user: GoToUser): string {
  return fullName(user) || user.email || user.key
}

const derivedNameRowsOf = new WeakMap<ObjectTypeDescriptor, readonly string[]>()

/** Rows whose native side is the derived full name: read-only, computed here. Found once per descriptor: mapping runs for every row. */
function derivedNameRows(objectType: ObjectTypeDescriptor): readonly string[] {
  let rows = derivedNameRowsOf.get(objectType)
  if (!rows) {
    rows = objectType.mapping.filter((row) => /firstName\s*\+.*lastName/.test(row.native)).map((row) => row.scim)
    derivedNameRowsOf.set(objectType, rows)
  }
  return rows
}

/** What a table shows of a user. */
export function userRow(users: ObjectTypeDescriptor, user: GoToUser): DirectoryRow {
  return { id: user.key, objectType: users.id, displayName: userDisplayName(user), secondary: user.email, status: userStatus(statusWord(user)), readOnlyReason: null }
}

function userAttributes(users: ObjectTypeDescriptor, user: GoToUser): MappedAttributes {
  const attributes: Attributes = readMappedAttributes(users.mapping, user)
  const name = fullName(user)
  if (name !== '') for (const path of derivedNameRows(users)) attributes[path] = name
  return { attributes }
}

export function userToObject(users: ObjectTypeDescriptor, user: GoToUser): DirectoryObject {
  return mappedObject(userRow(users, user), userAttributes(users, user))
}

/** A user of a list: its row alone when the caller keeps only rows (PageRequest.rowsOnly). */
export function listedUser(users: ObjectTypeDescriptor, user: GoToUser, page: PageRequest): DirectoryObject {
  return mappedObject(userRow(users, user), page.rowsOnly ? notMapped : userAttributes(users, user))
}

export function groupToObject(groups: ObjectTypeDescriptor, group: GoToGroup): DirectoryObject {
  const members = group.totalMemberCount ?? group.userKeys?.length
  return {
    id: group.key,
    objectType: groups.id,
    displayName: group.name || group.key,
    secondary: members === undefined || members === null ? '' : `${members} ${members === 1 ? 'member' : 'members'}`,
    status: null,
    attributes: readMappedAttributes(groups.mapping, group),
    readOnlyReason: null,
  }
}

/** A string compared as GoTo compares emails: trimmed, ignoring case. */
function comparable(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : JSON.stringify(value)
}

/**
 * Two rows may write one native field (`userName` and `emails[0].value` both write `email`: GoTo's
 * username is the email). Given both with different values, the change is refused rather than one
 * of them silently winning.
 */
function refuseDisagreeingRows(objectType: ObjectTypeDescriptor, attributes: Attributes): void {
  const written = new Map<string, string>()
  for (const row of objectType.mapping) {
    if (row.access === 'readOnly' || !Object.hasOwn(attributes, row.scim)) continue
    const earlier = written.get(row.native)
    if (earlier !== undefined && comparable(attributes[earlier]) !== comparable(attributes[row.scim])) {
      const message = `${fieldLabel(earlier)} and ${fieldLabel(row.scim)} are one field in GoTo (${row.native}): give both the same value, or change only one.`
      throw new AppError('invalid_input', `Nothing was sent: ${message}`, { fields: { [earlier]: message, [row.scim]: message } })
    }
    written.set(row.native, row.scim)
  }
}

/** The native fields for the given attributes, through the descriptor's writable rows; text trimmed. */
export function attributesToNative(objectType: ObjectTypeDescriptor, attributes: Attributes): Record<string, unknown> {
  refuseDisagreeingRows(objectType, attributes)
  const { native, unmapped } = writeMappedAttributes(objectType.mapping, attributes)
  if (unmapped.length > 0) {
    throw new AppError('invalid_input', `Nothing was sent: ${unmapped.join(', ')} cannot be written to GoTo ${objectType.label.toLowerCase()}.`, {
      fields: Object.fromEntries(unmapped.map((path) => [path, 'This attribute is set by GoTo or unknown: it cannot be written.'])),
    })
  }
  for (const [key, value] of Object.entries(native)) if (typeof value === 'string') native[key] = value.trim()
  return native
}
