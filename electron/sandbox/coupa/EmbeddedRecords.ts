import type { CoupaDirectory } from './CoupaDirectory'
import {
  renderAccountGroup,
  renderAccountType,
  renderApprovalLimit,
  renderContentGroup,
  renderCurrency,
  renderRole,
  renderUserGroup,
  type Json,
} from './coupaRepresentations'
import type { EmbeddedKind, Embeds } from './userRepresentation'

const renderers: { [Kind in EmbeddedKind]: (directory: CoupaDirectory, id: number, baseUrl: string) => Json | null } = {
  roles: (directory, id, baseUrl) => rendered(directory.byId('roles', id), (role) => renderRole(role, directory, baseUrl)),
  approvalLimits: (directory, id) => rendered(directory.byId('approvalLimits', id), (limit) => renderApprovalLimit(limit, directory)),
  accountTypes: (directory, id) => rendered(directory.byId('accountTypes', id), (type) => renderAccountType(type, directory)),
  contentGroups: (directory, id, baseUrl) => rendered(directory.byId('contentGroups', id), (group) => renderContentGroup(group, directory, baseUrl)),
  userGroups: (directory, id, baseUrl) => rendered(directory.byId('userGroups', id), (group) => renderUserGroup(group, directory, baseUrl)),
  accountGroups: (directory, id, baseUrl) => rendered(directory.byId('accountGroups', id), (group) => renderAccountGroup(group, directory, baseUrl)),
}

function rendered<Record>(record: Record | undefined, render: (record: Record) => Json): Json | null {
  return record === undefined ? null : render(record)
}

/**
 * The roles, groups, approval limits, charts of accounts and currencies users embed, each rendered
 * once and the same object handed to every user that holds it: a page of users otherwise renders
 * the same few dozen records hundreds of times (a role alone embeds its editor). Answers are only
 * serialised, never changed, so sharing is safe. Dropped whole when the directory says an embedded
 * record may have changed (`embedsVersion`: a catalogue write, or a write to the support user or
 * a group owner, whom these records show) or when the tenant's address does (avatar URLs).
 */
export class EmbeddedRecords implements Embeds {
  private readonly records = new Map<EmbeddedKind, Map<number, Json | null>>()
  private readonly currencies = new Map<number, Json | null>()
  private renderedAt = { version: -1, baseUrl: '' }

  constructor(
    readonly directory: CoupaDirectory,
    private readonly tenantUrl: () => string,
  ) {}

  get baseUrl(): string {
    return this.tenantUrl()
  }

  record(kind: EmbeddedKind, id: number): Json | null {
    this.dropWhenStale()
    let byId = this.records.get(kind)
    if (!byId) {
      byId = new Map()
      this.records.set(kind, byId)
    }
    let json = byId.get(id)
    if (json === undefined) {
      json = renderers[kind](this.directory, id, this.baseUrl)
      byId.set(id, json)
    }
    return json
  }

  currency(id: number | null): Json | null {
    if (id === null) return null
    this.dropWhenStale()
    let json = this.currencies.get(id)
    if (json === undefined) {
      json = renderCurrency(this.directory.currencyById(id))
      this.currencies.set(id, json)
    }
    return json
  }

  /** Checked at every use, not once per request: a write renders its answer after changing things. */
  private dropWhenStale(): void {
    const version = this.directory.embedsVersion
    const baseUrl = this.baseUrl
    if (version === this.renderedAt.version && baseUrl === this.renderedAt.baseUrl) return
    this.records.clear()
    this.currencies.clear()
    this.renderedAt = { version, baseUrl }
  }
}
