import { createCognitoConnector } from '../../../electron/connectors/cognito/createCognitoConnector'
import type { ConnectorFactory } from '../../../electron/connectors/Connector'
import { createCoupaConnector } from '../../../electron/connectors/coupa/createCoupaConnector'
import { createGoToMeetingConnector } from '../../../electron/connectors/gotomeeting/createGoToMeetingConnector'
import { createOktaConnector } from '../../../electron/connectors/okta/createOktaConnector'
import { startCognitoSandbox } from '../../../electron/sandbox/cognito/startCognitoSandbox'
import { startCoupaSandbox } from '../../../electron/sandbox/coupa/startCoupaSandbox'
import { startGoToMeetingSandbox } from '../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import type { RunningSandbox, SandboxOptions } from '../../../electron/sandbox/types'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { AttributeValue } from '../../../shared/directory'
import { sandboxParameters } from '../../../electron/services/sandboxProfiles'

/**
 * One sandbox tenant as the audit sees it: how Lanyard reaches it (the profile, an adapter with
 * short timeouts so faults cost little time) and what the tenant REALLY holds, read from its
 * in-memory directory and never through Lanyard — the oracle the journal is compared with.
 */
export interface AuditTarget {
  connectorId: ConnectorId
  sandbox: RunningSandbox
  profile: { values: Record<string, string>; secrets: Record<string, string> }
  factory: ConnectorFactory
  /** A new user's attributes; `unique` appears in the tenant's record of that user only. */
  newUser(tag: string): { attributes: Record<string, AttributeValue>; password?: string; unique: string }
  /** Ids of the users whose record holds `unique` (more than one: a duplicate). */
  usersHolding(unique: string): string[]
  /** An attribute change whose value is `unique`; found in the record iff the update landed. */
  updateOf(tag: string): { attribute: string; value: string }
  /** The user's whole record as JSON, undefined when the tenant has no such user. */
  record(userId: string): string | undefined
  /** Active users Lanyard may change (never the account the credentials belong to). */
  activeUsers(): string[]
  canDelete: boolean
  membership?: { groupType: string; groups(): string[]; isMember(groupId: string, userId: string): boolean }
  /** What deprovision and undo change, aspect by aspect. */
  lifecycle(userId: string): Record<string, unknown>
  /** The aspects a complete deprovision leaves, from the ones before it. */
  deprovisioned(before: Record<string, unknown>): Record<string, unknown>
  close(): Promise<void>
}

const fast = { timeoutMs: 600, maxRetries: 3, backoff: { initialMs: 5, maxMs: 20 } }
const rateLimit = { maxWaitMs: 1_000, maxWaits: 2 }
const sorted = (values: readonly (string | number)[]) => values.map(String).sort()

async function okta(options: SandboxOptions): Promise<AuditTarget> {
  const sandbox = await startOktaSandbox(options)
  const { tenant } = sandbox
  const groupIds = (userId: string) => sorted(tenant.groupsOf(userId).filter((group) => group.type === 'OKTA_GROUP').map((group) => group.id))
  return {
    connectorId: 'okta',
    sandbox,
    profile: { values: { url: sandbox.url }, secrets: { token: sandbox.credentials.token! } },
    factory: (settings) => createOktaConnector(settings, { ...fast, rateLimit }),
    newUser: (tag) => ({
      attributes: { userName: `${tag}@audit.example.com`, 'emails[0].value': `${tag}@audit.example.com`, 'name.givenName': 'Audit', 'name.familyName': tag },
      password: 'Audit-Pass-4242!',
      unique: `${tag}@audit.example.com`,
    }),
    usersHolding: (unique) => tenant.users().filter((user) => JSON.stringify(user).includes(unique)).map((user) => user.id),
    updateOf: (tag) => ({ attribute: 'title', value: tag }),
    record: (userId) => json(tenant.user(userId)),
    activeUsers: () => tenant.users().filter((user) => user.status === 'ACTIVE' && user.id !== tenant.adminUser.id).map((user) => user.id),
    canDelete: true,
    membership: {
      groupType: 'groups',
      groups: () => tenant.groups().filter((group) => group.type === 'OKTA_GROUP').map((group) => group.id),
      isMember: (groupId, userId) => groupIds(userId).includes(groupId),
    },
    lifecycle: (userId) => ({ status: tenant.user(userId)?.status, groups: tenant.user(userId) ? groupIds(userId) : [] }),
    deprovisioned: (before) => ({ ...before, status: 'SUSPENDED' }),
    close: () => sandbox.close(),
  }
}

