import { describe, expect, it } from 'vitest'
import { parseJsonLosslessly } from '../../../../electron/connectors/gotomeeting/goToJson'

describe('parseJsonLosslessly', () => {
  it('keeps a key above 2^53 digit for digit, where JSON.parse would round it', () => {
    const text = '[{"key": 78888886011013972886849029, "email": "jtianno@company.com"}]'
    expect(String((JSON.parse(text) as { key: number }[])[0]!.key)).not.toBe('78888886011013972886849029')
    expect(parseJsonLosslessly(text)).toEqual([{ key: '78888886011013972886849029', email: 'jtianno@company.com' }])
  })

  it('keeps 2^53 + 1 exact and leaves safe integers, decimals and exponents as numbers', () => {
    expect(parseJsonLosslessly('{"a": 9007199254740993, "b": 9007199254740991, "c": -12, "d": 1.5, "e": 1e21, "f": 0}')).toEqual({
      a: '9007199254740993',
      b: 9007199254740991,
      c: -12,
      d: 1.5,
      e: 1e21,
      f: 0,
    })
  })

  it('never touches digits inside strings, escaped quotes included', () => {
    expect(parseJsonLosslessly('{"note": "key \\"78888886011013972886849029\\" here", "n": 1}')).toEqual({
      note: 'key "78888886011013972886849029" here',
      n: 1,
    })
  })

  it('turns a bare long number (a group create answer) into its digits', () => {
    expect(parseJsonLosslessly('8887380153236031176710')).toBe('8887380153236031176710')
    expect(parseJsonLosslessly('"8887380153236031176710"')).toBe('8887380153236031176710')
  })

  it('still refuses text that is not JSON', () => {
    expect(() => parseJsonLosslessly('{"key": 1,')).toThrow()
  })
})
