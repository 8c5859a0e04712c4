import { lineText } from './text'

/*
 * Who and why: a deprovision and an offboarding may carry a ticket number or a few words of reason,
 * journaled with the change, shown and searched in Activity and exported. Deprovisioning the account
 * a profile signs in with also needs a stated reason (the override). Both are one line, trimmed, short
 * enough to read in a row: the ticket itself holds the rest.
 */

export const maxReasonLength = 500

const tooLong = `Keep it under ${maxReasonLength} characters: the ticket itself can hold the rest.`

/** Optional: blank is none (absent from the journal rather than empty). */
export const changeReasonSchema = lineText()
  .trim()
  .max(maxReasonLength, tooLong)
  .transform((reason) => (reason === '' ? undefined : reason))
  .optional()

/** The stated reason to deprovision the profile's own account anyway: required once the override is asked for. */
export const ownAccountOverrideSchema = lineText()
  .trim()
  .min(1, 'State why the account this profile signs in with should be deprovisioned anyway, or leave it active.')
  .max(maxReasonLength, tooLong)
