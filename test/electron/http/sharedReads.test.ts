import { describe, expect, it, vi } from 'vitest'
import { RequestBudget } from '../../../electron/http/RequestBudget'
import { expectAppError } from '../../support/expectAppError'
import type { ReceivedRequest, Reply } from './localServer'
import { harness } from './testClient'

/**
 * A server that holds every request until the test answers it, so "in flight at the same time" is
 * a fact of the test, not of timing: `arrived(n)` resolves once n requests have reached it. Once
 * answered, a request arriving later gets the same answer (so a request that should have been
 * shared is counted, not left hanging).
 */
function heldServer() {
  const waiting: ((reply: Reply) => void)[] = []
  const arrivals: { count: number; resolve: () => void }[] = []
  let received = 0
  let answered: Reply | null = null
  const reply = (_request: ReceivedRequest) =>
    new Promise<Reply>((resolve) => {
      if (answered) resolve(answered)
      else waiting.push(resolve)
      received++
      for (const arrival of arrivals.filter((candidate) => candidate.count <= received)) arrival.resolve()
    })
  return {
    reply,
    arrived: (count: number) => new Promise<void>((resolve) => (received >= count ? resolve() : arrivals.push({ count, resolve }))),
    answerAll: (answer: Reply) => {
      answered = answer
      for (const send of waiting.splice(0)) send(answer)
    },
  }
}

