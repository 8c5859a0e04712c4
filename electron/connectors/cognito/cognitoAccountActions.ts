import type { AccountActionId } from '../../../shared/accountActions'
import { AppError } from '../../errors/AppError'
import type { AccountActionOutcome } from '../Connector'
import type { CognitoContext } from './cognitoTypes'
import { fetchUser } from './cognitoUsers'

/*
 * Cognito's everyday account actions (issue 15; cognito.md §3), one request each but the resend:
 * - resetPassword: AdminResetUserPassword. The user's password stops working (RESET_REQUIRED) and
 *   Cognito sends a code to their verified email or phone. AWS refuses a user who never set a
 *   password (FORCE_CHANGE_PASSWORD, UNCONFIRMED) or is disabled with NotAuthorizedException,
 *   which cognitoErrors reads as a conflict in AWS's words.
 * - resendActivation: AdminCreateUser with MessageAction RESEND, which sends the invitation again
 *   with a new temporary password (UnsupportedUserStateException unless FORCE_CHANGE_PASSWORD).
 *   It goes where the user can receive it: the user is read first for their email and phone
 *   (Cognito's default medium is SMS, which a user without a phone number cannot get).
 * - signOutEverywhere: AdminUserGlobalSignOut (revokes the ID, access and refresh tokens).
 * - enable / disable: AdminEnableUser / AdminDisableUser.
 * The directory has already refused what the user's status does not allow; these are what the
 * target says when the state changed in between.
 */

const cognitoActions: ReadonlySet<AccountActionId> = new Set(['resetPassword', 'resendActivation', 'signOutEverywhere', 'enable', 'disable'])

export async function runAccountAction(context: CognitoContext, userId: string, action: AccountActionId): Promise<AccountActionOutcome> {
  if (!cognitoActions.has(action)) throw new AppError('unsupported', `Cognito has no "${action}" action for a user.`)
  switch (action) {
    case 'resetPassword':
      await context.api.resetUserPassword(userId)
      return {}
    case 'resendActivation': {
      const user = await fetchUser(context, userId)
      await context.api.createUser({ Username: user.username, MessageAction: 'RESEND', DesiredDeliveryMediums: invitationMediums(user.username, user.attributes) })
      return {}
    }
    case 'signOutEverywhere':
      await context.api.globalSignOut(userId)
      return {}
    case 'enable':
      await context.api.enableUser(userId)
      return {}
    default:
      await context.api.disableUser(userId)
      return {}
  }
}

/** EMAIL when the user has an email, SMS when a phone number, both when both; refused when neither. */
export function invitationMediums(username: string, attributes: Readonly<Record<string, string>>): ('EMAIL' | 'SMS')[] {
  const mediums: ('EMAIL' | 'SMS')[] = []
  if (attributes.email) mediums.push('EMAIL')
  if (attributes.phone_number) mediums.push('SMS')
  if (mediums.length > 0) return mediums
  throw new AppError('conflict', `Nothing was sent: ${username} has no email address or phone number for Cognito to send the invitation to. Add one in Edit, then resend.`)
}
