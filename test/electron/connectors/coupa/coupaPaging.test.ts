import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, readOffsetPage, type OffsetList } from '../../../../electron/connectors/coupa/coupaPaging'
import type { HttpRequest, HttpResponse } from '../../../../electron/http/types'
import { AppError } from '../../../../electron/errors/AppError'
import { expectAppError } from '../../../support/expectAppError'
import { coupaTestContext } from './coupaTestContext'

const list: OffsetList = { path: '/api/users', query: {}, what: 'users' }

/**
 * A fake Coupa with `total` rows (ids 1…total) that answers every page after a delay, later pages
 * sooner, so answers arrive out of order; it counts the requests in flight.
 */
function fakeCoupa(total: number, options: { failOffset?: number } = {}) {
  let inFlight = 0
  const seen = { peak: 0, offsets: [] as number[] }
  const request = async (request: HttpRequest): Promise<HttpResponse> => {
    const limit = Number(request.query?.limit)
    const offset = Number(request.query?.offset)
    seen.offsets.push(offset)
    inFlight++
    seen.peak = Math.max(seen.peak, inFlight)
    try {
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, 30 - offset / 25)))
      if (offset === options.failOffset) throw new AppError('network', 'The connection to Coupa was cut before it answered.')
      const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, index) => ({ id: offset + index + 1 }))
      return { status: 200, data: rows, headers: {} }
    } finally {
      inFlight--
    }
  }
  return { request, seen }
}

describe('Coupa offset paging', () => {
  it('reads a large page as 50-row pages, several in flight at once, rows in order', async () => {
    const coupa = fakeCoupa(1000)
    const page = await readOffsetPage(coupaTestContext({ request: coupa.request }, 4), list, { pageSize: 400 })
    expect(page.rows.map((row) => (row as { id: number }).id)).toEqual(Array.from({ length: 400 }, (_, index) => index + 1))
    expect(coupa.seen.peak).toBe(4)
    expect([...coupa.seen.offsets].sort((a, b) => a - b)).toEqual([0, 50, 100, 150, 200, 250, 300, 350])
    expect(decodeCursor(page.nextCursor!, list)).toBe(400)
  })

  it("sends a list's first page alone, so a search that ends inside it costs one request whatever the timing", async () => {
    const short = fakeCoupa(30)
    const found = await readOffsetPage(coupaTestContext({ request: short.request }, 4), list, { pageSize: 200 })
    expect(found.rows).toHaveLength(30)
    expect(short.seen.offsets).toEqual([0])

    const long = fakeCoupa(1000)
    await readOffsetPage(coupaTestContext({ request: long.request }, 4), list, { pageSize: 200 })
    // The first page answered full before the other three went out together.
    expect(long.seen.offsets[0]).toBe(0)
    expect([...long.seen.offsets].sort((a, b) => a - b)).toEqual([0, 50, 100, 150])
    expect(long.seen.peak).toBe(3)
  })

  it('never has more pages in flight than the profile allows', async () => {
    const coupa = fakeCoupa(1000)
    await readOffsetPage(coupaTestContext({ request: coupa.request }, 2), list, { pageSize: 500 })
    expect(coupa.seen.peak).toBe(2)
  })

  it('ends the list at the first short page and hands out no cursor', async () => {
    const coupa = fakeCoupa(120)
    const page = await readOffsetPage(coupaTestContext({ request: coupa.request }, 8), list, { pageSize: 400 })
    expect(page.rows).toHaveLength(120)
    expect(page.nextCursor).toBeNull()
  })

  it('asks the last page for only the rows still wanted, and resumes from the cursor with no gap or repeat', async () => {
    const coupa = fakeCoupa(200)
    const context = coupaTestContext({ request: coupa.request })
    const first = await readOffsetPage(context, list, { pageSize: 70 })
    const second = await readOffsetPage(context, list, { pageSize: 70, cursor: first.nextCursor })
    const ids = [...first.rows, ...second.rows].map((row) => (row as { id: number }).id)
    expect(ids).toEqual(Array.from({ length: 140 }, (_, index) => index + 1))
  })

  it("tells the next cursor before the first row arrives, once this page's own requests are queued ahead of the next page's", async () => {
    const coupa = fakeCoupa(500)
    const told: { cursor: string; requestsSent: number; answered: number }[] = []
    let sent = 0
    let answered = 0
    const request: typeof coupa.request = async (input) => {
      sent++
      const response = await coupa.request(input)
      answered++
      return response
    }
    const context = coupaTestContext({ request })
    const onNextCursor = (cursor: string) => told.push({ cursor, requestsSent: sent, answered })
    // A list's first page sends its first request alone; a later page sends all of its requests at once.
    const first = await readOffsetPage(context, list, { pageSize: 100, onNextCursor })
    const second = await readOffsetPage(context, list, { pageSize: 100, cursor: first.nextCursor, onNextCursor })
    expect(told).toEqual([
      { cursor: first.nextCursor, requestsSent: 1, answered: 0 },
      { cursor: second.nextCursor, requestsSent: 4, answered: 2 },
    ])
  })

  it('tells a next cursor it then does not return when the page is the last', async () => {
    const told: string[] = []
    const page = await readOffsetPage(coupaTestContext({ request: fakeCoupa(60).request }), list, { pageSize: 100, onNextCursor: (cursor) => told.push(cursor) })
    expect(page.nextCursor).toBeNull()
    expect(told).toHaveLength(1)
  })

  it('fails with the first failed page the list needed', async () => {
    const coupa = fakeCoupa(1000, { failOffset: 100 })
    await expectAppError(readOffsetPage(coupaTestContext({ request: coupa.request }), list, { pageSize: 400 }), 'network')
  })

  it('ignores a failure after the end of the list', async () => {
    const coupa = fakeCoupa(60, { failOffset: 150 })
    const page = await readOffsetPage(coupaTestContext({ request: coupa.request }, 8), list, { pageSize: 400 })
    expect(page.rows).toHaveLength(60)
  })

  it('refuses a cursor of another list or search', async () => {
    const cursor = encodeCursor(50, list)
    expect(() => decodeCursor(cursor, { ...list, query: { 'login[contains]': 'ada' } })).toThrow(/no longer valid/)
    expect(() => decodeCursor('okta1.abc', list)).toThrow(/no longer valid/)
  })
})
