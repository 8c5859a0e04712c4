import type { GoToAccountDirectory } from './GoToAccountDirectory'
import type { GoToAccountRecord, GoToGroupRecord, GoToLicenseRecord, GoToUserRecord, GoToUserStatus } from './goToRecords'
import type { GoToGrantType, GoToTokenIssuer } from './GoToTokenIssuer'

/** A user as the tenant handle shows it: the record plus its derived status. */
export type GoToTenantUser = GoToUserRecord & { status: GoToUserStatus }

/**
 * The typed handle tests use to set up and inspect the GoTo account without HTTP. Everything
 * returned is a copy: changing it changes nothing in the tenant.
 */
export class GoToMeetingTenant {
  constructor(
    private readonly directory: GoToAccountDirectory,
    private readonly issuer: GoToTokenIssuer,
    private readonly changed: () => void,
    private readonly setRateLimit: (requestsPerSecond: number | undefined) => void,
  ) {}

  get account(): GoToAccountRecord {
    return { ...this.directory.account }
  }

  /** The administrator the credentials sign in as (`GET /me`). */
  get adminUser(): GoToTenantUser {
    return this.view(this.directory.userByKey(this.directory.adminUserKey) as GoToUserRecord)
  }

  /** A user of the account by email (any case); deleted users are not found here (see deletedEmails). */
  findUser(email: string): GoToTenantUser | undefined {
    const user = this.directory.userByEmail(email)
    return user && this.view(user)
  }

  user(key: string): GoToTenantUser | undefined {
    const user = this.directory.userByKey(key)
    return user && this.view(user)
  }

  users(): GoToTenantUser[] {
    return this.directory.users().map((user) => this.view(user))
  }

  /** A group by name (any case). */
  group(name: string): GoToGroupRecord | undefined {
    const group = this.directory.groupByName(name)
    return group && { ...group }
  }

  groups(): GoToGroupRecord[] {
    return this.directory.groups().map((group) => ({ ...group }))
  }

  membersOf(groupKey: string): GoToTenantUser[] {
    return this.directory.membersOf(groupKey).map((user) => this.view(user))
  }

  licenses(): GoToLicenseRecord[] {
    return this.directory.licenses().map((license) => structuredClone(license))
  }

  /** Users in the account (the administrator included), optionally only those in one status. */
  count(status?: Exclude<GoToUserStatus, 'DELETED'>): number {
    const users = this.directory.users()
    return status ? users.filter((user) => this.directory.statusOf(user) === status).length : users.length
  }

  /** Emails of the deleted users GoTo still remembers (a create with one brings that account back). */
  deletedEmails(): string[] {
    return this.directory.deletedUsers().map((deleted) => deleted.user.email)
  }

  /** The person signs in for the first time: INVITED becomes ACTIVE (no API call does this). */
  signIn(key: string): GoToTenantUser {
    const user = this.directory.userByKey(key)
    if (!user) throw new Error(`No user with key ${key} in the sandbox account.`)
    user.signedIn = true
    this.changed()
    return this.view(user)
  }

  /** Access tokens issued from now on live this many seconds (default 3600). */
  setTokenLifetime(seconds: number): void {
    this.issuer.setLifetime(seconds)
  }

  /** Every access token issued so far stops working; refresh tokens still work. */
  expireAllTokens(): void {
    this.issuer.expireAll()
  }

  /** Refresh grants answer a new refresh token and retire the one used (off by default). */
  setRefreshTokenRotation(on: boolean): void {
    this.issuer.setRefreshTokenRotation(on)
  }

  /** Successful token grants since start: all, or of one grant type (`personal_access_token`, `password`, `refresh_token`). */
  tokenGrants(grantType?: GoToGrantType): number {
    return this.issuer.grantCount(grantType)
  }

  /**
   * GoTo's documented default, 10 requests per second on the Admin API, answered with 429 beyond
   * it; undefined lifts the limit (the sandbox's default, see startGoToMeetingSandbox).
   */
  setRequestsPerSecond(limit: number | undefined): void {
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new RangeError(`A rate limit is a whole number of requests above 0, not ${limit}.`)
    this.setRateLimit(limit)
  }

  private view(user: GoToUserRecord): GoToTenantUser {
    return { ...structuredClone(user), status: this.directory.statusOf(user) }
  }
}
