import { RequestBudget, type BudgetState, type Quota } from '../../http/RequestBudget'

/**
 * Cognito's request-rate quotas (cognito.md §4): requests per second per category, per AWS account
 * and Region, answered beyond with `TooManyRequestsException` and no rate headers. Only
 * UserCreation's operations are spelled out by AWS; the rest follow cognito.md's inference, taking
 * the smaller category where it names two (AdminUserGlobalSignOut: UserUpdate, not UserToken).
 * The group categories also allow no single operation more than 5 a second per pool, so they are
 * counted at 5. The quotas are shared by every pool and client of the account: this budget keeps
 * one profile within them, not the account.
 */
const categoryRates = {
  UserCreation: 50,
  UserAccountRecovery: 30,
  UserRead: 120,
  UserUpdate: 25,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  UserList: 30,
  UserPoolRead: 15,
  UserPoolResourceRead: 5,
  UserPoolResourceUpdate: 5,
} as const

type Category = keyof typeof categoryRates

const categoryOf: Readonly<Record<string, Category>> = {
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

/** The budget family of an operation: its quota category (an operation not in the table counts alone, at the smallest rate). */
export function cognitoBudgetFamily(operation: string): string {
  return categoryOf[operation] ?? operation
}

export function cognitoQuotaOf(family: string): Quota {
  return { limit: family in categoryRates ? categoryRates[family as Category] : 5, windowMs: 1000 }
}

export function createCognitoBudget(onChange?: (state: BudgetState) => void): RequestBudget {
  return new RequestBudget({ quotaOf: cognitoQuotaOf, onChange })
}
