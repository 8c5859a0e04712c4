import { AttributeIndex } from './attributeIndex'
import { cognitoErrors } from './cognitoErrors'
import type { CognitoGroupRecord, CognitoPoolRecord, CognitoTenantData, CognitoUserRecord } from './cognitoRecords'

/**
 * The pool's data with its indexes. Users and groups are kept in creation order (`sequence`),
 * the order lists scan them in, so a cursor (the last sequence seen) stays valid when users are
 * deleted meanwhile. Usernames are unique regardless of case (the pool is case-insensitive);
 * a verified email is a sign-in alias and unique among verified emails.
 */
export class CognitoUserPool {
  private readonly userList: CognitoUserRecord[]
  private readonly usersByUsername = new Map<string, CognitoUserRecord>()
  private readonly usersBySub = new Map<string, CognitoUserRecord>()
  private readonly usersByAlias = new Map<string, CognitoUserRecord>()
  private readonly groupList: CognitoGroupRecord[]
  private readonly groupsByName = new Map<string, CognitoGroupRecord>()
  /** Group name → member username keys (lower case). */
  private readonly membersByGroup = new Map<string, Set<string>>()
  /** Username key → group names. */
  private readonly groupsByUser = new Map<string, Set<string>>()
  private nextSequence: number
  /** ListUsers' filters on indexed attributes; rebuilt after any write (`written`). */
  readonly filterIndex = new AttributeIndex(() => this.userList)

  constructor(private readonly data: CognitoTenantData) {
    this.nextSequence = data.nextSequence
    this.userList = [...data.users].sort(bySequence)
    for (const user of this.userList) this.indexUser(user)
    this.groupList = [...data.groups].sort(bySequence)
    for (const group of this.groupList) this.groupsByName.set(group.name, group)
    for (const [groupName, usernames] of Object.entries(data.memberships)) {
      for (const username of usernames) if (this.groupsByName.has(groupName)) this.link(groupName, usernameKey(username))
    }
  }

  get pool(): CognitoPoolRecord {
    return this.data.pool
  }

  newSequence(): number {
    return this.nextSequence++
  }

  /** Any write may have changed a user's attributes (operations change records in place): the filter index starts over. */
  written(): void {
    this.filterIndex.invalidate()
  }

  // Users

  users(): readonly CognitoUserRecord[] {
    return this.userList
  }

  /** By username (any case), verified email alias, or `sub` (cognito.md §2: what `Username` may be). */
  findUser(identifier: string): CognitoUserRecord | undefined {
    return this.usersByUsername.get(usernameKey(identifier)) ?? this.usersByAlias.get(identifier.toLowerCase()) ?? this.usersBySub.get(identifier)
  }

  requireUser(identifier: string): CognitoUserRecord {
    const user = this.findUser(identifier)
    if (!user) throw cognitoErrors.userNotFound()
    return user
  }

  userWithUsername(username: string): CognitoUserRecord | undefined {
    return this.usersByUsername.get(usernameKey(username))
  }

  /** The user whose verified email is this one, if any. */
  aliasOwner(email: string): CognitoUserRecord | undefined {
    return this.usersByAlias.get(email.toLowerCase())
  }

  addUser(user: CognitoUserRecord): void {
    this.userList.push(user)
    this.indexUser(user)
  }

  /** Call after changing a user's attributes, with the attributes it had before. */
  attributesChanged(user: CognitoUserRecord, before: Record<string, string>): void {
    const previousAlias = aliasOf(before)
    if (previousAlias && this.usersByAlias.get(previousAlias) === user) this.usersByAlias.delete(previousAlias)
    this.indexUser(user)
  }

  removeUser(user: CognitoUserRecord): void {
    const index = this.userList.indexOf(user)
    if (index !== -1) this.userList.splice(index, 1)
    const key = usernameKey(user.username)
    this.usersByUsername.delete(key)
    this.usersBySub.delete(user.attributes.sub ?? '')
    const alias = aliasOf(user.attributes)
    if (alias && this.usersByAlias.get(alias) === user) this.usersByAlias.delete(alias)
    for (const groupName of this.groupsByUser.get(key) ?? []) this.membersByGroup.get(groupName)?.delete(key)
    this.groupsByUser.delete(key)
  }

