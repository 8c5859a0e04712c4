import type { ObjectTypeDescriptor } from '../../shared/catalogue'
import { AppError } from '../errors/AppError'

/** A new user's password has no mapping row: it is the form's `password` field on every target. */
const passwordField = 'password'

/**
 * The form's path of one of the target's attribute names: its row's SCIM path. Where two rows
 * share the name (GoTo's `email` is the username and the email), the one the person changed.
 */
function formPath(objectType: ObjectTypeDescriptor, targetName: string, sent: readonly string[]): string | undefined {
  if (targetName === passwordField) return passwordField
  const rows = objectType.mapping.filter((row) => row.native === targetName)
  return (rows.find((row) => sent.includes(row.scim)) ?? rows.find((row) => row.access !== 'readOnly') ?? rows[0])?.scim
}

/**
 * A target's refusal of a create or an update, with the fields it named (by the target's own
 * attribute names, `profile.title`) turned into the form's paths (`title`), so the form marks the
 * refused field where it is rather than only in the banner above. A name no row of the object
 * type has is left to the message; a field the adapter itself already named keeps its message.
 * `sent`: the paths the create or update sent.
 */
export function withFormFields(objectType: ObjectTypeDescriptor, error: unknown, sent: readonly string[] = []): unknown {
  if (!(error instanceof AppError) || !error.extra.targetFields) return error
  const fields: Record<string, string> = {}
  for (const [targetName, message] of Object.entries(error.extra.targetFields)) {
    const path = formPath(objectType, targetName, sent)
    if (path) fields[path] ??= message
  }
  const { targetFields: _read, ...extra } = error.extra
  const merged = { ...fields, ...extra.fields }
  return new AppError(error.code, error.message, { ...extra, ...(Object.keys(merged).length > 0 ? { fields: merged } : {}), cause: error })
}
