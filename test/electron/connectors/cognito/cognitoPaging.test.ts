import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, readAllRows, readTokenPage, type TokenList } from '../../../../electron/connectors/cognito/cognitoPaging'
import { listFingerprint } from '../../../../electron/connectors/listCursor'
import { expectAppError } from '../../../support/expectAppError'

/**
 * A token list over `items` that answers pages shaped by `shape` (how many of the `limit` asked
 * it returns at each call: Cognito may answer short or empty pages while more remain).
 */
function fakeList(items: string[], shape: (call: number, limit: number) => number = (_call, limit) => limit) {
  const asked: { token: string | undefined; limit: number }[] = []
  const list: TokenList<string> = {
    key: 'fake',
    read: async (token, limit) => {
      asked.push({ token, limit })
      const start = token ? Number(token) : 0
      const count = Math.min(shape(asked.length, limit), limit)
      const rows = items.slice(start, start + count)
      const next = start + count < items.length ? String(start + count) : undefined
      return { rows, next }
    },
  }
  return { list, asked }
}

const items = Array.from({ length: 130 }, (_, index) => `user-${index}`)

async function walk(list: TokenList<string>, pageSize: number) {
  const rows: string[] = []
  const sizes: number[] = []
  let cursor: string | null = null
  do {
    const page: { rows: string[]; nextCursor: string | null } = await readTokenPage(list, { cursor, pageSize })
    rows.push(...page.rows)
    sizes.push(page.rows.length)
    cursor = page.nextCursor
  } while (cursor)
  return { rows, sizes }
}

describe('Cognito token paging', () => {
  it('fills a page of any size from pages of at most 60, never returning more than asked', async () => {
    const { list, asked } = fakeList(items)
    const { rows, sizes } = await walk(list, 100)
    expect(rows).toEqual(items)
    expect(sizes).toEqual([100, 30])
    expect(Math.max(...asked.map((call) => call.limit))).toBe(60)
  })

  it('reads past short and empty pages that carry a token: no item is lost', async () => {
    // Every other call answers nothing, the others a third of what was asked.
    const { list } = fakeList(items, (call, limit) => (call % 2 === 0 ? 0 : Math.ceil(limit / 3)))
    const { rows } = await walk(list, 25)
    expect(rows).toEqual(items)
  })

  it('resumes inside a Cognito page that answered more than the page takes, without duplicates', async () => {
    // A target that ignores Limit (cognito-local does) answers 60 whatever is asked.
    const ignoring: TokenList<string> = {
      key: 'ignoring',
      read: async (token) => {
        const start = token ? Number(token) : 0
        return { rows: items.slice(start, start + 60), next: start + 60 < items.length ? String(start + 60) : undefined }
      },
    }
    const { rows, sizes } = await walk(ignoring, 25)
    expect(rows).toEqual(items)
    expect(Math.max(...sizes)).toBe(25)
  })

  it('keeps only the rows a client-side filter matches, across pages', async () => {
    const { list } = fakeList(items)
    const { rows } = await walk({ ...list, keep: (row) => row.endsWith('7') }, 4)
    expect(rows).toEqual(items.filter((row) => row.endsWith('7')))
  })

  it('tells the next cursor before returning the page, the same one it returns', async () => {
    const { list } = fakeList(items)
    const told: string[] = []
    const page = await readTokenPage(list, { pageSize: 50, onNextCursor: (cursor) => told.push(cursor) })
    expect(told).toEqual([page.nextCursor])
  })

  it('hands the page back only after the next request, started on the cursor, had its turn to leave', async () => {
    // The caller maps the page it gets (issue 14: 26 µs a user); the next request must not wait behind that.
    const { list } = fakeList(items)
    let sent = false
    // A request's way out (budget, limiter, signing) is a chain of awaits before the socket write.
    const send = async () => {
      for (let step = 0; step < 100; step++) await Promise.resolve()
      await new Promise<void>((resolve) => process.nextTick(resolve))
      sent = true
    }
    await readTokenPage(list, { pageSize: 50, onNextCursor: () => void send() })
    expect(sent).toBe(true)
  })

  it('hands the last page back at once when there is no next request to let go', async () => {
    const { list } = fakeList(items.slice(0, 20))
    let turned = false
    setImmediate(() => (turned = true))
    await readTokenPage(list, { pageSize: 50, onNextCursor: () => undefined })
    expect(turned).toBe(false)
  })

  it('refuses a cursor of another list or search, and a cursor that is not one', async () => {
    const { list } = fakeList(items)
    const cursor = encodeCursor({ token: '10', skip: 0, list: listFingerprint('another list') })
    await expectAppError(readTokenPage(list, { cursor, pageSize: 10 }), 'invalid_input')
    await expectAppError(readTokenPage(list, { cursor: 'okta1.abc', pageSize: 10 }), 'invalid_input')
    expect(() => decodeCursor('cognito1.!!!', listFingerprint('fake'))).toThrow(/no longer valid/)
  })

  it('reads every row of a list to its end', async () => {
    const { list } = fakeList(items, (call) => (call % 3 === 0 ? 0 : 7))
    expect(await readAllRows(list)).toEqual(items)
  })
})
