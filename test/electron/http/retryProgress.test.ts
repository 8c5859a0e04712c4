import { describe, expect, it } from 'vitest'
import type { ChangeRetry } from '../../../shared/changeProgress'
import { withChangeProgress } from '../../../electron/http/changeProgress'
import { harness, inOrder } from './testClient'

/*
 * Issue 15: a change's progress says when one of its requests waits to be sent again, and why
 * (`changes.progress`'s retry line), then clears it once the request is answered. Outside a change
 * nothing is told and nothing breaks.
 */

async function retriesSeen(send: () => Promise<unknown>): Promise<(ChangeRetry | null)[]> {
  const seen: (ChangeRetry | null)[] = []
  await withChangeProgress({ steps: () => {}, retry: (retry) => seen.push(retry) }, send).catch(() => {})
  return seen
}

describe('the HTTP client tells the running change of each retry it waits for', () => {
  it('a busy answer, then a reset, each counted against the retries allowed, and cleared once answered', async () => {
    const { client } = await harness(inOrder({ status: 503 }, { reset: true }), { maxRetries: 3 })
    const seen = await retriesSeen(() => client.request({ method: 'GET', path: '/api/v1/users' }))
    expect(seen.map((retry) => (retry ? `${retry.reason} ${retry.attempt} of ${retry.of}` : null))).toEqual(['server_busy 1 of 3', null, 'network 2 of 3', null])
    expect(seen.every((retry) => retry === null || retry.waitMs > 0)).toBe(true)
  })

  it('a 429 is a rate-limit wait, counted against the waits allowed', async () => {
    const { client } = await harness(inOrder({ status: 429 }), { rateLimit: { maxWaits: 4, maxWaitMs: 60_000 }, retryAfter: () => 5 })
    const seen = await retriesSeen(() => client.request({ method: 'POST', path: '/api/v1/users', body: {} }))
    expect(seen).toEqual([{ attempt: 1, of: 4, waitMs: 5, reason: 'rate_limit' }, null])
  })

  it('says nothing for a request answered at once, or one made outside a change', async () => {
    const { client } = await harness(inOrder())
    expect(await retriesSeen(() => client.request({ method: 'GET', path: '/api/v1/users' }))).toEqual([])
    const busy = await harness(inOrder({ status: 503 }))
    await expect(busy.client.request({ method: 'GET', path: '/api/v1/users' })).resolves.toMatchObject({ status: 200 })
  })
})
