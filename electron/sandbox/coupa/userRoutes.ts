import type { RouteTable } from '../framework/RouteTable'
import { coupaErrors } from './coupaErrors'
import { listPage, parseListParameters, readJsonPath, type Filter, type PathReader } from './coupaQuery'
import { coupaTimestamp, type CoupaUserRecord } from './coupaRecords'
import { renderContentGroup } from './coupaRepresentations'
import { objectBody, shapeRecords, type CoupaContext, type CoupaHandler, type CoupaReply } from './coupaRouting'
import type { AttributeSource } from './fieldsProjection'
import { renderUser, renderUserAttribute, userAssociationReferences, userAttributeNames, userTextColumn } from './userRepresentation'
import { createUserRecord, updateUserRecord } from './userWrites'

/**
 * Users (coupa-gotomeeting.md A.4): index, show, create (201), update by PUT or PATCH (partial),
 * and the content-group add/remove actions (A.5). There is no DELETE: deprovisioning is
 * `active: false`, and inactive users stay in every answer.
 */
export function addUserRoutes(routes: RouteTable<CoupaHandler>): void {
  routes
    .add('GET', '/api/users', listUsers)
    .add('POST', '/api/users', createUser)
    .add('GET', '/api/users/:userId', getUser)
    .add('PUT', '/api/users/:userId', updateUser)
    .add('PATCH', '/api/users/:userId', updateUser)
    .add('GET', '/api/users/:userId/business_groups', listUserContentGroups)
    .add('PUT', '/api/users/:userId/business_groups/:groupId/:action', changeUserContentGroup)
}

/** Renders only the attribute a filter or order names (lists of 100,000 users are filtered in place). */
function userReader(context: CoupaContext): PathReader<CoupaUserRecord> {
  return (user, path) => {
    const [first = '', ...rest] = path
    const references = rest.length === 1 ? userAssociationReferences(user, first, rest[0] as string, context.directory) : undefined
    if (references) return references
    const value = renderUserAttribute(user, first, context.embedded)
    return value === undefined ? 'unknown' : readJsonPath(value, rest)
  }
}

/** Users as answered: rendered attribute by attribute, so `fields` renders only what it selects. */
function userSource(context: CoupaContext): AttributeSource<CoupaUserRecord> {
  return {
    names: userAttributeNames,
    attribute: (user, name) => renderUserAttribute(user, name, context.embedded),
    whole: (user) => renderUser(user, context.embedded),
  }
}

/** How this request answers a user (`return_object`, `fields`); one function for every row. */
function userAnswer(context: CoupaContext, write: boolean): (user: CoupaUserRecord) => unknown {
  return shapeRecords(context, userSource(context), write)
}

/** The Users page's `status=active` (A.3) is the `active` flag under another name. */
function statusAsActive(filter: Filter): Filter {
  if (filter.path.length !== 1 || filter.path[0] !== 'status') return filter
  return { ...filter, path: ['active'], value: filter.value.toLowerCase() === 'active' ? 'true' : filter.value.toLowerCase() === 'inactive' ? 'false' : filter.value }
}

/** A bare JSON array, no total anywhere: the end is a short or empty page (A.3). */
function listUsers(context: CoupaContext): CoupaReply {
  const parameters = parseListParameters(context.query, statusAsActive)
  const page = listPage(context.directory.users(), parameters, userReader(context), (path) => userTextColumn(path, context.embedded))
  return { status: 200, body: page.map(userAnswer(context, false)) }
}

function getUser(context: CoupaContext): CoupaReply {
  const user = context.directory.requireUser(context.params.userId ?? '')
  return { status: 200, body: userAnswer(context, false)(user) }
}

function createUser(context: CoupaContext): CoupaReply {
  const user = createUserRecord(context.directory, objectBody(context), context.actorUserId)
  return { status: 201, body: userAnswer(context, true)(user) }
}

function updateUser(context: CoupaContext): CoupaReply {
  const user = context.directory.requireUser(context.params.userId ?? '')
  updateUserRecord(context.directory, user, objectBody(context), context.actorUserId)
  return { status: 200, body: userAnswer(context, true)(user) }
}

function listUserContentGroups(context: CoupaContext): CoupaReply {
  const user = context.directory.requireUser(context.params.userId ?? '')
  const groups = user.contentGroupIds.map((id) => context.directory.byId('contentGroups', id)).filter((group) => group !== undefined)
  return { status: 200, body: groups.map((group) => renderContentGroup(group, context.directory, context.baseUrl)) }
}

/** `PUT /api/users/{id}/business_groups/{gid}/add|remove` (A.5, R39 swagger): one content group at a time, answering the group. */
function changeUserContentGroup(context: CoupaContext): CoupaReply {
  const { directory } = context
  const action = context.params.action
  if (action !== 'add' && action !== 'remove') throw coupaErrors.noRoute(context.request.method, context.request.path)
  const user = directory.requireUser(context.params.userId ?? '')
  const group = /^\d+$/.test(context.params.groupId ?? '') ? directory.byId('contentGroups', Number(context.params.groupId)) : undefined
  if (!group) throw coupaErrors.notFound('business_group')
  changeMembership(user, group.id, action, context.actorUserId)
  directory.userChanged(user)
  return { status: 200, body: renderContentGroup(group, directory, context.baseUrl) }
}

function changeMembership(user: CoupaUserRecord, groupId: number, action: 'add' | 'remove', actorId: number): void {
  const has = user.contentGroupIds.includes(groupId)
  if (action === 'add' && !has) user.contentGroupIds = [...user.contentGroupIds, groupId]
  else if (action === 'remove' && has) user.contentGroupIds = user.contentGroupIds.filter((id) => id !== groupId)
  else return
  user.fields['updated-at'] = coupaTimestamp()
  user.updatedById = actorId
}
