import { describe, expect, it } from 'vitest'
import { shownValues } from '../../../renderer/src/components/attributeValues'
import { readableTime } from '../../../renderer/src/features/activity/journalWords'
import { lastSignIn } from '../../../renderer/src/features/people/peopleWords'

const when = '2026-11-03T14:05:00.000Z'
const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(when))

describe('the renderer writes dates in the one local format (shared/dates.ts)', () => {
  it('Activity, People and the detail panel', () => {
    expect(readableTime(when)).toBe(expected)
    expect(lastSignIn({ lastSignInAt: when } as Parameters<typeof lastSignIn>[0])).toBe(expected)
    expect(shownValues(when)).toEqual([expected])
    expect(shownValues(['a', when])).toEqual(['a', expected])
  })
})
