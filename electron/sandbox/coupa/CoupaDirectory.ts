import { parseCustomProperties, type CustomProperty } from '../../../shared/catalogue/customProperties'
import { coupaErrors } from './coupaErrors'
import type {
  CoupaAccountGroupRecord,
  CoupaAccountTypeRecord,
  CoupaApprovalLimitRecord,
  CoupaContentGroupRecord,
  CoupaCurrencyRecord,
  CoupaRoleRecord,
  CoupaTenantData,
  CoupaUserGroupRecord,
  CoupaUserRecord,
  IdKind,
} from './coupaRecords'

/** The record type of each catalogue the tenant keeps beside its users. */
export interface Catalogues {
  roles: CoupaRoleRecord
  contentGroups: CoupaContentGroupRecord
  userGroups: CoupaUserGroupRecord
  accountGroups: CoupaAccountGroupRecord
  accountTypes: CoupaAccountTypeRecord
  approvalLimits: CoupaApprovalLimitRecord
}
export type NamedCatalogue = keyof Catalogues

/**
 * The tenant's data with its indexes. Users are kept in id order (ids only grow, so appending keeps
 * the order); login and email are unique ignoring case, as Rails' uniqueness checks on Coupa's
 * case-insensitive database collation are.
 *
 * Invariant: every change to a stored user ends with `userChanged(user)`, and catalogues change
 * only through this class. Rendered records that answers share (EmbeddedRecords) are dropped by
 * `embedsVersion`, which moves whenever what they show may have changed.
 */
export class CoupaDirectory {
  private readonly usersById = new Map<number, CoupaUserRecord>()
  private readonly idsByLogin = new Map<string, number>()
  private readonly idsByEmail = new Map<string, number>()
  /** Catalogue records by id, per catalogue; built on first use. */
  private readonly catalogueIndexes = new Map<NamedCatalogue, Map<number, Catalogues[NamedCatalogue]>>()
  private embeds = 0
  /** Users' attributes as filter text, by attribute, in `users()` order; dropped on any change to a user. */
  private readonly userColumns = new Map<string, readonly (string | null)[]>()
  /** The instance's custom properties, parsed once (malformed entries are left out). */
  readonly customProperties: CustomProperty[]

  constructor(private readonly data: CoupaTenantData) {
    data.users.sort((left, right) => left.id - right.id)
    for (const user of data.users) this.index(user)
    this.customProperties = parseCustomProperties(data.customProperties).properties
  }

  get customPropertiesText(): string {
    return this.data.customProperties
  }

  get supportUserId(): number {
    return this.data.supportUserId
  }

  get apiUserId(): number {
    return this.data.apiUserId
  }

  newId(kind: IdKind): number {
    const id = this.data.nextIds[kind] ?? 1
    this.data.nextIds[kind] = id + 1
    return id
  }

  // Users

  users(): readonly CoupaUserRecord[] {
    return this.data.users
  }

  userById(id: number): CoupaUserRecord | undefined {
    return this.usersById.get(id)
  }

  /** By id (digits), login or email. */
  findUser(key: string | number): CoupaUserRecord | undefined {
    if (typeof key === 'number' || /^\d+$/.test(key)) return this.usersById.get(Number(key))
    const id = this.idsByLogin.get(key.toLowerCase()) ?? this.idsByEmail.get(key.toLowerCase())
    return id === undefined ? undefined : this.usersById.get(id)
  }

  /** The user with this id, or Coupa's 404. `key` is the URL segment as sent. */
  requireUser(key: string | number): CoupaUserRecord {
    const user = /^\d+$/.test(String(key)) ? this.usersById.get(Number(key)) : undefined
    if (!user) throw coupaErrors.notFound('user')
    return user
  }

  userIdWithLogin(login: string): number | undefined {
    return this.idsByLogin.get(login.toLowerCase())
  }

  userIdWithEmail(email: string): number | undefined {
    return this.idsByEmail.get(email.toLowerCase())
  }

