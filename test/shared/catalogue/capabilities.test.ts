import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { adapterCapabilities, capabilitiesOf, connectors, getDescriptor, operations } from '../../../shared/catalogue'
import type { AdapterCapability, ConnectorDescriptor, ConnectorId, ObjectTypeDescriptor, Operation } from '../../../shared/catalogue'
import { connectorByHeading, operationByColumn, readReferenceConnectors } from '../../support/referenceTables'

/*
 * The typed capability model is derived once from the descriptors' reference wording. These tests
 * hold the derivation to the reference's tables (every cell), to what each target is known to do
 * (written out by hand, not recomputed), and keep prose out of every other decision.
 */

describe('the capability model derived from each descriptor', () => {
  it("supports exactly the operations whose reference cell is not '–' or 'not supported', per object type", () => {
    for (const section of readReferenceConnectors()) {
      const descriptor = getDescriptor(connectorByHeading[section.heading]!)
      const model = capabilitiesOf(descriptor)
      for (const row of section.operations) {
        const type = descriptor.objectTypes.find((candidate) => candidate.referenceName === row.object)!
        for (const [column, cell] of Object.entries(row.cells)) {
          const supported = !(cell.startsWith('–') || cell === 'not supported')
          expect({ where: `${descriptor.id} ${type.id} ${column}`, supported: model.objectTypes[type.id]!.supports[operationByColumn[column]!] }).toEqual({
            where: `${descriptor.id} ${type.id} ${column}`,
            supported,
          })
        }
      }
    }
  })

  it('says from which side each group-like type’s memberships are changed, or that they are read-only', () => {
    const sides = (id: ConnectorId) =>
      Object.fromEntries(Object.values(capabilitiesOf(getDescriptor(id)).memberships).map((membership) => [membership.groupType, membership.changedFrom]))
    expect(sides('okta')).toEqual({ groups: 'group' })
    expect(sides('cognito')).toEqual({ groups: 'group' })
    expect(sides('coupa')).toEqual({ groups: 'user', roles: 'user', 'user-groups': 'user', 'account-groups': 'user' })
    expect(sides('gotomeeting')).toEqual({ groups: null })
  })

  it('says which side each object type’s own membership cell names', () => {
    const declared = (id: ConnectorId) =>
      Object.fromEntries(Object.entries(capabilitiesOf(getDescriptor(id)).objectTypes).map(([type, model]) => [type, model.membershipChangedFrom]))
    expect(declared('okta')).toEqual({ users: 'group', groups: 'group' })
    expect(declared('coupa')).toEqual({ users: 'user', groups: 'user', roles: 'user', 'user-groups': 'user', 'account-groups': 'user' })
    expect(declared('gotomeeting')).toEqual({ users: null, groups: null })
  })

  it('marks as read-only exactly the types nothing in Lanyard can write: Coupa’s four group-like types', () => {
    const readOnly = connectors.flatMap((descriptor) =>
      Object.entries(capabilitiesOf(descriptor).objectTypes)
        .filter(([, model]) => model.readOnly)
        .map(([type]) => `${descriptor.id}:${type}`),
    )
    expect(readOnly.sort()).toEqual(['coupa:account-groups', 'coupa:groups', 'coupa:roles', 'coupa:user-groups'])
  })

  it('declares the adapter capabilities each target needs, and no other', () => {
    const expected: Record<ConnectorId, AdapterCapability[]> = {
      // Okta's everyday account actions (unlock, reset password, …).
      okta: ['createsObjects', 'updatesObjects', 'deletesObjects', 'readsMemberships', 'managesMemberships', 'deprovisions', 'runsAccountActions'],
      // Cognito's: reset password, resend the invitation, sign out everywhere, enable, disable.
      cognito: ['createsObjects', 'updatesObjects', 'deletesObjects', 'readsMemberships', 'managesMemberships', 'deprovisions', 'runsAccountActions'],
      // Soft delete only.
      coupa: ['createsObjects', 'updatesObjects', 'readsMemberships', 'managesMemberships', 'deprovisions'],
      // Members are shown read-only.
      // Members are shown read-only; licences are assigned and removed on the user's panel.
      gotomeeting: ['createsObjects', 'updatesObjects', 'deletesObjects', 'readsMemberships', 'deprovisions', 'managesLicences'],
    }
    for (const descriptor of connectors) {
      expect({ id: descriptor.id, capabilities: [...capabilitiesOf(descriptor).adapter].sort() }).toEqual({ id: descriptor.id, capabilities: [...expected[descriptor.id]].sort() })
    }
    expect([...adapterCapabilities].sort()).toEqual([...new Set(Object.values(expected).flat())].sort())
  })

  it('is derived once per descriptor: the same frozen model every time', () => {
    const okta = getDescriptor('okta')
    expect(capabilitiesOf(okta)).toBe(capabilitiesOf(okta))
    expect(Object.isFrozen(capabilitiesOf(okta).objectTypes.users!.supports)).toBe(true)
  })
})

function withTypes(objectTypes: ObjectTypeDescriptor[]): ConnectorDescriptor {
  return { ...getDescriptor('okta'), id: 'okta', label: 'Test target', objectTypes }
}

function type(id: string, scimResource: 'User' | 'Group', cells: Partial<Record<Operation, string>>): ObjectTypeDescriptor {
  return { id, referenceName: id, label: id, scimResource, operations: cells, mandatoryFields: [], mapping: [] }
}

describe('a descriptor the derivation cannot read', () => {
  it('refuses memberships declared as changed from both sides, naming the types and what to write', () => {
    const both = withTypes([type('users', 'User', { get: 'GET', membership: 'PUT' }), type('groups', 'Group', { get: 'GET', membership: 'POST' })])
    expect(() => capabilitiesOf(both)).toThrow(/Test target.*users.*groups.*both sides.*"via user" or "via group"/)
  })

  it('refuses a deprovision without its undo: every deprovision Lanyard makes can be undone', () => {
    const oneWay = withTypes([type('users', 'User', { get: 'GET', deprovision: 'PUT' })])
    expect(() => capabilitiesOf(oneWay)).toThrow(/Test target.*users.*deprovision.*undo/)
  })

  it('refuses a "via" cell that names a side the target does not have', () => {
    const nowhere = withTypes([type('users', 'User', { get: 'GET' }), type('groups', 'Group', { get: 'GET', membership: 'via user' })])
    expect(() => capabilitiesOf(nowhere)).toThrow(/Test target.*groups.*via user.*users declare no membership/)
  })
})

describe('prose stays in the one derivation', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url))
  const derivation = 'shared/catalogue/capabilities.ts'

  function sourceFiles(directory: string): string[] {
    return readdirSync(join(root, directory)).flatMap((name) => {
      const path = join(directory, name)
      if (statSync(join(root, path)).isDirectory()) return sourceFiles(path)
      return /\.(ts|vue)$/.test(name) ? [path] : []
    })
  }

  it('no code in main, the renderer or shared reads the membership cell or matches "via …" but the derivation', () => {
    const offenders = ['electron', 'renderer/src', 'shared']
      .flatMap(sourceFiles)
      .filter((path) => relative('.', path) !== derivation)
      .filter((path) => /operations\.membership|operations\[['"]membership['"]\]|\/via (user|group)/.test(readFileSync(join(root, path), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('covers every operation of the tables', () => {
    expect(Object.keys(capabilitiesOf(getDescriptor('okta')).objectTypes.users!.supports).sort()).toEqual([...operations].sort())
  })
})
