import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../support/expectAppError'
import { harness, inOrder } from './testClient'
import { RequestBudget } from '../../../electron/http/RequestBudget'

describe('createHttpClient: retries', () => {
  for (const status of [500, 502, 503, 504]) {
    it(`retries a GET answered ${status} and returns the later answer`, async () => {
      const { server, client } = await harness(inOrder({ status }, { status }))
      const response = await client.request({ method: 'GET', path: '/api/v1/users' })
      expect(response.status).toBe(200)
      expect(server.received).toHaveLength(3)
    })
  }

  it('retries a GET after a connection reset', async () => {
    const { server, client } = await harness(inOrder({ reset: true }))
    const response = await client.request({ method: 'GET', path: '/api/v1/users' })
    expect(response.status).toBe(200)
    expect(server.received).toHaveLength(2)
  })

  it('gives up after the configured retries with a network error naming the status', async () => {
    const { server, client } = await harness(() => ({ status: 503 }), { maxRetries: 2 })
    const error = await expectAppError(client.request({ method: 'GET', path: '/api/v1/users' }), 'network')
    expect(server.received).toHaveLength(3)
    expect(error.message).toContain('HTTP 503')
  })

  it('never retries a POST or a DELETE: one request, then the error', async () => {
    const { server, client } = await harness(() => ({ status: 500 }))
    await expectAppError(client.request({ method: 'POST', path: '/api/v1/users', body: {} }), 'network')
    await expectAppError(client.request({ method: 'DELETE', path: '/api/v1/users/00u1' }), 'network')
    expect(server.received.map((request) => request.method)).toEqual(['POST', 'DELETE'])
  })

  it('does not retry a POST whose connection was reset, and says it may have happened', async () => {
    const { server, client } = await harness(() => ({ reset: true }))
    const error = await expectAppError(client.request({ method: 'POST', path: '/api/v1/users', body: {} }), 'network')
    expect(server.received).toHaveLength(1)
    expect(error.message).toContain('may have been carried out anyway')
  })

  it('retries a request marked idempotent whatever its method', async () => {
    const { server, client } = await harness(inOrder({ status: 502 }))
    await client.request({ method: 'PUT', path: '/api/v1/groups/00g1/users/00u1', idempotent: true })
    expect(server.received).toHaveLength(2)
  })

  it('does not retry a 400: the answer will not change', async () => {
    const { server, client } = await harness(() => ({ status: 400 }))
    await expectAppError(client.request({ method: 'GET', path: '/api/v1/users' }), 'invalid_input')
    expect(server.received).toHaveLength(1)
  })
})

describe('createHttpClient: timeouts', () => {
  it('times out a held GET, retries it, then fails with a network error saying how long it waited', async () => {
    const { server, client } = await harness(() => ({ hold: true }), { timeoutMs: 100, maxRetries: 1 })
    const error = await expectAppError(client.request({ method: 'GET', path: '/api/v1/users' }), 'network')
    expect(server.received).toHaveLength(2)
    expect(error.message).toContain('did not answer within 100 ms')
    expect(error.toValue().details?.networkError).toBe('timeout')
  })

  it('times out a POST once, without sending it again', async () => {
    const { server, client } = await harness(() => ({ hold: true }), { timeoutMs: 100 })
    const error = await expectAppError(client.request({ method: 'POST', path: '/api/v1/users', body: {} }), 'network')
    expect(server.received).toHaveLength(1)
    expect(error.message).toContain('may have been carried out anyway')
  })

  it('succeeds when a retry after a timeout is answered', async () => {
    const { server, client } = await harness((_request, count) => (count === 1 ? { hold: true } : { status: 200, body: [] }), {
      timeoutMs: 100,
    })
    expect((await client.request({ method: 'GET', path: '/api/v1/users' })).status).toBe(200)
    expect(server.received).toHaveLength(2)
  })
})

describe('createHttpClient: rate limits', () => {
  it('waits the time the adapter reads from the 429 and sends again, for a POST too', async () => {
    const { server, client } = await harness(inOrder({ status: 429, headers: { 'X-Wait': '150' } }), {
      retryAfter: (response) => Number(response.headers['x-wait']),
    })
    const started = performance.now()
    const response = await client.request({ method: 'POST', path: '/api/v1/users', body: {} })
    expect(response.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    expect(server.received).toHaveLength(2)
  })

  it("with a budget, a 429 holds the whole family: a request sent during the wait goes after the retry, not before", async () => {
    const orderOf = async (budget: RequestBudget | undefined) => {
      const { server, client, logger } = await harness(inOrder({ status: 429, headers: { 'X-Wait': '100' } }), {
        retryAfter: (response) => (response.headers['x-wait'] ? Number(response.headers['x-wait']) : null),
        budget,
      })
      let limited: () => void = () => undefined
      const answered429 = new Promise<void>((resolve) => (limited = resolve))
      const first = client.request({ method: 'GET', path: '/first' })
      // The second starts once the client has taken the first's 429 in (and logged its wait).
      const poll = setInterval(() => logger.lines.some((line) => line.message.includes('rate limit reached')) && limited(), 1)
      await answered429
      clearInterval(poll)
      await Promise.all([first, client.request({ method: 'GET', path: '/second' })])
      return server.received.map((request) => request.url)
    }
    expect(await orderOf(undefined)).toEqual(['/first', '/second', '/first'])
    expect(await orderOf(new RequestBudget({ quotaOf: () => ({ limit: 1000, windowMs: 1000 }) }))).toEqual(['/first', '/first', '/second'])
  })

  it('reads a generic Retry-After in seconds when the adapter has no rule', async () => {
    const { server, client } = await harness(inOrder({ status: 429, headers: { 'Retry-After': '0' } }))
    await client.request({ method: 'GET', path: '/api/v1/users' })
    expect(server.received).toHaveLength(2)
  })

  it('fails at once with rate_limited and the time to retry when the wait is longer than the cap', async () => {
    const now = Date.UTC(2026, 0, 5, 9, 0, 0)
    const { server, client } = await harness(() => ({ status: 429 }), {
      retryAfter: () => 120_000,
      rateLimit: { maxWaitMs: 60_000, maxWaits: 5 },
      now: () => now,
    })
    const error = await expectAppError(client.request({ method: 'GET', path: '/api/v1/users' }), 'rate_limited')
    expect(server.received).toHaveLength(1)
    expect(error.message).toMatch(/Try again after \d\d:\d\d:\d\d \(in about 2 minutes\)/)
    expect(error.toValue().details?.retryAt).toBe(new Date(now + 120_000).toISOString())
  })

  it('stops waiting after the maximum number of waits', async () => {
    const { server, client } = await harness(() => ({ status: 429 }), { retryAfter: () => 1, rateLimit: { maxWaitMs: 1000, maxWaits: 2 } })
    await expectAppError(client.request({ method: 'GET', path: '/api/v1/users' }), 'rate_limited')
    expect(server.received).toHaveLength(3)
  })

  it('does not count rate-limit waits against the retries for server errors', async () => {
    const { server, client } = await harness(inOrder({ status: 429 }, { status: 429 }, { status: 500 }), {
      retryAfter: () => 1,
      maxRetries: 1,
    })
    expect((await client.request({ method: 'GET', path: '/api/v1/users' })).status).toBe(200)
    expect(server.received).toHaveLength(4)
  })
})
