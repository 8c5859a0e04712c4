import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import { fieldProblem } from '../../../shared/directoryValidation'
import { refuseProblems } from '../../errors/AppError'

/*
 * The adapter's own guard on the user fields GoTo validates (locale, time zone), for writes that
 * do not come through the directory service's checks (finishing a change, an undo). The rules are
 * the descriptor's, checked by the shared field checks: one definition for the form, main and here.
 */

const checkedFields = ['locale', 'timeZone']

/**
 * Refuses a locale or time zone GoTo would not take, and clearing either (GoTo always keeps one).
 * Messages are keyed by the SCIM path of the field's mapping row, where the form shows them.
 */
export function checkUserFields(users: ObjectTypeDescriptor, native: Record<string, unknown>): void {
  const problems: Record<string, string> = {}
  for (const field of checkedFields) {
    if (!(field in native)) continue
    const value = native[field]
    const path = users.mapping.find((row) => row.native === field)?.scim ?? field
    const problem = typeof value === 'string' || value === null ? fieldProblem(users, path, value) : `${path} takes one value.`
    if (problem) problems[path] = problem
  }
  refuseProblems(problems, 'Nothing was sent')
}
