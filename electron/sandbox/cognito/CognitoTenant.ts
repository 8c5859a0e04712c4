import { randomUUID } from 'node:crypto'
import type { Delivery } from './cognitoOperation'
import type { CognitoGroupRecord, CognitoPasswordPolicy, CognitoUserRecord, CognitoUserStatus } from './cognitoRecords'
import type { CategoryThrottle, OperationCategory } from './cognitoThrottling'
import type { CognitoUserPool } from './CognitoUserPool'

export interface NewTenantUser {
  username: string
  /** Default `<username>@example.com`. */
  email?: string
  /** Other attributes (given_name, phone_number, custom:department…), set as given. */
  attributes?: Record<string, string>
  status?: CognitoUserStatus
  enabled?: boolean
}

export interface NewTenantGroup {
  name: string
  description?: string
  precedence?: number
  roleArn?: string
}

/**
 * The typed handle tests use to set up and inspect the pool without HTTP (and without signing).
 * Everything returned is a copy: changing it changes nothing in the pool. Users are named by
 * username (any case), email or sub; groups by their (case-sensitive) name.
 */
export class CognitoTenant {
  constructor(
    private readonly userPool: CognitoUserPool,
    private readonly throttling: CategoryThrottle,
    private readonly deliveries: readonly Delivery[],
    private readonly changed: () => void,
  ) {}

  get userPoolId(): string {
    return this.userPool.pool.id
  }

  get region(): string {
    return this.userPool.pool.region
  }

  /** By username, sub or email (verified or not). */
  findUser(usernameOrEmail: string): CognitoUserRecord | undefined {
    const user =
      this.userPool.findUser(usernameOrEmail) ??
      this.userPool.users().find((candidate) => candidate.attributes.email?.toLowerCase() === usernameOrEmail.toLowerCase())
    return user && copy(user)
  }

  users(): CognitoUserRecord[] {
    return this.userPool.users().map(copy)
  }

  group(name: string): CognitoGroupRecord | undefined {
    const group = this.userPool.group(name)
    return group && copy(group)
  }

  groups(): CognitoGroupRecord[] {
    return this.userPool.groups().map(copy)
  }

  membersOf(group: string): CognitoUserRecord[] {
    return this.userPool.membersOf(this.userPool.requireGroup(group)).map(copy)
  }

  groupsOf(user: string): CognitoGroupRecord[] {
    return this.userPool.groupsOf(this.requireUser(user)).map(copy)
  }

  userStatus(user: string): CognitoUserStatus {
    return this.requireUser(user).status
  }

  enabled(user: string): boolean {
    return this.requireUser(user).enabled
  }

  /** AdminUserGlobalSignOut calls for this user so far. */
  signOutCount(user: string): number {
    return this.requireUser(user).signOutCount
  }

  /** When the user's tokens were last revoked (global sign-out or disable), epoch ms; null when never. */
  tokensRevokedAt(user: string): number | null {
    return this.requireUser(user).tokensRevokedAt
  }

  /** Invitations and resends the pool "sent" to this user (the API never tells). */
  deliveriesTo(user: string): Delivery[] {
    const username = this.requireUser(user).username
    return this.deliveries.filter((delivery) => delivery.username === username).map(copy)
  }

  count(): { users: number; groups: number } {
    return { users: this.userPool.users().length, groups: this.userPool.groups().length }
  }

  setStatus(user: string, status: CognitoUserStatus): void {
    this.requireUser(user).status = status
    this.changed()
  }

  setEnabled(user: string, enabled: boolean): void {
    this.requireUser(user).enabled = enabled
    this.changed()
  }

  /** Turns a quota category's throttling on (`requestsPerSecond`) or off (`undefined`). */
  throttle(category: OperationCategory, requestsPerSecond: number | undefined): void {
    this.throttling.set(category, requestsPerSecond)
  }

  get passwordPolicy(): CognitoPasswordPolicy {
    return copy(this.userPool.pool.passwordPolicy)
  }

  setPasswordPolicy(changes: Partial<CognitoPasswordPolicy>): void {
    const pool = this.userPool.pool
    pool.passwordPolicy = { ...pool.passwordPolicy, ...changes }
    pool.lastModified = Date.now()
    this.changed()
  }

  addUser(input: NewTenantUser): CognitoUserRecord {
    if (this.userPool.userWithUsername(input.username)) throw new Error(`The pool already has a user named ${input.username}.`)
    const now = Date.now()
    const user: CognitoUserRecord = {
      sequence: this.userPool.newSequence(),
      username: input.username,
      attributes: { sub: randomUUID(), email: input.email ?? `${input.username}@example.com`, email_verified: 'true', ...input.attributes },
      enabled: input.enabled ?? true,
      status: input.status ?? 'CONFIRMED',
      created: now,
      lastModified: now,
      signOutCount: 0,
      tokensRevokedAt: null,
    }
    this.userPool.addUser(user)
    this.changed()
    return copy(user)
  }

  addGroup(input: NewTenantGroup): CognitoGroupRecord {
    if (this.userPool.group(input.name)) throw new Error(`The pool already has a group named ${input.name}.`)
    const now = Date.now()
    const group: CognitoGroupRecord = {
      sequence: this.userPool.newSequence(),
      name: input.name,
      description: input.description ?? null,
      precedence: input.precedence ?? null,
      roleArn: input.roleArn ?? null,
      created: now,
      lastModified: now,
    }
    this.userPool.addGroup(group)
    this.changed()
    return copy(group)
  }

  /** Set-up may go past the 25-groups limit (to test what a client does with such a user); the API may not. */
  addMember(group: string, user: string): void {
    this.userPool.addMember(this.userPool.requireGroup(group), this.requireUser(user))
    this.changed()
  }

  removeMember(group: string, user: string): void {
    this.userPool.removeMember(this.userPool.requireGroup(group), this.requireUser(user))
    this.changed()
  }

  private requireUser(usernameOrEmail: string): CognitoUserRecord {
    const found = this.findUser(usernameOrEmail)
    if (!found) throw new Error(`No user ${usernameOrEmail} in the sandbox pool.`)
    return this.userPool.requireUser(found.username)
  }
}

function copy<T>(value: T): T {
  return structuredClone(value)
}
