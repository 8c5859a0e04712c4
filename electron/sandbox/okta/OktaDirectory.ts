import { base62, randomAlphanumerics, type Random } from '../framework/random'
import type { PrefixIndex } from '../framework/PrefixIndex'
import { oktaErrors } from './oktaErrors'
import { userNameIndex } from './searchCandidates'
import { timestamp, type OktaGroupRecord, type OktaTenantData, type OktaUserRecord } from './oktaRecords'

/**
 * The tenant's data with its indexes. Ids are `00u`/`00g` + 17 letters and digits whose first six
 * encode a creation counter, so sorting by id is sorting by creation: lists are stable and the
 * `after` cursor (the last id of a page) stays valid even when that user is deleted meanwhile.
 */
export class OktaDirectory {
  /** Sorted by id (= creation order). */
  private readonly userList: OktaUserRecord[]
  private readonly usersById = new Map<string, OktaUserRecord>()
  private readonly userIdsByLogin = new Map<string, string>()
  private readonly groupList: OktaGroupRecord[]
  private readonly groupsById = new Map<string, OktaGroupRecord>()
  private readonly membersByGroup = new Map<string, Set<string>>()
  private readonly groupsByUser = new Map<string, Set<string>>()
  private nextSequence: number
  /** Users by the start of their names, for searches; rebuilt after any write (`written`). */
  readonly userNames: PrefixIndex<OktaUserRecord> = userNameIndex(() => this.userList)

  constructor(
    private readonly data: OktaTenantData,
    private readonly random: Random,
  ) {
    this.nextSequence = data.nextSequence
    this.userList = [...data.users].sort(byId)
    for (const user of this.userList) this.indexUser(user)
    this.groupList = [...data.groups].sort(byId)
    for (const group of this.groupList) this.groupsById.set(group.id, group)
    for (const [groupId, userIds] of Object.entries(data.memberships)) for (const userId of userIds) this.link(groupId, userId)
  }

  get org() {
    return this.data.org
  }
  get adminUserId() {
    return this.data.adminUserId
  }
  get readOnlyAdminUserId() {
    return this.data.readOnlyAdminUserId
  }
  get readOnlyToken() {
    return this.data.readOnlyToken
  }

  newId(prefix: '00u' | '00g' | '0oa' | '00o'): string {
    return `${prefix}${base62(this.nextSequence++, 6)}${randomAlphanumerics(this.random, 11)}`
  }

  /** Any write may have changed a user's names (routes change records in place): the name index starts over. */
  written(): void {
    this.userNames.invalidate()
  }

  // Users

  users(): readonly OktaUserRecord[] {
    return this.userList
  }

  userById(id: string): OktaUserRecord | undefined {
    return this.usersById.get(id)
  }

  /** By id, by login (case- and diacritic-insensitive) or by an unambiguous short login (okta.md §3.3). */
  findUser(idOrLogin: string): OktaUserRecord | undefined {
    const byId = this.usersById.get(idOrLogin)
    if (byId) return byId
    const byLogin = this.userIdsByLogin.get(normaliseLogin(idOrLogin))
    if (byLogin) return this.usersById.get(byLogin)
    if (idOrLogin.includes('@')) return undefined
    const shortName = normaliseLogin(idOrLogin)
    const matches = this.userList.filter((user) => normaliseLogin(String(user.profile.login ?? '')).split('@')[0] === shortName)
    return matches.length === 1 ? matches[0] : undefined
  }

  requireUser(idOrLogin: string): OktaUserRecord {
    const user = this.findUser(idOrLogin)
    if (!user) throw oktaErrors.notFound(idOrLogin, 'User')
    return user
  }

  /** The user holding this login, if any (logins are unique regardless of case and accents). */
  userIdWithLogin(login: string): string | undefined {
    return this.userIdsByLogin.get(normaliseLogin(login))
  }

  addUser(user: OktaUserRecord): void {
    insertSorted(this.userList, user)
    this.indexUser(user)
  }

  /** Call after changing a user's login, with the login it had before. */
  loginChanged(user: OktaUserRecord, previousLogin: string): void {
    this.userIdsByLogin.delete(normaliseLogin(previousLogin))
    this.indexUser(user)
  }

  removeUser(user: OktaUserRecord): void {
    removeSorted(this.userList, user.id)
    this.usersById.delete(user.id)
    this.userIdsByLogin.delete(normaliseLogin(String(user.profile.login ?? '')))
    for (const groupId of this.groupsByUser.get(user.id) ?? []) this.membersByGroup.get(groupId)?.delete(user.id)
    this.groupsByUser.delete(user.id)
  }

