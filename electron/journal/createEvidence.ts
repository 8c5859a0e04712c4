import type { IntentRecord } from './journalRecord'

/**
 * What the journal knows that settling a create needs beyond the target: an object can be made by
 * one attempt only, so two entries never claim the same one, and a second unsettled create of the
 * same name could have made it as well.
 */
export interface CreateEvidence {
  /** The id the target gave this create, when the journal learnt it before the answer was lost. */
  knownId: string | null
  /** The other entry recorded as having made this object, if any. */
  claimOf(objectId: string): string | null
  /** Other creates of the same name whose outcome is not known (pending, or "could not tell"). */
  rivals: readonly IntentRecord[]
}

export const noEvidence: CreateEvidence = { knownId: null, claimOf: () => null, rivals: [] }

/** The unique name a create asked for: the username where there is one, else the object's name. */
export function createdName(intent: IntentRecord): string {
  return userNameOf(intent) ?? intent.target.name
}

export function userNameOf(intent: IntentRecord): string | null {
  const userName = intent.changes.find((change) => change.attribute === 'userName')?.after
  return typeof userName === 'string' && userName !== '' ? userName : null
}
