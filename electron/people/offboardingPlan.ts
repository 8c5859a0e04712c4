import type { ConnectorDescriptor } from '../../shared/catalogue/types'
import type { AccountRef, OffboardingPlan, OffboardingStep, PersonAccount } from '../../shared/people'
import { requireCapability } from '../connectors/capabilities'
import type { DeprovisionSnapshot, Deprovisions } from '../connectors/Connector'
import { ownAccountRefusal } from '../connectors/ownAccount'
import type { ConnectorPool } from '../directory/ConnectorPool'
import { refusePathLikeIds } from '../directory/objectIdRules'
import { requireOperation, userTypeOf } from '../directory/operationRules'
import type { Logger } from '../logging/Logger'
import type { StoredProfile } from '../profiles/profileFileSchema'
import { errorValue, inParallelAcrossProfiles, uniqueAccounts } from './perProfile'
import { accountState } from './personAccount'

/*
 * The plan of an offboarding: each account read fresh with the snapshot its deprovision would
 * journal (and nothing more), what that target's deprovision does in the catalogue's words, and
 * what will be kept for undo. Nothing is changed.
 */

/** Names for the lists an adapter keeps in `extra` besides groups (GoTo's licences and roles). */
const extraKinds: Readonly<Record<string, string>> = { licenses: 'Licences', adminRoles: 'Admin roles', roleSets: 'Custom roles' }

/** What the target's deprovision does, for the profile's mode (Okta suspends or deactivates). */
export function deprovisionEffect(descriptor: ConnectorDescriptor, mode: string): string[] {
  return [...(descriptor.deprovisionEffects[mode] ?? descriptor.deprovisionEffects.default ?? [])]
}

/** The status and every group, role or licence by name that the journal keeps for undo. */
export function recordedForUndo(descriptor: ConnectorDescriptor, connector: Deprovisions, snapshot: DeprovisionSnapshot): OffboardingStep['recorded'] {
  const memberships: OffboardingStep['recorded']['memberships'] = []
  for (const type of descriptor.objectTypes.filter((candidate) => candidate.scimResource === 'Group')) {
    const names = snapshot.groups.filter((group) => (group.objectType ?? 'groups') === type.id).map((group) => group.name)
    if (names.length > 0) memberships.push({ kind: type.label, names })
  }
  for (const part of connector.deprovisionTakes(snapshot)) {
    if (!part.startsWith('extra.')) continue
    const key = part.slice('extra.'.length)
    const names = listedNames(snapshot.extra[key])
    if (names.length > 0) memberships.push({ kind: extraKinds[key] ?? key, names })
  }
  return { status: snapshot.status, memberships }
}

/** A list kept in `extra`: plain names, or records with a `name` (GoTo's licences). */
function listedNames(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item: unknown) => {
    if (typeof item === 'string') return [item]
    const name = typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined
    return typeof name === 'string' ? [name] : []
  })
}

/** The account as the snapshot shows it: the plan reads nothing else, so what it lacks (email, names) is null. */
export function accountFromSnapshot(profile: StoredProfile, descriptor: ConnectorDescriptor, snapshot: DeprovisionSnapshot): PersonAccount {
  return {
    profileId: profile.id,
    profileName: profile.name,
    connectorId: profile.connectorId,
    application: descriptor.label,
    userId: snapshot.userId,
    displayName: snapshot.displayName,
    userName: snapshot.userName || null,
    email: null,
    otherEmails: [],
    givenName: null,
    familyName: null,
    state: accountState(profile.connectorId, { label: snapshot.status, active: snapshot.active }),
    statusLabel: snapshot.status,
    lastSignInAt: null,
  }
}

/**
 * Refuses the whole call, before anything is sent: an account of a profile that is gone (refresh
 * the search), or whose id reads as a path for its target.
 */
export function refuseUnfitAccounts(connectors: ConnectorPool, accounts: readonly AccountRef[]): void {
  accounts.forEach((account, index) => {
    refusePathLikeIds(connectors.target(account.profileId).descriptor, { [`accounts.${index}.userId`]: account.userId })
  })
}

export async function planOffboarding(connectors: ConnectorPool, logger: Logger, refs: readonly AccountRef[]): Promise<OffboardingPlan> {
  refuseUnfitAccounts(connectors, refs)
  const steps = await inParallelAcrossProfiles(uniqueAccounts(refs), (ref) => planAccount(connectors, logger, ref))
  return { steps }
}

async function planAccount(connectors: ConnectorPool, logger: Logger, ref: AccountRef): Promise<OffboardingStep> {
  try {
    const { profile, descriptor } = connectors.target(ref.profileId)
    requireOperation(descriptor, userTypeOf(descriptor).id, 'deprovision')
    const connector = requireCapability(await connectors.connectorFor(ref.profileId), 'deprovisions')
    const snapshot = await connector.readDeprovisionSnapshot(ref.userId)
    const reason = (connector.deprovisionRefusal(snapshot) ?? (await ownAccountRefusal(connector, snapshot, descriptor.label)))?.message
    return {
      account: accountFromSnapshot(profile, descriptor, snapshot),
      action: reason ? 'skip' : 'deprovision',
      reason: reason ?? null,
      effect: deprovisionEffect(descriptor, snapshot.mode),
      recorded: recordedForUndo(descriptor, connector, snapshot),
    }
  } catch (error) {
    return unreadable(connectors, ref, errorValue(error, logger, 'offboarding plan').message)
  }
}

/** An account that could not be read is not offboarded: skipped, with why, so the others can go ahead. */
function unreadable(connectors: ConnectorPool, ref: AccountRef, message: string): OffboardingStep {
  const { profile, descriptor } = connectors.target(ref.profileId)
  const account: PersonAccount = {
    profileId: profile.id,
    profileName: profile.name,
    connectorId: profile.connectorId,
    application: descriptor.label,
    userId: ref.userId,
    displayName: ref.userId,
    userName: null,
    email: null,
    otherEmails: [],
    givenName: null,
    familyName: null,
    state: 'other',
    statusLabel: '',
    lastSignInAt: null,
  }
  return { account, action: 'skip', reason: `Could not be read, so it will not be offboarded: ${message}`, effect: [], recorded: { status: '', memberships: [] } }
}
