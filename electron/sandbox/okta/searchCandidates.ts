import { PrefixIndex, unionInOrder } from '../framework/PrefixIndex'
import type { OktaUserRecord } from './oktaRecords'
import type { Expression } from './searchExpression'

/** The profile attributes Okta indexes for prefix search (okta.md §3.4: `sw` and `co` on these). */
const indexedAttributes = new Set(['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login'])

/** One index over the four names, as a search box's `sw` over them asks all four with one text. */
export function userNameIndex(users: () => readonly OktaUserRecord[]): PrefixIndex<OktaUserRecord> {
  return new PrefixIndex(users, (user) => [user.profile.firstName, user.profile.lastName, user.profile.email, user.profile.login])
}

/**
 * The users (sorted by id) an expression can match, read from the name index; null when it does
 * not narrow through the index (a status, a date, `not`, `co`), and everyone must be read. Every
 * match is among them: `sw` and `eq` on a name imply its prefix, either side of an `or` is taken,
 * and of an `and` the narrower side that narrows.
 */
export function candidateUsers(expression: Expression, index: PrefixIndex<OktaUserRecord>): readonly OktaUserRecord[] | null {
  switch (expression.kind) {
    case 'compare': {
      const { attribute, operator, value } = expression
      if (!indexedAttributes.has(attribute) || (operator !== 'sw' && operator !== 'eq') || typeof value !== 'string') return null
      return index.startingWith(value)
    }
    case 'or': {
      const left = candidateUsers(expression.left, index)
      const right = left && candidateUsers(expression.right, index)
      return left && right && unionInOrder(left, right, (a, b) => a.id < b.id)
    }
    case 'and': {
      const left = candidateUsers(expression.left, index)
      const right = candidateUsers(expression.right, index)
      if (!left || !right) return left ?? right
      return left.length <= right.length ? left : right
    }
    default:
      return null
  }
}
