import { createHash } from 'node:crypto'
import type { RouteTable } from '../framework/RouteTable'
import type { OktaDirectory } from './OktaDirectory'
import { parseFieldProjection, projected } from './fieldProjection'
import { oktaErrors } from './oktaErrors'
import { linkHeaders, pageById, pageByPosition, parseLimit, type Page } from './oktaPaging'
import { checkPassword, checkProfile, withoutClearedFields } from './oktaProfileSchema'
import { timestamp, type OktaProfile, type OktaUserRecord } from './oktaRecords'
import { renderUser } from './oktaRepresentations'
import { booleanParameter, child, noContent, objectBody, ok, type OktaContext, type OktaHandler, type OktaReply } from './oktaRouting'
import { compileQuery, userFilterPolicy, userSearchPolicy } from './queryPolicies'
import { readUserAttribute } from './attributeReaders'
import { candidateUsers } from './searchCandidates'
import { parseExpression } from './searchExpression'
import { deactivate } from './userLifecycle'

/** Users: create, get, list (search / filter / q), partial update, full replace, two-step delete (okta.md §3). */
export function addUserRoutes(routes: RouteTable<OktaHandler>): void {
  routes
    .add('POST', '/api/v1/users', createUser)
    .add('GET', '/api/v1/users', listUsers)
    .add('GET', '/api/v1/users/:userId', getUser)
    .add('POST', '/api/v1/users/:userId', (context) => updateUser(context, 'partial'))
    .add('PUT', '/api/v1/users/:userId', (context) => updateUser(context, 'replace'))
    .add('DELETE', '/api/v1/users/:userId', deleteUser)
}

const usersPath = '/api/v1/users'
const alreadyExists = 'login: An object with this field already exists in the current organization'

function createUser(context: OktaContext): OktaReply {
  const body = objectBody(context)
  const activate = booleanParameter(context.query, 'activate', true)
  const expirePassword = context.query.get('nextLogin') === 'changePassword'
  const password = child(child(body.credentials, 'password'), 'value')
  if (expirePassword && !activate) throw oktaErrors.expireNeedsActivation()
  if (expirePassword && password === undefined) throw oktaErrors.expireNeedsPassword()
  const profile = checkProfile(body.profile, { complete: true, subject: 'newUser' })
  const { directory } = context
  if (directory.userIdWithLogin(String(profile.login))) throw oktaErrors.validation('login', [alreadyExists])
  const hasPassword = password !== undefined
  if (hasPassword) checkPassword(password)
  const groups = groupsToJoin(directory, body.groupIds)
  const now = timestamp()
  const status = !activate ? 'STAGED' : !hasPassword ? 'PROVISIONED' : expirePassword ? 'PASSWORD_EXPIRED' : 'ACTIVE'
  const user: OktaUserRecord = {
    id: directory.newId('00u'),
    status,
    created: now,
    activated: activate ? now : null,
    statusChanged: activate ? now : null,
    lastLogin: null,
    lastUpdated: now,
    passwordChanged: hasPassword ? now : null,
    typeId: typeIdFrom(body.type) ?? directory.org.userTypeId,
    profile: withoutClearedFields(profile),
    hasPassword,
    recoveryQuestion: recoveryQuestionFrom(body.credentials) ?? null,
    appAssignments: [],
  }
  directory.addUser(user)
  for (const group of groups) directory.addMember(group, user, now)
  return ok(renderUser(user, context.baseUrl))
}

function groupsToJoin(directory: OktaDirectory, groupIds: unknown) {
  if (groupIds === undefined) return []
  if (!Array.isArray(groupIds) || !groupIds.every((id) => typeof id === 'string')) {
    throw oktaErrors.validation('groupIds', ['groupIds: Must be a list of group ids'])
  }
  return groupIds.map((id) => {
    const group = directory.requireGroup(id)
    if (group.type !== 'OKTA_GROUP') throw oktaErrors.forbidden()
    return group
  })
}

function getUser(context: OktaContext): OktaReply {
  const user = context.directory.requireUser(context.params.userId ?? '')
  return ok(renderUser(user, context.baseUrl), { ETag: entityTag(user) })
}

/** A weak validator that changes whenever the user does (okta.md §2.5). */
export function entityTag(user: OktaUserRecord): string {
  return `W/"${createHash('sha256').update(`${user.id}|${user.lastUpdated}|${user.status}`).digest('hex').slice(0, 40)}"`
}

const qDefaultLimit = 10
const listMaximum = 200

