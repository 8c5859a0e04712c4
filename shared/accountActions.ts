/*
 * The everyday account actions (issue 15): small things a help desk does to one user, each declared
 * by the target's descriptor (on the object type, `accountActions`), offered on the user's panel only
 * while the user's status allows it, confirmed as before → after where it changes state, journaled as
 * an entry whose `action` is the action's id, and refused by main with the reason when the status
 * does not allow it. One generic shape for every target: a connector runs the action by id
 * (`RunsAccountActions` in electron/connectors/Connector.ts), DirectoryService refuses and journals.
 */

/**
 * Every action any target offers, by what it does rather than what the target calls it, so the same
 * id (and journal kind, and Activity word) serves Okta, Cognito and any other target:
 * - `resetPassword`: the target sends the person a way to choose a new password (Okta: a reset
 *   email; Cognito: AdminResetUserPassword's code).
 * - `temporaryPassword`: a one-time temporary password, shown ONCE to the technician in the call's
 *   answer and nowhere else (never journaled, logged or in an event).
 * - `unlock`: ends a lock-out after too many failed sign-ins.
 * - `resetFactors`: removes every enrolled MFA factor; the person enrols again at next sign-in.
 * - `resendActivation`: sends the activation / invitation again (Okta reactivate, Cognito RESEND).
 * - `activate`: activates a user created without activation (Okta STAGED).
 * - `signOutEverywhere`: ends every session (Okta DELETE sessions, Cognito AdminUserGlobalSignOut).
 * - `enable` / `disable`: Cognito's AdminEnableUser / AdminDisableUser as buttons.
 */
export const accountActionIds = [
  'resetPassword',
  'temporaryPassword',
  'unlock',
  'resetFactors',
  'resendActivation',
  'activate',
  'signOutEverywhere',
  'enable',
  'disable',
] as const
export type AccountActionId = (typeof accountActionIds)[number]

/** The words of an action in Activity's filter and anywhere an entry's kind is named. */
export const accountActionWords: Readonly<Record<AccountActionId, string>> = {
  resetPassword: 'Password reset',
  temporaryPassword: 'Temporary password',
  unlock: 'Unlock',
  resetFactors: 'MFA factors reset',
  resendActivation: 'Activation resent',
  activate: 'Activate',
  signOutEverywhere: 'Signed out everywhere',
  enable: 'Enable',
  disable: 'Disable',
}

/**
 * One action as a descriptor declares it (pure data, like the rest of the catalogue). Texts may
 * hold `{name}` (the user's display name) and `{status}` (the status now, in the target's word).
 */
export interface AccountActionDescriptor {
  id: AccountActionId
  /** The panel's button, e.g. "Unlock…" (an ellipsis when it opens a confirmation). */
  label: string
  /**
   * The statuses (the target's own words, as `ObjectStatus.label`) in which the target takes the
   * action. The panel offers it only then; main refuses any other with `notAllowedReason`.
   */
  allowedStatuses: readonly string[]
  /** Why it is not offered, in words: "Okta unlocks only a user whose status is LOCKED_OUT; {name} is {status}." */
  notAllowedReason: string
  /** Whether it changes the user's state: then the confirmation shows `before` → `after`. */
  changesState: boolean
  /**
   * The status the target moves the user to, where it does (Okta unlock: ACTIVE). Journaled as the
   * entry's status change and read back to settle an action whose answer was lost.
   */
  statusAfter?: string | Readonly<Record<string, string>>
  confirmation: {
    title: string
    /** What happens, in words, e.g. "Okta emails {name} a link to choose a new password." */
    words: string
    /** The state shown before → after (only when `changesState`), e.g. Status: {status} → ACTIVE. */
    before?: { label: string; value: string }
    after?: { label: string; value: string }
    /** The confirm button, e.g. "Unlock". */
    confirmLabel: string
  }
  /** Activity's words for the entry: done ("Unlocked {name}") and attempted, after "Could not" ("unlock {name}"). */
  journalWords: { done: string; attempt: string }
  /** True only for `temporaryPassword`: the answer carries a secret shown once. */
  revealsSecret?: boolean
}

/** Main's check, the same rule the panel uses to offer the action: null when allowed, else the reason. */
export function accountActionRefusal(action: AccountActionDescriptor, status: string | null, name: string): string | null {
  if (status !== null && action.allowedStatuses.includes(status)) return null
  return fillAccountActionText(action.notAllowedReason, { name, status: status ?? 'without a status' })
}

/**
 * The status the action moves a user in `before` to: `statusAfter` itself, or its entry for `before`
 * where it depends on it (Cognito's disable: CONFIRMED → "Disabled (CONFIRMED)"); undefined when unknown.
 */
export function statusAfterOf(action: AccountActionDescriptor, before: string | null): string | undefined {
  const after = action.statusAfter
  if (after === undefined || typeof after === 'string') return after
  return before === null ? undefined : after[before]
}

/** The descriptor of action `id` among a type's actions, or undefined when the type does not declare it. */
export function findAccountAction(actions: readonly AccountActionDescriptor[] | undefined, id: string): AccountActionDescriptor | undefined {
  return (actions ?? []).find((action) => action.id === id)
}

export function isAccountActionId(value: string): value is AccountActionId {
  return (accountActionIds as readonly string[]).includes(value)
}

export function fillAccountActionText(text: string, values: { name: string; status: string }): string {
  return text.replaceAll('{name}', values.name).replaceAll('{status}', values.status)
}

/*
 * The contract's input is `accountActionSchema` in shared/directory.ts (an object reference plus
 * `action`), and its answer `AccountActionResult` in shared/contract.ts: both are there, not here,
 * because this file is imported by the catalogue and must import nothing (no import circles).
 */
