import type { LanyardError } from '../../../../../shared/errors'
import type { ConfirmationRequest, NoteQuestion } from '../../../stores/ui'

/*
 * Who and why, in a deprovision's confirmation: an optional ticket or reason, journaled with it
 * and searchable in Activity; and, when main refused the account the profile signs in with, the
 * override, which goes ahead only with a stated reason.
 */

export const ticketOrReason: NoteQuestion = {
  label: 'Ticket or reason (optional)',
  help: 'A ticket number or a few words, kept with the change in Activity and its export, e.g. "INC-4711 leaver".',
  required: false,
}

/** Main's refusal of the profile's own account (DeprovisionService): the one refusal the panel offers to override. */
export function isOwnAccountRefusal(error: LanyardError | null): boolean {
  return error?.code === 'conflict' && error.details?.refusal === 'own_account'
}

export function ownAccountOverridePlan(displayName: string, profileName: string): { request: ConfirmationRequest; note: NoteQuestion } {
  return {
    request: {
      title: `Deprovision ${displayName} anyway?`,
      message:
        `${displayName} is the account the profile "${profileName}" signs in with. Once deprovisioned, Lanyard may not reach the target again, ` +
        'not even to undo this: someone will have to restore the account in the target itself.',
      confirmLabel: 'Deprovision anyway',
      danger: true,
    },
    note: {
      label: 'Why must it go anyway?',
      help: 'Required. Kept in the journal with the change, e.g. "The token was moved to the new admin account first".',
      required: true,
    },
  }
}
