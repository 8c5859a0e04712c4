import { describe, expect, it } from 'vitest'
import { backoffDelay, isIdempotent, retryAfterHeader } from '../../../electron/http/retryTiming'

const response = (headers: Record<string, string>) => ({ status: 429, data: null, headers })

describe('retry timing', () => {
  it('doubles the backoff ceiling per retry, jitters within its upper half and caps it', () => {
    const backoff = { initialMs: 100, maxMs: 1_000 }
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, backoff, () => 1))).toEqual([100, 200, 400, 800, 1_000])
    expect([1, 2, 3].map((retry) => backoffDelay(retry, backoff, () => 0))).toEqual([50, 100, 200])
  })

  it('reads Retry-After as seconds or as an HTTP date, and null otherwise', () => {
    const now = Date.parse('Mon, 05 Jan 2026 09:00:00 GMT')
    expect(retryAfterHeader(response({ 'retry-after': '7' }), now)).toBe(7_000)
    expect(retryAfterHeader(response({ 'retry-after': 'Mon, 05 Jan 2026 09:00:30 GMT' }), now)).toBe(30_000)
    expect(retryAfterHeader(response({ 'retry-after': 'soon' }), now)).toBeNull()
    expect(retryAfterHeader(response({}), now)).toBeNull()
  })

  it('treats GET and HEAD as idempotent, other methods only when marked', () => {
    expect(isIdempotent({ method: 'GET', path: '/' })).toBe(true)
    expect(isIdempotent({ method: 'HEAD', path: '/' })).toBe(true)
    expect(isIdempotent({ method: 'POST', path: '/' })).toBe(false)
    expect(isIdempotent({ method: 'DELETE', path: '/' })).toBe(false)
    expect(isIdempotent({ method: 'PUT', path: '/', idempotent: true })).toBe(true)
  })
})
