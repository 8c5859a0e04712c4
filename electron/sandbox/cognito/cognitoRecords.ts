/** The Cognito tenant's stored records (what it keeps, not what it answers; see cognitoRepresentations). */

/** cognito.md §3 `UserStatusType`. */
export const cognitoUserStatuses = [
  'UNCONFIRMED',
  'CONFIRMED',
  'ARCHIVED',
  'COMPROMISED',
  'UNKNOWN',
  'RESET_REQUIRED',
  'FORCE_CHANGE_PASSWORD',
  'EXTERNAL_PROVIDER',
] as const
export type CognitoUserStatus = (typeof cognitoUserStatuses)[number]

export interface CognitoUserRecord {
  /** Position in the pool's scan order (creation order); ListUsers cursors point at it. */
  sequence: number
  /** As created; unique regardless of case (the pool is case-insensitive). Immutable. */
  username: string
  /** Every attribute by name, `sub` included (values are strings, as on the wire). */
  attributes: Record<string, string>
  enabled: boolean
  status: CognitoUserStatus
  /** Epoch milliseconds (answered as epoch seconds with a fraction). */
  created: number
  lastModified: number
  /** AdminUserGlobalSignOut calls so far. */
  signOutCount: number
  /** When tokens were last revoked (global sign-out or disable); null when never. */
  tokensRevokedAt: number | null
}

export interface CognitoGroupRecord {
  /** Creation order (ListGroups order). */
  sequence: number
  name: string
  description: string | null
  precedence: number | null
  roleArn: string | null
  created: number
  lastModified: number
}

export interface CognitoPasswordPolicy {
  MinimumLength: number
  RequireUppercase: boolean
  RequireLowercase: boolean
  RequireNumbers: boolean
  RequireSymbols: boolean
  TemporaryPasswordValidityDays: number
}

export interface CognitoPoolRecord {
  id: string
  name: string
  region: string
  accountId: string
  created: number
  lastModified: number
  passwordPolicy: CognitoPasswordPolicy
}

/** Everything the tenant persists between runs (never a credential, never a password). */
export interface CognitoTenantData {
  pool: CognitoPoolRecord
  nextSequence: number
  users: CognitoUserRecord[]
  groups: CognitoGroupRecord[]
  /** Group name → member usernames. */
  memberships: Record<string, string[]>
}

/** Whether saved JSON has the shape of `CognitoTenantData` (the parts the pool indexes on start). */
export function isCognitoTenantData(value: unknown): value is CognitoTenantData {
  const isObject = (item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item)
  if (!isObject(value)) return false
  const { pool, users, groups, memberships, nextSequence } = value
  return (
    isObject(pool) &&
    typeof pool.id === 'string' &&
    typeof pool.region === 'string' &&
    isObject(pool.passwordPolicy) &&
    Number.isInteger(nextSequence) &&
    Array.isArray(users) &&
    users.every((user) => isObject(user) && typeof user.username === 'string' && isObject(user.attributes) && Number.isInteger(user.sequence)) &&
    Array.isArray(groups) &&
    groups.every((group) => isObject(group) && typeof group.name === 'string' && Number.isInteger(group.sequence)) &&
    isObject(memberships) &&
    Object.values(memberships).every((members) => Array.isArray(members))
  )
}

/** Cognito answers dates as epoch seconds with a fraction (`1719831845.123`). */
export function epochSeconds(milliseconds: number): number {
  return milliseconds / 1000
}
