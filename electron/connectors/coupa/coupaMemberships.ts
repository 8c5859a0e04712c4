import { accountGroups } from '../../../shared/catalogue/coupaRules'
import type { DirectoryPage } from '../../../shared/directory'
import type { PageRequest } from '../Connector'
import { runSteps } from '../runSteps'
import { groupKindOf, groupToObject, type GroupKind } from './coupaGroupKinds'
import { decodeCursor, encodeCursor, readOffsetPage, type OffsetList } from './coupaPaging'
import { coupaGroupSchema, coupaIdOf, parseAnswer, parseUserRow, userPath, type CoupaContext, type CoupaGroup, type CoupaUser } from './coupaTypes'
import { listedUser, userDisplayName, userToObject } from './coupaUserMapping'
import { fetchUser, userList } from './coupaUsers'
import { securityTypeUpdate } from './coupaUserWrites'

/*
 * Memberships are user-centric in Coupa (CONNECTORS.md §2): a user carries each kind as an array,
 * and a group's members are the users filtered on it. Content groups have their own add / remove
 * calls (`PUT /api/users/{id}/business_groups/{gid}/add|remove`, A.5); roles, user groups and
 * account groups change through the user's array, where a non-empty array adds and an empty one
 * clears (A.6): a removal is "clear, then set the rest", two named steps. Account groups feed
 * the computed account-security-type, so the update that leaves a user's new list carries it too.
 */

/** The user's groups of one kind, as Coupa embeds them in the user. */
export function groupsIn(user: CoupaUser, kind: GroupKind): CoupaGroup[] {
  const list = (user as Record<string, unknown>)[kind.userArray]
  return Array.isArray(list) ? list.map((item) => parseAnswer(coupaGroupSchema, item, `a ${kind.noun}`)) : []
}

/** A user's groups of one kind, paged over the user's array; never more than `pageSize`. */
export async function listGroupsOf(context: CoupaContext, userId: string, groupType: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage> {
  const kind = groupKindOf(groupType)
  const list: OffsetList = { path: `${userPath(userId)}#${kind.userArray}`, query: {}, what: `${kind.noun}s` }
  const start = page.cursor ? decodeCursor(page.cursor, list) : 0
  const groups = groupsIn(await fetchUser(context, userId, signal), kind)
  const rows = groups.slice(start, start + page.pageSize)
  const nextCursor = start + rows.length < groups.length ? encodeCursor(start + rows.length, list) : null
  return { items: rows.map((group) => groupToObject(context, kind, group)), nextCursor, total: groups.length }
}

/** A group's members: the users filtered on it (`roles[id]=3`, A.3), paged like every user list. */
export async function listMembers(context: CoupaContext, groupType: string, groupId: string, page: PageRequest, signal?: AbortSignal): Promise<DirectoryPage> {
  const kind = groupKindOf(groupType)
  const raw = await readOffsetPage(context, userList(context, { [kind.memberFilter]: coupaIdOf(groupId, kind.noun) }, page), page, signal)
  const items = raw.rows.map((row) => listedUser(context, parseUserRow(row, 'a member'), page))
  return { items, nextCursor: raw.nextCursor, total: null }
}

function putUser(context: CoupaContext, userId: string, body: Record<string, unknown>): Promise<unknown> {
  // Adding what is there or clearing what is empty changes nothing: safe to send again.
  return context.http.request({ method: 'PUT', path: userPath(userId), body, idempotent: true })
}

/**
 * `{account-security-type}` for an account-group change that leaves the user with `idsAfter`
 * (ids stand in for names: the rule asks only whether there are any), when the rule changes it.
 */
function securityTypeAfter(context: CoupaContext, kind: GroupKind, user: CoupaUser, idsAfter: readonly string[]): Record<string, unknown> {
  if (kind.userArray !== 'account-groups') return {}
  const current = userToObject(context, user).attributes
  return securityTypeUpdate(current, { ...current, [accountGroups]: [...idsAfter] })
}

export async function addMember(context: CoupaContext, groupType: string, groupId: string, userId: string): Promise<void> {
  const kind = groupKindOf(groupType)
  const id = coupaIdOf(groupId, kind.noun)
  if (kind.objectType === 'groups') {
    await context.http.request({ method: 'PUT', path: `${userPath(userId)}/business_groups/${id}/add`, idempotent: true })
    return
  }
  const user = kind.userArray === 'account-groups' ? await fetchUser(context, userId) : null
  const securityType = user ? securityTypeAfter(context, kind, user, [...groupsIn(user, kind).map((group) => group.id), id]) : {}
  await putUser(context, userId, { [kind.userArray]: [{ id: Number(id) }], ...securityType })
}

export async function removeMember(context: CoupaContext, groupType: string, groupId: string, userId: string): Promise<void> {
  const kind = groupKindOf(groupType)
  const id = coupaIdOf(groupId, kind.noun)
  if (kind.objectType === 'groups') {
    await context.http.request({ method: 'PUT', path: `${userPath(userId)}/business_groups/${id}/remove`, idempotent: true })
    return
  }
  const user = await fetchUser(context, userId)
  const groups = groupsIn(user, kind)
  const removed = groups.find((group) => group.id === id)
  if (!removed) return
  const remaining = groups.filter((group) => group.id !== id)
  const name = userDisplayName(user)
  const securityType = securityTypeAfter(context, kind, user, remaining.map((group) => group.id))
  if (remaining.length === 0) {
    await putUser(context, user.id, { [kind.userArray]: [], ...securityType })
    return
  }
  const clear = {
    name: `Clear ${name}'s ${kind.noun}s`,
    required: true,
    run: async () => void (await putUser(context, user.id, { [kind.userArray]: [] })),
  }
  const giveBack = { [kind.userArray]: remaining.map((group) => ({ id: Number(group.id) })), ...securityType }
  const names = remaining.map((group) => group.name ?? group.id).join(', ')
  await runSteps(
    [clear, { name: `Give ${name} back ${names}`, run: async () => void (await putUser(context, user.id, giveBack)) }],
    {
      signal: context.signal,
      operation: `Removing ${name} from ${removed.name ?? removed.id}`,
      advice: `If ${name} was left with no ${kind.noun}s, add back ${names} from the user's panel, or try again.`,
    },
  )
}
