import type { AccountActionDescriptor } from '../accountActions'

/*
 * Cognito's everyday account actions (issue 15), as AWS documents them (cognito.md §3). A user's
 * status on the panel is its UserStatus while enabled and "Disabled (<UserStatus>)" while not
 * (electron/connectors/cognito/cognitoMapping.ts), so each action lists the exact words it is
 * offered for, and main refuses any other with the reason before anything is sent.
 */

/** cognito.md §3 UserStatusType. */
const userStatuses = ['UNCONFIRMED', 'CONFIRMED', 'ARCHIVED', 'COMPROMISED', 'UNKNOWN', 'RESET_REQUIRED', 'FORCE_CHANGE_PASSWORD', 'EXTERNAL_PROVIDER'] as const
const disabled = (status: string) => `Disabled (${status})`
const enabledStatuses: readonly string[] = userStatuses
const disabledStatuses: readonly string[] = userStatuses.map(disabled)

export const cognitoAccountActions: readonly AccountActionDescriptor[] = [
  {
    id: 'resetPassword',
    label: 'Reset password…',
    // AdminResetUserPassword: AWS answers NotAuthorizedException "User password cannot be reset in the current
    // state." for a user who never set a password, and "User is disabled." for a disabled one.
    allowedStatuses: ['CONFIRMED', 'RESET_REQUIRED'],
    notAllowedReason:
      'Cognito resets the password only of an enabled user who has set one (CONFIRMED or RESET_REQUIRED); {name} is {status}. ' +
      'AWS answers such a reset "User password cannot be reset in the current state." A user who never set a password gets the invitation again instead (Resend invitation…).',
    changesState: true,
    statusAfter: { CONFIRMED: 'RESET_REQUIRED' },
    confirmation: {
      title: 'Reset password',
      words:
        "Cognito stops {name}'s current password working and sends a code to their verified email address or phone; they choose a new password with it at their next sign-in.",
      before: { label: 'Status', value: '{status}' },
      after: { label: 'Status', value: 'RESET_REQUIRED' },
      confirmLabel: 'Reset password',
    },
    journalWords: { done: "Reset {name}'s password", attempt: "reset {name}'s password" },
  },
  {
    id: 'resendActivation',
    label: 'Resend invitation…',
    // AdminCreateUser with MessageAction RESEND: UnsupportedUserStateException unless FORCE_CHANGE_PASSWORD.
    allowedStatuses: ['FORCE_CHANGE_PASSWORD'],
    notAllowedReason: 'Cognito resends the invitation only to an enabled user still waiting to set their first password (FORCE_CHANGE_PASSWORD); {name} is {status}.',
    changesState: false,
    confirmation: {
      title: 'Resend the invitation',
      words:
        'Cognito sends {name} the invitation again, with a new temporary password, to their email address (and by SMS when they have a phone number). The temporary password sent before stops working.',
      confirmLabel: 'Resend invitation',
    },
    journalWords: { done: 'Resent the invitation to {name}', attempt: 'resend the invitation to {name}' },
  },
  {
    id: 'signOutEverywhere',
    label: 'Sign out everywhere…',
    allowedStatuses: enabledStatuses,
    notAllowedReason: '{name} is {status}: disabling already revoked their tokens in Cognito.',
    changesState: false,
    confirmation: {
      title: 'Sign out everywhere',
      // AdminUserGlobalSignOut revokes ID, access and refresh tokens, not the managed-login cookie.
      words: "Cognito revokes {name}'s ID, access and refresh tokens, so every app signs them out. A hosted sign-in page they still have open may sign them in again.",
      confirmLabel: 'Sign out everywhere',
    },
    journalWords: { done: 'Signed {name} out everywhere', attempt: 'sign {name} out everywhere' },
  },
  {
    id: 'enable',
    label: 'Enable…',
    allowedStatuses: disabledStatuses,
    notAllowedReason: '{name} is already enabled ({status}).',
    changesState: true,
    statusAfter: Object.fromEntries(userStatuses.map((status) => [disabled(status), status])),
    confirmation: {
      title: 'Enable {name}',
      words: 'Cognito lets {name} sign in again. Their groups and attributes were kept while they were disabled.',
      before: { label: 'Status', value: '{status}' },
      after: { label: 'Can sign in', value: 'yes' },
      confirmLabel: 'Enable',
    },
    journalWords: { done: 'Enabled {name}', attempt: 'enable {name}' },
  },
  {
    id: 'disable',
    label: 'Disable…',
    allowedStatuses: enabledStatuses,
    notAllowedReason: '{name} is already disabled ({status}).',
    changesState: true,
    statusAfter: Object.fromEntries(userStatuses.map((status) => [status, disabled(status)])),
    confirmation: {
      title: 'Disable {name}',
      words:
        'Cognito stops {name} signing in and revokes their tokens; their groups and attributes stay. Enable… reverses it. (Deprovision… does the same and also records them for undo.)',
      before: { label: 'Status', value: '{status}' },
      after: { label: 'Status', value: 'Disabled ({status})' },
      confirmLabel: 'Disable',
    },
    journalWords: { done: 'Disabled {name}', attempt: 'disable {name}' },
  },
]
