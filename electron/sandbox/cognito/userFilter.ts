import { cognitoErrors } from './cognitoErrors'
import type { CognitoUserRecord } from './cognitoRecords'
import { searchableAttributes } from './userAttributes'

/**
 * ListUsers' `Filter` (cognito.md §3): `AttributeName Filter-Type "Value"`, one attribute, `=`
 * (exact) or `^=` (prefix), the value in double quotes with `\"` and `\\` escaped. An empty
 * filter matches everyone.
 *
 * Decisions where the document is thin:
 * - Spaces around the operator are optional (`email="x"` works): AWS's examples use spaces but
 *   do not require them, and other emulators (moto) accept both.
 * - `cognito:user_status` compares without case (documented); `username` and `status` with case
 *   (documented); the other attributes compare exactly too.
 * - `status` takes `Enabled` or `Disabled` (documented); any other value matches nobody.
 */

export interface UserFilter {
  attribute: (typeof searchableAttributes)[number]
  prefix: boolean
  value: string
}

const shape = /^\s*([^\s=^"]+)\s*(\^=|=)\s*"((?:[^"\\]|\\.)*)"\s*$/

export function parseUserFilter(text: string | undefined): UserFilter | undefined {
  if (text === undefined || text.trim() === '') return undefined
  const match = shape.exec(text)
  if (!match) throw cognitoErrors.invalidParameter('Error while parsing filter')
  const [, attribute = '', operator, rawValue = ''] = match
  if (!(searchableAttributes as readonly string[]).includes(attribute)) throw cognitoErrors.invalidParameter(`Invalid search attribute: ${attribute}`)
  return { attribute: attribute as UserFilter['attribute'], prefix: operator === '^=', value: rawValue.replace(/\\(.)/g, '$1') }
}

export function matchesFilter(user: CognitoUserRecord, filter: UserFilter): boolean {
  const compare = (actual: string | undefined, ignoreCase = false): boolean => {
    if (actual === undefined) return false
    const left = ignoreCase ? actual.toLowerCase() : actual
    const right = ignoreCase ? filter.value.toLowerCase() : filter.value
    return filter.prefix ? left.startsWith(right) : left === right
  }
  switch (filter.attribute) {
    case 'username':
      return compare(user.username)
    case 'cognito:user_status':
      return compare(user.status, true)
    case 'status':
      return compare(user.enabled ? 'Enabled' : 'Disabled')
    default:
      return compare(user.attributes[filter.attribute])
  }
}
