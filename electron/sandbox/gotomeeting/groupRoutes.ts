import type { RouteTable } from '../framework/RouteTable'
import { goToErrors } from './goToErrors'
import { compileFilter, filterParameter } from './goToFilter'
import { envelope, parsePageRequest, projection } from './goToPaging'
import type { GoToGroupRecord } from './goToRecords'
import { renderGroup } from './goToRepresentations'
import { noContent, objectBody, ok, requireAccount, requireGroup, requireUser, type GoToContext, type GoToHandler, type GoToReply } from './goToRouting'

const base = '/admin/rest/v1/accounts/:accountKey/groups'

/**
 * Groups and the two membership calls (coupa-gotomeeting.md B.4). A user is in one group at a
 * time: putting them in a group moves them; the only removal takes them out of every group.
 */
export function addGroupRoutes(routes: RouteTable<GoToHandler>): void {
  routes
    .add('GET', base, listGroups)
    .add('POST', base, createGroup)
    .add('GET', `${base}/:groupKey`, (context) => ok(renderGroup(requireGroup(context), context.directory)))
    .add('PUT', `${base}/:groupKey`, renameGroup)
    .add('DELETE', `${base}/:groupKey`, deleteGroup)
    .add('PUT', `${base}/:groupKey/users/:userKey`, putUserInGroup)
    .add('DELETE', '/admin/rest/v1/accounts/:accountKey/users/:userKey/groups', takeUserOutOfGroups)
}

function listGroups(context: GoToContext): GoToReply {
  requireAccount(context)
  const { directory, query } = context
  const page = parsePageRequest(query)
  let groups: readonly GoToGroupRecord[] = directory.groups()
  const filterText = filterParameter(query, context.request.rawQuery)
  if (filterText !== undefined) {
    const filter = compileFilter(filterText, ['key', 'name'])
    groups = groups.filter((group) => filter.matches((attribute) => (attribute === 'key' ? group.key : group.name)))
  }
  const project = projection(query)
  return ok(
    envelope(groups, page, (group) => {
      const rendered = renderGroup(group, directory)
      return project ? project(rendered) : rendered
    }),
  )
}

/**
 * `POST …/groups` `{"name":"…"}` → 201 with the new key as a bare JSON string (G5 reads the body
 * as a `String`; G6: "the new record's id as a bare JSON string"). Groups are flat in the sandbox:
 * a `parentKey` is ignored like any other unknown property.
 */
function createGroup(context: GoToContext): GoToReply {
  requireAccount(context)
  const name = checkGroupName(context, objectBody(context).name, undefined)
  const group: GoToGroupRecord = { key: context.directory.newKey(), name }
  context.directory.addGroup(group)
  return { status: 201, body: group.key }
}

/** `PUT …/groups/{gk}` `{"name":"…"}`: the name is the only writable field; `key` in the body is refused (G5). 204. */
function renameGroup(context: GoToContext): GoToReply {
  const group = requireGroup(context)
  const body = objectBody(context)
  if ('key' in body) throw goToErrors.keyInBody('group', String(body.key))
  group.name = checkGroupName(context, body.name, group)
  return noContent()
}

/** 204; its members stay in the account, in no group. */
function deleteGroup(context: GoToContext): GoToReply {
  context.directory.removeGroup(requireGroup(context))
  return noContent()
}

function putUserInGroup(context: GoToContext): GoToReply {
  const group = requireGroup(context)
  const user = requireUser(context)
  context.directory.moveToGroup(user, group.key)
  return noContent()
}

/** 204 also when the user was in no group: the outcome is the same. */
function takeUserOutOfGroups(context: GoToContext): GoToReply {
  context.directory.moveToGroup(requireUser(context), null)
  return noContent()
}

/** Required, and unique in the account ignoring case (group.name.required, group.name.conflict). */
function checkGroupName(context: GoToContext, value: unknown, existing: GoToGroupRecord | undefined): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) throw goToErrors.groupNameRequired()
  if (typeof value !== 'string') throw goToErrors.fieldInvalid('group', 'name', String(value))
  const holder = context.directory.groupByName(value)
  if (holder && holder.key !== existing?.key) throw goToErrors.groupNameConflict(value.trim())
  return value.trim()
}
