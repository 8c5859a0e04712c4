import type { JobPlanRow } from '../../../shared/jobs'
import type { DirectoryObject } from '../../../shared/directory'
import { membershipCapability } from '../../../shared/catalogue/capabilities'
import { requireCapability } from '../../connectors/capabilities'
import type { ReadsMemberships } from '../../connectors/Connector'
import type { ConnectorPool } from '../../directory/ConnectorPool'
import { assertWritable, membershipTypes } from '../../directory/operationRules'
import type { StoredProfile } from '../../profiles/profileFileSchema'
import { membershipChange } from './accountChanges'
import type { AccountPlanContext } from './planAccounts'
import { planProfileMatches } from './planAccounts'

/*
 * Membership jobs: the group read once and checked writable here (the run does not read it again
 * per row), its members read once (not per line), and each line's change skipped where it would
 * change nothing.
 */

export interface MembershipPlanContext extends AccountPlanContext {
  connectors: ConnectorPool
}

type GroupRef = { objectType: string; id: string; name: string }

/** The rows, and the group they change: the plan's title names it even when no row is ready. */
export async function planAddOrRemove(context: MembershipPlanContext, profile: StoredProfile, groupType: string, groupId: string, lines: readonly string[], action: 'addMember' | 'removeMember'): Promise<{ group: GroupRef; rows: JobPlanRow[] }> {
  const group = await writableGroup(context, profile, groupType, groupId)
  const members = new Set((await allMembers(context, profile, group)).map((member) => member.id))
  const matched = await planProfileMatches(context, profile, lines)
  const rows = matched.map((row): JobPlanRow => {
    if (!('account' in row)) return row
    const { account, line, input } = row
    const isMember = members.has(account.userId)
    if (action === 'addMember' && isMember) return { line, input, state: 'skip', reason: `${account.displayName} is already in ${group.name}.`, changes: [] }
    if (action === 'removeMember' && !isMember) return { line, input, state: 'skip', reason: `${account.displayName} is not in ${group.name}.`, changes: [] }
    return { line, input, state: 'ready', reason: null, changes: [membershipChange(account, action, group)] }
  })
  return { group, rows }
}

/** Everyone in A is added to B (unless already there), then removed from A: one row per member. */
export async function planMove(context: MembershipPlanContext, profile: StoredProfile, groupType: string, fromId: string, toId: string): Promise<{ from: GroupRef; to: GroupRef; rows: JobPlanRow[] }> {
  const [from, to] = await Promise.all([writableGroup(context, profile, groupType, fromId), writableGroup(context, profile, groupType, toId)])
  const [leaving, staying] = await Promise.all([allMembers(context, profile, from), allMembers(context, profile, to)])
  const inTarget = new Set(staying.map((member) => member.id))
  const rows = leaving.map((member, index): JobPlanRow => {
    const account = accountOf(profile, member)
    const add = inTarget.has(member.id) ? [] : [membershipChange(account, 'addMember', to)]
    return { line: index + 1, input: member.displayName, state: 'ready', reason: add.length === 0 ? `Already in ${to.name}: only removed from ${from.name}.` : null, changes: [...add, membershipChange(account, 'removeMember', from)] }
  })
  return { from, to, rows }
}

/** Each group (of every kind whose memberships change) the one user has and the other lacks: one row per group. */
export async function planCopy(context: MembershipPlanContext, profile: StoredProfile, fromUserId: string, toUserId: string): Promise<JobPlanRow[]> {
  const { descriptor } = context.connectors.target(profile.id)
  const connector = await context.connectors.connectorFor(profile.id)
  const reads = requireCapability(connector, 'readsMemberships')
  const [source, target] = await Promise.all([connector.get('users', fromUserId), connector.get('users', toUserId)])
  context.spent.requests += 2
  const rows: JobPlanRow[] = []
  const groupTypes = descriptor.objectTypes.filter((type) => type.scimResource === 'Group' && membershipCapability(descriptor, type.id).changedFrom !== null)
  for (const type of groupTypes) {
    const [has, lacks] = await Promise.all([allPages(context, (page) => reads.listGroupsOf(source.id, type.id, page)), allPages(context, (page) => reads.listGroupsOf(target.id, type.id, page))])
    const already = new Set(lacks.map((group) => group.id))
    for (const group of has) {
      const ref = { objectType: type.id, id: group.id, name: group.displayName }
      const input = `${type.label}: ${group.displayName}`
      const line = rows.length + 1
      if (already.has(group.id)) rows.push({ line, input, state: 'skip', reason: `${target.displayName} is already in ${group.displayName}.`, changes: [] })
      else if (group.readOnlyReason) rows.push({ line, input, state: 'skip', reason: `${group.displayName} cannot be changed: ${group.readOnlyReason}`, changes: [] })
      else rows.push({ line, input, state: 'ready', reason: null, changes: [membershipChange(accountOf(profile, target), 'addMember', ref)] })
    }
  }
  return rows
}

async function writableGroup(context: MembershipPlanContext, profile: StoredProfile, groupType: string, groupId: string): Promise<GroupRef> {
  const { changedFrom } = membershipTypes(context.connectors.target(profile.id).descriptor, groupType)
  const group = await (await context.connectors.connectorFor(profile.id)).get(groupType, groupId)
  context.spent.requests += 1
  if (changedFrom === 'group') assertWritable(group)
  return { objectType: groupType, id: group.id, name: group.displayName }
}

async function allMembers(context: MembershipPlanContext, profile: StoredProfile, group: GroupRef): Promise<DirectoryObject[]> {
  const reads: ReadsMemberships = requireCapability(await context.connectors.connectorFor(profile.id), 'readsMemberships')
  return allPages(context, (page) => reads.listMembers(group.objectType, group.id, page))
}

/** Every page, each counted as a request the plan spent. */
async function allPages(context: MembershipPlanContext, read: (page: { cursor: string | null; pageSize: number }) => Promise<{ items: DirectoryObject[]; nextCursor: string | null }>): Promise<DirectoryObject[]> {
  const items: DirectoryObject[] = []
  let cursor: string | null = null
  do {
    const page = await read({ cursor, pageSize: 200 })
    context.spent.requests += 1
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== null)
  return items
}

function accountOf(profile: StoredProfile, user: DirectoryObject) {
  return { profileId: profile.id, profileName: profile.name, connectorId: profile.connectorId, userId: user.id, displayName: user.displayName }
}
