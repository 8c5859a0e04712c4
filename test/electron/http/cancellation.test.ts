import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../support/expectAppError'
import { harness } from './testClient'

function abortAfter(ms: number): AbortSignal {
  const controller = new AbortController()
  setTimeout(() => controller.abort(), ms)
  return controller.signal
}

describe('createHttpClient: cancellation', () => {
  it('sends nothing for an already cancelled request', async () => {
    const { server, client } = await harness(() => ({ status: 200 }))
    const controller = new AbortController()
    controller.abort()
    await expectAppError(client.request({ method: 'GET', path: '/api/v1/users', signal: controller.signal }), 'cancelled')
    expect(server.received).toHaveLength(0)
  })

  it('cancels a request in flight at once, without waiting for the timeout', async () => {
    const { client } = await harness(() => ({ hold: true }), { timeoutMs: 10_000 })
    const started = performance.now()
    await expectAppError(client.request({ method: 'GET', path: '/api/v1/users', signal: abortAfter(50) }), 'cancelled')
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('cancels during the wait before a retry', async () => {
    const { server, client } = await harness(() => ({ status: 503 }), { backoff: { initialMs: 5_000, maxMs: 5_000 } })
    const started = performance.now()
    await expectAppError(client.request({ method: 'GET', path: '/api/v1/users', signal: abortAfter(100) }), 'cancelled')
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(server.received).toHaveLength(1)
  })

  it('cancels during a rate-limit wait', async () => {
    const { server, client } = await harness(() => ({ status: 429 }), { retryAfter: () => 5_000 })
    const started = performance.now()
    await expectAppError(client.request({ method: 'GET', path: '/api/v1/users', signal: abortAfter(100) }), 'cancelled')
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(server.received).toHaveLength(1)
  })

  it('cancels a request still waiting for a concurrency slot, and it is never sent', async () => {
    const { server, client } = await harness(() => ({ hold: true }), { concurrency: 1, timeoutMs: 10_000 })
    const blocker = new AbortController()
    const first = client.request({ method: 'GET', path: '/first', signal: blocker.signal })
    const second = client.request({ method: 'GET', path: '/second', signal: abortAfter(50) })
    await expectAppError(second, 'cancelled')
    blocker.abort()
    await expectAppError(first, 'cancelled')
    expect(server.received.map((request) => request.url)).toEqual(['/first'])
  })

  it('close() aborts requests in flight and refuses new ones', async () => {
    const { client } = await harness(() => ({ hold: true }), { timeoutMs: 10_000 })
    const pending = client.request({ method: 'GET', path: '/api/v1/users' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    client.close()
    await expectAppError(pending, 'cancelled')
    const refused = await expectAppError(client.request({ method: 'GET', path: '/api/v1/users' }), 'cancelled')
    expect(refused.message).toContain('profile was closed')
  })

  it('close() stops a request waiting for a concurrency slot: it is never sent', async () => {
    const { server, client } = await harness(() => ({ hold: true }), { concurrency: 1, timeoutMs: 10_000 })
    const first = client.request({ method: 'GET', path: '/first' })
    const queued = client.request({ method: 'GET', path: '/queued' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    client.close()
    await expectAppError(first, 'cancelled')
    await expectAppError(queued, 'cancelled')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.received.map((request) => request.url)).toEqual(['/first'])
  })

  it('close() ends the wait before a retry at once, and the retry is never sent', async () => {
    const { server, client } = await harness(() => ({ status: 503 }), { backoff: { initialMs: 300, maxMs: 300 } })
    const pending = client.request({ method: 'GET', path: '/api/v1/users' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = performance.now()
    client.close()
    const error = await expectAppError(pending, 'cancelled')
    expect(error.message).toContain('profile was closed')
    expect(performance.now() - started).toBeLessThan(100)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(server.received).toHaveLength(1)
  })

  it('close() ends a rate-limit wait at once, and nothing more is sent', async () => {
    const { server, client } = await harness(() => ({ status: 429 }), { retryAfter: () => 300 })
    const pending = client.request({ method: 'GET', path: '/api/v1/users' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = performance.now()
    client.close()
    await expectAppError(pending, 'cancelled')
    expect(performance.now() - started).toBeLessThan(100)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(server.received).toHaveLength(1)
  })
})

describe('createHttpClient: concurrency', () => {
  it('keeps at most the profile’s limit of requests in flight', async () => {
    const { server, client } = await harness(
      () => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: {} }), 30)),
      { concurrency: 3 },
    )
    await Promise.all(Array.from({ length: 10 }, (_, index) => client.request({ method: 'GET', path: `/item/${index}` })))
    expect(server.received).toHaveLength(10)
    expect(server.peakInFlight()).toBe(3)
  })

  it('defaults to four requests in flight', async () => {
    const { server, client } = await harness(() => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: {} }), 30)))
    await Promise.all(Array.from({ length: 9 }, (_, index) => client.request({ method: 'GET', path: `/item/${index}` })))
    expect(server.peakInFlight()).toBe(4)
  })
})
