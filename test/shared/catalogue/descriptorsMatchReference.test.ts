import { describe, expect, it } from 'vitest'
import { getDescriptor } from '../../../shared/catalogue'
import type { ConnectorDescriptor, ObjectTypeDescriptor } from '../../../shared/catalogue'
import { connectorByHeading, normaliseText, operationByColumn, readReferenceConnectors } from '../../support/referenceTables'
import type { ReferenceConnector, ReferenceMappingRow } from '../../support/referenceTables'

/*
 * Every descriptor against the connector reference, row by row: a parameter, operation cell,
 * mandatory field, mapping row or limitation dropped from (or added to) a descriptor fails here.
 */

const reference = readReferenceConnectors()

/** `Groups (content groups)` and `Groups` are both the reference's "Groups". */
function shortName(objectType: ObjectTypeDescriptor): string {
  return objectType.referenceName.split(' (')[0] ?? ''
}

function objectTypeNamed(descriptor: ConnectorDescriptor, name: string): ObjectTypeDescriptor {
  const found = descriptor.objectTypes.find((objectType) => shortName(objectType) === name)
  if (!found) throw new Error(`${descriptor.id} has no object type for the reference's "${name}"`)
  return found
}

function comparable(text: string): string {
  return normaliseText(text).toLowerCase()
}

/** "– (soft delete only)" → "soft delete only"; "not supported" stays; a bare "–" says nothing. */
function absenceReason(cell: string): string {
  return cell.replace(/^–\s*/, '').replace(/^\((.*)\)$/, '$1').trim()
}

function isAbsent(cell: string): boolean {
  return cell.startsWith('–') || cell === 'not supported'
}

describe.each(reference.map((section): [string, ReferenceConnector] => [section.heading, section]))(
  'the %s descriptor',
  (heading, section) => {
    const id = connectorByHeading[heading]
    if (id === undefined) throw new Error(`No connector id for the reference section "${heading}"`)
    const descriptor = getDescriptor(id)

    it('has every profile parameter of the reference, and no other but its own marked choices, with its secret flag', () => {
      const fromReference = descriptor.parameters.filter((parameter) => parameter.origin !== 'lanyard')
      expect(fromReference.map((parameter) => parameter.label)).toEqual(section.parameters.map((item) => item.label))
      for (const item of section.parameters) {
        const parameter = descriptor.parameters.find((candidate) => candidate.label === item.label)
        const secret = item.annotation.split(/[,;]/)[0]?.trim() === 'secret'
        expect({ label: item.label, secret: parameter?.secret }).toEqual({ label: item.label, secret })
        expect({ label: item.label, secretKind: parameter?.kind === 'secret' }).toEqual({ label: item.label, secretKind: secret })
        if (item.annotation.startsWith('optional')) expect(parameter?.required, item.label).toBe(false)
        const example = /^example (\S+)$/.exec(item.annotation)?.[1]
        if (example) expect([parameter?.defaultValue, parameter?.placeholder], item.label).toContain(example)
      }
    })

    it('has the object types of the operations table, in its order', () => {
      expect(descriptor.objectTypes.map((objectType) => objectType.referenceName)).toEqual(
        section.operations.map((row) => row.object),
      )
    })

    it('declares every operations cell verbatim and omits every absent one', () => {
      for (const row of section.operations) {
        const objectType = descriptor.objectTypes.find((candidate) => candidate.referenceName === row.object)
        for (const [column, cell] of Object.entries(row.cells)) {
          const operation = operationByColumn[column]
          if (operation === undefined) throw new Error(`Unknown operations column "${column}"`)
          const where = `${row.object} ${operation}`
          if (isAbsent(cell)) {
            expect(objectType?.operations[operation], where).toBeUndefined()
            const reason = absenceReason(cell)
            if (reason !== '') expect(objectType?.absentOperationNotes?.[operation], where).toBe(reason)
          } else {
            expect(objectType?.operations[operation], where).toBe(cell)
          }
        }
      }
    })

    it('marks exactly the mandatory fields of the reference', () => {
      for (const { object, fields } of section.mandatoryFields) {
        expect(objectTypeNamed(descriptor, object).mandatoryFields, object).toEqual(fields)
      }
      const named = new Set(section.mandatoryFields.map(({ object }) => object))
      for (const objectType of descriptor.objectTypes.filter((candidate) => !named.has(shortName(candidate)))) {
        expect(objectType.mandatoryFields, objectType.referenceName).toEqual([])
      }
    })

    it('maps every SCIM attribute the reference maps, compound rows expanded, and nothing else', () => {
      const expectedByObject = new Map<string, ReferenceMappingRow[]>()
      for (const mapping of section.mappings) {
        for (const object of mapping.objects) expectedByObject.set(object, [...(expectedByObject.get(object) ?? []), ...mapping.rows])
      }
      expect(new Set(descriptor.objectTypes.map(shortName))).toEqual(new Set(expectedByObject.keys()))

      for (const [object, expectedRows] of expectedByObject) {
        // Rows Lanyard adds are its own, like its parameters: the reference is pinned without them.
        const remaining = objectTypeNamed(descriptor, object).mapping.filter((row) => row.origin !== 'lanyard')
        for (const expected of expectedRows) {
          const index = remaining.findIndex((row) => row.scim === expected.scim && row.native === expected.native)
          expect(index, `${object}: ${expected.scim} ⇄ ${expected.native}`).toBeGreaterThanOrEqual(0)
          const [row] = remaining.splice(index, 1)
          for (const note of expected.notes) {
            expect(comparable(row?.note ?? ''), `${object}: note of ${expected.scim} ⇄ ${expected.native}`).toContain(comparable(note))
          }
        }
        expect(remaining, `${object} rows the reference does not have`).toEqual([])
      }
    })

    it('states the known limitations in the reference’s words and order', () => {
      expect(section.limitations.length).toBeGreaterThan(0)
      expect(descriptor.limitations.map(normaliseText)).toEqual(section.limitations)
    })

    it('keeps the reference’s other statements among its notes', () => {
      const notes = descriptor.notes.map(comparable)
      for (const aside of section.asides) expect(notes, aside).toContain(comparable(aside))
    })
  },
)

describe('the connector reference', () => {
  it('has one section per connector', () => {
    expect(reference.map((section) => connectorByHeading[section.heading]).sort()).toEqual(['cognito', 'coupa', 'gotomeeting', 'okta'])
  })
})