  // Groups

  groups(): readonly CognitoGroupRecord[] {
    return this.groupList
  }

  /** Group names are case-sensitive. */
  group(name: string): CognitoGroupRecord | undefined {
    return this.groupsByName.get(name)
  }

  requireGroup(name: string): CognitoGroupRecord {
    const group = this.groupsByName.get(name)
    if (!group) throw cognitoErrors.groupNotFound()
    return group
  }

  addGroup(group: CognitoGroupRecord): void {
    this.groupList.push(group)
    this.groupsByName.set(group.name, group)
  }

  removeGroup(group: CognitoGroupRecord): void {
    const index = this.groupList.indexOf(group)
    if (index !== -1) this.groupList.splice(index, 1)
    this.groupsByName.delete(group.name)
    for (const key of this.membersByGroup.get(group.name) ?? []) this.groupsByUser.get(key)?.delete(group.name)
    this.membersByGroup.delete(group.name)
  }

  // Memberships

  /** Members in creation order. */
  membersOf(group: CognitoGroupRecord): CognitoUserRecord[] {
    const keys = this.membersByGroup.get(group.name) ?? new Set<string>()
    return [...keys]
      .map((key) => this.usersByUsername.get(key))
      .filter((user): user is CognitoUserRecord => user !== undefined)
      .sort(bySequence)
  }

  /** The user's groups in creation order. */
  groupsOf(user: CognitoUserRecord): CognitoGroupRecord[] {
    const names = this.groupsByUser.get(usernameKey(user.username)) ?? new Set<string>()
    return [...names]
      .map((name) => this.groupsByName.get(name))
      .filter((group): group is CognitoGroupRecord => group !== undefined)
      .sort(bySequence)
  }

  groupCountOf(user: CognitoUserRecord): number {
    return this.groupsByUser.get(usernameKey(user.username))?.size ?? 0
  }

  isMember(group: CognitoGroupRecord, user: CognitoUserRecord): boolean {
    return this.membersByGroup.get(group.name)?.has(usernameKey(user.username)) ?? false
  }

  addMember(group: CognitoGroupRecord, user: CognitoUserRecord): void {
    this.link(group.name, usernameKey(user.username))
  }

  removeMember(group: CognitoGroupRecord, user: CognitoUserRecord): void {
    const key = usernameKey(user.username)
    this.membersByGroup.get(group.name)?.delete(key)
    this.groupsByUser.get(key)?.delete(group.name)
  }

  snapshot(): CognitoTenantData {
    const memberships: Record<string, string[]> = {}
    for (const group of this.groupList) {
      const members = this.membersOf(group)
      if (members.length > 0) memberships[group.name] = members.map((user) => user.username)
    }
    return { pool: this.data.pool, nextSequence: this.nextSequence, users: this.userList, groups: this.groupList, memberships }
  }

  private indexUser(user: CognitoUserRecord): void {
    this.usersByUsername.set(usernameKey(user.username), user)
    if (user.attributes.sub) this.usersBySub.set(user.attributes.sub, user)
    const alias = aliasOf(user.attributes)
    if (alias) this.usersByAlias.set(alias, user)
  }

  private link(groupName: string, key: string): void {
    let members = this.membersByGroup.get(groupName)
    if (!members) this.membersByGroup.set(groupName, (members = new Set()))
    members.add(key)
    let groups = this.groupsByUser.get(key)
    if (!groups) this.groupsByUser.set(key, (groups = new Set()))
    groups.add(groupName)
  }
}

/** The pool is case-insensitive: `Jane.Doe` and `jane.doe` are one user. */
export function usernameKey(username: string): string {
  return username.toLowerCase()
}

/** A verified email is the user's sign-in alias (lower case); an unverified one is not. */
function aliasOf(attributes: Record<string, string>): string | undefined {
  return attributes.email_verified === 'true' && attributes.email ? attributes.email.toLowerCase() : undefined
}

function bySequence(left: { sequence: number }, right: { sequence: number }): number {
  return left.sequence - right.sequence
}
