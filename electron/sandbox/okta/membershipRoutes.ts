import type { RouteTable } from '../framework/RouteTable'
import { oktaErrors } from './oktaErrors'
import { linkHeaders, pageById, parseLimit } from './oktaPaging'
import type { OktaGroupRecord } from './oktaRecords'
import { renderGroup, renderUser } from './oktaRepresentations'
import { noContent, ok, type OktaContext, type OktaHandler, type OktaReply } from './oktaRouting'

/** Group membership (okta.md §4.4 and §3.8). */
export function addMembershipRoutes(routes: RouteTable<OktaHandler>): void {
  routes
    .add('GET', '/api/v1/groups/:groupId/users', listMembers)
    .add('PUT', '/api/v1/groups/:groupId/users/:userId', addMember)
    .add('DELETE', '/api/v1/groups/:groupId/users/:userId', removeMember)
    .add('GET', '/api/v1/users/:userId/groups', listUserGroups)
}

/** Default and real maximum 1000 (okta.md §0). */
const memberLimit = 1000

function listMembers(context: OktaContext): OktaReply {
  const { directory, query } = context
  const group = directory.requireGroup(context.params.groupId ?? '')
  const limit = parseLimit(query, memberLimit, memberLimit)
  const page = pageById(directory.membersOf(group), query.get('after'), limit)
  return ok(
    page.items.map((user) => renderUser(user, context.baseUrl, { inCollection: true })),
    { Link: linkHeaders(context.baseUrl, `/api/v1/groups/${group.id}/users`, query, limit, page.nextAfter) },
  )
}

/**
 * Only OKTA_GROUP memberships change through the API: APP_GROUP → 403 E0000006, adding to
 * Everyone → 501 E0000060, removing from it → 403 E0000006 (okta.md §4.1). A repeat add or
 * removing a non-member is a quiet 204 (undocumented; what real Okta is widely seen to do).
 */
function addMember(context: OktaContext): OktaReply {
  const { group, user } = membership(context)
  if (group.type === 'BUILT_IN') throw oktaErrors.unsupportedOperation()
  if (group.type === 'APP_GROUP') throw oktaErrors.forbidden()
  context.directory.addMember(group, user)
  return noContent()
}

function removeMember(context: OktaContext): OktaReply {
  const { group, user } = membership(context)
  if (group.type !== 'OKTA_GROUP') throw oktaErrors.forbidden()
  context.directory.removeMember(group, user)
  return noContent()
}

function membership(context: OktaContext) {
  const group: OktaGroupRecord = context.directory.requireGroup(context.params.groupId ?? '')
  const user = context.directory.userById(context.params.userId ?? '')
  if (!user) throw oktaErrors.notFound(context.params.userId ?? '', 'User')
  return { group, user }
}

/** All of them, Everyone included; Okta's self link shows its default `limit=200` (okta.md §2.2). */
function listUserGroups(context: OktaContext): OktaReply {
  const user = context.directory.requireUser(context.params.userId ?? '')
  const groups = context.directory.groupsOf(user)
  return ok(
    groups.map((group) => renderGroup(group, context.baseUrl)),
    { Link: linkHeaders(context.baseUrl, `/api/v1/users/${user.id}/groups`, context.query, 200, undefined) },
  )
}
