import type { ConnectorDescriptor, ConnectorId, ObjectTypeDescriptor } from '../../shared/catalogue/types'
import type { AttributeValue, DirectoryObject, ObjectStatus } from '../../shared/directory'
import type { AccountState, PersonAccount } from '../../shared/people'
import { userTypeOf } from '../directory/operationRules'

/*
 * One user of a target as an account of a person, from what the target's list answer already holds:
 * never a request more per row. Where each field comes from is read from the descriptor's mapping
 * rows (the email is `profile.email` on Okta, the pool's `email` attribute on Cognito, `email` on
 * Coupa and GoTo); the few things no row says are in `unmappedSources` below.
 */

/** The SCIM paths an account's fields are read from, on one target. */
interface AccountSources {
  email: string[]
  otherEmails: string[]
  givenName: string[]
  familyName: string[]
  lastSignIn: string[]
}

/**
 * What the rows cannot say: attributes the adapter shows as custom ones because the reference's
 * table has no row for them (Okta's `profile.secondEmail`).
 */
const unmappedSources: Partial<Record<ConnectorId, Partial<AccountSources>>> = {
  okta: { otherEmails: ['Extension.Custom.secondEmail'] },
}

/**
 * The status words each target's deprovision leaves (the adapters' `deprovision`): Okta suspends or
 * deactivates, Cognito disables ("Disabled (CONFIRMED)"), Coupa sets active=false, GoTo suspends.
 */
const deprovisionedStatus: Record<ConnectorId, (label: string) => boolean> = {
  okta: (label) => label === 'SUSPENDED' || label === 'DEPROVISIONED',
  cognito: (label) => label.startsWith('Disabled'),
  coupa: (label) => label === 'inactive',
  gotomeeting: (label) => label === 'SUSPENDED',
}

const sourcesOf = new WeakMap<ObjectTypeDescriptor, AccountSources>()

function sources(descriptor: ConnectorDescriptor): AccountSources {
  const users = userTypeOf(descriptor)
  let found = sourcesOf.get(users)
  if (!found) {
    const read = users.mapping.filter((row) => row.access !== 'writeOnly').map((row) => row.scim)
    const rowsMatching = (pattern: RegExp) => read.filter((path) => pattern.test(path))
    const extra = unmappedSources[descriptor.id] ?? {}
    found = {
      email: rowsMatching(/^emails(\[0\])?\.value$/),
      otherEmails: [...rowsMatching(/^emails\[[1-9]\d*\]\.value$/), ...(extra.otherEmails ?? [])],
      givenName: [...rowsMatching(/^name\.givenName$/), ...(extra.givenName ?? [])],
      familyName: [...rowsMatching(/^name\.familyName$/), ...(extra.familyName ?? [])],
      lastSignIn: rowsMatching(/^meta\.lastLogin$/),
    }
    sourcesOf.set(users, found)
  }
  return found
}

function texts(value: AttributeValue | undefined): string[] {
  const values = Array.isArray(value) ? value : [value]
  return values.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim())
}

function first(object: DirectoryObject, paths: readonly string[]): string | null {
  for (const path of paths) {
    const [value] = texts(object.attributes[path])
    if (value !== undefined) return value
  }
  return null
}

/** The neutral state beside the target's own word: what a deprovision leaves is `deprovisioned`. */
export function accountState(connectorId: ConnectorId, status: Pick<ObjectStatus, 'label' | 'active'> | null): AccountState {
  if (!status) return 'other'
  if (status.active) return 'active'
  return deprovisionedStatus[connectorId](status.label) ? 'deprovisioned' : 'inactive'
}

export interface AccountProfile {
  id: string
  name: string
  connectorId: ConnectorId
}

export function toPersonAccount(profile: AccountProfile, descriptor: ConnectorDescriptor, user: DirectoryObject): PersonAccount {
  const from = sources(descriptor)
  const email = first(user, from.email)
  const otherEmails = [...new Set(from.otherEmails.flatMap((path) => texts(user.attributes[path])))].filter(
    (other) => other.toLowerCase() !== email?.toLowerCase(),
  )
  const userName = first(user, ['userName'])
  return {
    profileId: profile.id,
    profileName: profile.name,
    connectorId: profile.connectorId,
    application: descriptor.label,
    userId: user.id,
    displayName: user.displayName,
    userName,
    email,
    otherEmails,
    givenName: first(user, from.givenName),
    familyName: first(user, from.familyName),
    state: accountState(profile.connectorId, user.status),
    statusLabel: user.status?.label ?? '',
    lastSignInAt: first(user, from.lastSignIn),
  }
}
