import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { holdsUnsafeInteger, parseJsonLosslessly, rewriteThenParse } from '../../../../electron/connectors/gotomeeting/goToJson'

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

describe('holdsUnsafeInteger: whether a parsed answer needs the rewrite', () => {
  it('finds none in a page whose long digit runs are all strings, nor among safe integers and decimals', () => {
    const page = JSON.parse(JSON.stringify({ results: [{ key: '4679077767041102472721', email: 'a@b.c', licenseKeys: ['78888886011013972886849029'], n: 1.5 }], total: 9007199254740991 }))
    expect(holdsUnsafeInteger(page)).toBe(false)
  })

  it('finds an integer literal beyond 2^53 wherever it is, as JSON.parse rounds it', () => {
    for (const text of ['9007199254740993', '-9007199254740993', '[1, 9007199254740993]', '{"a": {"b": [78888886011013972886849029]}}']) {
      expect(holdsUnsafeInteger(JSON.parse(text)), text).toBe(true)
    }
  })

  it('parses as the full rewrite does, with or without long numbers, strings and escapes among them', () => {
    const digits = fc.oneof(fc.integer(), fc.bigInt({ min: -(10n ** 26n), max: 10n ** 26n }), fc.bigInt({ min: 2n ** 53n - 9n, max: 2n ** 53n + 9n })).map(String)
    const text = fc.oneof(fc.string(), fc.stringMatching(/^[\d", \\:[\]]{0,30}$/)).map((inside) => JSON.stringify(inside))
    const value = fc.oneof(digits, text, fc.array(fc.oneof(digits, text), { maxLength: 4 }).map((items) => `[${items.join(',')}]`))
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), value), { maxLength: 8 }), (entries) => {
        const text = `{${entries.map(([name, literal], index) => `${JSON.stringify(`${index}${name}`)}: ${literal}`).join(', ')}}`
        expect(parseJsonLosslessly(text)).toEqual(rewriteThenParse(text))
      }),
    )
  })
})
