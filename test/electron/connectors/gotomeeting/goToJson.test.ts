import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mayHoldUnsafeInteger, parseJsonLosslessly, rewriteThenParse } from '../../../../electron/connectors/gotomeeting/goToJson'

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

describe('mayHoldUnsafeInteger: the quick scan that spares JSON.parse the rewrite', () => {
  it('sees no number to rewrite in an answer whose long digit runs are all inside strings', () => {
    const page = JSON.stringify({ results: [{ key: '4679077767041102472721', email: 'a@b.c', licenseKeys: ['78888886011013972886849029'] }], total: 1 })
    expect(mayHoldUnsafeInteger(page)).toBe(false)
    expect(mayHoldUnsafeInteger('{"a": 900719925474099, "b": [123456789012345]}')).toBe(false)
  })

  it('sees every integer literal of 16 digits or more, wherever JSON allows a number', () => {
    for (const text of ['9007199254740993', ' -9007199254740993', '[1,9007199254740993]', '{"a":\n 9007199254740991}', '{"a": [ 78888886011013972886849029 ]}']) {
      expect(mayHoldUnsafeInteger(text), text).toBe(true)
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
