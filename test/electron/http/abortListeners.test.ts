import { getEventListeners } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import { expectAppError } from '../../support/expectAppError'
import { harness } from './testClient'

/**
 * A caller's signal (a search, a job) lives longer than each request it covers, and a profile's
 * client lives as long as the profile: a request must not leave abort listeners behind, nor add
 * more than one to a signal it shares with other requests (Node warns at 11 listeners on one
 * signal, a MaxListenersExceededWarning seen under load).
 */
const warnings: Error[] = []
const onWarning = (warning: Error) => void warnings.push(warning)
process.on('warning', onWarning)
afterEach(() => {
  warnings.length = 0
})

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length

describe('createHttpClient: abort listeners', () => {
  it('leaves no listener on the caller’s signal after many sequential requests, answered, failed or written', async () => {
    const { client } = await harness((request) => (request.url.startsWith('/missing') ? { status: 404 } : { status: 200, body: { ok: true } }))
    const caller = new AbortController()
    for (let index = 0; index < 12; index++) {
      await client.request({ method: 'GET', path: `/read/${index}`, signal: caller.signal })
      await client.request({ method: 'POST', path: '/write', body: { index }, signal: caller.signal })
      await expectAppError(client.request({ method: 'GET', path: `/missing/${index}`, signal: caller.signal }), 'not_found')
    }
    expect(abortListeners(caller.signal)).toBe(0)
  })

  it('adds one listener per request in flight to the caller’s signal, and none once they are cancelled', async () => {
    const { server, client } = await harness(() => ({ hold: true }), { concurrency: 2, timeoutMs: 10_000 })
    const caller = new AbortController()
    const pending = [
      ...[1, 2, 3].map((index) => client.request({ method: 'GET', path: `/read/${index}`, signal: caller.signal })),
      client.request({ method: 'POST', path: '/write', body: {}, signal: caller.signal }),
    ]
    await until(() => server.received.length === 2)
    expect(abortListeners(caller.signal)).toBeLessThanOrEqual(pending.length)
    caller.abort()
    for (const request of pending) await expectAppError(request, 'cancelled')
    expect(abortListeners(caller.signal)).toBe(0)
  })

  it('warns of no listener excess with more requests in flight and queued than Node’s limit of 10', async () => {
    const { server, client } = await harness(() => ({ hold: true }), { concurrency: 4, timeoutMs: 10_000 })
    const pending = Array.from({ length: 14 }, (_, index) => client.request({ method: 'GET', path: `/read/${index}`, signal: new AbortController().signal }))
    await until(() => server.received.length === 4)
    client.close()
    for (const request of pending) await expectAppError(request, 'cancelled')
    await new Promise((resolve) => setImmediate(resolve))
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning').map((warning) => warning.message)).toEqual([])
  })
})

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5))
}
