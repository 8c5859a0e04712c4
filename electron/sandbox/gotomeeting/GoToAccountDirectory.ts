import type { Random } from '../framework/random'
import { keyFor } from './goToKeys'
import type {
  GoToDeletedUserRecord,
  GoToGroupRecord,
  GoToLicenseRecord,
  GoToMeetingTenantData,
  GoToProduct,
  GoToUserRecord,
  GoToUserStatus,
} from './goToRecords'

/** GoTo keeps a deleted user's account for 30 days (see GoToDeletedUserRecord). */
export const deletedUserRetentionMs = 30 * 24 * 3_600_000

/**
 * The account's data with its indexes: users by key and by email (emails are unique in an
 * account, ignoring case), group members, and the deleted users still remembered. Users are kept
 * sorted by key, which is creation order (goToKeys.ts), so offset paging is stable.
 */
export class GoToAccountDirectory {
  private readonly userList: GoToUserRecord[]
  private readonly usersByKey = new Map<string, GoToUserRecord>()
  private readonly userKeysByEmail = new Map<string, string>()
  private readonly membersByGroup = new Map<string, Set<string>>()
  private readonly deletedByEmail = new Map<string, GoToDeletedUserRecord>()
  private readonly groupList: GoToGroupRecord[]
  private nextSequence: number

  constructor(
    private readonly data: GoToMeetingTenantData,
    private readonly random: Random,
    private readonly now: () => number = Date.now,
  ) {
    this.nextSequence = data.nextSequence
    this.userList = [...data.users].sort(byKey)
    for (const user of this.userList) this.index(user)
    this.groupList = [...data.groups].sort(byKey)
    for (const deleted of data.deletedUsers) this.deletedByEmail.set(emailIndex(deleted.user.email), deleted)
  }

  get account() {
    return this.data.account
  }
  get adminUserKey() {
    return this.data.adminUserKey
  }
  get clientId() {
    return this.data.clientId
  }

  newKey(): string {
    return keyFor(this.data.account.key.slice(0, 7), this.nextSequence++, this.random)
  }

  // Users

  users(): readonly GoToUserRecord[] {
    return this.userList
  }

  userByKey(key: string): GoToUserRecord | undefined {
    return this.usersByKey.get(key)
  }

  userByEmail(email: string): GoToUserRecord | undefined {
    const key = this.userKeysByEmail.get(emailIndex(email))
    return key === undefined ? undefined : this.usersByKey.get(key)
  }

  addUser(user: GoToUserRecord): void {
    insertSorted(this.userList, user)
    this.index(user)
  }

  /** Call after changing a user's email, with the email it had before. */
  emailChanged(user: GoToUserRecord, previousEmail: string): void {
    this.userKeysByEmail.delete(emailIndex(previousEmail))
    this.userKeysByEmail.set(emailIndex(user.email), user.key)
  }

  /** Removes the user from the account and remembers them (their group too) for 30 days. */
  deleteUser(user: GoToUserRecord): void {
    const index = this.userList.findIndex((candidate) => candidate.key === user.key)
    if (index !== -1) this.userList.splice(index, 1)
    this.usersByKey.delete(user.key)
    this.userKeysByEmail.delete(emailIndex(user.email))
    if (user.groupKey !== null) this.membersByGroup.get(user.groupKey)?.delete(user.key)
    // Their seats go back to the pool; the rest of the account is kept as it was.
    this.deletedByEmail.set(emailIndex(user.email), { user: { ...user, licenseKeys: [] }, deletedAt: new Date(this.now()).toISOString() })
  }

  /** The remembered deleted user with this email, unless 30 days have passed (then forgotten). */
  deletedUser(email: string): GoToDeletedUserRecord | undefined {
    const deleted = this.deletedByEmail.get(emailIndex(email))
    if (!deleted) return undefined
    if (this.now() - Date.parse(deleted.deletedAt) < deletedUserRetentionMs) return deleted
    this.deletedByEmail.delete(emailIndex(email))
    return undefined
  }

  deletedUsers(): GoToDeletedUserRecord[] {
    return [...this.deletedByEmail.values()].filter((deleted) => this.deletedUser(deleted.user.email) !== undefined)
  }

