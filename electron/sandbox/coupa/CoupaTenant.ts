import type { CoupaDirectory } from './CoupaDirectory'
import type { CoupaOAuthServer } from './CoupaOAuthServer'
import type { CoupaRateLimiter } from './CoupaRateLimiter'
import {
  coupaTimestamp,
  type CoupaAccountGroupRecord,
  type CoupaContentGroupRecord,
  type CoupaRoleRecord,
  type CoupaUserGroupRecord,
  type CoupaUserRecord,
} from './coupaRecords'
import type { RecordedRequest } from './createCoupaTarget'
import { createUserRecord } from './userWrites'

/** The memberships a user can have: each lists the users holding one role or group. */
export type MembershipKind = 'roles' | 'contentGroups' | 'userGroups' | 'approvalGroups' | 'accountGroups'

/**
 * The typed handle tests use to set up and inspect the instance without HTTP. Everything returned
 * is a copy: changing it changes nothing in the tenant. Users are named by id, login or email;
 * roles and groups by name (ignoring case).
 */
export class CoupaTenant {
  constructor(
    private readonly directory: CoupaDirectory,
    private readonly limiter: CoupaRateLimiter,
    private readonly writes: readonly RecordedRequest[],
    private readonly changed: () => void,
    private readonly oauth: CoupaOAuthServer,
  ) {}

  /** The scopes the OAuth client was given in Coupa; a token asking for others gets only these. */
  setClientScopes(scopes: readonly string[]): void {
    this.oauth.setClientScopes(scopes)
  }

  /** Access tokens issued since start (client-credentials grants). */
  tokenGrants(): number {
    return this.oauth.tokens.count()
  }

  /** Every access token issued so far stops working (Coupa revoked them, or they expired early). */
  expireAllTokens(): void {
    this.oauth.tokens.expireAll()
  }

  /** Access tokens issued from now on live this many seconds (default 86,399). */
  setTokenLifetime(seconds: number): void {
    this.oauth.tokens.setLifetime(seconds)
  }

  /** The instance's custom properties string, as the Sandbox profile gets it. */
  get customProperties(): string {
    return this.directory.customPropertiesText
  }

  /** The API user the sandbox's API key belongs to (writes are attributed to it). */
  get apiUser(): CoupaUserRecord {
    return copy(this.requireUser(this.directory.apiUserId))
  }

  findUser(loginOrEmail: string): CoupaUserRecord | undefined {
    const user = this.directory.findUser(loginOrEmail)
    return user && copy(user)
  }

  user(id: number | string): CoupaUserRecord | undefined {
    const user = this.directory.findUser(id)
    return user && copy(user)
  }

  users(): CoupaUserRecord[] {
    return this.directory.users().map(copy)
  }

  /** Users, all or only the active / inactive ones (the support and API users included). */
  count(which: 'all' | 'active' | 'inactive' = 'all'): number {
    const users = this.directory.users()
    return which === 'all' ? users.length : users.filter((user) => user.fields.active === (which === 'active')).length
  }

  /** Deprovisions (false) or restores (true) without HTTP, as `PUT {"active": …}` would. */
  setActive(user: number | string, active: boolean): CoupaUserRecord {
    const record = this.requireUser(user)
    record.fields.active = active
    record.fields['updated-at'] = coupaTimestamp()
    this.directory.userChanged(record)
    this.changed()
    return copy(record)
  }

  rolesOf(user: number | string): CoupaRoleRecord[] {
    return this.requireUser(user)
      .roleIds.map((id) => this.directory.byId('roles', id))
      .filter((role) => role !== undefined)
      .map(copy)
  }

  role(name: string): CoupaRoleRecord | undefined {
    return copyOrUndefined(this.directory.byName('roles', name))
  }

  contentGroup(name: string): CoupaContentGroupRecord | undefined {
    return copyOrUndefined(this.directory.byName('contentGroups', name))
  }

  /** A user group; approval groups are the ones with `canApprove`. */
  userGroup(name: string): CoupaUserGroupRecord | undefined {
    return copyOrUndefined(this.directory.byName('userGroups', name))
  }

  accountGroup(name: string): CoupaAccountGroupRecord | undefined {
    return copyOrUndefined(this.directory.byName('accountGroups', name))
  }

  /** The users holding a role or in a group, by its id, in id order. */
  membersOf(kind: MembershipKind, id: number): CoupaUserRecord[] {
    const holds = (user: CoupaUserRecord): boolean => {
      if (kind === 'roles') return user.roleIds.includes(id)
      if (kind === 'contentGroups') return user.contentGroupIds.includes(id)
      if (kind === 'accountGroups') return user.accountGroupIds.includes(id)
      if (kind === 'approvalGroups') return this.directory.approvalGroupIdsOf(user).includes(id)
      return user.userGroupIds.includes(id)
    }
    return this.directory.users().filter(holds).map(copy)
  }

  /** The bodies of the latest writes (POST/PUT/PATCH…), oldest first, as the client sent them. */
  lastRequestBodies(count = 10): RecordedRequest[] {
    return this.writes.slice(-count).map(copy)
  }

  /** Turns Coupa's 25 requests/s (burst 20) limit on or off; off by default. */
  setRateLimiting(enabled: boolean): void {
    this.limiter.enabled = enabled
  }

  /** Adds a user as `POST /api/users` would (same checks and defaults), attributed to the API user. */
  addUser(body: Record<string, unknown>): CoupaUserRecord {
    const user = createUserRecord(this.directory, body, this.directory.apiUserId)
    this.changed()
    return copy(user)
  }

  private requireUser(key: number | string): CoupaUserRecord {
    const user = this.directory.findUser(key)
    if (!user) throw new Error(`The Coupa sandbox has no user ${String(key)}.`)
    return user
  }
}

function copy<T>(value: T): T {
  return structuredClone(value)
}

function copyOrUndefined<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : copy(value)
}
