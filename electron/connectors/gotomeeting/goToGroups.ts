import { z } from 'zod'
import type { Attributes, DirectoryObject, DirectoryPage } from '../../../shared/directory'
import { validateChanges, validateNewObject } from '../../../shared/directoryValidation'
import { refuseProblems } from '../../errors/AppError'
import type { ListQuery } from '../Connector'
import { attributesToNative, groupToObject } from './goToMapping'
import { readPage } from './goToPaging'
import { groupFilter } from './goToSearch'
import { accountPath, goToGroupSchema, groupPath, keySchema, parseAnswer, type GoToContext, type GoToGroup } from './goToTypes'

export async function fetchGroup(context: GoToContext, key: string, signal?: AbortSignal): Promise<GoToGroup> {
  const response = await context.api.request({ method: 'GET', path: groupPath(context, key), signal })
  return parseAnswer(goToGroupSchema, response.data, 'a group')
}

export async function getGroup(context: GoToContext, key: string, signal?: AbortSignal): Promise<DirectoryObject> {
  return groupToObject(context.groups, await fetchGroup(context, key, signal))
}

export async function listGroups(context: GoToContext, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
  const page = await readPage(context, { path: `${accountPath(context)}/groups`, filter: groupFilter(query.search) }, query, signal)
  const items = page.rows.map((row) => groupToObject(context.groups, parseAnswer(goToGroupSchema, row, 'a group')))
  return { items, nextCursor: page.nextCursor, total: page.total }
}

/** The new group's key: a bare JSON string (G5, G6), or, should GoTo wrap it, `{key}`. */
const createdGroupSchema = z.union([keySchema, z.looseObject({ key: keySchema }).transform((answer) => answer.key)])

/** `POST …/groups` `{"name":…}` answers only the new key: the group is read back. */
export async function createGroup(context: GoToContext, attributes: Attributes): Promise<DirectoryObject> {
  refuseProblems(validateNewObject(context.groups, attributes, undefined), 'Nothing was sent')
  const response = await context.api.request({ method: 'POST', path: `${accountPath(context)}/groups`, body: attributesToNative(context.groups, attributes) })
  return getGroup(context, parseAnswer(createdGroupSchema, response.data, 'the new group'))
}

/** `PUT …/groups/{key}` `{"name":…}`: the name is all GoTo lets change; it answers 204, so the group is read back. */
export async function updateGroup(context: GoToContext, key: string, changes: Attributes): Promise<DirectoryObject> {
  refuseProblems(validateChanges(context.groups, changes), 'Nothing was sent')
  const native = attributesToNative(context.groups, changes)
  if (Object.keys(native).length > 0) await context.api.request({ method: 'PUT', path: groupPath(context, key), body: native })
  return getGroup(context, key)
}

/** Its members stay in the account, in no group. */
export async function deleteGroup(context: GoToContext, key: string): Promise<void> {
  await context.api.request({ method: 'DELETE', path: groupPath(context, key) })
}
