import { cognitoErrors } from './cognitoErrors'
import { requirePool, rules, type Operation, type OperationContext } from './cognitoOperation'
import { adminGetUserResponse } from './cognitoRepresentations'
import type { CognitoUserRecord } from './cognitoRecords'
import { passwordProblem } from './passwordPolicy'
import { checkAttributes, missingRequired, requiredAttributeError } from './userAttributes'

/** The one-user operations other than create (cognito.md §3). Every one accepts a username, a verified email alias or a sub. */

/** Reads `UserPoolId` + `Username` (+ whatever `more` reads), validates, and finds the user. */
function readUser<Extra>(context: OperationContext, more: () => Extra = () => undefined as Extra): { user: CognitoUserRecord; extra: Extra } {
  const userPoolId = context.reader.string('UserPoolId', rules.userPoolId)
  const username = context.reader.string('Username', rules.username)
  const extra = more()
  context.reader.finish()
  requirePool(context, userPoolId)
  return { user: context.pool.requireUser(username as string), extra }
}

export const adminGetUser: Operation = (context) => adminGetUserResponse(readUser(context).user)

export const adminDeleteUser: Operation = (context) => {
  context.pool.removeUser(readUser(context).user)
  return {}
}

/** Disabling also revokes the user's tokens (cognito.md §3); memberships and attributes stay. */
export const adminDisableUser: Operation = (context) => {
  const { user } = readUser(context)
  user.enabled = false
  user.tokensRevokedAt = context.now
  user.lastModified = context.now
  return {}
}

export const adminEnableUser: Operation = (context) => {
  const { user } = readUser(context)
  user.enabled = true
  user.lastModified = context.now
  return {}
}

export const adminUserGlobalSignOut: Operation = (context) => {
  const { user } = readUser(context)
  user.signOutCount += 1
  user.tokensRevokedAt = context.now
  return {}
}

/**
 * AdminResetUserPassword: the user's password stops working (RESET_REQUIRED) and a code goes to their
 * verified email, else their verified phone. Refusals as AWS answers them (NotAuthorizedException for a
 * user who never set a password or is disabled; InvalidParameterException with nowhere to send the code).
 */
export const adminResetUserPassword: Operation = (context) => {
  const { user } = readUser(context)
  if (!user.enabled) throw cognitoErrors.notAuthorized('User is disabled.')
  if (user.status === 'FORCE_CHANGE_PASSWORD' || user.status === 'UNCONFIRMED') throw cognitoErrors.notAuthorized('User password cannot be reset in the current state.')
  const medium = user.attributes.email && user.attributes.email_verified === 'true' ? 'EMAIL' : user.attributes.phone_number && user.attributes.phone_number_verified === 'true' ? 'SMS' : null
  if (!medium) throw cognitoErrors.invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number')
  user.status = 'RESET_REQUIRED'
  user.lastModified = context.now
  context.deliveries.push({ username: user.username, mediums: [medium], kind: 'reset' })
  return {}
}

/** Permanent → CONFIRMED, temporary → FORCE_CHANGE_PASSWORD; a password that breaks the policy changes nothing. */
export const adminSetUserPassword: Operation = (context) => {
  const { user, extra } = readUser(context, () => ({
    password: context.reader.string('Password', rules.password),
    permanent: context.reader.boolean('Permanent') ?? false,
  }))
  const problem = passwordProblem(context.pool.pool.passwordPolicy, extra.password as string)
  if (problem) throw cognitoErrors.invalidPassword(problem)
  user.status = extra.permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD'
  user.lastModified = context.now
  return {}
}

/**
 * A blank value deletes the attribute. Changing `email` (or `phone_number`) without sending its
 * `*_verified` flag in the same call leaves it unverified (decision: the sandbox pool does not keep
 * the old value until verification; cognito.md §3). A verified email another user holds as alias
 * is `AliasExistsException`.
 */
export const adminUpdateUserAttributes: Operation = (context) => {
  const { user, extra: attributes } = readUser(context, () => context.reader.attributes('UserAttributes', true) ?? [])
  checkAttributes(attributes, 'update')
  const before = { ...user.attributes }
  const next = { ...before }
  for (const { Name: name, Value: value } of attributes) {
    if (value === '') delete next[name]
    else next[name] = value
  }
  const sent = new Set(attributes.map((attribute) => attribute.Name))
  for (const [contact, flag] of [
    ['email', 'email_verified'],
    ['phone_number', 'phone_number_verified'],
  ] as const) {
    if (next[contact] === before[contact] || sent.has(flag)) continue
    if (next[contact] === undefined) delete next[flag]
    else next[flag] = 'false'
  }
  const missing = missingRequired(next)
  if (missing) throw requiredAttributeError(missing)
  if (next.email_verified === 'true' && next.email) {
    const owner = context.pool.aliasOwner(next.email)
    if (owner && owner !== user) throw cognitoErrors.aliasExists()
  }
  user.attributes = next
  user.lastModified = context.now
  context.pool.attributesChanged(user, before)
  return {}
}
