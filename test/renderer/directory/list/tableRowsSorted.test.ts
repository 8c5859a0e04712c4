import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareRowsBy, type RowOrder } from '../../../../renderer/src/stores/rowOrder'
import { TableRows } from '../../../../renderer/src/stores/tableRows'
import { users } from './listFixtures'

const names = ['Ada', 'ada', 'Björn', 'bo', 'Émile', 'Zoë', 'User 9', 'User 10', 'Léa', 'Lea']

/** Users with names drawn from `picks`, ids unique. */
const rowsOf = (picks: number[], from: number) => picks.map((pick, offset) => ({ ...users(1, from + offset)[0]!, displayName: names[pick % names.length]! }))

describe('sorted rows as pages arrive, rows change and leave', () => {
  it('always equal a full sort of what is held, and find each row where it is shown', () => {
    const order: RowOrder = { column: 'name', direction: 'descending' }
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(), { maxLength: 30 }), { minLength: 1, maxLength: 6 }), fc.nat(), (pages, pick) => {
        const held = new TableRows()
        held.reset(rowsOf(pages[0]!, 0))
        held.sortBy(compareRowsBy(order))
        let next = pages[0]!.length
        for (const picks of pages.slice(1)) {
          held.append(rowsOf(picks, next))
          next += picks.length
        }
        const all = [...held.items]
        if (all.length > 0) {
          const changed = all[pick % all.length]!
          held.replace({ ...changed, displayName: names[(pick + 3) % names.length]! })
          held.remove(all[(pick * 7) % all.length]!.id)
        }
        const expected = [...held.items].sort(compareRowsBy(order))
        expect(held.items.map((row) => row.id)).toEqual(expected.map((row) => row.id))
        held.items.forEach((row, position) => expect(held.indexOf(row.id)).toBe(position))
        expect(held.items).toHaveLength(new Set(held.items.map((row) => row.id)).size)
      }),
    )
  })

  it('sorts numbers by value and ignores accents and case', () => {
    const held = new TableRows()
    held.reset(rowsOf([7, 6, 4, 3, 2], 0))
    held.sortBy(compareRowsBy({ column: 'name', direction: 'ascending' }))
    expect(held.items.map((row) => row.displayName)).toEqual(['Björn', 'bo', 'Émile', 'User 9', 'User 10'])
  })
})
