import type { CoupaDirectory } from './CoupaDirectory'
import {
  approvalLimitKeys,
  type CoupaAccountGroupRecord,
  type CoupaAccountTypeRecord,
  type CoupaApprovalLimitRecord,
  type CoupaContentGroupRecord,
  type CoupaCurrencyRecord,
  type CoupaRoleRecord,
  type CoupaUserGroupRecord,
  type CoupaUserRecord,
} from './coupaRecords'

/**
 * What the tenant answers: Coupa's JSON (coupa-gotomeeting.md A.1, A.4): hyphenated keys, no root
 * wrapper, null-valued attributes still present, associations embedded as objects.
 */

export type Json = Record<string, unknown>

/** The user's scalar attributes in the order Coupa's sample answer lists them (A.4). */
export const userScalarKeys = [
  'created-at',
  'updated-at',
  'login',
  'email',
  'purchasing-user',
  'expense-user',
  'sourcing-user',
  'inventory-user',
  'contracts-user',
  'analytics-user',
  'employee-number',
  'firstname',
  'middlename',
  'lastname',
  'fullname',
  'api-user',
  'active',
  'salesforce-id',
  'account-security-type',
  'authentication-method',
  'sso-identifier',
  'default-locale',
  'business-group-security-type',
  'edit-invoice-on-quick-entry',
  'avatar-thumb-url',
  'mention-name',
  'type',
] as const

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** `US` → United States; Coupa's country records carry an id, the ISO code and the English name. */
export function countryOf(code: string): { id: number; code: string; name: string } {
  const upper = code.toUpperCase()
  return { id: (upper.charCodeAt(0) - 64) * 26 + (upper.charCodeAt(1) - 64), code: upper, name: regionNames.of(upper) ?? upper }
}

/** A scalar attribute as answered: `fullname` is computed, the avatar path becomes a URL. */
export function userScalar(user: CoupaUserRecord, key: string, baseUrl: string): unknown {
  if (key === 'id') return user.id
  if (key === 'fullname') return `${String(user.fields.firstname ?? '')} ${String(user.fields.lastname ?? '')}`.trim()
  const value = user.fields[key] ?? null
  if (key === 'avatar-thumb-url' && typeof value === 'string') return `${baseUrl}${value}`
  return value
}

/** Coupa's `UserSimple`: how one user appears inside another record (manager, created-by…). */
export function renderUserSimple(user: CoupaUserRecord | undefined, baseUrl: string): Json | null {
  if (!user) return null
  const simple: Json = { id: user.id }
  for (const key of ['login', 'email', 'employee-number', 'firstname', 'lastname', 'salesforce-id', 'avatar-thumb-url', 'created-at', 'updated-at']) {
    simple[key] = userScalar(user, key, baseUrl)
  }
  return simple
}

type AttributeRenderer = (user: CoupaUserRecord, directory: CoupaDirectory, baseUrl: string) => unknown

const byUser = (id: number | null, directory: CoupaDirectory, baseUrl: string) => renderUserSimple(id === null ? undefined : directory.userById(id), baseUrl)

function members<Record extends { id: number; name: string }>(ids: number[], find: (id: number) => Record | undefined, render: (record: Record) => Json): Json[] {
  return ids.map(find).filter(present).map(render)
}

/** The user's non-scalar attributes in answer order, each rendered on its own so filters can read one. */
const associationRenderers: [string, AttributeRenderer][] = [
  ['roles', (user, directory, baseUrl) => members(user.roleIds, (id) => directory.byId('roles', id), (role) => renderRole(role, directory, baseUrl))],
  ...approvalLimitKeys.map((key): [string, AttributeRenderer] => [
    key,
    (user, directory) => {
      const limit = directory.byId('approvalLimits', user.approvalLimits[key] ?? -1)
      return limit ? renderApprovalLimit(limit, directory) : null
    },
  ]),
  ['manager', (user, directory, baseUrl) => byUser(user.managerId, directory, baseUrl)],
  ['default-address', (user) => renderAddress(user)],
  ['default-account', (user, directory) => renderAccount(user, directory)],
  ['default-account-type', (user, directory) => {
    const type = user.defaultAccountTypeId === null ? undefined : directory.byId('accountTypes', user.defaultAccountTypeId)
    return type ? renderAccountType(type, directory) : null
  }],
  ['default-currency', (user, directory) => renderCurrency(directory.currencyById(user.defaultCurrencyId))],
  ['content-groups', (user, directory, baseUrl) => members(user.contentGroupIds, (id) => directory.byId('contentGroups', id), (group) => renderContentGroup(group, directory, baseUrl))],
  ['user-groups', (user, directory, baseUrl) => members(user.userGroupIds, (id) => directory.byId('userGroups', id), (group) => renderUserGroup(group, directory, baseUrl))],
  ['approval-groups', (user, directory, baseUrl) => members(directory.approvalGroupIdsOf(user), (id) => directory.byId('userGroups', id), (group) => renderUserGroup(group, directory, baseUrl))],
  ['account-groups', (user, directory, baseUrl) => members(user.accountGroupIds, (id) => directory.byId('accountGroups', id), (group) => renderAccountGroup(group, directory, baseUrl))],
  ['expenses-delegated-to', () => []],
  ['can-expense-for', () => []],
  ['working-warehouses', () => []],
  ['inventory-organizations', () => []],
  ['custom-fields', (user, directory) => renderCustomFields(user, directory)],
  ['created-by', (user, directory, baseUrl) => byUser(user.createdById, directory, baseUrl)],
  ['updated-by', (user, directory, baseUrl) => byUser(user.updatedById, directory, baseUrl)],
]
const associationRendererByKey = new Map(associationRenderers)
const scalarKeySet = new Set<string>(['id', ...userScalarKeys])

