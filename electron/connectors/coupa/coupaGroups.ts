import type { DirectoryObject, DirectoryPage } from '../../../shared/directory'
import { AppError } from '../../errors/AppError'
import type { ListQuery } from '../Connector'
import { graphqlError } from './coupaErrors'
import { groupKindOf, groupToObject, type GroupKind } from './coupaGroupKinds'
import { coupaPageSize, readOffsetPage } from './coupaPaging'
import { nameFilters } from './coupaSearch'
import { coupaGroupSchema, coupaIdOf, objectRecord, parseAnswer, parseRows, type CoupaContext } from './coupaTypes'

/*
 * Listing and opening the group-like objects. Roles have no REST resource (coupa-gotomeeting.md
 * A.5): the catalogue is read from Coupa's read-only GraphQL endpoint, `roles(query: "…")` taking
 * REST filter syntax, paged by id (`id[gt]=<last id>`, A.3) as the GraphQL API pages.
 */

const roleFields = 'id name description createdAt updatedAt'

interface RolePosition {
  afterId: number
  search: string
}

const roleCursorPrefix = 'coupa-roles1.'

function encodeRoleCursor(position: RolePosition): string {
  return roleCursorPrefix + Buffer.from(JSON.stringify(position), 'utf8').toString('base64url')
}

function decodeRoleCursor(cursor: string, search: string): number {
  try {
    const { afterId, search: from } = JSON.parse(Buffer.from(cursor.slice(roleCursorPrefix.length), 'base64url').toString('utf8')) as RolePosition
    if (cursor.startsWith(roleCursorPrefix) && Number.isInteger(afterId) && from === search) return afterId
  } catch {
    // Reported below.
  }
  throw new AppError('invalid_input', 'This list position is no longer valid (the search changed). Reload the list from the start.')
}

/** GraphQL rows use camelCase; the mapping rows name Coupa's hyphenated keys. */
function roleRow(row: unknown): unknown {
  const record = objectRecord(row) ?? {}
  return { ...record, 'created-at': record.createdAt ?? null, 'updated-at': record.updatedAt ?? null }
}

async function queryRoles(context: CoupaContext, filters: string, signal?: AbortSignal): Promise<unknown[]> {
  const query = `{ roles(query: ${JSON.stringify(filters)}) { ${roleFields} } }`
  // A GraphQL read changes nothing: safe to send again after a network error.
  const response = await context.http.request({ method: 'POST', path: '/api/graphql', body: { query }, signal, idempotent: true })
  const failure = graphqlError(response.data, 'roles')
  if (failure) throw failure
  const roles = objectRecord(objectRecord(response.data)?.data)?.roles
  return parseRows(roles, 'roles').map(roleRow)
}

function filterText(filters: Record<string, unknown>): string {
  return Object.entries(filters)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&')
}

async function listRoles(context: CoupaContext, kind: GroupKind, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
  const search = query.search.trim()
  let afterId = query.cursor ? decodeRoleCursor(query.cursor, search) : 0
  const items: DirectoryObject[] = []
  let more = true
  while (items.length < query.pageSize && more) {
    const filters = filterText({ ...nameFilters(search), 'id[gt]': afterId, limit: coupaPageSize })
    const rows = await queryRoles(context, filters, signal)
    const roles = rows.map((row) => parseAnswer(coupaGroupSchema, row, 'a role'))
    const taken = roles.slice(0, query.pageSize - items.length)
    items.push(...taken.map((role) => groupToObject(context, kind, role)))
    more = rows.length >= coupaPageSize || taken.length < roles.length
    afterId = Number(taken[taken.length - 1]?.id ?? afterId)
  }
  const nextCursor = more ? encodeRoleCursor({ afterId, search }) : null
  return { items, nextCursor, total: null }
}

export async function listGroupLikes(context: CoupaContext, objectType: string, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
  const kind = groupKindOf(objectType)
  if (kind.path === null) return listRoles(context, kind, query, signal)
  const page = await readOffsetPage(context, { path: kind.path, query: nameFilters(query.search), what: `${kind.noun}s` }, query, signal)
  const items = page.rows.map((row) => groupToObject(context, kind, parseAnswer(coupaGroupSchema, row, `a ${kind.noun}`)))
  return { items, nextCursor: page.nextCursor, total: null }
}

export async function getGroupLike(context: CoupaContext, objectType: string, id: string, signal?: AbortSignal): Promise<DirectoryObject> {
  const kind = groupKindOf(objectType)
  const groupId = coupaIdOf(id, kind.noun)
  if (kind.path !== null) {
    const response = await context.http.request({ method: 'GET', path: `${kind.path}/${groupId}`, signal })
    return groupToObject(context, kind, parseAnswer(coupaGroupSchema, response.data, `a ${kind.noun}`))
  }
  const [role] = await queryRoles(context, `id=${groupId}`, signal)
  if (role === undefined) throw new AppError('not_found', `Coupa has no role with the id ${groupId}. It may have been deleted: refresh the list.`)
  return groupToObject(context, kind, parseAnswer(coupaGroupSchema, role, 'a role'))
}
