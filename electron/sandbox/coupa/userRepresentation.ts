import type { CoupaDirectory } from './CoupaDirectory'
import { columnText } from './coupaQuery'
import { approvalLimitKeys, type CoupaUserRecord } from './coupaRecords'
import { countryOf, renderUserSimple, userScalar, userScalarKeys, type Json } from './coupaRepresentations'

/**
 * A user as the tenant answers it (coupa-gotomeeting.md A.4): scalars, then associations with the
 * catalogue records they name embedded in full. Each attribute renders on its own, so a `fields`
 * selection or a filter renders only the attributes it names.
 */

/** The catalogues whose records a user embeds. */
export type EmbeddedKind = 'roles' | 'approvalLimits' | 'accountTypes' | 'contentGroups' | 'userGroups' | 'accountGroups'

/** Where a user's rendering gets the records it embeds (EmbeddedRecords renders each once and shares it). */
export interface Embeds {
  readonly directory: CoupaDirectory
  readonly baseUrl: string
  /** The record as a user embeds it, or null when the catalogue has none with this id. Shared: never change it. */
  record(kind: EmbeddedKind, id: number): Json | null
  currency(id: number | null): Json | null
}

type AttributeRenderer = (user: CoupaUserRecord, embeds: Embeds) => unknown

function byUser(id: number | null, embeds: Embeds): Json | null {
  return renderUserSimple(id === null ? undefined : embeds.directory.userById(id), embeds.baseUrl)
}

/** The records with these ids, in this order; ids the catalogue lacks are left out. */
function members(kind: EmbeddedKind, ids: readonly number[], embeds: Embeds): Json[] {
  const rendered: Json[] = []
  for (const id of ids) {
    const record = embeds.record(kind, id)
    if (record) rendered.push(record)
  }
  return rendered
}

/** The user's non-scalar attributes in answer order. */
const associationRenderers: [string, AttributeRenderer][] = [
  ['roles', (user, embeds) => members('roles', user.roleIds, embeds)],
  ...approvalLimitKeys.map((key): [string, AttributeRenderer] => [key, (user, embeds) => embeds.record('approvalLimits', user.approvalLimits[key] ?? -1)]),
  ['manager', (user, embeds) => byUser(user.managerId, embeds)],
  ['default-address', (user) => renderAddress(user)],
  ['default-account', (user, embeds) => renderAccount(user, embeds)],
  ['default-account-type', (user, embeds) => (user.defaultAccountTypeId === null ? null : embeds.record('accountTypes', user.defaultAccountTypeId))],
  ['default-currency', (user, embeds) => embeds.currency(user.defaultCurrencyId)],
  ['content-groups', (user, embeds) => members('contentGroups', user.contentGroupIds, embeds)],
  ['user-groups', (user, embeds) => members('userGroups', user.userGroupIds, embeds)],
  ['approval-groups', (user, embeds) => members('userGroups', embeds.directory.approvalGroupIdsOf(user), embeds)],
  ['account-groups', (user, embeds) => members('accountGroups', user.accountGroupIds, embeds)],
  ['expenses-delegated-to', () => []],
  ['can-expense-for', () => []],
  ['working-warehouses', () => []],
  ['inventory-organizations', () => []],
  ['custom-fields', (user, embeds) => renderCustomFields(user, embeds.directory)],
  ['created-by', (user, embeds) => byUser(user.createdById, embeds)],
  ['updated-by', (user, embeds) => byUser(user.updatedById, embeds)],
]
const associationRendererByKey = new Map(associationRenderers)
const scalarKeySet = new Set<string>(['id', ...userScalarKeys])

/** Every attribute of an answered user, in the order `renderUser` writes them. */
export const userAttributeNames: readonly string[] = ['id', ...userScalarKeys, ...associationRenderers.map(([key]) => key)]

export function renderUser(user: CoupaUserRecord, embeds: Embeds): Json {
  const json: Json = { id: user.id }
  for (const key of userScalarKeys) json[key] = userScalar(user, key, embeds.baseUrl)
  for (const [key, render] of associationRenderers) json[key] = render(user, embeds)
  return json
}

