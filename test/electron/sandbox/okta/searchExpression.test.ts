import { describe, expect, it } from 'vitest'
import { evaluateExpression } from '../../../../electron/sandbox/okta/evaluateExpression'
import { OktaError } from '../../../../electron/sandbox/okta/oktaErrors'
import { parseExpression } from '../../../../electron/sandbox/okta/searchExpression'

describe('Okta search expressions', () => {
  it('binds and tighter than or, and parentheses tighter than both', () => {
    expect(parseExpression('a eq "1" or b eq "2" and c pr')).toEqual({
      kind: 'or',
      left: { kind: 'compare', attribute: 'a', operator: 'eq', value: '1' },
      right: { kind: 'and', left: { kind: 'compare', attribute: 'b', operator: 'eq', value: '2' }, right: { kind: 'present', attribute: 'c' } },
    })
    expect(parseExpression('(a eq "1" OR b eq "2") And c Pr')).toMatchObject({ kind: 'and', left: { kind: 'or' }, right: { kind: 'present' } })
  })

  it('reads strings with escaped quotes, numbers, booleans and null', () => {
    expect(parseExpression('profile.lastName eq "O\\"Brien"')).toMatchObject({ value: 'O"Brien' })
    expect(parseExpression('profile.age gt 30')).toMatchObject({ value: 30 })
    expect(parseExpression('profile.vip eq true')).toMatchObject({ value: true })
    expect(parseExpression('profile.manager eq null')).toMatchObject({ value: null })
  })

  it.each(['', 'status', 'status eq', 'status eq ACTIVE', '"status" eq "x"', 'status eq "x" extra', '(status eq "x"', 'status zz "x"', 'status eq "open'])(
    'refuses %j with E0000031',
    (expression) => {
      let thrown: unknown
      try {
        parseExpression(expression)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(OktaError)
      expect((thrown as OktaError).errorCode).toBe('E0000031')
    },
  )

  it('evaluates dates as instants, case per mode, and arrays by any element', () => {
    const record: Record<string, unknown> = { created: '2020-05-01T10:00:00.000Z', name: 'Zoë', colours: ['red', 'blue'] }
    const read = (attribute: string) => record[attribute]
    const check = (expression: string, caseSensitive = false) => evaluateExpression(parseExpression(expression), read, caseSensitive)
    expect(check('created gt "2020-05-01T09:59:59Z"')).toBe(true)
    expect(check('created lt "2020-05-01T10:00:00.000Z"')).toBe(false)
    expect(check('created ge "2020-05-01T10:00:00.000Z"')).toBe(true)
    expect(check('name eq "zoË"')).toBe(true)
    expect(check('name eq "zoË"', true)).toBe(false)
    expect(check('colours eq "BLUE"')).toBe(true)
    expect(check('colours sw "gr"')).toBe(false)
    expect(check('missing pr or not (name sw "z")')).toBe(false)
  })
})
