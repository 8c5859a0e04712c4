import { describe, expect, it } from 'vitest'
import { localDateTime, readableValue } from '../../shared/dates'
import { exportEntries } from '../../electron/journal/journalExport'
import { utf8Bom } from '../../shared/csv'
import { journalEntry } from '../renderer/activity/journalEntries'
import { readableTime } from '../../renderer/src/features/activity/journalWords'
import { lastSignIn } from '../../renderer/src/features/people/peopleWords'

const when = '2026-11-03T14:05:00.000Z'
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

  it('Activity, People and the journal export all use it', () => {
    expect(readableTime(when)).toBe(expected)
    expect(lastSignIn({ lastSignInAt: when } as Parameters<typeof lastSignIn>[0])).toBe(expected)
    const file = exportEntries([journalEntry({ time: when })], 'csv', {}, new Date(when))
    expect(file.content.startsWith(utf8Bom)).toBe(true)
    const [headings, row] = file.content.slice(1).split('\r\n')
    expect(headings!.split(',').slice(0, 2)).toEqual(['Time', 'Time (UTC)'])
    expect(row).toContain(expected.includes(',') ? `"${expected}",${when}` : `${expected},${when}`)
  })
})

describe('the detail panel’s dates', () => {
  it('shows an attribute holding a timestamp in the one local format', async () => {
    const { shownValues } = await import('../../renderer/src/components/attributeValues')
    expect(shownValues(when)).toEqual([expected])
    expect(shownValues(['a', when])).toEqual(['a', expected])
  })
})
