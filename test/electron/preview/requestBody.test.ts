import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nestingProblem } from '../../../electron/preview/requestBody'

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0
  const items = Array.isArray(value) ? value : Object.values(value)
  return 1 + Math.max(0, ...items.map(depthOf))
}

describe('nestingProblem', () => {
  it('agrees with the real depth of any JSON value, whatever its strings hold', () => {
    // Strings full of brackets, quotes and backslashes: the scan must not count what is inside them.
    const trickyString = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', 'é') })
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, trickyString, fc.integer(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 3 }),
      object: fc.dictionary(trickyString, tie('node'), { maxKeys: 3 }),
    })).node
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), (json, limit) => {
        const text = JSON.stringify(json)
        expect(nestingProblem(text, limit) === null).toBe(depthOf(json) <= limit)
      }),
      { seed: 11, numRuns: 500 },
    )
  })

  it('names the limit in its message', () => {
    expect(nestingProblem('[[[]]]', 2)).toContain('more than 2 levels deep')
  })
})