/** One attribute of the answered user (by its hyphenated name), or `undefined` when users have no such attribute. */
export function renderUserAttribute(user: CoupaUserRecord, key: string, embeds: Embeds): unknown {
  if (scalarKeySet.has(key)) return userScalar(user, key, embeds.baseUrl)
  return associationRendererByKey.get(key)?.(user, embeds)
}

/**
 * A scalar attribute of every user as text filters read it, kept by the directory (`undefined` for
 * associations, and for the avatar's URL, which is made with the address the request came to).
 */
export function userTextColumn(path: readonly string[], embeds: Embeds): readonly (string | null)[] | undefined {
  const key = path[0] ?? ''
  if (path.length !== 1 || !scalarKeySet.has(key) || key === 'avatar-thumb-url') return undefined
  return embeds.directory.userColumn(key, (user) => columnText(userScalar(user, key, embeds.baseUrl)))
}

/** The ids and names of a user's association arrays: what `roles[id]=3`-style filters read, without rendering. */
const associationReferences: Record<string, (user: CoupaUserRecord, directory: CoupaDirectory) => { id: number; name: string }[]> = {
  roles: (user, directory) => user.roleIds.map((id) => directory.byId('roles', id)).filter(present),
  'content-groups': (user, directory) => user.contentGroupIds.map((id) => directory.byId('contentGroups', id)).filter(present),
  'user-groups': (user, directory) => user.userGroupIds.map((id) => directory.byId('userGroups', id)).filter(present),
  'approval-groups': (user, directory) => directory.approvalGroupIdsOf(user).map((id) => directory.byId('userGroups', id)).filter(present),
  'account-groups': (user, directory) => user.accountGroupIds.map((id) => directory.byId('accountGroups', id)).filter(present),
}

/** `roles[id]`, `user-groups[name]`…: the members' ids or names, read straight from the record. */
export function userAssociationReferences(user: CoupaUserRecord, key: string, field: string, directory: CoupaDirectory): unknown[] | undefined {
  const references = associationReferences[key]
  if (!references || (field !== 'id' && field !== 'name')) return undefined
  return references(user, directory).map((record) => record[field])
}

/**
 * Custom fields sit under `custom-fields`: Coupa has put every custom field created since R21 in
 * that namespace (Coupa's "Custom Field Namespace" page), keyed by the field name as the instance
 * defines it. A boolean custom field that is false comes back null — the "boolean set to false may
 * come back empty" limitation of the connector reference — while true comes back true.
 */
function renderCustomFields(user: CoupaUserRecord, directory: CoupaDirectory): Json {
  const fields: Json = { 'default-user-cost-center': user.customFields['default-user-cost-center'] ?? null }
  for (const property of directory.customProperties) {
    const value = user.customFields[property.name] ?? null
    fields[property.name] = property.type === 'boolean' ? (value === true ? true : null) : value
  }
  return fields
}

function renderAddress(user: CoupaUserRecord): Json | null {
  const address = user.defaultAddress
  if (!address) return null
  const json = storedFieldsBut(address, 'countryCode')
  json.active = true
  json.country = address.countryCode ? countryOf(address.countryCode) : null
  return json
}

function renderAccount(user: CoupaUserRecord, embeds: Embeds): Json | null {
  const account = user.defaultAccount
  if (!account) return null
  const json = storedFieldsBut(account, 'accountTypeId')
  json['account-type'] = account.accountTypeId === null ? null : embeds.record('accountTypes', account.accountTypeId)
  return json
}

/** A stored record's fields in stored order, less the one the answer writes its own way (`{ dropped, ...fields }`, without its cost). */
function storedFieldsBut(record: object, dropped: string): Json {
  const json: Json = {}
  for (const key of Object.keys(record)) if (key !== dropped) json[key] = (record as Json)[key]
  return json
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined
}
