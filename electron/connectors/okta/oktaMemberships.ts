import type { DirectoryPage } from '../../../shared/directory'
import type { MembershipWriteChecked, PageRequest } from '../Connector'
import { fetchChangeableGroup } from './oktaGroups'
import { groupToObject, listedUser } from './oktaMapping'
import { readAll, readPage } from './oktaPaging'
import { groupPath, oktaGroupSchema, parseAnswer, parseUserRow, userPath, type OktaContext, type OktaGroup } from './oktaTypes'

/** A group's users, paged like the lists (in Okta's steps, never more than asked). */
export async function listMembers(context: OktaContext, groupId: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage> {
  const raw = await readPage(context.http, { path: `${groupPath(groupId)}/users`, sendsLimit: true }, page, context.paging, signal)
  const items = raw.rows.map((row) => listedUser(context.users, parseUserRow(row, 'a group member'), page))
  return { items, nextCursor: raw.nextCursor, total: null }
}

/** The user's groups endpoint takes no `limit` (okta.md §3.8); its pages are still trimmed to `pageSize`. */
function groupsOfList(userId: string) {
  return { path: `${userPath(userId)}/groups`, sendsLimit: false }
}

export async function listGroupsOf(context: OktaContext, userId: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage> {
  const raw = await readPage(context.http, groupsOfList(userId), page, context.paging, signal)
  const items = raw.rows.map((row) => groupToObject(context.groups, parseAnswer(oktaGroupSchema, row, 'a group')))
  return { items, nextCursor: raw.nextCursor, total: null }
}

/** Every group of the user, all pages, Everyone (BUILT_IN) included. */
export async function allGroupsOf(context: OktaContext, userId: string, signal?: AbortSignal): Promise<OktaGroup[]> {
  const rows = await readAll(context.http, groupsOfList(userId), context.paging, signal)
  return rows.map((row) => parseAnswer(oktaGroupSchema, row, 'a group'))
}

/**
 * Only OKTA_GROUP memberships can change; the group is read first so a refusal comes before any
 * change, unless the caller has checked it already (a job's plan did, for every change of the job).
 */
async function changeableGroupId(context: OktaContext, groupId: string, change: string, checked: MembershipWriteChecked): Promise<string> {
  return checked.groupWritable ? groupId : (await fetchChangeableGroup(context, groupId, change)).id
}

export async function addMember(context: OktaContext, groupId: string, userId: string, checked: MembershipWriteChecked = {}): Promise<void> {
  const id = await changeableGroupId(context, groupId, 'add members to', checked)
  // Adding an existing member changes nothing, so the PUT may be retried after a network error.
  await context.http.request({ method: 'PUT', path: `${groupPath(id)}/users/${encodeURIComponent(userId)}`, idempotent: true })
}

export async function removeMember(context: OktaContext, groupId: string, userId: string, checked: MembershipWriteChecked = {}): Promise<void> {
  const id = await changeableGroupId(context, groupId, 'remove members from', checked)
  await context.http.request({ method: 'DELETE', path: `${groupPath(id)}/users/${encodeURIComponent(userId)}` })
}
