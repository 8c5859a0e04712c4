import type { RateLimitMode } from '../types'

/**
 * Cognito's request-rate quotas per operation category (cognito.md §4). Off by default (the app's
 * sandbox should not throttle a person trying things); `tenant.throttle(category, rps)` turns a
 * category on, after which requests beyond `rps` in any one-second window answer
 * `TooManyRequestsException`.
 *
 * Which operation is in which category: only UserCreation's members are spelled out by AWS; the
 * rest follows cognito.md's inference (AdminUserGlobalSignOut counted as UserUpdate, one of the two
 * it names). The default rates are AWS's, for reference and for tests that want realistic numbers.
 */

export const defaultCategoryRates = {
  UserCreation: 50,
  UserAccountRecovery: 30,
  UserRead: 120,
  UserUpdate: 25,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  UserList: 30,
  UserPoolRead: 15,
  UserPoolResourceRead: 20,
  UserPoolResourceUpdate: 15,
} as const

export type OperationCategory = keyof typeof defaultCategoryRates

export const categoryOfOperation: Record<string, OperationCategory> = {
  AdminCreateUser: 'UserCreation',
  AdminGetUser: 'UserRead',
  ListUsers: 'UserList',
  ListUsersInGroup: 'UserList',
  AdminUpdateUserAttributes: 'UserUpdate',
  AdminDeleteUser: 'UserUpdate',
  AdminDisableUser: 'UserUpdate',
  AdminEnableUser: 'UserUpdate',
  AdminUserGlobalSignOut: 'UserUpdate',
  AdminSetUserPassword: 'UserAccountRecovery',
  AdminResetUserPassword: 'UserAccountRecovery',
  AdminAddUserToGroup: 'UserResourceUpdate',
  AdminRemoveUserFromGroup: 'UserResourceUpdate',
  AdminListGroupsForUser: 'UserResourceRead',
  CreateGroup: 'UserPoolResourceUpdate',
  UpdateGroup: 'UserPoolResourceUpdate',
  DeleteGroup: 'UserPoolResourceUpdate',
  GetGroup: 'UserPoolResourceRead',
  ListGroups: 'UserPoolResourceRead',
  DescribeUserPool: 'UserPoolRead',
}

const windowMs = 1000

/** Every category at AWS's default rate (`documented`) or at N a second; none for `off` or no mode. */
export function throttleFor(mode: RateLimitMode | undefined, now: () => number = Date.now): CategoryThrottle {
  const throttle = new CategoryThrottle(now)
  if (mode === undefined || mode === 'off') return throttle
  for (const [category, rate] of Object.entries(defaultCategoryRates)) throttle.set(category as OperationCategory, mode === 'documented' ? rate : mode)
  return throttle
}

export class CategoryThrottle {
  private readonly rates = new Map<OperationCategory, number>()
  /** Arrival times (ms) within the last second, per throttled category. */
  private readonly arrivals = new Map<OperationCategory, number[]>()

  constructor(private readonly now: () => number = Date.now) {}

  /** `undefined` turns the category's throttling off again. */
  set(category: OperationCategory, requestsPerSecond: number | undefined): void {
    if (!(category in defaultCategoryRates)) throw new RangeError(`Unknown Cognito quota category "${category}".`)
    this.arrivals.delete(category)
    if (requestsPerSecond === undefined) {
      this.rates.delete(category)
      return
    }
    if (!(Number.isInteger(requestsPerSecond) && requestsPerSecond >= 0)) throw new RangeError(`A rate is a whole number of requests per second, not ${requestsPerSecond}.`)
    this.rates.set(category, requestsPerSecond)
  }

  /** Counts the request; false when it is over the category's rate. */
  take(category: OperationCategory | undefined): boolean {
    if (category === undefined) return true
    const rate = this.rates.get(category)
    if (rate === undefined) return true
    const now = this.now()
    const recent = (this.arrivals.get(category) ?? []).filter((time) => time > now - windowMs)
    const allowed = recent.length < rate
    if (allowed) recent.push(now)
    this.arrivals.set(category, recent)
    return allowed
  }
}