  /** Brings a remembered user back into the account (same key; their old group if it still exists). */
  restoreDeleted(deleted: GoToDeletedUserRecord): GoToUserRecord {
    this.deletedByEmail.delete(emailIndex(deleted.user.email))
    const user: GoToUserRecord = { ...deleted.user }
    if (user.groupKey !== null && !this.groupByKey(user.groupKey)) user.groupKey = null
    this.addUser(user)
    return user
  }

  statusOf(user: GoToUserRecord): GoToUserStatus {
    if (user.licenseKeys.length === 0 && user.adminRoles.length === 0 && user.roleSets.length === 0) return 'SUSPENDED'
    return user.signedIn ? 'ACTIVE' : 'INVITED'
  }

  productsOf(user: GoToUserRecord): GoToProduct[] {
    const products = new Set<GoToProduct>()
    for (const key of user.licenseKeys) for (const product of this.licenseByKey(key)?.products ?? []) products.add(product)
    return [...products]
  }

  // Groups

  groups(): readonly GoToGroupRecord[] {
    return this.groupList
  }

  groupByKey(key: string): GoToGroupRecord | undefined {
    return this.groupList.find((group) => group.key === key)
  }

  /** Group names are unique in an account, ignoring case (group.name.conflict). */
  groupByName(name: string): GoToGroupRecord | undefined {
    const wanted = name.trim().toLowerCase()
    return this.groupList.find((group) => group.name.toLowerCase() === wanted)
  }

  addGroup(group: GoToGroupRecord): void {
    insertSorted(this.groupList, group)
  }

  /** Its members stay in the account, in no group. */
  removeGroup(group: GoToGroupRecord): void {
    for (const member of this.membersOf(group.key)) member.groupKey = null
    this.membersByGroup.delete(group.key)
    this.groupList.splice(this.groupList.indexOf(group), 1)
  }

  /** Members sorted by key. */
  membersOf(groupKey: string): GoToUserRecord[] {
    return [...(this.membersByGroup.get(groupKey) ?? [])]
      .sort()
      .map((key) => this.usersByKey.get(key))
      .filter((user): user is GoToUserRecord => user !== undefined)
  }

  /** A user is in one group at a time: joining one leaves the other (G5 README). Null leaves all. */
  moveToGroup(user: GoToUserRecord, groupKey: string | null): void {
    if (user.groupKey !== null) this.membersByGroup.get(user.groupKey)?.delete(user.key)
    user.groupKey = groupKey
    if (groupKey !== null) this.link(groupKey, user.key)
  }

  // Licences

  licenses(): readonly GoToLicenseRecord[] {
    return this.data.licenses
  }

  licenseByKey(key: string): GoToLicenseRecord | undefined {
    return this.data.licenses.find((license) => license.key === key)
  }

  /** Holders sorted by key. */
  holdersOf(licenseKey: string): GoToUserRecord[] {
    return this.userList.filter((user) => user.licenseKeys.includes(licenseKey))
  }

  snapshot(): GoToMeetingTenantData {
    return { ...this.data, nextSequence: this.nextSequence, users: this.userList, groups: this.groupList, deletedUsers: this.deletedUsers() }
  }

  private index(user: GoToUserRecord): void {
    this.usersByKey.set(user.key, user)
    this.userKeysByEmail.set(emailIndex(user.email), user.key)
    if (user.groupKey !== null) this.link(user.groupKey, user.key)
  }

  private link(groupKey: string, userKey: string): void {
    let members = this.membersByGroup.get(groupKey)
    if (!members) this.membersByGroup.set(groupKey, (members = new Set()))
    members.add(userKey)
  }
}

export function emailIndex(email: string): string {
  return email.trim().toLowerCase()
}

/** Keys of one tenant have one length, so string order is numeric order; compared as numbers anyway for safety. */
export function byKey(left: { key: string }, right: { key: string }): number {
  if (left.key.length !== right.key.length) return left.key.length - right.key.length
  return left.key < right.key ? -1 : left.key > right.key ? 1 : 0
}

function insertSorted<T extends { key: string }>(items: T[], item: T): void {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (byKey(items[middle] as T, item) <= 0) low = middle + 1
    else high = middle
  }
  items.splice(low, 0, item)
}