describe('createHttpClient: identical reads in flight share one request', () => {
  it('sends one request for two identical GETs at once and answers both, each with its own copy', async () => {
    const held = heldServer()
    const { server, client } = await harness(held.reply)
    const first = client.request({ method: 'GET', path: '/api/users/7', query: { fields: 'all' } })
    const second = client.request({ method: 'GET', path: '/api/users/7', query: { fields: 'all' } })
    await held.arrived(1)
    held.answerAll({ status: 200, body: { id: 7, roles: ['Buyer'] } })
    const [one, two] = await Promise.all([first, second])

    expect(server.received.map((request) => request.url)).toEqual(['/api/users/7?fields=all'])
    expect(one.data).toEqual({ id: 7, roles: ['Buyer'] })
    expect(two.data).toEqual({ id: 7, roles: ['Buyer'] })
    // A caller that changes its answer does not change another's.
    ;(one.data as { roles: string[] }).roles.push('Admin')
    expect(two.data).toEqual({ id: 7, roles: ['Buyer'] })
  })

  it("takes one ticket from the profile's budget for a shared read", async () => {
    const held = heldServer()
    const budget = new RequestBudget({ quotaOf: () => ({ limit: 100, windowMs: 1000 }) })
    const acquire = vi.spyOn(budget, 'acquire')
    const { client } = await harness(held.reply, { budget })
    const both = Promise.all([client.request({ method: 'GET', path: '/api/users/7' }), client.request({ method: 'GET', path: '/api/users/7' })])
    await held.arrived(1)
    held.answerAll({ status: 200, body: {} })
    await both
    expect(acquire).toHaveBeenCalledTimes(1)
    budget.close()
  })

  it('shares a HEAD as it shares a GET', async () => {
    const held = heldServer()
    const { server, client } = await harness(held.reply)
    const both = Promise.all([client.request({ method: 'HEAD', path: '/api/users/7' }), client.request({ method: 'HEAD', path: '/api/users/7' })])
    await held.arrived(1)
    held.answerAll({ status: 200 })
    await both
    expect(server.received.map((request) => request.method)).toEqual(['HEAD'])
  })

  it('sends two requests for reads that differ only in their query', async () => {
    const held = heldServer()
    const { server, client } = await harness(held.reply)
    const both = Promise.all([
      client.request({ method: 'GET', path: '/api/users', query: { offset: 0 } }),
      client.request({ method: 'GET', path: '/api/users', query: { offset: 50 } }),
    ])
    await held.arrived(2)
    held.answerAll({ status: 200, body: [] })
    await both
    expect(server.received.map((request) => request.url).sort()).toEqual(['/api/users?offset=0', '/api/users?offset=50'])
  })

  it('never shares a write, not even an identical idempotent one', async () => {
    const held = heldServer()
    const { server, client } = await harness(held.reply)
    const put = { method: 'PUT' as const, path: '/api/users/7/business_groups/3/add', idempotent: true }
    const post = { method: 'POST' as const, path: '/api/users/7/lifecycle/suspend' }
    const all = Promise.all([client.request(put), client.request(put), client.request(post), client.request(post)])
    await held.arrived(4)
    held.answerAll({ status: 200, body: {} })
    await all
    expect(server.received.map((request) => request.method).sort()).toEqual(['POST', 'POST', 'PUT', 'PUT'])
  })

  it('still answers the other caller when one caller aborts', async () => {
    const held = heldServer()
    const { server, client } = await harness(held.reply)
    const leaving = new AbortController()
    const aborted = client.request({ method: 'GET', path: '/api/users/7', signal: leaving.signal })
    const staying = client.request({ method: 'GET', path: '/api/users/7' })
    await held.arrived(1)
    leaving.abort()
    await expectAppError(aborted, 'cancelled')
    held.answerAll({ status: 200, body: { id: 7 } })
    expect((await staying).data).toEqual({ id: 7 })
    expect(server.received).toHaveLength(1)
  })

  it('aborts the shared request once every caller has aborted, and a later read sends a new one', async () => {
    const held = heldServer()
    const { server, client, logger } = await harness(held.reply)
    const callers = [new AbortController(), new AbortController()]
    const reads = callers.map((caller) => client.request({ method: 'GET', path: '/api/users/7', signal: caller.signal }))
    await held.arrived(1)
    for (const caller of callers) caller.abort()
    for (const read of reads) await expectAppError(read, 'cancelled')
    // The attempt itself was cancelled: its connection closes and its log line says so.
    await vi.waitFor(() => expect(server.inFlight()).toBe(0))
    expect(logger.lines.map((line) => line.message)).toContainEqual(expect.stringMatching(/^GET \/api\/users\/7 → cancelled/))

    const again = client.request({ method: 'GET', path: '/api/users/7' })
    await held.arrived(2)
    held.answerAll({ status: 200, body: { id: 7 } })
    expect((await again).data).toEqual({ id: 7 })
    expect(server.received).toHaveLength(2)
  })

  it('gives every caller the failure', async () => {
    const held = heldServer()
    const { server, client } = await harness(held.reply)
    const reads = [client.request({ method: 'GET', path: '/api/users/7' }), client.request({ method: 'GET', path: '/api/users/7' })]
    await held.arrived(1)
    held.answerAll({ status: 404, body: { code: 'E0000007', summary: 'Not found: 7' } })
    for (const read of reads) await expectAppError(read, 'not_found')
    expect(server.received).toHaveLength(1)
  })

  it('caches nothing: a read that starts after the answer sends a new request', async () => {
    const { server, client } = await harness((_request, count) => ({ status: 200, body: { version: count } }))
    const first = await client.request({ method: 'GET', path: '/api/users/7' })
    const second = await client.request({ method: 'GET', path: '/api/users/7' })
    expect([first.data, second.data]).toEqual([{ version: 1 }, { version: 2 }])
    expect(server.received).toHaveLength(2)
  })

  it('tells every caller the answer has arrived (onHeaders), but not a caller that left', async () => {
    const held = heldServer()
    const { client } = await harness(held.reply)
    const seen: string[] = []
    const leaving = new AbortController()
    const reads = [
      client.request({ method: 'GET', path: '/api/users', onHeaders: () => seen.push('first') }),
      client.request({ method: 'GET', path: '/api/users', onHeaders: () => seen.push('second') }),
      client.request({ method: 'GET', path: '/api/users', onHeaders: () => seen.push('left'), signal: leaving.signal }),
    ]
    await held.arrived(1)
    leaving.abort()
    held.answerAll({ status: 200, body: [] })
    await Promise.allSettled(reads)
    expect(seen.sort()).toEqual(['first', 'second'])
  })
})
