import { describe, expect, it } from 'vitest'
import { okta } from '../../../../shared/catalogue/okta'
import { decodeCursor, encodeCursor, nextAfter, pageLimit } from '../../../../electron/connectors/okta/oktaPaging'
import type { HttpResponse } from '../../../../electron/http/types'
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
