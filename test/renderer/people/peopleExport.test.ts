import { describe, expect, it } from 'vitest'
import { peopleCsv } from '../../../renderer/src/features/people/peopleExport'
import { utf8Bom } from '../../../shared/csv'
import { localDateTime } from '../../../shared/dates'
import { groupPeople } from '../../../shared/personGrouping'
import { danaLee, personAccount } from '../../support/personAccounts'

describe('People search results exported to CSV', () => {
  it('writes a line per account found, under its person, with words for headings, the local date and why it was grouped', () => {
    const signedIn = '2026-11-30T09:15:00.000Z'
    const [okta, cognito] = danaLee()
    const bjorn = personAccount('okta', { userId: '00u-bj', displayName: 'Björn Khan', userName: 'bjorn.khan@acme.example', email: 'bjorn.khan@acme.example' })
    const people = groupPeople([{ ...okta, lastSignInAt: signedIn }, cognito, bjorn])
    const file = peopleCsv(people, 'Dana / Björn', new Date('2026-12-07T10:00:00Z'))

    expect(file.fileName).toBe('people-dana-bjorn-2026-12-07.csv')
    expect(file.content.startsWith(utf8Bom)).toBe(true)
    const lines = file.content.slice(1).split('\r\n')
    expect(lines[0]).toBe('Person,Application,Profile,Account name,Username,Email,Status,Last sign-in,Grouped because')
    expect(lines).toHaveLength(1 + 3 + 1)
    const dana = lines.filter((line) => line.startsWith('Dana Lee,'))
    expect(dana).toHaveLength(2)
    expect(dana.find((line) => line.includes(',Okta,'))).toContain(localDateTime(signedIn).includes(',') ? `"${localDateTime(signedIn)}"` : localDateTime(signedIn))
    expect(lines.some((line) => line.startsWith('Björn Khan,Okta,'))).toBe(true)
  })
})