function listUsers(context: OktaContext): OktaReply {
  const { query, directory } = context
  const q = query.get('q')
  if (q !== null && !query.has('search') && !query.has('filter')) {
    // q: a prefix match on first name, last name or email, never paged, DEPROVISIONED left out (§3.4).
    const limit = parseLimit(query, qDefaultLimit, listMaximum)
    const prefix = q.toLowerCase()
    const starts = (value: unknown) => typeof value === 'string' && value.toLowerCase().startsWith(prefix)
    const page = pageById(directory.userNames.startingWith(q) ?? directory.users(), null, limit, (user) =>
      user.status !== 'DEPROVISIONED' && (starts(user.profile.firstName) || starts(user.profile.lastName) || starts(user.profile.email)),
    )
    return listReply(context, { items: page.items, nextAfter: undefined }, limit)
  }
  const limit = parseLimit(query, listMaximum, listMaximum)
  const search = query.get('search')
  const filter = query.get('filter')
  const predicates: ((user: OktaUserRecord) => boolean)[] = []
  if (search !== null) predicates.push(compileQuery(search, userSearchPolicy, readUserAttribute))
  if (filter !== null) predicates.push(compileQuery(filter, userFilterPolicy, readUserAttribute))
  // Without search or filter the list leaves DEPROVISIONED users out; with either it includes them.
  if (predicates.length === 0) predicates.push((user) => user.status !== 'DEPROVISIONED')
  const matches = (user: OktaUserRecord) => predicates.every((predicate) => predicate(user))
  const sortBy = search !== null ? query.get('sortBy') : null
  if (sortBy) return listReply(context, sortedPage(context, sortBy, matches, limit), limit)
  // Only the users the name index says may match are read: a search for one user costs what a broad one does.
  const candidates = (search !== null ? candidateUsers(parseExpression(search), directory.userNames) : null) ?? (filter !== null ? candidateUsers(parseExpression(filter), directory.userNames) : null)
  return listReply(context, pageById(candidates ?? directory.users(), query.get('after'), limit, matches), limit)
}

/** `sortBy` (search only): by that attribute, ties broken by id, `sortOrder` asc (default) or desc. */
function sortedPage(context: OktaContext, sortBy: string, matches: (user: OktaUserRecord) => boolean, limit: number): Page<OktaUserRecord> {
  if (!userSearchPolicy.operatorsFor(sortBy)) throw oktaErrors.invalidSearch(`The attribute '${sortBy}' cannot be sorted on.`)
  const order = (context.query.get('sortOrder') ?? 'asc').toLowerCase()
  if (order !== 'asc' && order !== 'desc') throw oktaErrors.invalidSearch(`sortOrder is asc or desc, not '${order}'.`)
  const key = (user: OktaUserRecord) => {
    const value = readUserAttribute(user)(sortBy)
    return value === undefined || value === null ? '' : String(value).toLowerCase()
  }
  const sorted = context.directory
    .users()
    .filter(matches)
    .map((user) => ({ user, key: key(user) }))
    .sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : left.user.id < right.user.id ? -1 : 1))
    .map((entry) => entry.user)
  if (order === 'desc') sorted.reverse()
  return pageByPosition(sorted, context.query.get('after'), limit)
}

function listReply(context: OktaContext, page: Page<OktaUserRecord>, limit: number): OktaReply {
  const fields = context.query.get('fields')
  const projection = fields === null ? null : parseFieldProjection(fields)
  const render = (user: OktaUserRecord) => renderUser(user, context.baseUrl, { inCollection: true })
  return ok(
    page.items.map((user) => (projection ? projected(render(user), projection) : render(user))),
    { Link: linkHeaders(context.baseUrl, usersPath, context.query, limit, page.nextAfter) },
  )
}

function updateUser(context: OktaContext, mode: 'partial' | 'replace'): OktaReply {
  const { directory } = context
  const user = directory.requireUser(context.params.userId ?? '')
  // A deactivated user's profile is frozen unless an org setting allows edits (okta.md §3.5).
  if (user.status === 'DEPROVISIONED') throw oktaErrors.notAllowedInStatus()
  const body = objectBody(context)
  let profile: OktaProfile = user.profile
  if (mode === 'replace' || body.profile !== undefined) {
    const sent = checkProfile(body.profile, { complete: mode === 'replace', subject: 'user' })
    profile = withoutClearedFields(mode === 'replace' ? sent : { ...user.profile, ...sent })
  }
  const holder = directory.userIdWithLogin(String(profile.login))
  if (holder && holder !== user.id) throw oktaErrors.validation('login', [alreadyExists])
  const password = child(child(body.credentials, 'password'), 'value')
  if (password !== undefined) checkPassword(password)
  const typeId = typeIdFrom(body.type)
  if (typeId && typeId !== user.typeId && mode === 'partial') {
    throw oktaErrors.validation('user', ['type: The user type can only be changed with a full replace (PUT).'])
  }

  const now = timestamp()
  const previousLogin = String(user.profile.login)
  user.profile = profile
  if (previousLogin !== profile.login) directory.loginChanged(user, previousLogin)
  if (password !== undefined) {
    user.hasPassword = true
    user.passwordChanged = now
  }
  user.recoveryQuestion = recoveryQuestionFrom(body.credentials) ?? user.recoveryQuestion
  if (typeId) user.typeId = typeId
  user.lastUpdated = now
  return ok(renderUser(user, context.baseUrl))
}

/** First call deactivates; a call on a DEPROVISIONED user deletes it for good (okta.md §3.6). */
function deleteUser(context: OktaContext): OktaReply {
  const { directory } = context
  const user = directory.requireUser(context.params.userId ?? '')
  if (user.status === 'DEPROVISIONED') directory.removeUser(user)
  else deactivate(user)
  return noContent()
}

function typeIdFrom(type: unknown): string | undefined {
  const id = child(type, 'id')
  return typeof id === 'string' && id !== '' ? id : undefined
}

function recoveryQuestionFrom(credentials: unknown): string | undefined {
  const question = child(child(credentials, 'recovery_question'), 'question')
  return typeof question === 'string' && question !== '' ? question : undefined
}
