import type { AdminGetUserCommandOutput, AttributeType, GroupType, UserType } from '@aws-sdk/client-cognito-identity-provider'
import type { MappingRow, ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import type { Attributes, DirectoryObject, DirectoryRow, ObjectStatus, StatusTone } from '../../../shared/directory'
import { AppError } from '../../errors/AppError'
import { isPlainRow, readMappedAttributes, toAttributeValue } from '../descriptorMapping'
import type { PageRequest } from '../Connector'
import { mappedObject, notMapped, type MappedAttributes } from '../listedObjects'

/*
 * Cognito ⇄ the SCIM model, read side, from the descriptor's rows. The rows name a user-pool
 * attribute either as `UserAttributes.email` or bare (`phone_number`), and each row reads the
 * attribute either way (`nativeReader`). Hand-written here only what the rows cannot say:
 * `active` (enabled and CONFIRMED), the status badge, the names shown in tables and the pool's
 * other attributes (given_name, custom:department…) under the custom-attribute prefix.
 */

/** One user as ListUsers (`Attributes`) and AdminGetUser (`UserAttributes`) both answer it. */
export interface CognitoUser {
  username: string
  attributes: Record<string, string>
  enabled: boolean
  userStatus: string
  created: Date | undefined
  lastModified: Date | undefined
}

/** Cognito's two boolean standard attributes, sent and answered as the strings "true" / "false". */
export const booleanAttributes: ReadonlySet<string> = new Set(['email_verified', 'phone_number_verified'])

function attributeRecord(list: readonly AttributeType[] | undefined): Record<string, string> {
  const record: Record<string, string> = {}
  for (const attribute of list ?? []) if (attribute.Name) record[attribute.Name] = attribute.Value ?? ''
  return record
}

function requireUsername(username: string | undefined): string {
  if (username) return username
  throw new AppError('network', 'Cognito answered with a user without a username. Check that the Target URL is a Cognito endpoint.')
}

/** A user as ListUsers and AdminCreateUser answer it (`Attributes`). */
export function userFromListing(user: UserType): CognitoUser {
  return cognitoUser(user, user.Attributes)
}

/** A user as AdminGetUser answers it: the same fields, the attributes named `UserAttributes`. */
export function userFromAdminGet(output: Omit<AdminGetUserCommandOutput, '$metadata'>): CognitoUser {
  return cognitoUser(output, output.UserAttributes)
}

function cognitoUser(user: Omit<UserType, 'Attributes'>, attributes: UserType['Attributes']): CognitoUser {
  return {
    username: requireUsername(user.Username),
    attributes: attributeRecord(attributes),
    enabled: user.Enabled ?? true,
    userStatus: user.UserStatus ?? 'UNKNOWN',
    created: user.UserCreateDate,
    lastModified: user.UserLastModifiedDate,
  }
}

/** The user-pool attribute a row's native side names (`UserAttributes.email`, `phone_number`), if any. */
export function poolAttributeOf(native: string): string | undefined {
  if (native.startsWith('UserAttributes.')) return native.slice('UserAttributes.'.length)
  return /^[a-z][a-z0-9_]*$/.test(native) ? native : undefined
}

const mappedAttributesOf = new WeakMap<readonly MappingRow[], ReadonlySet<string>>()

/** The pool attributes the rows map, worked out once per row list. */
export function mappedPoolAttributes(rows: readonly MappingRow[]): ReadonlySet<string> {
  let mapped = mappedAttributesOf.get(rows)
  if (!mapped) {
    mapped = new Set(rows.map((row) => poolAttributeOf(row.native)).filter((name): name is string => name !== undefined))
    mappedAttributesOf.set(rows, mapped)
  }
  return mapped
}

function typed(name: string, value: string): string | boolean {
  return booleanAttributes.has(name) && (value === 'true' || value === 'false') ? value === 'true' : value
}

/** Active in the SCIM sense, as the reference row says: enabled and CONFIRMED. */
export function isActive(user: CognitoUser): boolean {
  return user.enabled && user.userStatus === 'CONFIRMED'
}

const statusTones: Readonly<Record<string, StatusTone>> = {
  CONFIRMED: 'ok',
  EXTERNAL_PROVIDER: 'ok',
  FORCE_CHANGE_PASSWORD: 'warning',
  RESET_REQUIRED: 'warning',
  UNCONFIRMED: 'warning',
  COMPROMISED: 'danger',
}

/**
 * Cognito keeps two facts: Enabled, and the UserStatus (the password's state). The badge shows the
 * UserStatus of an enabled user and says "Disabled" first for a disabled one: the fact a help-desk
 * person looks for. The deprovision snapshot records this label, so undo can compare with it.
 */
export function userStatusLabel(user: CognitoUser): string {
  return user.enabled ? user.userStatus : `Disabled (${user.userStatus})`
}

export function userStatus(user: CognitoUser): ObjectStatus {
  return { label: userStatusLabel(user), tone: user.enabled ? (statusTones[user.userStatus] ?? 'neutral') : 'danger', active: isActive(user) }
}

function fullName(user: CognitoUser): string {
  const { name, given_name: given, family_name: family } = user.attributes
  const trimmed = name?.trim()
  if (trimmed) return trimmed
  const givenPart = given && given.trim() !== '' ? given : ''
  const familyPart = family && family.trim() !== '' ? family : ''
  return givenPart && familyPart ? `${givenPart} ${familyPart}` : givenPart || familyPart
}

/**
 * What a row's native path names in the view the rows are written against: every pool attribute
 * both bare and under `UserAttributes` (the boolean ones typed), then `Username` and the two dates
 * as ISO text over any attribute of those names. Read straight from the user rather than building
 * that view per user: listing maps every user of every page (issue 14: the copies and the view
 * were a fifth of the client's CPU).
 */
function nativeReader(keys: readonly string[]): (user: CognitoUser) => unknown {
  const [first = '', second = ''] = keys
  // Below a string, a boolean or a date's text there is nothing to read.
  const nested = keys.length > 1
  switch (first) {
    case 'Username':
      return nested ? () => undefined : (user) => user.username
    case 'UserCreateDate':
      return nested ? () => undefined : (user) => user.created?.toISOString()
    case 'UserLastModifiedDate':
      return nested ? () => undefined : (user) => user.lastModified?.toISOString()
    case 'UserAttributes':
      // The record itself is no attribute value; one level below it, the attribute.
      return keys.length === 2 ? (user) => poolValue(user, second) : () => undefined
    default:
      return nested ? () => undefined : (user) => poolValue(user, first)
  }
}

function poolValue(user: CognitoUser, name: string): string | boolean | undefined {
  return Object.hasOwn(user.attributes, name) ? typed(name, user.attributes[name] as string) : undefined
}

interface UserMapping {
  rows: readonly { scim: string; read: (user: CognitoUser) => unknown }[]
  mapped: ReadonlySet<string>
  /** The SCIM path of each other pool attribute (prefix + name), built once per name, not per user. */
  customPaths: Map<string, string>
}

const userMappings = new WeakMap<ObjectTypeDescriptor, UserMapping>()

/** The descriptor's plain rows, each turned into a reader once (descriptors are constants). */
function userMappingOf(users: ObjectTypeDescriptor): UserMapping {
  let mapping = userMappings.get(users)
  if (!mapping) {
    const rows = users.mapping.filter(isPlainRow).map((row) => ({ scim: row.scim, read: nativeReader(row.native.split('.')) }))
    mapping = { rows, mapped: mappedPoolAttributes(users.mapping), customPaths: new Map() }
    userMappings.set(users, mapping)
  }
  return mapping
}

/** A pool holds at most 50 custom attributes besides the standard ones; past this, names are not kept. */
const customPathsKept = 200

/** What a table shows of a user. */
export function userRow(users: ObjectTypeDescriptor, user: CognitoUser): DirectoryRow {
  return {
    id: user.username,
    objectType: users.id,
    // The Name column shows the person's name, the Username column the username (a nameless user is named by it).
    displayName: fullName(user) || user.username,
    secondary: user.username,
    status: userStatus(user),
    readOnlyReason: null,
  }
}

function userAttributes(users: ObjectTypeDescriptor, user: CognitoUser): MappedAttributes {
  const mapping = userMappingOf(users)
  const attributes: Attributes = {}
  for (const row of mapping.rows) {
    const value = toAttributeValue(row.read(user))
    if (value !== undefined && value !== null) attributes[row.scim] = value
  }
  attributes.active = isActive(user)
  const prefix = users.customAttributePrefix
  if (prefix) {
    // Shown as Cognito holds them (strings): the edit form writes custom attributes back as text.
    for (const name of Object.keys(user.attributes)) {
      if (mapping.mapped.has(name)) continue
      let path = mapping.customPaths.get(name)
      if (path === undefined) {
        path = `${prefix}${name}`
        if (mapping.customPaths.size < customPathsKept) mapping.customPaths.set(name, path)
      }
      attributes[path] = user.attributes[name] as string
    }
  }
  return { attributes }
}

export function userToObject(users: ObjectTypeDescriptor, user: CognitoUser): DirectoryObject {
  return mappedObject(userRow(users, user), userAttributes(users, user))
}

/** A user of a list: its row alone when the caller keeps only rows (PageRequest.rowsOnly). */
export function listedUser(users: ObjectTypeDescriptor, user: CognitoUser, page: PageRequest): DirectoryObject {
  return mappedObject(userRow(users, user), page.rowsOnly ? notMapped : userAttributes(users, user))
}

/** The group's name, or a plain error when Cognito answered a group without one. */
export function groupNameOf(group: GroupType): string {
  if (group.GroupName) return group.GroupName
  throw new AppError('network', 'Cognito answered with a group without a name. Check that the Target URL is a Cognito endpoint.')
}

export function groupToObject(groups: ObjectTypeDescriptor, group: GroupType): DirectoryObject {
  const name = groupNameOf(group)
  const view = {
    GroupName: name,
    Precedence: group.Precedence,
    RoleArn: group.RoleArn,
    Description: group.Description,
    CreationDate: group.CreationDate?.toISOString(),
    LastModifiedDate: group.LastModifiedDate?.toISOString(),
  }
  const attributes: Attributes = readMappedAttributes(groups.mapping, view)
  const precedence = group.Precedence === undefined ? '' : `Precedence ${group.Precedence}`
  return {
    id: name,
    objectType: groups.id,
    displayName: name,
    secondary: group.Description?.trim() || precedence,
    status: null,
    attributes,
    readOnlyReason: null,
  }
}
