import { describe, expect, it } from 'vitest'
import { CoupaRateLimiter } from '../../../../electron/sandbox/coupa/CoupaRateLimiter'
import { startCoupaSandbox } from '../../../../electron/sandbox/coupa/startCoupaSandbox'
import { coupaClient, useCoupaSandbox } from './coupaClient'
import { seededAccounts } from '../../../support/sandboxPeople'

describe('Coupa sandbox: rate limit and faults', () => {
  const startSandbox = useCoupaSandbox()

  it('does not throttle unless asked', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const statuses = await Promise.all(Array.from({ length: 40 }, () => call('GET', '/api/users?limit=1').then((answer) => answer.status)))
    expect(statuses.every((status) => status === 200)).toBe(true)
  })

  it('throttles past a burst of 20 with 429, Retry-After and the errors body once turned on', async () => {
    const sandbox = await startSandbox({ users: 0 })
    sandbox.tenant.setRateLimiting(true)
    const call = coupaClient(sandbox)
    const answers = await Promise.all(Array.from({ length: 30 }, () => call('GET', '/api/users?limit=1')))
    const throttled = answers.filter((answer) => answer.status === 429)
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(20)
    expect(throttled.length).toBeGreaterThan(0)
    expect(throttled[0]?.headers.get('retry-after')).toBe('1')
    expect(throttled[0]?.body).toEqual({ errors: { request: [expect.stringContaining('25 requests per second')] } })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await call('GET', '/api/users?limit=1')).status).toBe(200)
  })

  it('throttles from the start with rateLimits: documented (burst 20) or N (burst N)', async () => {
    for (const [rateLimits, burst] of [['documented', 20], [3, 3]] as const) {
      const call = coupaClient(await startSandbox({ users: 0, rateLimits }))
      const answers = await Promise.all(Array.from({ length: burst + 5 }, () => call('GET', '/api/users?limit=1')))
      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(burst)
      expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThan(0)
    }
  })

  it('refills at 25 calls a second after a burst of 20', () => {
    let now = 0
    const limiter = new CoupaRateLimiter(true, () => now)
    expect(Array.from({ length: 21 }, () => limiter.take())).toEqual([...Array<boolean>(20).fill(true), false])
    now += 40
    expect([limiter.take(), limiter.take()]).toEqual([true, false])
    now += 10_000
    expect(Array.from({ length: 21 }, () => limiter.take()).filter(Boolean)).toHaveLength(20)
  })

  it('answers a scripted rate_limit fault with its own 429, and 5xx faults with the errors shape', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    sandbox.faults.script([{ kind: 'rate_limit', path: '/api/users' }, { kind: 'server_error', path: '/api/users' }, { kind: 'unavailable', path: '/api/users' }])
    const limited = await call('GET', '/api/users')
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1'])
    expect(await call('GET', '/api/users').then((answer) => [answer.status, answer.body])).toEqual([500, { errors: { request: ['Internal server error'] } }])
    expect((await call('GET', '/api/users')).status).toBe(503)
    expect((await call('GET', '/api/users')).status).toBe(200)
    expect(sandbox.requestCount()).toBe(4)
  })

  it('starts with 20,000 people and pages to the last of them', async () => {
    const sandbox = await startCoupaSandbox({ users: 20_000 })
    try {
      // The support and API users, then the company's people who have a Coupa account.
      expect(sandbox.tenant.count()).toBe(2 + seededAccounts('coupa', 20_000))
      const page = await coupaClient(sandbox)('GET', `/api/users?offset=${sandbox.tenant.count() - 50}`)
      expect((page.body as unknown[]).length).toBe(50)
    } finally {
      await sandbox.close()
    }
  })
})
