import type { OktaDirectory } from './OktaDirectory'
import { oktaErrors } from './oktaErrors'
import { checkProfile } from './oktaProfileSchema'
import { timestamp, type OktaGroupRecord, type OktaGroupType, type OktaProfile, type OktaUserRecord, type OktaUserStatus } from './oktaRecords'
import { deactivate, setStatus } from './userLifecycle'

export interface NewTenantUser {
  firstName: string
  lastName: string
  /** Default `first.last@example.com` (lower case). */
  login?: string
  status?: OktaUserStatus
  /** Other profile attributes (base or custom), checked like an API create. */
  profile?: OktaProfile
  /** Whether the user has a password. Default: yes unless STAGED or PROVISIONED. */
  hasPassword?: boolean
}

export interface NewTenantGroup {
  name: string
  description?: string
  /** Default OKTA_GROUP. */
  type?: Exclude<OktaGroupType, 'BUILT_IN'>
}

/**
 * The typed handle tests use to set up and inspect the tenant without going through HTTP.
 * Everything returned is a copy: changing it changes nothing in the tenant.
 * Users and groups are named by id or login (users) and id or name (groups).
 */
export class OktaTenant {
  constructor(
    private readonly directory: OktaDirectory,
    private readonly changed: () => void,
  ) {}

  /** A second API token, of an admin allowed to read only: its writes get 403 E0000006. */
  get readOnlyToken(): string {
    return this.directory.readOnlyToken
  }

  /** The admin user the full-admin token belongs to (`GET /api/v1/users/me`). */
  get adminUser(): OktaUserRecord {
    return copy(this.directory.requireUser(this.directory.adminUserId))
  }

  user(idOrLogin: string): OktaUserRecord | undefined {
    const user = this.directory.findUser(idOrLogin)
    return user && copy(user)
  }

  findUserByLogin(login: string): OktaUserRecord | undefined {
    const id = this.directory.userIdWithLogin(login)
    return id ? this.user(id) : undefined
  }

  group(idOrName: string): OktaGroupRecord | undefined {
    const group = this.directory.groupById(idOrName) ?? this.directory.groupWithName(idOrName)
    return group && copy(group)
  }

  findGroupByName(name: string): OktaGroupRecord | undefined {
    const group = this.directory.groupWithName(name)
    return group && copy(group)
  }

  users(): OktaUserRecord[] {
    return this.directory.users().map(copy)
  }

  groups(): OktaGroupRecord[] {
    return this.directory.groups().map(copy)
  }

  membersOf(group: string): OktaUserRecord[] {
    return this.directory.membersOf(this.requireGroup(group)).map(copy)
  }

  groupsOf(user: string): OktaGroupRecord[] {
    return this.directory.groupsOf(this.requireUser(user)).map(copy)
  }

  appAssignmentsOf(user: string): string[] {
    return [...this.requireUser(user).appAssignments]
  }

  /** Users in any status, the two admins included. */
  countUsers(status?: OktaUserStatus): number {
    const users = this.directory.users()
    return status ? users.filter((user) => user.status === status).length : users.length
  }

  countGroups(type?: OktaGroupType): number {
    const groups = this.directory.groups()
    return type ? groups.filter((group) => group.type === type).length : groups.length
  }

  /** Sets a status directly (e.g. LOCKED_OUT, which no API call produces). DEPROVISIONED also drops app assignments. */
  setStatus(user: string, status: OktaUserStatus): OktaUserRecord {
    const record = this.requireUser(user)
    if (status === 'DEPROVISIONED') deactivate(record)
    else setStatus(record, status)
    if (status !== 'STAGED' && !record.activated) record.activated = record.statusChanged
    this.changed()
    return copy(record)
  }

  addUser(input: NewTenantUser): OktaUserRecord {
    const login = input.login ?? `${input.firstName}.${input.lastName}@example.com`.toLowerCase()
    const profile = checkProfile({ email: login, ...input.profile, firstName: input.firstName, lastName: input.lastName, login }, { complete: true, subject: 'newUser' })
    if (this.directory.userIdWithLogin(login)) throw oktaErrors.validation('login', ['login: An object with this field already exists in the current organization'])
    const status = input.status ?? 'ACTIVE'
    const hasPassword = input.hasPassword ?? !(status === 'STAGED' || status === 'PROVISIONED')
    const now = timestamp()
    const user: OktaUserRecord = {
      id: this.directory.newId('00u'),
      status,
      created: now,
      activated: status === 'STAGED' ? null : now,
      statusChanged: status === 'STAGED' ? null : now,
      lastLogin: null,
      lastUpdated: now,
      passwordChanged: hasPassword ? now : null,
      typeId: this.directory.org.userTypeId,
      profile,
      hasPassword,
      recoveryQuestion: null,
      appAssignments: status === 'STAGED' || status === 'DEPROVISIONED' ? [] : ['Slack'],
      factors: hasPassword ? ['token:software:totp'] : [],
    }
    this.directory.addUser(user)
    this.changed()
    return copy(user)
  }

  addGroup(input: NewTenantGroup): OktaGroupRecord {
    if (this.directory.groupWithName(input.name)) throw oktaErrors.validation('name', ['name: An object with this field already exists in the current organization'])
    const now = timestamp()
    const type = input.type ?? 'OKTA_GROUP'
    const group: OktaGroupRecord = {
      id: this.directory.newId('00g'),
      type,
      created: now,
      lastUpdated: now,
      lastMembershipUpdated: now,
      objectClass: type === 'APP_GROUP' ? ['okta:windows_security_principal'] : ['okta:user_group'],
      profile: input.description === undefined ? { name: input.name } : { name: input.name, description: input.description },
      sourceAppId: type === 'APP_GROUP' ? this.directory.newId('0oa') : null,
    }
    this.directory.addGroup(group)
    this.changed()
    return copy(group)
  }

  /** Works on any group type except Everyone (set-up may put people in APP_GROUPs; the API may not). */
  addMember(group: string, user: string): void {
    this.directory.addMember(this.requireGroup(group), this.requireUser(user))
    this.changed()
  }

  removeMember(group: string, user: string): void {
    this.directory.removeMember(this.requireGroup(group), this.requireUser(user))
    this.changed()
  }

  private requireUser(idOrLogin: string): OktaUserRecord {
    return this.directory.requireUser(idOrLogin)
  }

  private requireGroup(idOrName: string): OktaGroupRecord {
    const group = this.directory.groupById(idOrName) ?? this.directory.groupWithName(idOrName)
    if (!group) throw oktaErrors.notFound(idOrName, 'UserGroup')
    return group
  }
}

function copy<T>(value: T): T {
  return structuredClone(value)
}
