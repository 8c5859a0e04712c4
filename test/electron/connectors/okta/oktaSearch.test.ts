import { describe, expect, it } from 'vitest'
import { groupSearch, quoted, userSearch } from '../../../../electron/connectors/okta/oktaSearch'

describe('Okta search expressions', () => {
  it('lists everyone for empty text, deactivated users included (Okta\'s plain list leaves them out)', () => {
    expect(userSearch('  ')).toBe('status pr')
    expect(groupSearch('')).toBeUndefined()
  })

  it('turns a status word into a status filter, whatever its case or spacing', () => {
    expect(userSearch('suspended')).toBe('status eq "SUSPENDED"')
    expect(userSearch('Locked out')).toBe('status eq "LOCKED_OUT"')
    expect(userSearch('DEPROVISIONED')).toBe('status eq "DEPROVISIONED"')
  })

  it('searches names, email and login by prefix', () => {
    expect(userSearch('ada')).toBe(
      'profile.firstName sw "ada" or profile.lastName sw "ada" or profile.email sw "ada" or profile.login sw "ada"',
    )
  })

  it('also matches "first last" across the two name fields', () => {
    expect(userSearch('Ada Love')).toContain('(profile.firstName sw "Ada" and profile.lastName sw "Love")')
  })

  it('escapes quotes and backslashes so the text cannot change the expression', () => {
    expect(quoted('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"')
    expect(userSearch('x" or status eq "ACTIVE')).toContain('profile.login sw "x\\" or status eq \\"ACTIVE"')
  })

  it('searches groups by name prefix, or by type word', () => {
    expect(groupSearch('Fin')).toBe('profile.name sw "Fin"')
    expect(groupSearch('app group')).toBe('type eq "APP_GROUP"')
  })
})