export function renderUser(user: CoupaUserRecord, directory: CoupaDirectory, baseUrl: string): Json {
  const json: Json = { id: user.id }
  for (const key of userScalarKeys) json[key] = userScalar(user, key, baseUrl)
  for (const [key, render] of associationRenderers) json[key] = render(user, directory, baseUrl)
  return json
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

/** One attribute of the answered user (by its hyphenated name), or `undefined` when users have no such attribute. */
export function renderUserAttribute(user: CoupaUserRecord, key: string, directory: CoupaDirectory, baseUrl: string): unknown {
  if (scalarKeySet.has(key)) return userScalar(user, key, baseUrl)
  return associationRendererByKey.get(key)?.(user, directory, baseUrl)
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
  const { countryCode, ...fields } = address
  return { ...fields, active: true, country: countryCode ? countryOf(countryCode) : null }
}

function renderAccount(user: CoupaUserRecord, directory: CoupaDirectory): Json | null {
  const account = user.defaultAccount
  if (!account) return null
  const { accountTypeId, ...fields } = account
  const type = accountTypeId === null ? undefined : directory.byId('accountTypes', accountTypeId)
  return { ...fields, 'account-type': type ? renderAccountType(type, directory) : null }
}

export function renderCurrency(currency: CoupaCurrencyRecord | undefined): Json | null {
  return currency ? { id: currency.id, code: currency.code, decimals: currency.decimals } : null
}

export function renderAccountType(type: CoupaAccountTypeRecord, directory: CoupaDirectory): Json {
  return { id: type.id, 'created-at': type.createdAt, 'updated-at': type.updatedAt, name: type.name, active: type.active, currency: renderCurrency(directory.currencyById(type.currencyId)) }
}

export function renderApprovalLimit(limit: CoupaApprovalLimitRecord, directory: CoupaDirectory): Json {
  return {
    id: limit.id,
    'created-at': limit.createdAt,
    'updated-at': limit.updatedAt,
    name: limit.name,
    amount: limit.amount,
    subject: limit.subject,
    currency: renderCurrency(directory.currencyById(limit.currencyId)),
  }
}

function stamps(record: { id: number; createdAt: string; updatedAt: string }): Json {
  return { id: record.id, 'created-at': record.createdAt, 'updated-at': record.updatedAt }
}

function support(directory: CoupaDirectory, baseUrl: string): Json | null {
  return renderUserSimple(directory.userById(directory.supportUserId), baseUrl)
}

/** A.4's Role: seeded roles were made by the system (created-by null) and last touched by support. */
export function renderRole(role: CoupaRoleRecord, directory: CoupaDirectory, baseUrl: string): Json {
  return {
    ...stamps(role),
    name: role.name,
    description: role.description,
    omnipotent: role.omnipotent,
    'system-role': role.systemRole,
    'updated-by': support(directory, baseUrl),
    'created-by': null,
  }
}

export function renderContentGroup(group: CoupaContentGroupRecord, directory: CoupaDirectory, baseUrl: string): Json {
  return { ...stamps(group), name: group.name, description: group.description, 'created-by': support(directory, baseUrl), 'updated-by': support(directory, baseUrl) }
}

/**
 * A.5's UserGroup. Its `users` member list is left out: groups can hold thousands of people, and
 * a client pages a group's members with `GET /api/users?user_groups[id]=N` (A.3's filters through
 * associations) instead.
 */
export function renderUserGroup(group: CoupaUserGroupRecord, directory: CoupaDirectory, baseUrl: string): Json {
  return {
    ...stamps(group),
    name: group.name,
    description: group.description,
    active: group.active,
    'can-approve': group.canApprove,
    open: group.open,
    type: '',
    'mention-name': group.mentionName,
    'avatar-thumb-url': null,
    owner: renderUserSimple(group.ownerId === null ? undefined : directory.userById(group.ownerId), baseUrl),
    'content-groups': [],
    'created-by': support(directory, baseUrl),
    'updated-by': support(directory, baseUrl),
  }
}

export function renderAccountGroup(group: CoupaAccountGroupRecord, directory: CoupaDirectory, baseUrl: string): Json {
  const type = directory.byId('accountTypes', group.accountTypeId)
  return {
    ...stamps(group),
    name: group.name,
    'account-group-type': group.accountGroupType,
    'account-type': type ? renderAccountType(type, directory) : null,
    'segment-1-col': 'segment_1',
    'segment-1-op': '=',
    'segment-1-val': group.segmentOneValue,
    'created-by': support(directory, baseUrl),
    'updated-by': support(directory, baseUrl),
  }
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined
}
