import { describe, expect, it } from 'vitest'
import { isNearEnd, scrollTopToShow, showsLastRow, visibleWindow } from '../../../../renderer/src/features/directory/list/virtualWindow'

const base = { viewportHeight: 360, rowHeight: 36, rowCount: 100_000, overscan: 5 }

describe('the virtual window', () => {
  it('holds the visible rows plus the overscan, not the whole list', () => {
    expect(visibleWindow({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 15 })
    expect(visibleWindow({ ...base, scrollTop: 36 * 1000 })).toEqual({ start: 995, end: 1015 })
  })

  it('stops at the last row', () => {
    expect(visibleWindow({ ...base, rowCount: 12, scrollTop: 0 })).toEqual({ start: 0, end: 12 })
    expect(visibleWindow({ ...base, rowCount: 0, scrollTop: 500 })).toEqual({ start: 0, end: 0 })
  })

  it('scrolls as little as possible to show a row whole', () => {
    expect(scrollTopToShow(3, 0, 360, 36)).toBe(0)
    expect(scrollTopToShow(10, 0, 360, 36)).toBe(36)
    expect(scrollTopToShow(2, 360, 360, 36)).toBe(72)
  })

  it('says the end is near only within the threshold', () => {
    expect(isNearEnd({ start: 0, end: 25 }, 100, 5, 40)).toBe(false)
    expect(isNearEnd({ start: 50, end: 75 }, 100, 5, 40)).toBe(true)
  })

  it('says the viewer waits at the end only while the last row is in view', () => {
    const view = { viewportHeight: 360, rowHeight: 36, rowCount: 100 }
    expect(showsLastRow({ ...view, scrollTop: 36 * 90 })).toBe(true)
    expect(showsLastRow({ ...view, scrollTop: 36 * 89 })).toBe(false)
    expect(showsLastRow({ ...view, rowCount: 0, scrollTop: 0 })).toBe(false)
  })
})
