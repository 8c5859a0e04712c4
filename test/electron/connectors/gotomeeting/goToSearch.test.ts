import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from '../../../../electron/connectors/gotomeeting/goToPaging'
import { deletedEmailFilter, emailFilter, groupFilter, keysFilter, userFilter } from '../../../../electron/connectors/gotomeeting/goToSearch'
import { withQuery } from '../../../../electron/connectors/gotomeeting/goToTypes'
import { AppError } from '../../../../electron/errors/AppError'

describe('GoTo filters from the search box', () => {
  it('finds a part of the email, first or last name, ignoring case, with regex characters taken literally', () => {
    expect(userFilter(' ada.l ')).toBe('(email="(?i).*ada\\.l.*") | (firstName="(?i).*ada\\.l.*") | (lastName="(?i).*ada\\.l.*")')
  })

  it('finds "first last" by the start of both names', () => {
    expect(userFilter('Ada Love lace')).toBe('(firstName="(?i)Ada.*") & (lastName="(?i)Love lace.*")')
  })

  it('also finds a user by key when the text is a number', () => {
    expect(userFilter('4679077000000016102')).toContain('(key="4679077000000016102")')
  })

  it('lists everyone for empty text, and writes quotes escaped', () => {
    expect(userFilter('   ')).toBeUndefined()
    expect(groupFilter('')).toBeUndefined()
    expect(groupFilter('Sales "EU"')).toBe('(name="(?i).*Sales \\"EU\\".*")')
  })

  it('looks emails and keys up exactly', () => {
    expect(emailFilter(' Ada@Example.com ')).toBe('email eq "Ada@Example.com"')
    expect(deletedEmailFilter('a@b.co')).toBe('email eq "a@b.co" and status eq "DELETED"')
    expect(keysFilter(['1', '22'])).toBe('(key="1") | (key="22")')
  })

  it('sends spaces as %20, never +, which GoTo rejects in a filter', () => {
    const path = withQuery('/accounts/1/users', { filter: 'email eq "a+b@c.de"', offset: 0, pageSize: undefined })
    expect(path).toBe('/accounts/1/users?filter=email%20eq%20%22a%2Bb%40c.de%22&offset=0')
  })
})

describe('GoTo list cursors', () => {
  it('round-trip an offset for the same list and refuse one from another list or a foreign string', () => {
    const cursor = encodeCursor(150, 'list-a')
    expect(decodeCursor(cursor, 'list-a')).toBe(150)
    for (const wrong of [() => decodeCursor(cursor, 'list-b'), () => decodeCursor('okta1.abc', 'list-a'), () => decodeCursor('goto1.!!', 'list-a')]) {
      expect(wrong).toThrow(AppError)
    }
  })
})
