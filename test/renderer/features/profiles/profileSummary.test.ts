import { describe, expect, it } from 'vitest'
import { inSentence } from '../../../../renderer/src/features/profiles/profileSummary'

describe('labels in a sentence', () => {
  it.each([
    ['Token', 'token'],
    ['Client Secret', 'client secret'],
    ['API key', 'API key'],
    ['AccessKey Id', 'accesskey id'],
  ])('writes %s as %s', (label, expected) => {
    expect(inSentence(label)).toBe(expected)
  })
})
