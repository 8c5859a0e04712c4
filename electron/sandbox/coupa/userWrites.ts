import type { CoupaDirectory } from './CoupaDirectory'
import { coupaErrors } from './coupaErrors'
import { normaliseName } from './coupaQuery'
import { approvalLimitKeys, blankUserRecord, coupaTimestamp, type CoupaAccountRecord, type CoupaAddressRecord, type CoupaUserRecord } from './coupaRecords'
import { associations, child, resolveApprovalLimit, resolveAssociation, resolveCountry, resolveCurrency, resolveManager, type AssociationKey, type Resolved } from './userReferences'
import { humanize, mentionNameFrom, scalarRules, uniqueFields, writeOnlyFields } from './userScalarRules'

/**
 * Applying a POST or PUT body to a user (coupa-gotomeeting.md A.4, A.6). A PUT changes only the
 * attributes the body carries; nested objects (default-address, default-account) merge key by key;
 * association arrays add when non-empty and clear when empty. The body is applied to a copy and the
 * copy kept only when every attribute was accepted, so a refused request changes nothing.
 * Unknown and read-only attributes are ignored, as Coupa ignores elements it does not take in
 * ("Not all fields are available through the API", A.4).
 */

type Body = Record<string, unknown>

export function createUserRecord(directory: CoupaDirectory, body: Body, actorId: number): CoupaUserRecord {
  const blank = blankUserRecord(coupaTimestamp(), actorId)
  const user = applyBody(directory, blank, body, undefined)
  // "The new User is automatically assigned the User role" when the request names none (A.4).
  const userRole = directory.byName('roles', 'User')
  if (user.roleIds.length === 0 && userRole) user.roleIds = [userRole.id]
  if (user.fields['mention-name'] === undefined || user.fields['mention-name'] === null) {
    user.fields['mention-name'] = uniqueMentionName(directory, String(user.fields.firstname), String(user.fields.lastname))
  }
  user.id = directory.newId('users')
  directory.addUser(user)
  return user
}

export function updateUserRecord(directory: CoupaDirectory, user: CoupaUserRecord, body: Body, actorId: number): void {
  const previous = { login: String(user.fields.login ?? ''), email: String(user.fields.email ?? '') }
  const updated = applyBody(directory, structuredClone(user), body, user)
  updated.fields['updated-at'] = coupaTimestamp()
  updated.updatedById = actorId
  Object.assign(user, updated)
  directory.reindex(user, previous)
  directory.userChanged(user)
}

function applyBody(directory: CoupaDirectory, draft: CoupaUserRecord, body: Body, stored: CoupaUserRecord | undefined): CoupaUserRecord {
  const messages: string[] = []
  /** Fields already refused for what was sent: not reported again as blank. */
  const refused = new Set<string>()
  const take = <T>(resolved: Resolved<T>, apply: (value: T) => void) => ('message' in resolved ? messages.push(resolved.message) : apply(resolved.value))
  for (const [rawKey, value] of Object.entries(body)) {
    const key = normaliseName(rawKey)
    const rule = scalarRules[key]
    if (rule) {
      const result = rule(value, humanize(key))
      if ('message' in result) {
        messages.push(result.message)
        refused.add(key)
      } else draft.fields[key] = result.value
    } else if (key in associations) {
      take(resolveAssociation(directory, key as AssociationKey, value), (ids) => mergeAssociation(directory, draft, key as AssociationKey, ids))
    } else if ((approvalLimitKeys as readonly string[]).includes(key)) {
      const limitKey = key as (typeof approvalLimitKeys)[number]
      take(resolveApprovalLimit(directory, limitKey, value, draft), (id) => (draft.approvalLimits[limitKey] = id))
    } else if (key === 'manager') {
      take(resolveManager(directory, value, stored?.id), (id) => (draft.managerId = id))
    } else if (key === 'default-currency') {
      take(resolveCurrency(directory, value), (id) => (draft.defaultCurrencyId = id))
    } else if (key === 'default-address') {
      take(mergeAddress(directory, draft.defaultAddress, value), (address) => (draft.defaultAddress = address))
    } else if (key === 'default-account') {
      take(mergeAccount(directory, draft.defaultAccount, value, stored), (account) => (draft.defaultAccount = account))
    } else if (key === 'default-account-type') {
      take(resolveAccountType(directory, value, 'Default account type'), (id) => (draft.defaultAccountTypeId = id))
    } else if (key === 'custom-fields') {
      take(mergeCustomFields(directory, value), (fields) => Object.assign(draft.customFields, fields))
    } else if (writeOnlyFields.has(key)) {
      continue
    }
  }
  for (const field of ['login', 'email', 'firstname', 'lastname']) {
    if (!refused.has(field) && (draft.fields[field] === undefined || draft.fields[field] === null)) messages.push(`${humanize(field)} can't be blank`)
  }
  for (const field of uniqueFields) {
    const value = draft.fields[field]
    const changed = stored === undefined || String(stored.fields[field] ?? '').toLowerCase() !== String(value ?? '').toLowerCase()
    if (typeof value === 'string' && changed && directory.isTaken(field, value, stored?.id)) messages.push(`${humanize(field)} has already been taken`)
  }
  if (messages.length > 0) throw coupaErrors.invalid('user', [...new Set(messages)])
  return draft
}

/** Non-empty adds to what the user has; empty (or null) clears (A.6). Approval groups are the approving part of user groups. */
function mergeAssociation(directory: CoupaDirectory, draft: CoupaUserRecord, key: AssociationKey, ids: number[]): void {
  const field = { roles: 'roleIds', 'content-groups': 'contentGroupIds', 'user-groups': 'userGroupIds', 'approval-groups': 'userGroupIds', 'account-groups': 'accountGroupIds' } as const
  const current = draft[field[key]]
  if (ids.length > 0) {
    draft[field[key]] = [...current, ...ids.filter((id) => !current.includes(id))]
  } else if (key === 'approval-groups') {
    const approving = new Set(directory.approvalGroupIdsOf(draft))
    draft.userGroupIds = current.filter((id) => !approving.has(id))
  } else {
    draft[field[key]] = []
  }
}

