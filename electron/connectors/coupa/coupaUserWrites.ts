import { accountSecurityType, deriveCoupaUserAttributes } from '../../../shared/catalogue/coupaRules'
import type { AttributeValue, Attributes } from '../../../shared/directory'
import { fieldLabel } from '../../../shared/directoryValidation'
import { AppError } from '../../errors/AppError'
import { writePath } from '../descriptorMapping'
import { customPrefix, writeCustomProperties } from './coupaCustomProperties'
import { chartOfAccountsPath, compiledRows, isApprovalLimit, type CompiledRow } from './coupaUserMapping'
import type { CoupaContext } from './coupaTypes'

/*
 * Attributes → what Coupa is sent. Coupa's PUT changes only what it carries (A.4), so the body
 * holds exactly the attributes given; null is sent as null to empty a field explicitly, and a
 * field Coupa cannot empty (a yes/no flag) is refused with the reason instead. Segment 1 / 2 of the
 * default account and the association arrays are returned apart: they go in requests of their own.
 */

export interface UserWrite {
  /** Everything but the segments and the association arrays. */
  body: Record<string, unknown>
  /** `{segment-1, segment-2}` of the default account: a second request, after the rest (CONNECTORS.md §2). */
  segments: Record<string, unknown> | null
  /** Association arrays (`account-groups`…) → the names wanted; empty clears. */
  arrays: Map<string, { path: string; names: string[] }>
}

const segmentPrefix = 'default-account.segment-'

function isFlag(native: string): boolean {
  return native === 'active' || /^[a-z]+-user$/.test(native)
}

function refuse(path: string, message: string): never {
  throw new AppError('invalid_input', `${message} Nothing was sent.`, { fields: { [path]: message } })
}

function flagValue(path: string, value: AttributeValue): boolean {
  if (value === true || value === 'true') return true
  if (value === false || value === 'false') return false
  if (value === null) refuse(path, `${fieldLabel(path)} cannot be emptied in Coupa: set it to No (false) instead.`)
  return refuse(path, `${fieldLabel(path)} is yes or no: use true or false.`)
}

/** An approval limit by amount, in the user's default currency (Coupa finds or makes the limit). */
function amountValue(path: string, value: AttributeValue): { amount: string } | null {
  if (value === null) return null
  const amount = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isFinite(amount) || amount < 0) refuse(path, `${fieldLabel(path)} is an amount, such as 5000 or 5000.00.`)
  return { amount: amount.toFixed(2) }
}

function namesValue(value: AttributeValue): string[] {
  if (value === null) return []
  const list = Array.isArray(value) ? value : String(value).split(/\r?\n|;/)
  return [...new Set(list.map((name) => name.trim()).filter((name) => name !== ''))]
}

function nativeValue(compiled: CompiledRow, value: AttributeValue): unknown {
  const { native } = compiled
  const { scim } = compiled.row
  if (isFlag(native)) return flagValue(scim, value)
  if (value === null) return null
  if (native === 'manager.id') return /^\d+$/.test(String(value)) ? { id: Number(value) } : { login: String(value) }
  if (native === 'default-currency') return { code: String(value).trim().toUpperCase() }
  if (isApprovalLimit(native)) return amountValue(scim, value)
  if (native === 'business-group-security-type' && typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value)
  return value
}

/**
 * The native path a row writes: the manager as a whole reference; an emptied country or chart of
 * accounts as `country: null` / `account-type: null` (each is a reference Coupa looks up by name,
 * and no name is not a country or a chart).
 */
function writtenPath(native: string, value: unknown): string {
  if (native === 'manager.id') return 'manager'
  if (native === 'default-address.country.name' && value === null) return 'default-address.country'
  if (native === chartOfAccountsPath && value === null) return 'default-account.account-type'
  return native
}

export function userWrite(context: CoupaContext, attributes: Attributes): UserWrite {
  const body: Record<string, unknown> = {}
  const segments: Record<string, unknown> = {}
  const arrays: UserWrite['arrays'] = new Map()
  const writable = compiledRows(context.users).filter((compiled) => compiled.row.access !== 'readOnly')
  const written = new Map<string, { path: string; value: unknown }>()
  for (const [path, value] of Object.entries(attributes)) {
    if (path.startsWith(customPrefix)) continue
    const compiled = writable.find((candidate) => candidate.row.scim === path)
    if (!compiled) refuse(path, `${fieldLabel(path)} is set by Coupa or is not a Coupa user attribute.`)
    if (compiled.array) {
      arrays.set(compiled.array, { path, names: namesValue(value) })
      continue
    }
    const native = compiled.native
    const sent = nativeValue(compiled, value)
    // locale and preferredLanguage are both Coupa's default-locale: two different values cannot both be kept.
    const earlier = written.get(native)
    if (earlier && JSON.stringify(earlier.value) !== JSON.stringify(sent)) {
      refuse(path, `${fieldLabel(path)} and ${fieldLabel(earlier.path)} are the same Coupa field (${native}): give them the same value.`)
    }
    written.set(native, { path, value: sent })
    if (native.startsWith(segmentPrefix)) segments[native.slice('default-account.'.length)] = sent
    else writePath(body, writtenPath(native, sent), sent)
  }
  const custom = writeCustomProperties(context, attributes)
  if (Object.keys(custom).length > 0) {
    const fields = (body['custom-fields'] ?? {}) as Record<string, unknown>
    body['custom-fields'] = { ...fields, ...custom }
  }
  return { body, segments: Object.keys(segments).length > 0 ? segments : null, arrays }
}

/**
 * The computed `account-security-type` (CONNECTORS.md §2) an update of the user carries: given the
 * user's attributes now and as they will be after it, the new value when the rule changes it, else
 * nothing. Every update that changes the chart of accounts or the account groups sends it, the
 * user's form and their membership panel alike.
 */
export function securityTypeUpdate(current: Attributes, after: Attributes): Record<string, unknown> {
  const derived = deriveCoupaUserAttributes(after)[accountSecurityType]
  return derived !== undefined && derived !== current[accountSecurityType] ? { 'account-security-type': derived } : {}
}
