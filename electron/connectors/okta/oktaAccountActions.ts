import type { AccountActionId } from '../../../shared/accountActions'
import { AppError } from '../../errors/AppError'
import type { HttpRequest } from '../../http/types'
import type { AccountActionOutcome } from '../Connector'
import { userPath, type OktaContext } from './oktaTypes'

/*
 * Okta's everyday account actions (okta.md §3.7, okta-management.yaml), one request each. The
 * directory has already refused an action the user's status does not allow; should the status have
 * changed since, Okta refuses (403 E0000038 / E0000032 / E0000016, 400 E0000001) and oktaErrors
 * words it as a conflict. None of these requests is retried: sent twice, an email goes twice and a
 * temporary password is replaced by a second one the technician never saw.
 */
const requests: Record<Exclude<AccountActionId, 'enable' | 'disable'>, (userId: string) => HttpRequest> = {
  resetPassword: (id) => lifecycle(id, 'reset_password', { sendEmail: true }),
  // The spec's expirePasswordAndGetTemporaryPassword: the answer carries `tempPassword`.
  temporaryPassword: (id) => lifecycle(id, 'expire_password_with_temp_password'),
  unlock: (id) => lifecycle(id, 'unlock'),
  resetFactors: (id) => lifecycle(id, 'reset_factors'),
  resendActivation: (id) => lifecycle(id, 'reactivate', { sendEmail: true }),
  activate: (id) => lifecycle(id, 'activate', { sendEmail: true }),
  signOutEverywhere: (id) => ({ method: 'DELETE', path: `${userPath(id)}/sessions` }),
}

function lifecycle(userId: string, operation: string, query?: Record<string, boolean>): HttpRequest {
  return { method: 'POST', path: `${userPath(userId)}/lifecycle/${operation}`, ...(query && { query }) }
}

export async function runOktaAccountAction(context: OktaContext, userId: string, action: AccountActionId, signal?: AbortSignal): Promise<AccountActionOutcome> {
  if (action === 'enable' || action === 'disable') {
    throw new AppError('unsupported', `Okta has no ${action} action in Lanyard: use Deprovision and its undo.`)
  }
  const response = await context.http.request({ ...requests[action](userId), signal })
  if (action !== 'temporaryPassword') return {}
  const temporary = (response.data as { tempPassword?: unknown } | null)?.tempPassword
  if (typeof temporary !== 'string' || temporary === '') {
    throw new AppError('internal', 'Okta expired the password but its answer held no temporary password. Set a temporary password again, or email a reset link.')
  }
  return { oneTimePassword: temporary }
}
