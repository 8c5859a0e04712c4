/** The Okta tenant's stored records (what it keeps, not what it answers; see the representations). */

/** [SPEC] `UserStatus`. */
export const oktaUserStatuses = ['STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED'] as const
export type OktaUserStatus = (typeof oktaUserStatuses)[number]

export type OktaGroupType = 'OKTA_GROUP' | 'APP_GROUP' | 'BUILT_IN'

/** Profile values: base attributes are strings (or null); the custom `badgeColours` is a string array. */
export type OktaProfileValue = string | string[] | null
export type OktaProfile = Record<string, OktaProfileValue>

export interface OktaUserRecord {
  id: string
  status: OktaUserStatus
  created: string
  activated: string | null
  statusChanged: string | null
  lastLogin: string | null
  lastUpdated: string
  passwordChanged: string | null
  typeId: string
  profile: OktaProfile
  /** Whether a password is set (its value is never kept: the sandbox only needs to know it exists). */
  hasPassword: boolean
  recoveryQuestion: string | null
  /** App labels assigned to the user; deactivation removes them (okta.md §3.7). */
  appAssignments: string[]
  /**
   * The MFA factor types enrolled (`token:software:totp`, `push`), as `GET …/factors` lists them;
   * reset_factors empties it. Absent in a state file saved before factors existed: none enrolled.
   */
  factors?: string[]
}

export interface OktaGroupRecord {
  id: string
  type: OktaGroupType
  created: string
  lastUpdated: string
  lastMembershipUpdated: string
  objectClass: string[]
  profile: Record<string, string | null>
  /** The app an APP_GROUP is imported from. */
  sourceAppId: string | null
}

export interface OktaOrgRecord {
  id: string
  companyName: string
  subdomain: string
  website: string
  created: string
  /** The default user type every user has (`oty…`). */
  userTypeId: string
}

/** Everything the tenant persists between runs. */
export interface OktaTenantData {
  nextSequence: number
  org: OktaOrgRecord
  users: OktaUserRecord[]
  groups: OktaGroupRecord[]
  /** OKTA_GROUP and APP_GROUP members; Everyone's members are implicit (every user). */
  memberships: Record<string, string[]>
  adminUserId: string
  readOnlyAdminUserId: string
  readOnlyToken: string
}

export function timestamp(date: Date | number = Date.now()): string {
  return new Date(date).toISOString()
}

/** Whether saved JSON has the shape of `OktaTenantData` (the parts the directory indexes on start). */
export function isOktaTenantData(value: unknown): value is OktaTenantData {
  const data = value as Partial<Record<keyof OktaTenantData, unknown>> | null
  const isObject = (item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item)
  const isRecord = (item: unknown): item is { id: string } => isObject(item) && typeof item.id === 'string' && isObject(item.profile)
  const isRecordList = (items: unknown): items is { id: string }[] => Array.isArray(items) && items.every(isRecord)
  return (
    isObject(data) &&
    Number.isInteger(data.nextSequence) &&
    isObject(data.org) &&
    typeof data.org.userTypeId === 'string' &&
    isRecordList(data.users) &&
    isRecordList(data.groups) &&
    isObject(data.memberships) &&
    Object.values(data.memberships).every((members) => Array.isArray(members)) &&
    typeof data.adminUserId === 'string' &&
    typeof data.readOnlyAdminUserId === 'string' &&
    data.users.some((user) => user.id === data.adminUserId)
  )
}
