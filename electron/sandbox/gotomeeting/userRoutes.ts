import type { RouteTable } from '../framework/RouteTable'
import { byKey } from './GoToAccountDirectory'
import { goToErrors } from './goToErrors'
import { compileFilter, filterParameter, type AttributeReader } from './goToFilter'
import { envelope, parsePageRequest, projection } from './goToPaging'
import type { GoToUserRecord, GoToUserStatus } from './goToRecords'
import { renderUser } from './goToRepresentations'
import { noContent, ok, requireAccount, requireUser, type GoToContext, type GoToHandler, type GoToReply } from './goToRouting'
import { createUsers, updateUser } from './userWrites'

const base = '/admin/rest/v1/accounts/:accountKey/users'

/** Users of the account (coupa-gotomeeting.md B.3). */
export function addUserRoutes(routes: RouteTable<GoToHandler>): void {
  routes
    .add('GET', base, listUsers)
    .add('POST', base, createUsers)
    .add('GET', `${base}/:userKey`, (context) => ok(renderUser(requireUser(context), context.directory)))
    .add('PUT', `${base}/:userKey`, updateUser)
    .add('DELETE', `${base}/:userKey`, deleteUser)
}

/** What `filter=` may name on users (B.2), plus `status`. */
const filterableUserAttributes = ['key', 'email', 'firstName', 'lastName', 'status', 'groupKey']

interface Listed {
  user: GoToUserRecord
  status: GoToUserStatus
}

/**
 * `GET …/users?pageSize=&offset=&filter=&attributes=`, ordered by key (creation order).
 *
 * Deleted users: GoTo remembers them 30 days (a create with their email brings the old account
 * back), and the reference connector must warn before such a create, but GoTo documents no way to
 * read them. Decision: the list answers only the account's users, unless the filter names
 * `status`: then the remembered deleted users are listed too, with status DELETED, so
 * `filter=email eq "x" and status eq "DELETED"` tells a client, before creating, that `x` would
 * bring back a deleted account. A filter on email alone never matches a deleted user.
 */
function listUsers(context: GoToContext): GoToReply {
  requireAccount(context)
  const { directory, query } = context
  const page = parsePageRequest(query)
  const filterText = filterParameter(query, context.request.rawQuery)
  let listed: Listed[] = directory.users().map((user) => ({ user, status: directory.statusOf(user) }))
  if (filterText !== undefined) {
    const filter = compileFilter(filterText, filterableUserAttributes)
    if (filter.attributes.has('status')) {
      const deleted = directory.deletedUsers().map((record): Listed => ({ user: record.user, status: 'DELETED' }))
      listed = [...listed, ...deleted].sort((left, right) => byKey(left.user, right.user))
    }
    listed = listed.filter(({ user, status }) => filter.matches(userReader(user, status)))
  }
  const project = projection(query)
  return ok(
    envelope(listed, page, ({ user, status }) => {
      const rendered = renderUser(user, directory, status)
      return project ? project(rendered) : rendered
    }),
  )
}

function userReader(user: GoToUserRecord, status: GoToUserStatus): AttributeReader {
  return (attribute) => (attribute === 'status' ? status : attribute === 'groupKey' ? (user.groupKey ?? undefined) : (user[attribute as 'key' | 'email' | 'firstName' | 'lastName'] ?? undefined))
}

/**
 * `DELETE …/users/{uk}`: 204, and the user leaves the account — a hard removal, not a suspension
 * (B.3) — while GoTo remembers them for 30 days. The signed-in administrator cannot delete
 * themselves (the account would lose the admin the token belongs to) [INFER].
 */
function deleteUser(context: GoToContext): GoToReply {
  const user = requireUser(context)
  if (user.key === context.directory.adminUserKey) throw goToErrors.cannotDeleteSelf(user.key)
  context.directory.deleteUser(user)
  return noContent()
}
