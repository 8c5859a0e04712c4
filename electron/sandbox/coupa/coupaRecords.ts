/**
 * The Coupa tenant's stored records: what it keeps, not what it answers (see coupaRepresentations).
 * Ids are integers per resource, counted up from 1 as a Rails database's are, so "order by id" is
 * "order by creation" and the default list order (id ascending, coupa-gotomeeting.md A.3) is stable.
 */

export type Scalar = string | number | boolean | null

export interface CoupaUserRecord {
  id: number
  /**
   * The user's scalar attributes under their wire names (`login`, `employee-number`,
   * `account-security-type`, `created-at`…), so listing and filtering read them without mapping.
   */
  fields: Record<string, Scalar>
  managerId: number | null
  defaultAddress: CoupaAddressRecord | null
  defaultAccount: CoupaAccountRecord | null
  /** The user's default chart of accounts (A.4's `default-account-type`), or null. */
  defaultAccountTypeId: number | null
  defaultCurrencyId: number | null
  /** `invoice-approval-limit` … → approval limit id, or null when the user has none. */
  approvalLimits: Record<string, number | null>
  roleIds: number[]
  contentGroupIds: number[]
  /** User groups; the approval groups are those of them that can approve. */
  userGroupIds: number[]
  accountGroupIds: number[]
  /** `default-user-cost-center` and the instance's custom properties, by field name. */
  customFields: Record<string, string | boolean | null>
  createdById: number | null
  updatedById: number | null
}

export interface CoupaAddressRecord {
  id: number
  name: string | null
  'location-code': string | null
  street1: string | null
  street2: string | null
  city: string | null
  state: string | null
  'postal-code': string | null
  attention: string | null
  /** ISO 3166-1 alpha-2; rendered as `country: {id, code, name}`. */
  countryCode: string | null
}

export interface CoupaAccountRecord {
  id: number
  name: string | null
  code: string | null
  'segment-1': string | null
  'segment-2': string | null
  active: boolean
  /** The chart of accounts (Coupa's "account type"); null until a client sets it. */
  accountTypeId: number | null
}

interface Stamped {
  id: number
  name: string
  createdAt: string
  updatedAt: string
}

export interface CoupaRoleRecord extends Stamped {
  description: string
  omnipotent: boolean
  systemRole: boolean
}

/** A content group: Coupa's `business_groups` resource. */
export interface CoupaContentGroupRecord extends Stamped {
  description: string
}

export interface CoupaUserGroupRecord extends Stamped {
  description: string
  active: boolean
  /** Approval groups are user groups that can approve (coupa-gotomeeting.md A.5). */
  canApprove: boolean
  open: boolean
  mentionName: string
  ownerId: number | null
}

export interface CoupaAccountGroupRecord extends Stamped {
  /** 1 or 2 (A.5). */
  accountGroupType: number
  accountTypeId: number
  /** The segment-1 value the group's rule selects. */
  segmentOneValue: string
}

export interface CoupaAccountTypeRecord extends Stamped {
  currencyId: number
  active: boolean
}

export interface CoupaCurrencyRecord {
  id: number
  code: string
  decimals: number
}

export interface CoupaApprovalLimitRecord extends Stamped {
  /** A decimal string, as Coupa writes amounts (`"5000.00"`). */
  amount: string
  subject: string
  currencyId: number
}

export type CatalogueKind = 'roles' | 'contentGroups' | 'userGroups' | 'accountGroups' | 'accountTypes' | 'currencies' | 'approvalLimits'
export type IdKind = CatalogueKind | 'users' | 'addresses' | 'accounts'

/** Everything the tenant persists between runs. */
export interface CoupaTenantData {
  /** The instance's version-1 custom properties string (`cost_center|string;new_user|boolean;`). */
  customProperties: string
  /** The next id of each resource. */
  nextIds: Record<IdKind, number>
  /** The built-in support user that owns the seeded set-up (Coupa's `coupasupport`). */
  supportUserId: number
  /** The API user the API key belongs to: changes made through the API are attributed to it. */
  apiUserId: number
  users: CoupaUserRecord[]
  roles: CoupaRoleRecord[]
  contentGroups: CoupaContentGroupRecord[]
  userGroups: CoupaUserGroupRecord[]
  accountGroups: CoupaAccountGroupRecord[]
  accountTypes: CoupaAccountTypeRecord[]
  currencies: CoupaCurrencyRecord[]
  approvalLimits: CoupaApprovalLimitRecord[]
}

/** The user attributes that hold an approval limit (each a reference to an approval limit). */
export const approvalLimitKeys = [
  'requisition-approval-limit',
  'requisition-self-approval-limit',
  'invoice-approval-limit',
  'invoice-self-approval-limit',
  'contract-approval-limit',
  'contract-self-approval-limit',
  'work-confirmation-approval-limit',
] as const

/** The approval-limit subject each attribute draws from. */
export const approvalLimitSubjects: Record<(typeof approvalLimitKeys)[number], string> = {
  'requisition-approval-limit': 'Requisition',
  'requisition-self-approval-limit': 'Requisition',
  'invoice-approval-limit': 'Invoice',
  'invoice-self-approval-limit': 'Invoice',
  'contract-approval-limit': 'Contract',
  'contract-self-approval-limit': 'Contract',
  'work-confirmation-approval-limit': 'Work Confirmation',
}

/**
 * A user as Coupa makes one before applying what was sent: active, no licences, no roles,
 * `coupa_credentials`, account-security-type 0 (A.4's create defaults). Fields not set here are
 * answered as null.
 */
export function blankUserRecord(createdAt: string, actorId: number | null): CoupaUserRecord {
  return {
    id: 0,
    fields: {
      'created-at': createdAt,
      'updated-at': createdAt,
      active: true,
      'purchasing-user': false,
      'expense-user': false,
      'sourcing-user': false,
      'inventory-user': false,
      'contracts-user': false,
      'analytics-user': false,
      'api-user': false,
      'account-security-type': 0,
      'authentication-method': 'coupa_credentials',
      'edit-invoice-on-quick-entry': false,
    },
    managerId: null,
    defaultAddress: null,
    defaultAccount: null,
    defaultAccountTypeId: null,
    defaultCurrencyId: null,
    approvalLimits: {},
    roleIds: [],
    contentGroupIds: [],
    userGroupIds: [],
    accountGroupIds: [],
    customFields: {},
    createdById: actorId,
    updatedById: actorId,
  }
}

/** `2016-11-14T11:53:40+00:00`: Coupa writes datetimes to the second, with an offset (A.1). */
export function coupaTimestamp(date: Date | number = Date.now()): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}

/** Whether saved JSON has the shape of `CoupaTenantData` (the parts the directory indexes on start). */
export function isCoupaTenantData(value: unknown): value is CoupaTenantData {
  const isObject = (item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item)
  const hasIds = (items: unknown): boolean => Array.isArray(items) && items.every((item) => isObject(item) && Number.isInteger(item.id))
  if (!isObject(value)) return false
  const lists = ['users', 'roles', 'contentGroups', 'userGroups', 'accountGroups', 'accountTypes', 'currencies', 'approvalLimits']
  return (
    typeof value.customProperties === 'string' &&
    isObject(value.nextIds) &&
    Number.isInteger(value.supportUserId) &&
    Number.isInteger(value.apiUserId) &&
    lists.every((list) => hasIds(value[list])) &&
    (value.users as Record<string, unknown>[]).every((user) => isObject(user.fields) && Array.isArray(user.roleIds))
  )
}
