import { describe, expect, it } from 'vitest'
import { expandPair, readReferenceConnectors } from '../../support/referenceTables'

/* The reference parser is what the descriptor tests trust, so it gets tests of its own. */

describe('the reference table reader', () => {
  it('expands a compound row into one row per attribute, sharing the path prefix', () => {
    expect(
      expandPair('addresses.streetAddress / locality / region / postalCode', 'default-address.street1 / city / state / postal-code'),
    ).toEqual([
      { scim: 'addresses.streetAddress', native: 'default-address.street1', notes: [] },
      { scim: 'addresses.locality', native: 'default-address.city', notes: [] },
      { scim: 'addresses.region', native: 'default-address.state', notes: [] },
      { scim: 'addresses.postalCode', native: 'default-address.postal-code', notes: [] },
    ])
  })

  it('pairs a comma list with one native attribute and keeps a full path as written', () => {
    expect(expandPair('id, displayName', 'GroupName').map((row) => row.scim)).toEqual(['id', 'displayName'])
    expect(expandPair('meta.created / meta.lastModified', 'created / lastUpdated').map((row) => row.scim)).toEqual([
      'meta.created',
      'meta.lastModified',
    ])
  })

  it('turns parenthesised remarks and "of the …" qualifiers into notes of every expanded row', () => {
    expect(expandPair('groups[].value / display (on demand)', "id / profile.name of the user's groups")).toEqual([
      { scim: 'groups[].value', native: 'id', notes: ['on demand', "of the user's groups"] },
      { scim: 'groups[].display', native: 'profile.name', notes: ['on demand', "of the user's groups"] },
    ])
  })

  it('refuses a row whose two sides cannot be paired', () => {
    expect(() => expandPair('a / b / c', 'x / y')).toThrow('Cannot pair')
  })

  it('reads every part of every connector section of the fixture', () => {
    const sections = readReferenceConnectors()
    expect(sections).toHaveLength(4)
    for (const section of sections) {
      expect(section.parameters.length, section.heading).toBeGreaterThan(1)
      expect(section.operations.length, section.heading).toBeGreaterThan(1)
      expect(section.mandatoryFields.length, section.heading).toBe(2)
      expect(section.mappings.length, section.heading).toBe(2)
      expect(section.limitations.length, section.heading).toBeGreaterThan(3)
    }
    const coupaUsers = sections.find((section) => section.heading === 'Coupa')?.mappings[0]?.rows ?? []
    expect(coupaUsers).toHaveLength(52)
  })

  it('stops with a clear error on a paragraph it does not understand, rather than skipping it', () => {
    expect(() => readReferenceConnectors('## 1. Example\n\nProfile parameters: Connector name · Token (secret).\n\nSomething new.\n')).toThrow(
      'a paragraph the tests do not understand',
    )
  })
})
