import { cognitoErrors } from './cognitoErrors'
import { requirePool, rules, type Operation, type OperationContext } from './cognitoOperation'
import type { CognitoUserRecord } from './cognitoRecords'
import { userType } from './cognitoRepresentations'
import { passwordProblem } from './passwordPolicy'
import { checkAttributes, missingRequired, requiredAttributeError } from './userAttributes'

/**
 * AdminCreateUser (cognito.md §3). The new user is FORCE_CHANGE_PASSWORD and enabled; unless
 * MessageAction is SUPPRESS an invitation goes out by DesiredDeliveryMediums (default SMS). The
 * temporary password and the mediums are stored nowhere readable: nothing answers them back.
 *
 * Quirk kept on purpose (Lanyard's connector reference, Cognito limitations): a TemporaryPassword
 * that breaks the pool's policy answers InvalidPasswordException, yet the user IS created.
 */
export const adminCreateUser: Operation = (context) => {
  const { reader } = context
  const userPoolId = reader.string('UserPoolId', rules.userPoolId)
  const username = reader.string('Username', rules.username) as string
  const attributes = reader.attributes('UserAttributes') ?? []
  reader.attributes('ValidationData')
  const temporaryPassword = reader.string('TemporaryPassword', { ...rules.password, required: false })
  const forceAliasCreation = reader.boolean('ForceAliasCreation') ?? false
  const messageAction = reader.string('MessageAction', { values: ['RESEND', 'SUPPRESS'] })
  const mediums = reader.stringList('DesiredDeliveryMediums', { values: ['SMS', 'EMAIL'] }) ?? ['SMS']
  reader.finish()
  requirePool(context, userPoolId)

  if (messageAction === 'RESEND') return resendInvitation(context, username, mediums, temporaryPassword)

  // The pool signs in with an email alias, so a username may not look like an email.
  if (/^[^@\s]+@[^@\s]+$/.test(username)) throw cognitoErrors.invalidParameter('Username cannot be of email format, since user pool is configured for email alias.')
  if (context.pool.userWithUsername(username)) throw cognitoErrors.usernameExists()
  checkAttributes(attributes, 'create')
  const values: Record<string, string> = {}
  for (const { Name: name, Value: value } of attributes) if (value !== '') values[name] = value
  const missing = missingRequired(values)
  if (missing) throw requiredAttributeError(missing)
  if (messageAction !== 'SUPPRESS') requireDeliveryAttributes(values, mediums)
  if (values.email_verified === 'true' && values.email) {
    const owner = context.pool.aliasOwner(values.email)
    if (owner && !forceAliasCreation) throw cognitoErrors.aliasExists()
    // ForceAliasCreation moves the alias: the other user's email is no longer verified.
    if (owner) takeAliasFrom(context, owner)
  }

  const user: CognitoUserRecord = {
    sequence: context.pool.newSequence(),
    username,
    attributes: { sub: context.newSub(), ...values },
    enabled: true,
    status: 'FORCE_CHANGE_PASSWORD',
    created: context.now,
    lastModified: context.now,
    signOutCount: 0,
    tokensRevokedAt: null,
  }
  context.pool.addUser(user)
  if (messageAction !== 'SUPPRESS') context.deliveries.push({ username, mediums, kind: 'invitation' })
  const problem = temporaryPassword === undefined ? undefined : passwordProblem(context.pool.pool.passwordPolicy, temporaryPassword)
  if (problem) throw cognitoErrors.invalidPassword(problem)
  return { User: userType(user) }
}

/** RESEND: only for an existing user still waiting to set a password; resets the temporary password. */
function resendInvitation(context: OperationContext, username: string, mediums: string[], temporaryPassword: string | undefined) {
  const user = context.pool.requireUser(username)
  if (user.status !== 'FORCE_CHANGE_PASSWORD') throw cognitoErrors.unsupportedUserState(`Resend not possible. ${user.username} status is not FORCE_CHANGE_PASSWORD`)
  const problem = temporaryPassword === undefined ? undefined : passwordProblem(context.pool.pool.passwordPolicy, temporaryPassword)
  if (problem) throw cognitoErrors.invalidPassword(problem)
  requireDeliveryAttributes(user.attributes, mediums)
  user.lastModified = context.now
  context.deliveries.push({ username: user.username, mediums, kind: 'resend' })
  return { User: userType(user) }
}

/**
 * EMAIL needs an `email`, SMS a `phone_number` (cognito.md §3). Decision: a missing one is refused
 * before anything is created (the document does not say whether AWS keeps the user).
 */
function requireDeliveryAttributes(values: Record<string, string>, mediums: string[]): void {
  for (const medium of mediums) {
    const attribute = medium === 'EMAIL' ? 'email' : 'phone_number'
    if (!values[attribute]) throw cognitoErrors.invalidParameter(`User has no attribute matching desired delivery mediums: ${attribute} is needed for ${medium}.`)
  }
}

function takeAliasFrom(context: OperationContext, owner: CognitoUserRecord): void {
  const before = { ...owner.attributes }
  owner.attributes = { ...owner.attributes, email_verified: 'false' }
  owner.lastModified = context.now
  context.pool.attributesChanged(owner, before)
}
