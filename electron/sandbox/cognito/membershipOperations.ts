import { cognitoErrors } from './cognitoErrors'
import { pageSize, requirePool, rules, type Operation, type OperationContext } from './cognitoOperation'
import { pageOf } from './cognitoPaging'
import { groupType, userType } from './cognitoRepresentations'
import { usernameKey } from './CognitoUserPool'

/**
 * Group memberships from either side (cognito.md §3). The user may be named by username, verified
 * email alias or sub; lists always answer the canonical Username.
 *
 * A user may be in at most 25 groups: Lanyard's connector reference and design (§5) name this
 * limit, and the sandbox enforces it with LimitExceededException. (AWS's current quotas page says
 * 100 per user and the model lists no LimitExceededException for AdminAddUserToGroup; the
 * reference's 25 is the one the app must live with. Note the SDK retries LimitExceededException
 * as throttling, so a client that does not refuse the 26th itself waits through its retries.)
 */
export const maximumGroupsPerUser = 25

function readMembership(context: OperationContext) {
  const userPoolId = context.reader.string('UserPoolId', rules.userPoolId)
  const username = context.reader.string('Username', rules.username) as string
  const groupName = context.reader.string('GroupName', rules.groupName) as string
  context.reader.finish()
  requirePool(context, userPoolId)
  const user = context.pool.requireUser(username)
  return { user, group: context.pool.requireGroup(groupName) }
}

/** Adding a member again changes nothing and succeeds. */
export const adminAddUserToGroup: Operation = (context) => {
  const { user, group } = readMembership(context)
  if (context.pool.isMember(group, user)) return {}
  if (context.pool.groupCountOf(user) >= maximumGroupsPerUser) {
    throw cognitoErrors.limitExceeded(`User ${user.username} cannot be added to more than ${maximumGroupsPerUser} groups.`)
  }
  context.pool.addMember(group, user)
  return {}
}

/** Removing a non-member succeeds silently (cognito.md §6: not verified live; the sandbox keeps it idempotent). */
export const adminRemoveUserFromGroup: Operation = (context) => {
  const { user, group } = readMembership(context)
  context.pool.removeMember(group, user)
  return {}
}

export const listUsersInGroup: Operation = (context) => {
  const { reader } = context
  const userPoolId = reader.string('UserPoolId', rules.userPoolId)
  const groupName = reader.string('GroupName', rules.groupName) as string
  const limit = pageSize(reader.integer('Limit', rules.limit))
  const token = reader.string('NextToken', rules.nextToken)
  reader.finish()
  requirePool(context, userPoolId)
  const group = context.pool.requireGroup(groupName)
  const { page, next } = pageOf(context.pool.membersOf(group), token, `members:${group.name}`, limit)
  return { Users: page.map((user) => userType(user)), ...(next ? { NextToken: next } : {}) }
}

export const adminListGroupsForUser: Operation = (context) => {
  const { reader } = context
  const username = reader.string('Username', rules.username) as string
  const userPoolId = reader.string('UserPoolId', rules.userPoolId)
  const limit = pageSize(reader.integer('Limit', rules.limit))
  const token = reader.string('NextToken', rules.nextToken)
  reader.finish()
  requirePool(context, userPoolId)
  const user = context.pool.requireUser(username)
  const { page, next } = pageOf(context.pool.groupsOf(user), token, `groupsOf:${usernameKey(user.username)}`, limit)
  return { Groups: page.map((group) => groupType(group, context.pool.pool.id)), ...(next ? { NextToken: next } : {}) }
}
