import { describe, expect, it } from 'vitest'
import { paletteItems } from '../../../renderer/src/features/palette/paletteItems'

describe('the command palette, which filters by itself', () => {
  it('the command palette finds a recent person and a profile without their accents', () => {
    const items = paletteItems({
      text: 'bjorn khan',
      recentPeople: ['Björn Khan', 'Amélie Lefèvre'],
      found: [],
      inResults: [],
      profiles: [],
      sandboxEnabled: null,
      theme: 'system',
    })
    expect(items.map((item) => item.label)).toEqual(['Björn Khan'])
  })

})
