import { chartOfAccountsName } from '../../../shared/catalogue/coupaRules'
import type { MappingRow, ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import type { AttributeValue, Attributes, DirectoryObject, DirectoryRow, ObjectStatus } from '../../../shared/directory'
import { readPath, toAttributeValue } from '../descriptorMapping'
import type { PageRequest } from '../Connector'
import { mappedObject, notMapped, type MappedAttributes } from '../listedObjects'
import { readCustomProperties } from './coupaCustomProperties'
import { objectRecord, text, type CoupaContext, type CoupaUser } from './coupaTypes'

/*
 * Coupa users ⇄ the SCIM model, driven by the descriptor's rows. Coupa's keys are hyphenated
 * (`default-address.postal-code`), which the shared plain-path reader does not take, so the rows
 * are compiled here once: each row gets a reader, and the writable ones a writer. Hand-written only
 * what a dotted path cannot say: ids and the manager as strings, approval limits by amount, the
 * currency by code, the association arrays by name, the status badge and the custom properties.
 */

type Reader = (user: Record<string, unknown>) => AttributeValue | undefined

export interface CompiledRow {
  row: MappingRow
  /** Where the row is read and written in Coupa's user (see nativePathOf). */
  native: string
  read: Reader
  /** The association array this row holds (`account-groups`), written in steps of its own. */
  array?: string
  /** An approval limit: its name is noted beside the amount. */
  approvalLimit: boolean
}

/** The approval-limit attributes: an ApprovalLimit object `{id, name, amount, currency}` (A.4). */
export function isApprovalLimit(native: string): boolean {
  return /-approval-limit$/.test(native)
}

/** Where the chart of accounts name is, in Coupa's user: the name of the default account's account type. */
export const chartOfAccountsPath = 'default-account.account-type.name'

/**
 * Where Lanyard reads and writes a row in Coupa's user: the descriptor's native path, but for the
 * chart of accounts name. The reference table maps it to `default-account.name`, which the team
 * reads as "the name of the default account's chart of accounts": Coupa calls a chart of accounts
 * an account type, so that is `default-account.account-type.name`. The account's own `name` is a
 * label ("CC-1100 Engineering") that Coupa never takes for a chart, and Coupa refuses segment 1 / 2
 * until the account names its chart (coupa-gotomeeting.md A.4): written to `default-account.name`,
 * a user created through Lanyard could never get segments. The descriptor keeps the reference's
 * row as written, since the catalogue reproduces the reference table.
 */
export function nativePathOf(row: MappingRow): string {
  return row.scim === chartOfAccountsName ? chartOfAccountsPath : row.native
}

function idText(value: unknown): string | undefined {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : undefined
}

/** Names of an embedded association array; absent when the answer has no such array. */
function namesOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.map((item) => text(objectRecord(item)?.name) || idText(objectRecord(item)?.id) || '').filter((name) => name !== '')
}

function readerFor(row: MappingRow): { read: Reader; array?: string } {
  const native = nativePathOf(row)
  if (native === 'id') return { read: (user) => idText(user.id) }
  if (native === 'manager.id') return { read: (user) => idText(objectRecord(user.manager)?.id) }
  if (native === 'default-currency') return { read: (user) => text(objectRecord(user['default-currency'])?.code) || undefined }
  if (isApprovalLimit(native)) return { read: (user) => text(objectRecord(user[native])?.amount) || undefined }
  if (native.endsWith('[]')) {
    const key = native.slice(0, -2)
    return { read: (user) => namesOf(user[key]), array: key }
  }
  const path = native.split('.')
  return { read: (user) => toAttributeValue(readPath(user, path)) }
}

const compiledOf = new WeakMap<readonly MappingRow[], readonly CompiledRow[]>()

/** The user rows that are attributes (memberships such as `roles[].value` are lists of their own). */
export function compiledRows(users: ObjectTypeDescriptor): readonly CompiledRow[] {
  let compiled = compiledOf.get(users.mapping)
  if (!compiled) {
    compiled = users.mapping.filter((row) => !row.scim.includes('[]')).map((row) => ({ row, native: nativePathOf(row), ...readerFor(row), approvalLimit: isApprovalLimit(row.native) }))
    compiledOf.set(users.mapping, compiled)
  }
  return compiled
}

export function userStatus(active: boolean): ObjectStatus {
  // Coupa's own words: a user is active or inactive (its user import's Status column, A.4).
  return active ? { label: 'active', tone: 'ok', active: true } : { label: 'inactive', tone: 'danger', active: false }
}

export function userDisplayName(user: Record<string, unknown>): string {
  const fullName = `${text(user.firstname)} ${text(user.lastname)}`.trim()
  return text(user.fullname) || fullName || text(user.login) || text(user.id)
}

/** What a table shows of a user. */
export function userRow(context: CoupaContext, user: CoupaUser): DirectoryRow {
  return { id: user.id, objectType: context.users.id, displayName: userDisplayName(user), secondary: text(user.login), status: userStatus(user.active !== false), readOnlyReason: null }
}

function userAttributes(context: CoupaContext, user: CoupaUser): MappedAttributes {
  const attributes: Attributes = {}
  const notes: Record<string, string> = {}
  for (const { row, read, approvalLimit } of compiledRows(context.users)) {
    // Two rows may share a SCIM path (ApprovalGroups: approval-groups[] or user-groups[]): the first present wins.
    if (Object.hasOwn(attributes, row.scim)) continue
    const value = read(user)
    if (value !== undefined && value !== null) attributes[row.scim] = value
    if (approvalLimit) {
      const name = text(objectRecord(user[row.native])?.name)
      if (name) notes[row.scim] = `Coupa approval limit "${name}".`
    }
  }
  attributes.active = user.active !== false
  const custom = readCustomProperties(context, user)
  Object.assign(attributes, custom.attributes)
  Object.assign(notes, custom.notes)
  return {
    // Copied once, for V8's fast layout: forty-odd keys set one by one leave the object a hash table,
    // twice the memory for every object that keeps them.
    attributes: { ...attributes },
    ...(Object.keys(notes).length > 0 && { attributeNotes: notes }),
  }
}

export function userToObject(context: CoupaContext, user: CoupaUser): DirectoryObject {
  return mappedObject(userRow(context, user), userAttributes(context, user))
}

/** A user of a list: its row alone when the caller keeps only rows (PageRequest.rowsOnly). */
export function listedUser(context: CoupaContext, user: CoupaUser, page: PageRequest): DirectoryObject {
  return mappedObject(userRow(context, user), page.rowsOnly ? notMapped : userAttributes(context, user))
}
