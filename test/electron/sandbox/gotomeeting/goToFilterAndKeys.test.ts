import { describe, expect, it } from 'vitest'
import { GoToError } from '../../../../electron/sandbox/gotomeeting/goToErrors'
import { compileFilter, filterParameter } from '../../../../electron/sandbox/gotomeeting/goToFilter'
import { parseJsonLosslessly } from '../../../../electron/sandbox/gotomeeting/goToKeys'

const people: Record<string, string>[] = [
  { key: '1', email: 'ada.lovelace@example.com', firstName: 'Ada', lastName: 'Lovelace' },
  { key: '2', email: 'alan.turing@example.com', firstName: 'Alan', lastName: 'Turing' },
  { key: '3', email: 'grace.hopper@example.com', firstName: 'Grace', lastName: 'Hopper' },
]

function keysMatching(filter: string): string[] {
  const compiled = compileFilter(filter, ['key', 'email', 'firstName', 'lastName'])
  return people.filter((person) => compiled.matches((attribute) => person[attribute])).map((person) => person.key as string)
}

describe('GoTo filter expressions', () => {
  it('binds `and` tighter than `or`, and lets parentheses group', () => {
    expect(keysMatching('firstName sw "a" or firstName eq "grace" and lastName eq "turing"')).toEqual(['1', '2'])
    expect(keysMatching('(firstName sw "a" or firstName eq "grace") and lastName ew "ing"')).toEqual(['2'])
    expect(keysMatching('email ne "ada.lovelace@example.com" AND lastName co "o"')).toEqual(['3'])
  })

  it('matches regex terms against the whole value, ignoring case only after (?i)', () => {
    expect(keysMatching('(firstName="A.*")')).toEqual(['1', '2'])
    expect(keysMatching('(firstName="a.*")')).toEqual([])
    expect(keysMatching('(firstName="(?i)a.*") & (email=".*turing.*")')).toEqual(['2'])
    expect(keysMatching('(lastName="Hop") | (key="3")')).toEqual(['3'])
    expect(keysMatching(String.raw`(email="(?i)ADA\.lovelace@.*")`)).toEqual(['1'])
  })

  it('reports the attributes a filter names', () => {
    expect([...compileFilter('email eq "a" and (status="DELETED")', ['email', 'status']).attributes].sort()).toEqual(['email', 'status'])
  })

  it.each(['', 'email', 'email eq "a" "b"', 'nickname eq "a"', '(email="a") &', 'email eq "unterminated'])('refuses %j as invalid.filter', (filter) => {
    expect(() => compileFilter(filter, ['email'])).toThrow(GoToError)
  })

  it('reads the filter parameter, refusing one whose spaces came as +', () => {
    expect(filterParameter(new URLSearchParams('filter=email%20eq%20%22a%22'), 'filter=email%20eq%20%22a%22')).toBe('email eq "a"')
    expect(() => filterParameter(new URLSearchParams('pageSize=1&filter=email+eq+%22a%22'), 'pageSize=1&filter=email+eq+%22a%22')).toThrow(GoToError)
    expect(filterParameter(new URLSearchParams('filter='), 'filter=')).toBeUndefined()
  })
})

describe('GoTo keys in request bodies', () => {
  it('keeps integers beyond 2^53 exact by reading them as digit strings, leaving everything else as JSON.parse would', () => {
    const text = '{"licenseKeys":[7902142105473202120, 12],"name":"a 12345678901234567890 b","ratio":1.5e3,"big":-12345678901234567890}'
    expect(parseJsonLosslessly(text)).toEqual({ licenseKeys: ['7902142105473202120', 12], name: 'a 12345678901234567890 b', ratio: 1500, big: '-12345678901234567890' })
    expect(parseJsonLosslessly('"escaped \\" 12345678901234567890"')).toBe('escaped " 12345678901234567890')
    expect(() => parseJsonLosslessly('{"a": ')).toThrow(SyntaxError)
  })
})
