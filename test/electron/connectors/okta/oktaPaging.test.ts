import { describe, expect, it } from 'vitest'
import { okta } from '../../../../shared/catalogue/okta'
import { decodeCursor, encodeCursor, nextAfter, pageLimit, readPage } from '../../../../electron/connectors/okta/oktaPaging'
import type { HttpClient, HttpRequest, HttpResponse } from '../../../../electron/http/types'
import { expectAppError } from '../../../support/expectAppError'

const withLink = (link: string | undefined): HttpResponse => ({ status: 200, data: [], headers: link === undefined ? {} : { link } })

describe('Okta paging', () => {
  it('asks in the target’s steps of 100, at most 200', () => {
    expect([1, 30, 100, 101, 200, 325, 1000].map((size) => pageLimit(size, okta.paging))).toEqual([100, 100, 100, 200, 200, 200, 200])
  })

  it('takes the after cursor of the rel="next" link, from separate or comma-joined Link headers', () => {
    const self = '<https://acme.okta.com/api/v1/users?limit=100>; rel="self"'
    const next = '<https://acme.okta.com/api/v1/users?after=00u9x&limit=100&search=status+eq+%22ACTIVE%22>; rel="next"'
    expect(nextAfter(withLink(`${self}, ${next}`))).toBe('00u9x')
    expect(nextAfter(withLink(`${next}, ${self}`))).toBe('00u9x')
    expect(nextAfter(withLink(self))).toBeNull()
    expect(nextAfter(withLink(undefined))).toBeNull()
  })

  it('round-trips its own cursor and refuses one from another list or a forged one', async () => {
    const cursor = encodeCursor({ after: '00u5', limit: 100, skip: 30, list: 'abc' })
    expect(decodeCursor(cursor, 'abc')).toEqual({ after: '00u5', limit: 100, skip: 30, list: 'abc' })
    const refuse = (text: string, list: string) => expectAppError(Promise.resolve().then(() => decodeCursor(text, list)), 'invalid_input')
    await refuse(cursor, 'other-search')
    await refuse('00u5', 'abc')
    await refuse('okta1.not-json', 'abc')
  })
})

describe('Okta paging: announcing the next cursor early', () => {
  /** An endpoint that takes no `limit` (a user's groups): 150 rows at once, and a next link. */
  const unlimited: HttpClient = {
    async request(request: HttpRequest) {
      const response: HttpResponse = {
        status: 200,
        data: Array.from({ length: 150 }, (_, index) => ({ id: `00g${index}` })),
        headers: { link: '<https://acme.okta.com/api/v1/users/00u1/groups?after=00g149>; rel="next"' },
      }
      request.onHeaders?.(response.headers)
      return response
    },
    close() {},
  }

  it('announces only the cursor it returns when the endpoint ignores limit and sends more rows than the page', async () => {
    const announced: string[] = []
    const page = await readPage(
      unlimited,
      { path: '/api/v1/users/00u1/groups', sendsLimit: false },
      { pageSize: 100, onNextCursor: (cursor) => announced.push(cursor) },
      okta.paging,
    )
    expect(page.rows).toHaveLength(100)
    expect(announced).toEqual([page.nextCursor])
  })
})
