import { describe, expect, it } from 'vitest'
import { groupMatcher, userFilter } from '../../../../electron/connectors/cognito/cognitoSearch'
import { AppError } from '../../../../electron/errors/AppError'

describe('the search box as a ListUsers filter', () => {
  it('lists everyone for an empty search', () => {
    expect(userFilter('  ')).toBeUndefined()
  })

  it('sends plain text to the attribute it most likely means, from its start', () => {
    expect(userFilter('ada')).toBe('username ^= "ada"')
    expect(userFilter('ada@exa')).toBe('email ^= "ada@exa"')
    expect(userFilter('+44 7700')).toBe('phone_number ^= "+447700"')
    expect(userFilter('Ada  Love')).toBe('name ^= "Ada Love"')
  })

  it('finds users by Enabled / Disabled and by their UserStatus, however the word is written', () => {
    expect(userFilter('disabled')).toBe('status = "Disabled"')
    expect(userFilter('Enabled')).toBe('status = "Enabled"')
    expect(userFilter('force change password')).toBe('cognito:user_status = "FORCE_CHANGE_PASSWORD"')
    expect(userFilter('confirmed')).toBe('cognito:user_status = "CONFIRMED"')
  })

  it('takes attribute = value and attribute ^= value on the attributes Cognito can filter', () => {
    expect(userFilter('email = "ada@example.com"')).toBe('email = "ada@example.com"')
    expect(userFilter('given_name ^= Ad')).toBe('given_name ^= "Ad"')
    expect(userFilter('last_name = Lovelace')).toBe('family_name = "Lovelace"')
    expect(userFilter('status = disabled')).toBe('status = "Disabled"')
  })

  it('escapes quotes and backslashes inside the value', () => {
    expect(userFilter('name ^= O"Brien')).toBe('name ^= "O\\"Brien"')
    expect(userFilter('a\\b')).toBe('username ^= "a\\\\b"')
  })

  it('refuses an attribute Cognito cannot search, naming the ones it can', () => {
    const error = (() => {
      try {
        userFilter('custom:department = Sales')
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toMatch(/cannot search on "custom:department".*email/)
  })

  it('refuses a search longer than the 256 characters of a filter', () => {
    expect(() => userFilter(`a${'b'.repeat(260)}`)).toThrow(/too long/)
  })
})

describe('the search box for groups', () => {
  it('matches names and descriptions containing the text, without case', () => {
    const matches = groupMatcher('FIN')!
    expect(matches('finance', '')).toBe(true)
    expect(matches('accounts', 'Part of Finance')).toBe(true)
    expect(matches('sales', 'Everyone in Sales')).toBe(false)
    expect(groupMatcher('')).toBeUndefined()
  })
})
