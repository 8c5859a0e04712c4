import type { RouteTable } from '../framework/RouteTable'
import { oktaErrors } from './oktaErrors'
import { linkHeaders, pageById, parseLimit } from './oktaPaging'
import { timestamp, type OktaGroupRecord } from './oktaRecords'
import { renderGroup } from './oktaRepresentations'
import { noContent, objectBody, ok, type OktaContext, type OktaHandler, type OktaReply } from './oktaRouting'
import { compileQuery, groupFilterPolicy, groupSearchPolicy } from './queryPolicies'
import { readGroupAttribute } from './attributeReaders'

/** Groups (okta.md §4): list, get, create (OKTA_GROUP only), full replace, delete. */
export function addGroupRoutes(routes: RouteTable<OktaHandler>): void {
  routes
    .add('GET', '/api/v1/groups', listGroups)
    .add('POST', '/api/v1/groups', createGroup)
    .add('GET', '/api/v1/groups/:groupId', getGroup)
    .add('PUT', '/api/v1/groups/:groupId', replaceGroup)
    .add('DELETE', '/api/v1/groups/:groupId', deleteGroup)
}

/**
 * The spec allows up to 10,000 and gives no default; the old reference says 200 when none is
 * given. `q` is not paged and returns up to 300 by default (§4.3).
 */
const defaultLimit = 200
const maximumLimit = 10_000
const qDefaultLimit = 300

function listGroups(context: OktaContext): OktaReply {
  const { query, directory } = context
  const q = query.get('q')
  const search = query.get('search')
  const filter = query.get('filter')
  const predicates: ((group: OktaGroupRecord) => boolean)[] = []
  if (search !== null) predicates.push(compileQuery(search, groupSearchPolicy, readGroupAttribute))
  if (filter !== null) predicates.push(compileQuery(filter, groupFilterPolicy, readGroupAttribute))
  if (q !== null) {
    const prefix = q.toLowerCase()
    predicates.push((group) => String(group.profile.name ?? '').toLowerCase().startsWith(prefix))
  }
  const paged = q === null
  const limit = parseLimit(query, paged ? defaultLimit : qDefaultLimit, maximumLimit)
  const page = pageById(directory.groups(), paged ? query.get('after') : null, limit, (group) => predicates.every((predicate) => predicate(group)))
  const withStats = (query.get('expand') ?? '').split(',').includes('stats')
  return ok(
    page.items.map((group) => renderGroup(group, context.baseUrl, withStats ? directory.membersOf(group).length : undefined)),
    { Link: linkHeaders(context.baseUrl, '/api/v1/groups', query, limit, paged ? page.nextAfter : undefined) },
  )
}

function getGroup(context: OktaContext): OktaReply {
  const group = context.directory.requireGroup(context.params.groupId ?? '')
  const withStats = (context.query.get('expand') ?? '').split(',').includes('stats')
  return ok(renderGroup(group, context.baseUrl, withStats ? context.directory.membersOf(group).length : undefined))
}

function createGroup(context: OktaContext): OktaReply {
  const profile = checkGroupProfile(context, undefined)
  const now = timestamp()
  const group: OktaGroupRecord = {
    id: context.directory.newId('00g'),
    type: 'OKTA_GROUP',
    created: now,
    lastUpdated: now,
    lastMembershipUpdated: now,
    objectClass: ['okta:user_group'],
    profile,
    sourceAppId: null,
  }
  context.directory.addGroup(group)
  return ok(renderGroup(group, context.baseUrl))
}

/** All profile properties must be sent: a missing description is removed (okta.md §4.2). */
function replaceGroup(context: OktaContext): OktaReply {
  const group = context.directory.requireGroup(context.params.groupId ?? '')
  if (group.type !== 'OKTA_GROUP') throw oktaErrors.forbidden()
  group.profile = checkGroupProfile(context, group)
  group.lastUpdated = timestamp()
  return ok(renderGroup(group, context.baseUrl))
}

/** OKTA_GROUP and APP_GROUP can be deleted; Everyone (BUILT_IN) cannot. */
function deleteGroup(context: OktaContext): OktaReply {
  const group = context.directory.requireGroup(context.params.groupId ?? '')
  if (group.type === 'BUILT_IN') throw oktaErrors.forbidden()
  context.directory.removeGroup(group)
  return noContent()
}

function checkGroupProfile(context: OktaContext, existing: OktaGroupRecord | undefined): Record<string, string | null> {
  const body = objectBody(context)
  const profile = body.profile
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
    throw oktaErrors.validation('group', ['profile: The field cannot be left blank'])
  }
  const fields = profile as Record<string, unknown>
  const unknown = Object.keys(fields).filter((name) => name !== 'name' && name !== 'description')
  if (unknown.length > 0) throw oktaErrors.validation('group', unknown.map((name) => `Property name '${name}' is not defined in profile`))
  const { name, description } = fields
  if (typeof name !== 'string' || name.trim() === '') throw oktaErrors.validation('name', ['name: The field cannot be left blank'])
  if (description !== undefined && description !== null && typeof description !== 'string') {
    throw oktaErrors.validation('description', ['description: Does not match required type (string)'])
  }
  // Names are unique across every group type (okta.md §4.1); the exact cause text is not documented.
  const holder = context.directory.groupWithName(name)
  if (holder && holder.id !== existing?.id) throw oktaErrors.validation('name', ['name: An object with this field already exists in the current organization'])
  // No description is no `description` key: Okta's OktaUserGroupProfile.description is a string, never null.
  return typeof description === 'string' ? { name, description } : { name }
}
