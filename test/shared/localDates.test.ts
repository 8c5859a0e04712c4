import { describe, expect, it } from 'vitest'
import { localDateTime, readableValue } from '../../shared/dates'
import { exportEntries } from '../../electron/journal/journalExport'
import { utf8Bom } from '../../shared/csv'
import type { JournalEntry } from '../../shared/journal'

const when = '2026-11-03T14:05:00.000Z'

const entry: JournalEntry = {
  id: 'entry-1',
  time: when,
  actor: 'jdoe',
  action: 'update',
  profileId: 'profile-okta',
  profileName: 'Okta prod',
  connectorId: 'okta',
  target: { objectType: 'users', id: '00u1', name: 'Amélie Lefèvre' },
  related: null,
  summary: 'Changed the title of Amélie Lefèvre',
  changes: [{ attribute: 'title', before: 'Analyst', after: 'Lead' }],
  recorded: null,
  outcome: { status: 'applied', time: when, message: 'Updated.', steps: [], reconciled: false, details: {} },
  undo: { available: false, reason: null, undoneBy: null },
  undoOf: null,
  completion: null,
  completes: null,
  operationId: null,
}
const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(when))

describe('dates in one local format everywhere', () => {
  it('writes a moment in the computer’s own format, and leaves text that is not one as it is', () => {
    expect(localDateTime(when)).toBe(expected)
    expect(localDateTime('not a date')).toBe('not a date')
  })

  it('reads an attribute that holds a timestamp as a local date, a calendar date without moving a day, and other text unchanged', () => {
    expect(readableValue(when)).toBe(expected)
    expect(readableValue('2026-01-05')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-01-05T00:00:00Z')))
    expect(readableValue('12345')).toBe('12345')
    expect(readableValue('ada@example.com')).toBe('ada@example.com')
  })

  it('the journal export uses it, beside the exact moment', () => {
    const file = exportEntries([entry], 'csv', {}, new Date(when))
    expect(file.content.startsWith(utf8Bom)).toBe(true)
    const [headings, row] = file.content.slice(1).split('\r\n')
    expect(headings!.split(',').slice(0, 2)).toEqual(['Time', 'Time (UTC)'])
    expect(row).toContain(expected.includes(',') ? `"${expected}",${when}` : `${expected},${when}`)
  })
})