  // Groups

  groups(): readonly OktaGroupRecord[] {
    return this.groupList
  }

  groupById(id: string): OktaGroupRecord | undefined {
    return this.groupsById.get(id)
  }

  requireGroup(id: string): OktaGroupRecord {
    const group = this.groupsById.get(id)
    if (!group) throw oktaErrors.notFound(id, 'UserGroup')
    return group
  }

  groupWithName(name: string): OktaGroupRecord | undefined {
    const wanted = name.toLowerCase()
    return this.groupList.find((group) => String(group.profile.name ?? '').toLowerCase() === wanted)
  }

  addGroup(group: OktaGroupRecord): void {
    insertSorted(this.groupList, group)
    this.groupsById.set(group.id, group)
  }

  removeGroup(group: OktaGroupRecord): void {
    removeSorted(this.groupList, group.id)
    this.groupsById.delete(group.id)
    for (const userId of this.membersByGroup.get(group.id) ?? []) this.groupsByUser.get(userId)?.delete(group.id)
    this.membersByGroup.delete(group.id)
  }

  // Memberships (Everyone is implicit: every user is a member, stored nowhere)

  /** Members sorted by id. */
  membersOf(group: OktaGroupRecord): OktaUserRecord[] {
    if (group.type === 'BUILT_IN') return [...this.userList]
    return [...(this.membersByGroup.get(group.id) ?? [])]
      .sort()
      .map((id) => this.usersById.get(id))
      .filter((user): user is OktaUserRecord => user !== undefined)
  }

  /** The user's groups sorted by id, Everyone included. */
  groupsOf(user: OktaUserRecord): OktaGroupRecord[] {
    const ids = this.groupsByUser.get(user.id) ?? new Set<string>()
    return this.groupList.filter((group) => group.type === 'BUILT_IN' || ids.has(group.id))
  }

  isMember(group: OktaGroupRecord, user: OktaUserRecord): boolean {
    return group.type === 'BUILT_IN' || (this.membersByGroup.get(group.id)?.has(user.id) ?? false)
  }

  /** Returns false when nothing changed (already a member). */
  addMember(group: OktaGroupRecord, user: OktaUserRecord, at = timestamp()): boolean {
    if (this.isMember(group, user)) return false
    this.link(group.id, user.id)
    group.lastMembershipUpdated = at
    return true
  }

  /** Returns false when nothing changed (not a member). */
  removeMember(group: OktaGroupRecord, user: OktaUserRecord, at = timestamp()): boolean {
    if (!this.membersByGroup.get(group.id)?.delete(user.id)) return false
    this.groupsByUser.get(user.id)?.delete(group.id)
    group.lastMembershipUpdated = at
    return true
  }

  snapshot(): OktaTenantData {
    const memberships: Record<string, string[]> = {}
    for (const [groupId, members] of this.membersByGroup) if (members.size > 0) memberships[groupId] = [...members]
    return { ...this.data, nextSequence: this.nextSequence, users: this.userList, groups: this.groupList, memberships }
  }

  private indexUser(user: OktaUserRecord): void {
    this.usersById.set(user.id, user)
    this.userIdsByLogin.set(normaliseLogin(String(user.profile.login ?? '')), user.id)
  }

  private link(groupId: string, userId: string): void {
    let members = this.membersByGroup.get(groupId)
    if (!members) this.membersByGroup.set(groupId, (members = new Set()))
    members.add(userId)
    let groups = this.groupsByUser.get(userId)
    if (!groups) this.groupsByUser.set(userId, (groups = new Set()))
    groups.add(groupId)
  }
}

/** `Isaac.Brock` = `isaac.brock` = `isáàc.bröck` (okta.md §3.1: logins are unique ignoring case and accents). */
export function normaliseLogin(login: string): string {
  return login.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}

function byId(left: { id: string }, right: { id: string }): number {
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0
}

/** Index of the first item whose id is greater than `id`. */
export function indexAfter(items: readonly { id: string }[], id: string): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((items[middle] as { id: string }).id <= id) low = middle + 1
    else high = middle
  }
  return low
}

function insertSorted<T extends { id: string }>(items: T[], item: T): void {
  const index = indexAfter(items, item.id)
  if (index === items.length) items.push(item)
  else items.splice(index, 0, item)
}

function removeSorted<T extends { id: string }>(items: T[], id: string): void {
  const index = indexAfter(items, id) - 1
  if (index >= 0 && items[index]?.id === id) items.splice(index, 1)
}
