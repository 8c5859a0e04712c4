import type { CoupaDirectory } from './CoupaDirectory'
import {
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
 * wrapper, null-valued attributes still present, associations embedded as objects. The records a
 * user embeds are here; the user itself is in userRepresentation.ts.
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

type Country = Readonly<{ id: number; code: string; name: string }>
const countries = new Map<string, Country>()

/**
 * `US` → United States; Coupa's country records carry an id, the ISO code and the English name.
 * One shared record per code: looking a name up is slow, and every address of a list embeds one.
 */
export function countryOf(code: string): Country {
  const upper = code.toUpperCase()
  let country = countries.get(upper)
  if (!country) {
    country = Object.freeze({ id: (upper.charCodeAt(0) - 64) * 26 + (upper.charCodeAt(1) - 64), code: upper, name: regionNames.of(upper) ?? upper })
    countries.set(upper, country)
  }
  return country
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
