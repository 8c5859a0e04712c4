import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldText, textMatches } from '../../shared/text'
import { matchesFilter, prepareFilter } from '../../shared/journalFilter'
import { groupMatcher } from '../../electron/connectors/cognito/cognitoSearch'

describe('folding text for matching', () => {
  it('drops accents and case, and spells out letters that have no accent to drop', () => {
    expect(foldText('Lefèvre')).toBe('lefevre')
    expect(foldText('Björn KHAN')).toBe('bjorn khan')
    expect(foldText('Straße Øster Łódź Æsir')).toBe('strasse oster lodz aesir')
    expect(foldText('İlkay Şen')).toBe('ilkay sen')
  })

  it('matches every word typed, in any value, whatever the accents and case', () => {
    expect(textMatches('lefevre', 'Amélie Lefèvre')).toBe(true)
    expect(textMatches('bjorn khan', 'Björn Khan')).toBe(true)
    expect(textMatches('KHAN björn', 'Björn', 'Khan')).toBe(true)
    expect(textMatches('bjorn smith', 'Björn Khan')).toBe(false)
    expect(textMatches('  ', 'anything')).toBe(true)
    expect(textMatches('x', null, undefined)).toBe(false)
  })

  it('finds any value in itself however it is accented or cased', () => {
    fc.assert(fc.property(fc.string(), (value) => textMatches(value.toUpperCase(), value.normalize('NFD'))))
  })
})

describe('where Lanyard filters itself, accents and case do not matter', () => {
  it('the Activity filter finds a change by the person’s name without its accents', () => {
    const facts = { profileId: 'p1', action: 'update', time: '2026-11-03T14:05:00.000Z', status: 'applied' as const, targetIds: ['u1'], targetNames: ['Amélie Lefèvre'], operationId: null, reason: null }
    expect(matchesFilter(facts, prepareFilter({ user: 'LEFEVRE' }))).toBe(true)
    expect(matchesFilter(facts, prepareFilter({ user: 'lefebvre' }))).toBe(false)
  })

  it('Cognito groups, which Lanyard matches itself, are found without accents', () => {
    const matches = groupMatcher('equipe')!
    expect(matches('Équipe Montréal', '')).toBe(true)
    expect(matches('Finance', 'Équipe des finances')).toBe(true)
    expect(matches('Finance', '')).toBe(false)
  })
})
