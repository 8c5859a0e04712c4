import { describe, expect, it } from 'vitest'
import { RetryWaits, type RetryWaitsState } from '../../../electron/http/retryWaits'
import { harness, inOrder } from './testClient'

/*
 * A list's page that waits out a retry said only "Loading…": a read runs in no change, so the
 * retry it waited for was told to nobody. The HTTP client now tells the profile's RetryWaits,
 * whatever the request belongs to, and says when each wait ends, however it ends.
 */

function recorder(): { waits: RetryWaits; seen: string[] } {
  const seen: string[] = []
  const describe = ({ waiting, retry }: RetryWaitsState) => (retry ? `${waiting} waiting: ${retry.reason} ${retry.attempt} of ${retry.of}` : `${waiting} waiting`)
  return { waits: new RetryWaits((state) => seen.push(describe(state))), seen }
}

describe("the HTTP client tells the profile's retry waits of every request's waits", () => {
  it('a read outside any change: its busy answer and its reset, each ended once the next attempt is answered', async () => {
    const { waits, seen } = recorder()
    const { client } = await harness(inOrder({ status: 503 }, { reset: true }), { maxRetries: 3, retryWaits: waits })
    await client.request({ method: 'GET', path: '/api/v1/users' })
    expect(seen).toEqual(['1 waiting: server_busy 1 of 3', '0 waiting', '1 waiting: network 2 of 3', '0 waiting'])
  })

  it('a 429 is a rate-limit wait', async () => {
    const { waits, seen } = recorder()
    const { client } = await harness(inOrder({ status: 429 }), { rateLimit: { maxWaits: 4, maxWaitMs: 60_000 }, retryAfter: () => 5, retryWaits: waits })
    await client.request({ method: 'GET', path: '/api/v1/users' })
    expect(seen).toEqual(['1 waiting: rate_limit 1 of 4', '0 waiting'])
  })

  it('a request cancelled while it waits no longer counts as waiting', async () => {
    const { waits, seen } = recorder()
    const { client } = await harness(inOrder({ status: 503 }), { backoff: { initialMs: 60_000, maxMs: 60_000 }, retryWaits: waits })
    const controller = new AbortController()
    const read = client.request({ method: 'GET', path: '/api/v1/users', signal: controller.signal })
    await expect.poll(() => seen.length).toBe(1)
    controller.abort()
    await expect(read).rejects.toMatchObject({ code: 'cancelled' })
    expect(seen).toEqual(['1 waiting: server_busy 1 of 3', '0 waiting'])
  })

  it('a request given up on no longer counts as waiting', async () => {
    const { waits, seen } = recorder()
    const { client } = await harness(() => ({ status: 503 }), { maxRetries: 1, retryWaits: waits })
    await expect(client.request({ method: 'GET', path: '/api/v1/users' })).rejects.toMatchObject({ code: 'network' })
    expect(seen).toEqual(['1 waiting: server_busy 1 of 1', '0 waiting'])
  })

  it('two requests waiting at once are counted, and the later wait is the one shown', async () => {
    const { waits, seen } = recorder()
    let count = 0
    const { client } = await harness(() => (++count <= 2 ? { status: 503 } : { status: 200, body: {} }), { backoff: { initialMs: 50, maxMs: 50 }, retryWaits: waits })
    await Promise.all([client.request({ method: 'GET', path: '/a' }), client.request({ method: 'GET', path: '/b' })])
    expect(seen.slice(0, 2)).toEqual(['1 waiting: server_busy 1 of 3', '2 waiting: server_busy 1 of 3'])
    expect(seen.at(-1)).toBe('0 waiting')
    expect(seen).toHaveLength(4)
  })
})

describe('RetryWaits', () => {
  it('shows the wait that began last of those still running, and ends each once', () => {
    const states: RetryWaitsState[] = []
    const waits = new RetryWaits((state) => states.push(state))
    const first = waits.begin({ attempt: 1, of: 3, waitMs: 500, reason: 'server_busy' })
    const second = waits.begin({ attempt: 1, of: 5, waitMs: 2_000, reason: 'rate_limit' })
    second()
    second()
    expect(states.map((state) => [state.waiting, state.retry?.reason ?? null])).toEqual([
      [1, 'server_busy'],
      [2, 'rate_limit'],
      [1, 'server_busy'],
    ])
    first()
    expect(states.at(-1)).toEqual({ waiting: 0, retry: null })
  })
})