const addressKeys = ['name', 'location-code', 'street1', 'street2', 'city', 'state', 'postal-code', 'attention'] as const

function mergeAddress(directory: CoupaDirectory, current: CoupaAddressRecord | null, value: unknown): Resolved<CoupaAddressRecord | null> {
  if (value === null) return { value: null }
  if (typeof value !== 'object' || Array.isArray(value)) return { message: 'Default address is invalid (send an object)' }
  const address: CoupaAddressRecord = current ? { ...current } : { id: directory.newId('addresses'), name: null, 'location-code': null, street1: null, street2: null, city: null, state: null, 'postal-code': null, attention: null, countryCode: null }
  for (const [rawKey, field] of Object.entries(value)) {
    const key = normaliseName(rawKey)
    if (key === 'country') {
      const code = field === null ? null : resolveCountry(field)
      if (code === undefined) return { message: 'Default address country is invalid (name a country by code or English name)' }
      address.countryCode = code
    } else if ((addressKeys as readonly string[]).includes(key)) {
      if (field !== null && typeof field !== 'string' && typeof field !== 'number') return { message: `Default address ${humanize(key).toLowerCase()} is invalid` }
      address[key as (typeof addressKeys)[number]] = field === null || field === '' ? null : String(field)
    }
  }
  return { value: address }
}

/**
 * The default account merges like the address. Its segments are refused unless the user already
 * had, before this request, an account-security-type (1 or 2) and a chart of accounts for the
 * account — Coupa calls a chart of accounts an "account type": the account's `account-type`, or
 * else the user's `default-account-type` (A.4). Coupa needs both to place the account, so a client
 * sets them first and the segments in a second PUT (CONNECTORS.md §2, the "second step" limitation).
 * `default-account.name` is the account's own name (e.g. "CC-1100 Engineering"), not its chart.
 */
function mergeAccount(directory: CoupaDirectory, current: CoupaAccountRecord | null, value: unknown, stored: CoupaUserRecord | undefined): Resolved<CoupaAccountRecord | null> {
  if (value === null) return { value: null }
  if (typeof value !== 'object' || Array.isArray(value)) return { message: 'Default account is invalid (send an object)' }
  const account: CoupaAccountRecord = current ? { ...current } : { id: directory.newId('accounts'), name: null, code: null, 'segment-1': null, 'segment-2': null, active: true, accountTypeId: null }
  for (const [rawKey, field] of Object.entries(value)) {
    const key = normaliseName(rawKey)
    if (key === 'account-type') {
      const type = resolveAccountType(directory, field, 'Default account account type')
      if ('message' in type) return type
      account.accountTypeId = type.value
    } else if (key === 'segment-1' || key === 'segment-2') {
      const setsValue = field !== null && field !== ''
      const chartKnown = (stored?.defaultAccount?.accountTypeId ?? stored?.defaultAccountTypeId ?? null) !== null
      const ready = stored !== undefined && Number(stored.fields['account-security-type'] ?? 0) > 0 && chartKnown
      if (setsValue && !ready) {
        return {
          message: `Default account ${key} can't be set before the user's account security type and the default account's account type are set: set those first, then the segments in a second request`,
        }
      }
      account[key] = setsValue ? String(field) : null
    } else if (key === 'name' || key === 'code') {
      account[key] = field === null || field === '' ? null : String(field)
    } else if (key === 'active') {
      account.active = field !== false && field !== 'false'
    }
  }
  return { value: account }
}

/** A chart of accounts by id or name; null removes it. */
function resolveAccountType(directory: CoupaDirectory, value: unknown, label: string): Resolved<number | null> {
  if (value === null) return { value: null }
  const id = child(value, 'id')
  const name = child(value, 'name')
  const type = id !== undefined ? directory.byId('accountTypes', Number(id)) : typeof name === 'string' ? directory.byName('accountTypes', name) : undefined
  return type ? { value: type.id } : { message: `${label} is invalid (name an existing chart of accounts)` }
}

/** Custom fields by name (`-`/`_` alike): strings for string properties, booleans for boolean ones. */
function mergeCustomFields(directory: CoupaDirectory, value: unknown): Resolved<Record<string, string | boolean | null>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { message: 'Custom fields is invalid (send an object)' }
  const known = [{ name: 'default-user-cost-center', type: 'string' as const }, ...directory.customProperties]
  const fields: Record<string, string | boolean | null> = {}
  for (const [rawKey, field] of Object.entries(value)) {
    const property = known.find((candidate) => normaliseName(candidate.name) === normaliseName(rawKey))
    if (!property) continue
    if (field === null || field === '') fields[property.name] = null
    else if (property.type === 'boolean') {
      if (field !== true && field !== false && field !== 'true' && field !== 'false') return { message: `${rawKey} is not included in the list (true or false)` }
      fields[property.name] = field === true || field === 'true'
    } else if (typeof field === 'string' || typeof field === 'number') fields[property.name] = String(field)
    else return { message: `${rawKey} is invalid (send text)` }
  }
  return { value: fields }
}

export function uniqueMentionName(directory: CoupaDirectory, firstname: string, lastname: string): string {
  const base = mentionNameFrom(firstname, lastname)
  let candidate = base
  for (let suffix = 2; directory.isTaken('mention-name', candidate); suffix++) candidate = `${base}${suffix}`
  return candidate
}
