import type { Attributes } from '../../../shared/directory'
import { userDisplayName } from './goToMapping'
import { findDeletedUser, findUserByEmail } from './goToUserLookup'
import type { GoToContext } from './goToTypes'

const plausibleEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The email a create would send: GoTo's username is the email, so either row gives it. */
function emailOf(context: GoToContext, attributes: Attributes): string | null {
  for (const row of context.users.mapping) {
    const value = attributes[row.scim]
    if (row.native === 'email' && row.access !== 'readOnly' && typeof value === 'string' && plausibleEmail.test(value.trim())) return value.trim()
  }
  return null
}

/**
 * What the person should know before a new user is created (the reference's fifth limitation):
 * GoTo re-activates a deleted user with the same email instead of creating one, and answers an
 * existing email with the existing account. Reads only; nothing is changed.
 */
export async function checkCreateUser(context: GoToContext, attributes: Attributes): Promise<string[]> {
  const email = emailOf(context, attributes)
  if (!email) return []
  const existing = await findUserByEmail(context, email)
  if (existing) {
    return [`${email} already has a GoTo account (${userDisplayName(existing)}). GoTo would answer with that account, so Lanyard will not create a new one: open ${userDisplayName(existing)} instead.`]
  }
  const deleted = await findDeletedUser(context, email)
  if (deleted === 'unknown') {
    return [`GoTo could not say whether ${email} belonged to a deleted user. If it did (within the last 30 days), GoTo re-activates that old account instead of creating a new one.`]
  }
  if (deleted) {
    return [
      `${email} belonged to ${userDisplayName(deleted)}, a user deleted from this GoTo account. GoTo will re-activate that old account (with its old name and group) instead of creating a new one.`,
    ]
  }
  return []
}