async function cognito(options: SandboxOptions): Promise<AuditTarget> {
  const sandbox = await startCognitoSandbox(options)
  const { tenant } = sandbox
  const { accessKeyId, accessSecret, region, userPoolId } = sandbox.credentials
  const groupNames = (username: string) => (tenant.findUser(username) ? sorted(tenant.groupsOf(username).map((group) => group.name)) : [])
  return {
    connectorId: 'cognito',
    sandbox,
    profile: { values: { accessKeyId: accessKeyId!, region: region!, userPoolId: userPoolId!, url: sandbox.url }, secrets: { accessSecret: accessSecret! } },
    factory: (settings) => createCognitoConnector(settings, { ...fast, throttling: { maxWaits: 2, initialMs: 5, maxMs: 20 } }),
    newUser: (tag) => ({
      attributes: { userName: tag, 'emails[0].value': `${tag}@audit.example.com`, 'Extension.IsPasswordPermanent': true },
      password: 'Audit-Pass-4242!',
      unique: `${tag}@audit.example.com`,
    }),
    usersHolding: (unique) => tenant.users().filter((user) => JSON.stringify(user).includes(unique)).map((user) => user.username),
    updateOf: (tag) => ({ attribute: 'phoneNumbers[0].value', value: `+1555${String(hash(tag)).padStart(7, '0').slice(-7)}` }),
    record: (userId) => json(tenant.findUser(userId)),
    activeUsers: () => tenant.users().filter((user) => user.enabled && user.status === 'CONFIRMED').map((user) => user.username),
    canDelete: true,
    membership: {
      groupType: 'groups',
      groups: () => tenant.groups().map((group) => group.name),
      isMember: (groupId, userId) => groupNames(userId).includes(groupId),
    },
    lifecycle: (userId) => ({ enabled: tenant.findUser(userId)?.enabled, groups: groupNames(userId) }),
    deprovisioned: (before) => ({ ...before, enabled: false }),
    close: () => sandbox.close(),
  }
}

async function coupa(options: SandboxOptions): Promise<AuditTarget> {
  const sandbox = await startCoupaSandbox(options)
  const { tenant } = sandbox
  const apiUserId = tenant.apiUser.id
  return {
    connectorId: 'coupa',
    sandbox,
    // As the app's Sandbox profile: the OAuth client (roles come through GraphQL, which Coupa serves to OAuth clients only).
    profile: sandboxParameters('coupa', sandbox.url, sandbox.credentials),
    factory: (settings) => createCoupaConnector(settings, { ...fast, rateLimit }),
    newUser: (tag) => ({
      attributes: { userName: tag, 'emails[0].value': `${tag}@audit.example.com`, 'name.givenName': 'Audit', 'name.familyName': tag },
      unique: `${tag}@audit.example.com`,
    }),
    usersHolding: (unique) => tenant.users().filter((user) => JSON.stringify(user).includes(unique)).map((user) => String(user.id)),
    updateOf: (tag) => ({ attribute: 'name.familyName', value: tag }),
    record: (userId) => json(tenant.user(userId)),
    activeUsers: () => tenant.users().filter((user) => user.fields.active === true && user.id !== apiUserId).map((user) => String(user.id)),
    canDelete: false,
    membership: {
      groupType: 'roles',
      groups: () => [...new Set(tenant.users().flatMap((user) => user.roleIds))].map(String),
      isMember: (groupId, userId) => (tenant.user(userId)?.roleIds ?? []).map(String).includes(groupId),
    },
    lifecycle: (userId) => {
      const user = tenant.user(userId)
      return { active: user?.fields.active, roles: sorted(user?.roleIds ?? []), groups: sorted([...(user?.contentGroupIds ?? []), ...(user?.userGroupIds ?? [])]) }
    },
    deprovisioned: (before) => ({ ...before, active: false }),
    close: () => sandbox.close(),
  }
}

async function gotomeeting(options: SandboxOptions): Promise<AuditTarget> {
  const sandbox = await startGoToMeetingSandbox(options)
  const { tenant } = sandbox
  return {
    connectorId: 'gotomeeting',
    sandbox,
    // As the app's Sandbox profile: the personal access token.
    profile: sandboxParameters('gotomeeting', sandbox.url, sandbox.credentials),
    factory: (settings) => createGoToMeetingConnector(settings, { ...fast, rateLimit }),
    newUser: (tag) => ({
      attributes: { 'emails[0].value': `${tag}@audit.example.com`, 'name.givenName': 'Audit', 'name.familyName': tag },
      unique: `${tag}@audit.example.com`,
    }),
    usersHolding: (unique) => tenant.users().filter((user) => JSON.stringify(user).includes(unique)).map((user) => user.key),
    updateOf: (tag) => ({ attribute: 'name.familyName', value: tag }),
    record: (userId) => json(tenant.user(userId)),
    activeUsers: () =>
      tenant
        .users()
        .filter((user) => user.key !== tenant.adminUser.key && (user.licenseKeys.length > 0 || user.adminRoles.length > 0))
        .map((user) => user.key),
    canDelete: true,
    lifecycle: (userId) => {
      const user = tenant.user(userId)
      return { licenses: sorted(user?.licenseKeys ?? []), adminRoles: sorted(user?.adminRoles ?? []), roleSets: sorted(user?.roleSets ?? []), group: user?.groupKey }
    },
    deprovisioned: (before) => ({ ...before, licenses: [], adminRoles: [], roleSets: [] }),
    close: () => sandbox.close(),
  }
}

/** Every connector's tenant, started for one audit batch. */
export const auditTargets = { okta, cognito, coupa, gotomeeting }
export type AuditedConnector = keyof typeof auditTargets
export const auditedConnectors = Object.keys(auditTargets) as AuditedConnector[]

function json(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value)
}

function hash(text: string): number {
  let value = 0
  for (const character of text) value = (value * 31 + character.charCodeAt(0)) % 10_000_000
  return value
}
