import type { GroupType } from '@aws-sdk/client-cognito-identity-provider'
import type { Attributes, DirectoryObject, DirectoryPage } from '../../../shared/directory'
import { validateChanges, validateNewObject } from '../../../shared/directoryValidation'
import { AppError, refuseProblems } from '../../errors/AppError'
import type { ListQuery } from '../Connector'
import { groupToObject } from './cognitoMapping'
import { readTokenPage } from './cognitoPaging'
import { groupMatcher } from './cognitoSearch'
import type { CognitoContext } from './cognitoTypes'
import { groupWrite } from './cognitoWrites'

/** A group's id is its GroupName (unique per pool, with case). */

function answeredGroup(group: GroupType | undefined): GroupType {
  if (group) return group
  throw new AppError('network', 'Cognito answered without the group. Check that the Target URL is a Cognito endpoint.')
}

export async function fetchGroup(context: CognitoContext, id: string, signal?: AbortSignal): Promise<GroupType> {
  return answeredGroup((await context.api.getGroup(id, { signal })).Group)
}

export async function getGroup(context: CognitoContext, id: string, signal?: AbortSignal): Promise<DirectoryObject> {
  return groupToObject(context.groups, await fetchGroup(context, id, signal))
}

/** ListGroups has no filter: a search keeps the groups whose name or description contains the text. */
export async function listGroups(context: CognitoContext, query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage> {
  const matches = groupMatcher(query.search)
  const page = await readTokenPage(
    {
      key: `ListGroups ${query.search.trim().toLowerCase()}`,
      read: async (token, limit, readSignal) => {
        const answer = await context.api.listGroups({ Limit: limit, NextToken: token }, { signal: readSignal })
        return { rows: answer.Groups ?? [], next: answer.NextToken }
      },
      ...(matches ? { keep: (group: GroupType) => matches(group.GroupName ?? '', group.Description ?? '') } : {}),
    },
    query,
    signal,
  )
  return { items: page.rows.map((group) => groupToObject(context.groups, group)), nextCursor: page.nextCursor, total: null }
}

export async function createGroup(context: CognitoContext, attributes: Attributes): Promise<DirectoryObject> {
  refuseProblems(validateNewObject(context.groups, attributes, undefined), 'The new group was not created')
  const write = groupWrite(context.groups, attributes)
  const answer = await context.api.createGroup({
    GroupName: write.name,
    ...(write.description ? { Description: write.description } : {}),
    ...(write.precedence !== undefined ? { Precedence: write.precedence } : {}),
    ...(write.roleArn ? { RoleArn: write.roleArn } : {}),
  })
  return groupToObject(context.groups, answeredGroup(answer.Group))
}

/** What updateGroup sends, or its refusal with no call: the directory runs it before journaling too. */
export function plannedGroupUpdate(context: CognitoContext, id: string, changes: Attributes) {
  const write = groupWrite(context.groups, changes)
  if (write.name !== undefined && write.name !== id) {
    throw new AppError('invalid_input', 'Nothing was changed: Cognito cannot rename a group. Create a new group and move the members.', {
      fields: { displayName: 'Cognito cannot rename a group.' },
    })
  }
  return write
}

/**
 * UpdateGroup changes the precedence, role and description; the name cannot change (the
 * descriptor's field rule refuses it first). Only what changes is sent.
 */
export async function updateGroup(context: CognitoContext, id: string, changes: Attributes): Promise<DirectoryObject> {
  refuseProblems(validateChanges(context.groups, changes), 'Nothing was changed')
  const write = plannedGroupUpdate(context, id, changes)
  const fields = {
    ...(write.description !== undefined ? { Description: write.description } : {}),
    ...(write.precedence !== undefined ? { Precedence: write.precedence } : {}),
    ...(write.roleArn !== undefined ? { RoleArn: write.roleArn } : {}),
  }
  if (Object.keys(fields).length === 0) return getGroup(context, id)
  const answer = await context.api.updateGroup({ GroupName: id, ...fields })
  return groupToObject(context.groups, answeredGroup(answer.Group))
}

export async function deleteGroup(context: CognitoContext, id: string): Promise<void> {
  await context.api.deleteGroup(id)
}
