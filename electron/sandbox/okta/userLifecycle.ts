import type { RouteTable } from '../framework/RouteTable'
import { randomAlphanumerics } from '../framework/random'
import { oktaErrors } from './oktaErrors'
import { timestamp, type OktaUserRecord, type OktaUserStatus } from './oktaRecords'
import { renderUser } from './oktaRepresentations'
import { booleanParameter, ok, type OktaContext, type OktaHandler, type OktaReply } from './oktaRouting'

/**
 * The user status machine (okta.md §3.7): `POST /api/v1/users/{id}/lifecycle/{operation}`, no
 * body, 200 `{}` (or a token object / the user where Okta documents one), and Okta's exact error
 * for an operation the current status does not allow.
 */
export function addLifecycleRoutes(routes: RouteTable<OktaHandler>): void {
  routes.add('POST', '/api/v1/users/:userId/lifecycle/:operation', runLifecycleOperation)
}

type Operation = (user: OktaUserRecord, context: OktaContext) => OktaReply

const operations: Record<string, Operation> = {
  activate(user, context) {
    if (user.status !== 'STAGED' && user.status !== 'DEPROVISIONED') throw oktaErrors.alreadyActive()
    const now = timestamp()
    setStatus(user, user.hasPassword ? 'ACTIVE' : 'PROVISIONED', now)
    user.activated = now
    return activationReply(context, booleanParameter(context.query, 'sendEmail', true))
  },
  reactivate(user, context) {
    if (user.status !== 'PROVISIONED' && user.status !== 'RECOVERY') throw oktaErrors.notAllowedInStatus()
    setStatus(user, 'PROVISIONED')
    return activationReply(context, booleanParameter(context.query, 'sendEmail', false))
  },
  deactivate(user) {
    // Undocumented for a user already DEPROVISIONED; okta.md §10 suggests E0000038.
    if (user.status === 'DEPROVISIONED') throw oktaErrors.notAllowedInStatus()
    deactivate(user)
    return ok({})
  },
  suspend(user) {
    // Only ACTIVE users, else 400 E0000001 (the old users reference, quoted in okta.md §3.7).
    if (user.status !== 'ACTIVE') throw oktaErrors.validation('user', ['Cannot suspend a user that is not active'])
    setStatus(user, 'SUSPENDED')
    return ok({})
  },
  unsuspend(user) {
    if (user.status !== 'SUSPENDED') throw oktaErrors.validation('user', ['Cannot unsuspend a user that is not suspended'])
    setStatus(user, 'ACTIVE')
    return ok({})
  },
  unlock(user) {
    if (user.status !== 'LOCKED_OUT') throw oktaErrors.unlockNotAllowed()
    setStatus(user, 'ACTIVE')
    return ok({})
  },
  expire_password(user, context) {
    if (!user.hasPassword || !['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY'].includes(user.status)) throw oktaErrors.notAllowedInStatus()
    setStatus(user, 'PASSWORD_EXPIRED')
    return ok(renderUser(user, context.baseUrl))
  },
  reset_password(user, context) {
    if (!context.query.has('sendEmail')) throw oktaErrors.missingParameter('sendEmail')
    const sendEmail = booleanParameter(context.query, 'sendEmail', true)
    if (user.status === 'STAGED' || user.status === 'DEPROVISIONED' || user.status === 'SUSPENDED') throw oktaErrors.notAllowedInStatus()
    setStatus(user, 'RECOVERY')
    const token = randomAlphanumerics(context.random, 20)
    return ok(sendEmail ? {} : { resetPasswordUrl: `${context.baseUrl}/reset_password/${token}` })
  },
  // The spec's expirePasswordAndGetTemporaryPassword; its example answers `{"tempPassword": "F46gy7X4"}`.
  expire_password_with_temp_password(user, context) {
    if (!user.hasPassword || !['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY'].includes(user.status)) throw oktaErrors.notAllowedInStatus()
    const now = timestamp()
    setStatus(user, 'PASSWORD_EXPIRED', now)
    user.passwordChanged = now
    return ok({ tempPassword: randomAlphanumerics(context.random, 10) })
  },
  reset_factors(user) {
    if (user.status === 'DEPROVISIONED') throw oktaErrors.notAllowedInStatus()
    user.factors = []
    user.lastUpdated = timestamp()
    return ok({})
  },
}

function runLifecycleOperation(context: OktaContext): OktaReply {
  const operation = operations[context.params.operation ?? '']
  if (!operation) throw oktaErrors.pathNotFound()
  return operation(context.directory.requireUser(context.params.userId ?? ''), context)
}

/** With `sendEmail=false` Okta hands back the activation token instead of mailing it. */
function activationReply(context: OktaContext, sendEmail: boolean): OktaReply {
  if (sendEmail) return ok({})
  const token = randomAlphanumerics(context.random, 20)
  return ok({ activationUrl: `${context.baseUrl}/welcome/${token}`, activationToken: token })
}

export function setStatus(user: OktaUserRecord, status: OktaUserStatus, at = timestamp()): void {
  user.status = status
  user.statusChanged = at
  user.lastUpdated = at
}

/** DEPROVISIONED; app assignments go (destructive), group memberships stay (okta.md §3.7). */
export function deactivate(user: OktaUserRecord, at = timestamp()): void {
  setStatus(user, 'DEPROVISIONED', at)
  user.appAssignments = []
}
