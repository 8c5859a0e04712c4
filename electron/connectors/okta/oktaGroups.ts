import type { Attributes, DirectoryObject, DirectoryPage } from '../../../shared/directory'
import { validateChanges, validateNewObject } from '../../../shared/directoryValidation'
import { AppError, refuseProblems } from '../../errors/AppError'
import type { ListQuery } from '../Connector'
import { attributesToProfile, groupReadOnlyReason, groupToObject } from './oktaMapping'
import { readPage } from './oktaPaging'
import { groupSearch } from './oktaSearch'
import { groupPath, oktaGroupSchema, parseAnswer, type OktaContext, type OktaGroup } from './oktaTypes'

export async function fetchGroup(context: OktaContext, id: string, signal?: AbortSignal): Promise<OktaGroup> {
  const response = await context.http.request({ method: 'GET', path: groupPath(id), signal })
  return parseAnswer(oktaGroupSchema, response.data, 'a group')
}

/**
 * Reads the group and refuses, before any change is sent, one that Okta manages elsewhere: an
 * APP_GROUP belongs to its source app, BUILT_IN (Everyone) to Okta (okta.md §4.1).
 */
export async function fetchChangeableGroup(context: OktaContext, id: string, change: string): Promise<OktaGroup> {
  const group = await fetchGroup(context, id)
  const reason = groupReadOnlyReason(group)
  if (reason) {
    const name = typeof group.profile.name === 'string' ? group.profile.name : group.id
    throw new AppError('unsupported', `Lanyard cannot ${change} "${name}" (${group.type}). ${reason}`, {
      details: { groupType: group.type },
    })
  }
  return group
}

export async function getGroup(context: OktaContext, id: string, signal?: AbortSignal): Promise<DirectoryObject> {
  return groupToObject(context.groups, await fetchGroup(context, id, signal))
}

export async function listGroups(context: OktaContext, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
  const page = await readPage(
    context.http,
    { path: '/api/v1/groups', query: { search: groupSearch(query.search) }, sendsLimit: true },
    query,
    context.paging,
    signal,
  )
  const items = page.rows.map((row) => groupToObject(context.groups, parseAnswer(oktaGroupSchema, row, 'a group')))
  return { items, nextCursor: page.nextCursor, total: null }
}

/** Okta creates only OKTA_GROUPs through the API. */
export async function createGroup(context: OktaContext, attributes: Attributes): Promise<DirectoryObject> {
  refuseProblems(validateNewObject(context.groups, attributes, undefined), 'Nothing was sent')
  const response = await context.http.request({
    method: 'POST',
    path: '/api/v1/groups',
    body: { profile: attributesToProfile(context.groups, attributes) },
  })
  return groupToObject(context.groups, parseAnswer(oktaGroupSchema, response.data, 'the new group'))
}

/**
 * Okta's group update replaces the whole profile (no partial update, okta.md §4.2), so the changes
 * are merged into the current profile and all of it is sent; a cleared attribute is left out.
 */
export async function updateGroup(context: OktaContext, id: string, changes: Attributes): Promise<DirectoryObject> {
  refuseProblems(validateChanges(context.groups, changes), 'Nothing was sent')
  const changed = attributesToProfile(context.groups, changes)
  const group = await fetchChangeableGroup(context, id, 'change')
  const profile: Record<string, unknown> = { ...group.profile }
  for (const [name, value] of Object.entries(changed)) {
    if (value === null) delete profile[name]
    else profile[name] = value
  }
  const response = await context.http.request({ method: 'PUT', path: groupPath(group.id), body: { profile } })
  return groupToObject(context.groups, parseAnswer(oktaGroupSchema, response.data, 'the updated group'))
}

export async function deleteGroup(context: OktaContext, id: string): Promise<void> {
  const group = await fetchChangeableGroup(context, id, 'delete')
  await context.http.request({ method: 'DELETE', path: groupPath(group.id) })
}