  /** Whether another user than `exceptId` holds this value of a unique scalar field. */
  isTaken(field: string, value: string, exceptId?: number): boolean {
    const wanted = value.toLowerCase()
    return this.data.users.some((user) => user.id !== exceptId && String(user.fields[field] ?? '').toLowerCase() === wanted)
  }

  addUser(user: CoupaUserRecord): void {
    this.data.users.push(user)
    this.index(user)
    this.userChanged(user)
  }

  /**
   * Called after any change to a user. Catalogue records embed some users (roles and groups show
   * the support user as their editor, user groups their owner): a change to one of those changes
   * every rendered role or group, so the shared renders go.
   */
  userChanged(user: CoupaUserRecord): void {
    this.userColumns.clear()
    if (user.id === this.data.supportUserId || this.data.userGroups.some((group) => group.ownerId === user.id)) this.embeds++
  }

  /**
   * One attribute of every user as a text filter reads it (coupaQuery's TextColumns), made on the
   * first search that needs it and kept until a user changes: a help desk searches far more often
   * than it changes anyone.
   */
  userColumn(key: string, text: (user: CoupaUserRecord) => string | null): readonly (string | null)[] {
    let column = this.userColumns.get(key)
    if (!column) {
      column = this.data.users.map(text)
      this.userColumns.set(key, column)
    }
    return column
  }

  /** Moves whenever a rendered catalogue record may have changed (see EmbeddedRecords). */
  get embedsVersion(): number {
    return this.embeds
  }

  /** Call after a login or email changed, with the values it had before. */
  reindex(user: CoupaUserRecord, previous: { login: string; email: string }): void {
    this.idsByLogin.delete(previous.login.toLowerCase())
    this.idsByEmail.delete(previous.email.toLowerCase())
    this.index(user)
  }

  // Catalogues

  catalogue<Kind extends NamedCatalogue>(kind: Kind): Catalogues[Kind][] {
    return this.data[kind] as Catalogues[Kind][]
  }

  byId<Kind extends NamedCatalogue>(kind: Kind, id: number): Catalogues[Kind] | undefined {
    let index = this.catalogueIndexes.get(kind)
    if (!index) {
      index = new Map()
      // The first record with an id wins, as a scan in stored order would find it.
      for (const record of this.catalogue(kind)) if (!index.has(record.id)) index.set(record.id, record)
      this.catalogueIndexes.set(kind, index)
    }
    return index.get(id) as Catalogues[Kind] | undefined
  }

  /** Names are matched ignoring case, as Coupa's lookups by natural key are. */
  byName<Kind extends NamedCatalogue>(kind: Kind, name: string): Catalogues[Kind] | undefined {
    const wanted = name.toLowerCase()
    return this.catalogue(kind).find((record) => record.name.toLowerCase() === wanted)
  }

  currencies(): CoupaCurrencyRecord[] {
    return this.data.currencies
  }

  currencyById(id: number | null): CoupaCurrencyRecord | undefined {
    return id === null ? undefined : this.data.currencies.find((currency) => currency.id === id)
  }

  currencyByCode(code: string): CoupaCurrencyRecord | undefined {
    const wanted = code.toUpperCase()
    return this.data.currencies.find((currency) => currency.code === wanted)
  }

  addApprovalLimit(limit: CoupaApprovalLimitRecord): void {
    this.data.approvalLimits.push(limit)
    this.catalogueIndexes.delete('approvalLimits')
    this.embeds++
  }

  /** The user groups a user is in that can approve (the user's `approval-groups`). */
  approvalGroupIdsOf(user: CoupaUserRecord): number[] {
    const approving: number[] = []
    for (const id of user.userGroupIds) if (this.byId('userGroups', id)?.canApprove === true) approving.push(id)
    return approving
  }

  snapshot(): CoupaTenantData {
    return this.data
  }

  private index(user: CoupaUserRecord): void {
    this.usersById.set(user.id, user)
    this.idsByLogin.set(String(user.fields.login ?? '').toLowerCase(), user.id)
    this.idsByEmail.set(String(user.fields.email ?? '').toLowerCase(), user.id)
  }
}
