import { pageSize, requirePool, rules, type Operation } from './cognitoOperation'
import { decodeToken, encodeToken, indexAfter } from './cognitoPaging'
import { userType } from './cognitoRepresentations'
import { patterns } from './RequestReader'
import { matchesFilter, parseUserFilter } from './userFilter'

/**
 * Users examined per ListUsers call when a Filter on a status is given. Cognito warns that a page
 * may hold fewer users than Limit, even none, while more remain (cognito.md §2); the sandbox makes
 * that happen every time a status is filtered on: each call scans this window of the pool past the
 * cursor and answers the matches in it, with a token while any of the pool is left unscanned. A
 * client that stops at a short page loses users, as it would against AWS. A filter on an indexed
 * attribute (a name, email, username…) is answered from the index in full pages.
 */
export const filterScanWindow = 60

export const listUsers: Operation = (context) => {
  const { reader } = context
  const userPoolId = reader.string('UserPoolId', rules.userPoolId)
  const attributesToGet = reader.stringList('AttributesToGet', { min: 1, max: 32, pattern: patterns.attributeName })
  const limit = pageSize(reader.integer('Limit', rules.limit))
  const token = reader.string('PaginationToken', { min: 1, pattern: patterns.token })
  const filterText = reader.string('Filter', { max: 256 })
  reader.finish()
  requirePool(context, userPoolId)
  const filter = parseUserFilter(filterText)

  // An indexed attribute: only the users it matches are read, so a narrow filter costs what a broad one does.
  const matching = filter && context.pool.filterIndex.matching(filter)
  if (matching) {
    const from = indexAfter(matching, decodeToken(token, 'users'))
    const found = matching.slice(from, from + limit)
    const last = found.at(-1)
    const more = from + limit < matching.length && last !== undefined
    return { Users: found.map((user) => userType(user, attributesToGet)), ...(more ? { PaginationToken: encodeToken('users', last.sequence) } : {}) }
  }
  const users = context.pool.users()
  const start = indexAfter(users, decodeToken(token, 'users'))
  const scanEnd = filter ? Math.min(users.length, start + filterScanWindow) : users.length
  const page = []
  let index = start
  for (; index < scanEnd && page.length < limit; index++) {
    const user = users[index]
    if (user && (!filter || matchesFilter(user, filter))) page.push(userType(user, attributesToGet))
  }
  const lastScanned = users[index - 1]
  const more = index < users.length && lastScanned !== undefined
  return { Users: page, ...(more ? { PaginationToken: encodeToken('users', lastScanned.sequence) } : {}) }
}
