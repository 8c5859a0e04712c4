import type { DirectoryObject, DirectoryPage } from '../../../shared/directory'
import { AppError } from '../../errors/AppError'
import type { PageRequest } from '../Connector'
import { fetchGroup } from './goToGroups'
import { groupToObject, listedUser } from './goToMapping'
import { listFingerprint } from '../listCursor'
import { decodeCursor, encodeCursor, readPage } from './goToPaging'
import { keysFilter } from './goToSearch'
import { accountPath, goToUserSchema, groupPath, parseAnswer, requireKey, type GoToContext, type GoToUser } from './goToTypes'
import { fetchUser } from './goToUsers'

/*
 * Memberships are shown, never changed through the connector: the reference says GoTo's group
 * membership operations are not supported (members read-only). A GoTo user is in one group at a
 * time (`groupKey`, B.4); a group lists its members' keys (`userKeys`).
 */

/** Keys per look-up: one `(key="…")` clause each keeps the request's URL short. */
const keysPerLookup = 50

/** Users with these keys, in the order given; keys of users gone since are left out. */
async function usersWithKeys(context: GoToContext, keys: readonly string[], signal?: AbortSignal): Promise<GoToUser[]> {
  const chunks: string[][] = []
  for (let start = 0; start < keys.length; start += keysPerLookup) chunks.push(keys.slice(start, start + keysPerLookup))
  const pages = await Promise.all(
    chunks.map((chunk) => readPage(context, { path: `${accountPath(context)}/users`, filter: keysFilter(chunk) }, { pageSize: chunk.length }, signal)),
  )
  const byKey = new Map(pages.flatMap((page) => page.rows).map((row) => parseAnswer(goToUserSchema, row, 'a group member')).map((user) => [user.key, user]))
  return keys.map((key) => byKey.get(key)).filter((user): user is GoToUser => user !== undefined)
}

/** A group's members, paged over the group's `userKeys`; the total is the group's member count. */
export async function listMembers(context: GoToContext, groupKey: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage> {
  const group = await fetchGroup(context, groupKey, signal)
  const keys = group.userKeys ?? []
  const list = listFingerprint(`members:${groupPath(context, group.key)}`)
  const offset = page.cursor ? decodeCursor(page.cursor, list) : 0
  const slice = keys.slice(offset, offset + page.pageSize)
  const nextCursor = offset + slice.length < keys.length ? encodeCursor(offset + slice.length, list) : null
  if (nextCursor) page.onNextCursor?.(nextCursor)
  const members = await usersWithKeys(context, slice, signal)
  return { items: members.map((user) => listedUser(context.users, user, page)), nextCursor, total: keys.length }
}

/** The user's one group (or none). A group deleted since the user was read is shown by the name the user carries. */
export async function listGroupsOf(context: GoToContext, userKey: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage> {
  if (page.cursor) return { items: [], nextCursor: null, total: null }
  const user = await fetchUser(context, userKey, signal)
  if (!user.groupKey) return { items: [], nextCursor: null, total: 0 }
  let group: DirectoryObject
  try {
    group = groupToObject(context.groups, await fetchGroup(context, user.groupKey, signal))
  } catch (error: unknown) {
    if (!(error instanceof AppError && error.code === 'not_found')) throw error
    group = groupToObject(context.groups, { key: user.groupKey, name: user.groupName ?? user.groupKey })
  }
  return { items: [group], nextCursor: null, total: 1 }
}

/**
 * `PUT …/groups/{g}/users/{u}`: puts the user in the group, leaving any other (one group at a
 * time, B.4). Only undo uses it, to bring back the placement a deprovision snapshot recorded.
 * Putting someone where they already are changes nothing, so it may be sent twice.
 */
export async function moveUserToGroup(context: GoToContext, userKey: string, groupKey: string): Promise<void> {
  await context.api.request({ method: 'PUT', path: `${groupPath(context, groupKey)}/users/${requireKey(userKey, 'user')}`, idempotent: true })
}
