import type { CoupaDirectory, NamedCatalogue } from './CoupaDirectory'
import { approvalLimitSubjects, coupaTimestamp, type approvalLimitKeys, type CoupaUserRecord } from './coupaRecords'
import { countryOf } from './coupaRepresentations'

/**
 * References a user's PUT/POST may carry: association arrays and single references. Referenced
 * records "must already exist" (coupa-gotomeeting.md A.4, A.6); an unknown one refuses the whole
 * request with 400 rather than silently dropping it, so a client learns what was wrong.
 */

export type Resolved<T> = { value: T } | { message: string }

/** The association arrays of a user and the catalogue each refers to. */
export const associations = {
  roles: { catalogue: 'roles', label: 'Roles', noun: 'role' },
  'content-groups': { catalogue: 'contentGroups', label: 'Content groups', noun: 'content group' },
  'user-groups': { catalogue: 'userGroups', label: 'User groups', noun: 'user group' },
  'approval-groups': { catalogue: 'userGroups', label: 'Approval groups', noun: 'approval group' },
  'account-groups': { catalogue: 'accountGroups', label: 'Account groups', noun: 'account group' },
} as const satisfies Record<string, { catalogue: NamedCatalogue; label: string; noun: string }>
export type AssociationKey = keyof typeof associations

/**
 * An association array's ids. Members are named by `id` or by `name` (A.6). An empty array or null
 * resolves to no ids: the caller clears. Approval groups must be user groups that can approve.
 */
export function resolveAssociation(directory: CoupaDirectory, key: AssociationKey, value: unknown): Resolved<number[]> {
  const { catalogue, label, noun } = associations[key]
  if (value === null) return { value: [] }
  if (!Array.isArray(value)) return { message: `${label} is invalid (send a list of {"id": …} or {"name": …})` }
  const ids: number[] = []
  for (const member of value) {
    const id = child(member, 'id')
    const name = child(member, 'name')
    const record =
      id !== undefined && id !== null
        ? directory.byId(catalogue, Number(id))
        : typeof name === 'string'
          ? directory.byName(catalogue, name)
          : undefined
    if (!record) {
      const named = id !== undefined && id !== null ? `id ${String(id)}` : typeof name === 'string' ? `name "${name}"` : JSON.stringify(member)
      return { message: `${label} is invalid (no ${noun} with ${named})` }
    }
    if (key === 'approval-groups' && !directory.byId('userGroups', record.id)?.canApprove) {
      return { message: `${label} is invalid ("${record.name}" is a user group that cannot approve)` }
    }
    if (!ids.includes(record.id)) ids.push(record.id)
  }
  return { value: ids }
}

/** The manager, by id, login or email; null removes it. */
export function resolveManager(directory: CoupaDirectory, value: unknown, self: number | undefined): Resolved<number | null> {
  if (value === null) return { value: null }
  const key = child(value, 'id') ?? child(value, 'login') ?? child(value, 'email')
  const manager = typeof key === 'string' || typeof key === 'number' ? directory.findUser(key) : undefined
  if (!manager) return { message: 'Manager is invalid (no user with that id, login or email)' }
  if (manager.id === self) return { message: 'Manager is invalid (a user cannot manage themselves)' }
  return { value: manager.id }
}

/** The default currency, by id or ISO code; null removes it. */
export function resolveCurrency(directory: CoupaDirectory, value: unknown): Resolved<number | null> {
  if (value === null) return { value: null }
  const id = child(value, 'id')
  const code = child(value, 'code')
  const currency = id !== undefined ? directory.currencies().find((candidate) => candidate.id === Number(id)) : typeof code === 'string' ? directory.currencyByCode(code) : undefined
  return currency ? { value: currency.id } : { message: 'Default currency is invalid (name an enabled currency by id or code)' }
}

/**
 * An approval limit (A.4: `{id, name, amount, subject, currency}`), named by id, by name, or by
 * amount (a number or decimal string, alone or as `{"amount", "currency": {"code"}}`) in the
 * user's default currency unless one is given. An amount with no limit yet makes one — the
 * amount-and-currency style of Coupa's user CSV import and of Ping's Coupa provisioner.
 */
export function resolveApprovalLimit(
  directory: CoupaDirectory,
  key: (typeof approvalLimitKeys)[number],
  value: unknown,
  user: CoupaUserRecord,
): Resolved<number | null> {
  if (value === null || value === '') return { value: null }
  const label = key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ')
  const subject = approvalLimitSubjects[key]
  const id = child(value, 'id')
  const name = child(value, 'name')
  if (id !== undefined || name !== undefined) {
    const limit = id !== undefined ? directory.byId('approvalLimits', Number(id)) : typeof name === 'string' ? directory.byName('approvalLimits', name) : undefined
    return limit ? { value: limit.id } : { message: `${label} is invalid (no approval limit with ${id !== undefined ? `id ${String(id)}` : `name "${String(name)}"`})` }
  }
  const amountValue = typeof value === 'object' ? child(value, 'amount') : value
  const amount = typeof amountValue === 'number' || typeof amountValue === 'string' ? Number(amountValue) : Number.NaN
  if (!Number.isFinite(amount) || amount < 0) return { message: `${label} is invalid (give an approval limit id, name or amount)` }
  const code = child(child(value, 'currency'), 'code')
  const currency = typeof code === 'string' ? directory.currencyByCode(code) : (directory.currencyById(user.defaultCurrencyId) ?? directory.currencyByCode('USD'))
  if (!currency) return { message: `${label} is invalid (unknown currency "${String(code)}")` }
  const decimal = amount.toFixed(2)
  const existing = directory.catalogue('approvalLimits').find((limit) => limit.subject === subject && limit.currencyId === currency.id && limit.amount === decimal)
  if (existing) return { value: existing.id }
  const now = coupaTimestamp()
  const limit = { id: directory.newId('approvalLimits'), name: approvalLimitName(currency.code, decimal, subject), amount: decimal, subject, currencyId: currency.id, createdAt: now, updatedAt: now }
  directory.addApprovalLimit(limit)
  return { value: limit.id }
}

export function approvalLimitName(code: string, decimal: string, subject: string): string {
  return `${code} ${Number(decimal).toLocaleString('en-US', { minimumFractionDigits: 2 })} ${subject}`
}

let countryCodesByName: Map<string, string> | undefined

/** A country by ISO code or English name (`{"code":"DE"}`, `{"name":"Germany"}`). */
export function resolveCountry(value: unknown): string | undefined {
  const code = child(value, 'code')
  if (typeof code === 'string' && /^[A-Za-z]{2}$/.test(code) && countryOf(code).name !== code.toUpperCase()) return code.toUpperCase()
  const name = child(value, 'name')
  if (typeof name !== 'string') return undefined
  if (!countryCodesByName) {
    countryCodesByName = new Map()
    for (let first = 65; first <= 90; first++) {
      for (let second = 65; second <= 90; second++) {
        const candidate = String.fromCharCode(first, second)
        const country = countryOf(candidate)
        if (country.name !== candidate) countryCodesByName.set(country.name.toLowerCase(), candidate)
      }
    }
  }
  return countryCodesByName.get(name.trim().toLowerCase())
}

/** `value[key]` when value is a plain object; undefined otherwise (bodies are untrusted JSON). */
export function child(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined
}
