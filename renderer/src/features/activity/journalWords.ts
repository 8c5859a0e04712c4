import { accountActionWords } from '../../../../shared/accountActions'
import { getDescriptor } from '../../../../shared/catalogue'
import { localDateTime } from '../../../../shared/dates'
import type { ConnectorId } from '../../../../shared/catalogue/types'
import type { ChainVerification, JournalAction, JournalEntry, OutcomeStatus } from '../../../../shared/journal'

/** Words for journal entries in the Activity view and the start-up banner. */

export const actionLabels: Record<JournalAction, string> = {
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  addMember: 'Add to group',
  removeMember: 'Remove from group',
  deprovision: 'Deprovision',
  undoDeprovision: 'Undo deprovision',
  ...accountActionWords,
  assignLicense: 'Assign licence',
  removeLicense: 'Remove licence',
}

export interface OutcomeLook {
  label: string
  tone: 'ok' | 'danger' | 'warning' | 'neutral'
}

export const outcomeLooks: Record<OutcomeStatus, OutcomeLook> = {
  applied: { label: 'Applied', tone: 'ok' },
  failed: { label: 'Failed', tone: 'danger' },
  partial: { label: 'Partly applied', tone: 'warning' },
  // An intent without an outcome: the change was under way when Lanyard stopped.
  pending: { label: 'Unfinished', tone: 'neutral' },
  // Settled by reading the target, which fits this change and another cause alike.
  undetermined: { label: 'Could not tell', tone: 'warning' },
}

/** Local, readable time: the one format of shared/dates.ts. */
export const readableTime = localDateTime

export function connectorLabel(connectorId: ConnectorId): string {
  return getDescriptor(connectorId).label
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** One sentence for the Verify button's result. */
export function verificationMessage(verification: ChainVerification): string {
  const checked = plural(verification.records, 'record')
  if (verification.intact && !verification.problem) return `Journal intact — ${checked} checked.`
  if (!verification.problem) return `The journal's chain does not hold (${checked} checked). Ask support to look at the journal file.`
  return (
    `The journal's chain breaks at line ${verification.problem.line}: ${verification.problem.reason}. ` +
    `Entries from that line on cannot be trusted as recorded (${checked} checked). ` +
    'Leave the journal file as it is and ask support to look at it.'
  )
}

/** "Deprovision of Ada Lovelace in Okta prod" — how the banner names an entry. */
export function entryHeadline(entry: JournalEntry): string {
  return `${actionLabels[entry.action]} — ${entry.target.name} in ${entry.profileName}`
}
