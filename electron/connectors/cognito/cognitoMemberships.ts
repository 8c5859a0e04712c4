import type { GroupType, UserType } from '@aws-sdk/client-cognito-identity-provider'
import type { DirectoryPage } from '../../../shared/directory'
import { AppError } from '../../errors/AppError'
import type { PageRequest } from '../Connector'
import { groupNameOf, groupToObject, listedUser, userFromListing } from './cognitoMapping'
import { readAllRows, readTokenPage, type TokenList } from './cognitoPaging'
import { maximumGroupsPerUser, type CognitoContext } from './cognitoTypes'

/** Memberships from either side, paged with Cognito's NextToken (ListUsersInGroup, AdminListGroupsForUser). */

function membersList(context: CognitoContext, groupName: string): TokenList<UserType> {
  return {
    key: `ListUsersInGroup ${groupName}`,
    read: async (token, limit, signal) => {
      const answer = await context.api.listUsersInGroup({ GroupName: groupName, Limit: limit, NextToken: token }, { signal })
      return { rows: answer.Users ?? [], next: answer.NextToken }
    },
  }
}

function groupsOfList(context: CognitoContext, username: string): TokenList<GroupType> {
  return {
    key: `AdminListGroupsForUser ${username}`,
    read: async (token, limit, signal) => {
      const answer = await context.api.listGroupsForUser({ Username: username, Limit: limit, NextToken: token }, { signal })
      return { rows: answer.Groups ?? [], next: answer.NextToken }
    },
  }
}

export async function listMembers(context: CognitoContext, groupName: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage> {
  const raw = await readTokenPage(membersList(context, groupName), page, signal)
  return { items: raw.rows.map((user) => listedUser(context.users, userFromListing(user), page)), nextCursor: raw.nextCursor, total: null }
}

export async function listGroupsOf(context: CognitoContext, username: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage> {
  const raw = await readTokenPage(groupsOfList(context, username), page, signal)
  return { items: raw.rows.map((group) => groupToObject(context.groups, group)), nextCursor: raw.nextCursor, total: null }
}

/** Every group of the user, all pages. */
export async function allGroupsOf(context: CognitoContext, username: string, signal?: AbortSignal): Promise<GroupType[]> {
  return readAllRows(groupsOfList(context, username), signal)
}

export function groupLimitReached(username: string, groupName: string): AppError {
  return new AppError(
    'conflict',
    `${username} is already in ${maximumGroupsPerUser} groups, the most a Cognito user can be in, so Lanyard did not add them to "${groupName}". ` +
      'Remove them from a group they no longer need first.',
    { details: { limit: String(maximumGroupsPerUser), user: username, group: groupName } },
  )
}

/**
 * Counts the user's groups (every page) and refuses the 26th before calling: Cognito's limitation
 * is behaviour here, not an error to provoke. Adding an existing member sends nothing.
 */
export async function addMember(context: CognitoContext, groupName: string, username: string): Promise<void> {
  const names = (await allGroupsOf(context, username)).map(groupNameOf)
  if (names.includes(groupName)) return
  if (names.length >= maximumGroupsPerUser) throw groupLimitReached(username, groupName)
  await context.api.addUserToGroup({ Username: username, GroupName: groupName })
}

export async function removeMember(context: CognitoContext, groupName: string, username: string): Promise<void> {
  await context.api.removeUserFromGroup({ Username: username, GroupName: groupName })
}
