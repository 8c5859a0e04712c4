import type { DirectoryObject } from '../../../../shared/directory'
import { adaLovelace } from './detailFixtures'

/*
 * Objects as the Coupa and GoToMeeting connectors return them, for panels driven by those
 * connectors' real descriptors.
 */

export function coupaUser(overrides: Partial<DirectoryObject> = {}): DirectoryObject {
  return adaLovelace({
    id: '42',
    displayName: 'Ada Lovelace',
    secondary: 'ada',
    status: { label: 'active', tone: 'ok', active: true },
    attributes: { id: '42', userName: 'ada', 'name.givenName': 'Ada', 'name.familyName': 'Lovelace', active: true },
    ...overrides,
  })
}

const coupaNouns: Record<string, string> = { groups: 'content group', roles: 'role', 'user-groups': 'approval group', 'account-groups': 'account group' }

/**
 * A Coupa group-like object: `objectType` is `groups`, `roles`, `user-groups` or `account-groups`.
 * Read-only as the connector returns it (the target changes memberships from the user's side).
 */
export function coupaGroupLike(objectType: string, id: string, name: string): DirectoryObject {
  const readOnlyReason = `Coupa does not change ${coupaNouns[objectType] ?? 'group'}s through its API: give or take one away from a user's panel, under its memberships.`
  return { id, objectType, displayName: name, secondary: '', status: null, readOnlyReason, attributes: { id, displayName: name } }
}

export function gotoUser(overrides: Partial<DirectoryObject> = {}): DirectoryObject {
  return adaLovelace({
    id: '7001',
    displayName: 'Ada Lovelace',
    secondary: 'ada@example.com',
    status: { label: 'active', tone: 'ok', active: true },
    attributes: { id: '7001', userName: 'ada@example.com', 'name.givenName': 'Ada', 'name.familyName': 'Lovelace' },
    ...overrides,
  })
}

export function gotoGroup(id: string, name: string): DirectoryObject {
  return { id, objectType: 'groups', displayName: name, secondary: '', status: null, readOnlyReason: null, attributes: { id, displayName: name } }
}
