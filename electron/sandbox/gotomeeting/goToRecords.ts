/**
 * The GoTo account's stored records (what the tenant keeps, not what it answers: see
 * goToRepresentations.ts). Keys are decimal strings longer than 2^53 (coupa-gotomeeting.md B.2),
 * kept as strings so no JavaScript number ever rounds them.
 */

/** The admin roles the Admin API knows; `SUPER_USER` shows as "Super Admin" (B.3). */
export const goToAdminRoles = ['SUPER_USER', 'MANAGE_ACCOUNT', 'MANAGE_USERS', 'MANAGE_SEATS', 'MANAGE_SETTINGS', 'MANAGE_GROUPS', 'RUN_REPORTS'] as const
export type GoToAdminRole = (typeof goToAdminRoles)[number]

/**
 * Derived, never stored or written (B.3, G11): SUSPENDED without licences, admin roles and role
 * sets; INVITED until the first sign-in; ACTIVE otherwise. DELETED is only ever answered for a
 * remembered deleted user, through a `status` filter (see goToFilter.ts).
 */
export type GoToUserStatus = 'ACTIVE' | 'INVITED' | 'SUSPENDED' | 'DELETED'

export interface GoToUserRecord {
  key: string
  email: string
  firstName: string
  lastName: string
  /** Java locale, `en_US`. */
  locale: string
  /** IANA zone, `Europe/London`. */
  timeZone: string
  licenseKeys: string[]
  adminRoles: GoToAdminRole[]
  /** Custom roles; the sandbox has none, but a user holding one is not suspended. */
  roleSets: string[]
  /** One group at a time (G5 README); null when in none. */
  groupKey: string | null
  /** Whether the person ever signed in: INVITED until then. */
  signedIn: boolean
  inviteCount: number
}

/**
 * A user removed from the account. GoTo keeps them 30 days: re-inviting the same email within
 * that time brings the old account back (support article "What should I do if I accidentally
 * deleted a user?"), which is the reference connector's "re-activates the deleted user" limitation.
 */
export interface GoToDeletedUserRecord {
  user: GoToUserRecord
  /** ISO time of the delete; remembered until 30 days after it. */
  deletedAt: string
}

/** Groups are flat in the sandbox: each is its own root (keyPath and namePath of one). */
export interface GoToGroupRecord {
  key: string
  name: string
}

/** Product codes: GoTo Meeting, GoTo Webinar, GoTo Training (G9). */
export type GoToProduct = 'G2M' | 'G2W' | 'G2T'

export interface GoToLicenseRecord {
  key: string
  description: string
  type: string
  channel: string
  seats: number
  products: GoToProduct[]
  enabled: boolean
}

export interface GoToAccountRecord {
  key: string
  name: string
}

/** Everything the tenant persists between runs (never a password, secret or token). */
export interface GoToMeetingTenantData {
  nextSequence: number
  account: GoToAccountRecord
  /** The administrator Lanyard signs in as (`credentials.username`). */
  adminUserKey: string
  clientId: string
  licenses: GoToLicenseRecord[]
  groups: GoToGroupRecord[]
  users: GoToUserRecord[]
  deletedUsers: GoToDeletedUserRecord[]
}

/** Whether saved JSON has the shape of `GoToMeetingTenantData` (the parts the account indexes on start). */
export function isGoToMeetingTenantData(value: unknown): value is GoToMeetingTenantData {
  const isObject = (item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item)
  const isKeyed = (item: unknown): item is Record<string, unknown> & { key: string } => isObject(item) && typeof item.key === 'string'
  const isUser = (item: unknown): boolean =>
    isKeyed(item) && typeof item.email === 'string' && Array.isArray(item.licenseKeys) && Array.isArray(item.adminRoles) && Array.isArray(item.roleSets)
  if (!isObject(value)) return false
  const data = value as Partial<Record<keyof GoToMeetingTenantData, unknown>>
  return (
    Number.isInteger(data.nextSequence) &&
    isKeyed(data.account) &&
    typeof data.adminUserKey === 'string' &&
    typeof data.clientId === 'string' &&
    Array.isArray(data.licenses) &&
    data.licenses.every(isKeyed) &&
    Array.isArray(data.groups) &&
    data.groups.every(isKeyed) &&
    Array.isArray(data.users) &&
    data.users.every(isUser) &&
    data.users.some((user) => (user as { key: string }).key === data.adminUserKey) &&
    Array.isArray(data.deletedUsers) &&
    data.deletedUsers.every((deleted) => isObject(deleted) && isUser(deleted.user) && typeof deleted.deletedAt === 'string')
  )
}
