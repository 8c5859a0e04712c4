import type { AccountActionDescriptor } from '../accountActions'

/*
 * Okta's everyday account actions (issue 15), from okta.md §3.7 and okta-management.yaml. Each
 * is offered in the statuses Okta documents for it (or, where it documents none, the statuses in
 * which the person can sign in), and the sandbox tenant refuses the others as Okta does.
 */

/** The statuses of someone who has signed in before and may again: a password to reset, sessions, factors. */
const canSignIn = ['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY'] as const

export const oktaAccountActions: readonly AccountActionDescriptor[] = [
  {
    id: 'resetPassword',
    label: 'Email a password reset link…',
    allowedStatuses: canSignIn,
    notAllowedReason: 'Okta resets the password of someone who can sign in (ACTIVE, PASSWORD_EXPIRED, LOCKED_OUT or RECOVERY); {name} is {status}.',
    changesState: true,
    statusAfter: 'RECOVERY',
    confirmation: {
      title: 'Email a password reset link',
      words: 'Okta emails {name} a one-time link to choose a new password. Until they use it they cannot sign in with the old one.',
      before: { label: 'Status', value: '{status}' },
      after: { label: 'Status', value: 'RECOVERY (until they choose a new password)' },
      confirmLabel: 'Email the link',
    },
    journalWords: { done: 'Emailed {name} a password reset link', attempt: 'email {name} a password reset link' },
  },
  {
    id: 'temporaryPassword',
    label: 'Set a temporary password…',
    allowedStatuses: ['ACTIVE', 'PASSWORD_EXPIRED', 'RECOVERY'],
    notAllowedReason: 'Okta sets a temporary password only for someone who can sign in with a password (ACTIVE, PASSWORD_EXPIRED or RECOVERY); {name} is {status}.',
    changesState: true,
    statusAfter: 'PASSWORD_EXPIRED',
    confirmation: {
      title: 'Set a temporary password',
      words:
        'Okta replaces the password of {name} with a temporary one, shown to you once, here only: Lanyard does not keep it. They must choose a new password when they next sign in.',
      before: { label: 'Status', value: '{status}' },
      after: { label: 'Status', value: 'PASSWORD_EXPIRED (a new password at next sign-in)' },
      confirmLabel: 'Set a temporary password',
    },
    journalWords: { done: 'Gave {name} a temporary password (not recorded)', attempt: 'give {name} a temporary password' },
    revealsSecret: true,
  },
  {
    id: 'unlock',
    label: 'Unlock…',
    allowedStatuses: ['LOCKED_OUT'],
    notAllowedReason: 'Okta unlocks only a user who is LOCKED_OUT; {name} is {status}.',
    changesState: true,
    statusAfter: 'ACTIVE',
    confirmation: {
      title: 'Unlock',
      words: '{name} can sign in again with their current password.',
      before: { label: 'Status', value: '{status}' },
      after: { label: 'Status', value: 'ACTIVE' },
      confirmLabel: 'Unlock',
    },
    journalWords: { done: 'Unlocked {name}', attempt: 'unlock {name}' },
  },
  {
    id: 'resetFactors',
    label: 'Reset MFA factors…',
    allowedStatuses: canSignIn,
    notAllowedReason: 'Okta resets the MFA factors of someone who can sign in (ACTIVE, PASSWORD_EXPIRED, LOCKED_OUT or RECOVERY); {name} is {status}.',
    changesState: true,
    confirmation: {
      title: 'Reset MFA factors',
      words: 'Okta removes every MFA factor {name} has enrolled; they set up MFA again at their next sign-in. Their status stays {status}.',
      before: { label: 'MFA factors', value: 'as enrolled now' },
      after: { label: 'MFA factors', value: 'none (enrolled again at next sign-in)' },
      confirmLabel: 'Reset MFA factors',
    },
    journalWords: { done: 'Reset the MFA factors of {name}', attempt: 'reset the MFA factors of {name}' },
  },
  {
    id: 'resendActivation',
    label: 'Resend activation email…',
    allowedStatuses: ['PROVISIONED'],
    notAllowedReason: 'Okta resends the activation email only to a user who has not finished activating (PROVISIONED); {name} is {status}.',
    changesState: false,
    confirmation: {
      title: 'Resend activation email',
      words: 'Okta emails {name} a new activation link; the link sent before stops working.',
      confirmLabel: 'Resend',
    },
    journalWords: { done: 'Resent the activation email to {name}', attempt: 'resend the activation email to {name}' },
  },
  {
    id: 'activate',
    label: 'Activate…',
    allowedStatuses: ['STAGED'],
    notAllowedReason: 'Okta activates only a user created without activation (STAGED); {name} is {status}.',
    changesState: true,
    confirmation: {
      title: 'Activate',
      words: 'Okta activates {name} and emails them an activation link. With a password already set they are ACTIVE at once.',
      before: { label: 'Status', value: '{status}' },
      after: { label: 'Status', value: 'PROVISIONED (ACTIVE if they have a password)' },
      confirmLabel: 'Activate',
    },
    journalWords: { done: 'Activated {name}', attempt: 'activate {name}' },
  },
  {
    id: 'signOutEverywhere',
    label: 'Clear sessions…',
    allowedStatuses: canSignIn,
    notAllowedReason: 'Only someone who can sign in (ACTIVE, PASSWORD_EXPIRED, LOCKED_OUT or RECOVERY) has Okta sessions to clear; {name} is {status}.',
    changesState: true,
    confirmation: {
      title: 'Clear sessions',
      words: 'Okta ends every Okta session of {name} and forgets their remembered devices; they sign in again, with MFA, on each. Sessions apps keep themselves are not ended.',
      before: { label: 'Okta sessions', value: 'signed in where they are' },
      after: { label: 'Okta sessions', value: 'none (signed out everywhere)' },
      confirmLabel: 'Clear sessions',
    },
    journalWords: { done: 'Cleared the Okta sessions of {name}', attempt: 'clear the Okta sessions of {name}' },
  },
]
