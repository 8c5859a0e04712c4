import { describe, expect, it } from 'vitest'
import { OktaRateLimiter, rateLimitBucket, rateLimitHeaders } from '../../../../electron/sandbox/okta/oktaRateLimits'
import { asList, asObject, oktaClient, useOktaSandbox, type OktaAnswer } from './oktaClient'

describe('Okta sandbox: rate limits', () => {
  const startSandbox = useOktaSandbox()

  it('counts down the bucket’s budget, then answers 429 E0000047 until the reset', async () => {
    const sandbox = await startSandbox({ rateLimitPerMinute: 3 })
    const call = oktaClient(sandbox)
    const remaining: (string | null)[] = []
    for (let index = 0; index < 3; index++) remaining.push((await call('GET', '/api/v1/users?limit=1')).headers.get('x-rate-limit-remaining'))
    expect(remaining).toEqual(['2', '1', '0'])
    const limited = await call('GET', '/api/v1/users?limit=1')
    expect(limited.status).toBe(429)
    expect(asObject(limited)).toMatchObject({ errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.', errorLink: 'E0000047', errorCauses: [] })
    expect([limited.headers.get('x-rate-limit-limit'), limited.headers.get('x-rate-limit-remaining')]).toEqual(['3', '0'])
    const reset = Number(limited.headers.get('x-rate-limit-reset'))
    expect(reset).toBeGreaterThan(Date.now() / 1000)
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 60)
  })

  it('enforces rateLimits: N as N a second per bucket, with one-second windows in the headers', async () => {
    const sandbox = await startSandbox({ rateLimits: 2 })
    const call = oktaClient(sandbox)
    // The window starts with the bucket's first request, so three at once do not fit in it.
    const answers = await Promise.all([1, 2, 3].map(() => call('GET', '/api/v1/users?limit=1')))
    const after = Math.ceil(Date.now() / 1000)
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 429])
    const limited = answers.find((answer) => answer.status === 429) as OktaAnswer
    expect([asObject(limited).errorCode, limited.headers.get('x-rate-limit-limit'), limited.headers.get('x-rate-limit-remaining')]).toEqual(['E0000047', '2', '0'])
    expect(Number(limited.headers.get('x-rate-limit-reset'))).toBeLessThanOrEqual(after + 1)
  })

  it('gives the documented buckets their own limits, and off a limit nobody reaches', async () => {
    const documented = oktaClient(await startSandbox({ rateLimits: 'documented' }))
    const read = await documented('GET', '/api/v1/users?limit=1')
    expect(read.headers.get('x-rate-limit-limit')).toBe('600')
    const user = asList(read)[0] as { id: string }
    expect((await documented('GET', `/api/v1/users/${user.id}`)).headers.get('x-rate-limit-limit')).toBe('1000')
    const off = await oktaClient(await startSandbox({ rateLimits: 'off' }))('GET', '/api/v1/users?limit=1')
    expect(off.headers.get('x-rate-limit-limit')).toBe('1000000')
  })

  it('keeps separate buckets per endpoint family', async () => {
    const sandbox = await startSandbox({ rateLimitPerMinute: 1 })
    const call = oktaClient(sandbox)
    const user = sandbox.tenant.users()[3] as { id: string }
    expect((await call('GET', '/api/v1/users')).status).toBe(200)
    expect((await call('GET', '/api/v1/users')).status).toBe(429)
    expect((await call('GET', `/api/v1/users/${user.id}`)).status).toBe(200)
    expect((await call('GET', '/api/v1/groups')).status).toBe(200)
    expect((await call('GET', '/api/v1/org')).status).toBe(200)
  })

  it('answers a scripted rate_limit fault with the same 429, resetting one second ahead', async () => {
    const sandbox = await startSandbox()
    sandbox.faults.script([{ kind: 'rate_limit', path: '/api/v1/users' }])
    const call = oktaClient(sandbox)
    const before = Math.floor(Date.now() / 1000)
    const limited = await call('GET', '/api/v1/users')
    const after = Math.floor(Date.now() / 1000)
    expect([limited.status, asObject(limited).errorCode, limited.headers.get('x-rate-limit-remaining')]).toEqual([429, 'E0000047', '0'])
    // Bracketed by the clock before and after, so a second boundary during the call cannot fail it.
    const reset = Number(limited.headers.get('x-rate-limit-reset'))
    expect(reset).toBeGreaterThanOrEqual(before + 1)
    expect(reset).toBeLessThanOrEqual(after + 1)
    expect(limited.headers.get('x-okta-request-id')).toBeTruthy()
    expect((await call('GET', '/api/v1/users')).status).toBe(200)
  })

  it('starts a fresh window 60 seconds after a bucket’s first request', () => {
    let now = 1_700_000_000_500
    const limiter = new OktaRateLimiter(2, () => now)
    expect(limiter.take('users').allowed).toBe(true)
    now += 30_000
    expect(limiter.take('users')).toMatchObject({ allowed: true, remaining: 0, resetEpochSeconds: 1_700_000_061 })
    expect(limiter.take('users').allowed).toBe(false)
    now += 30_000
    expect(limiter.take('users')).toMatchObject({ allowed: true, remaining: 1 })
  })

  it('dates its answer by the clock its windows run on, as Okta does: a client measures the reset against the Date', () => {
    const now = 1_700_000_000_500
    const headers = rateLimitHeaders(new OktaRateLimiter(2, () => now, 1000).take('users'))
    expect(headers).toMatchObject({ Date: 'Tue, 14 Nov 2023 22:13:20 GMT', 'X-Rate-Limit-Reset': '1700000002' })
  })

  it('puts requests in the documented buckets', () => {
    expect(rateLimitBucket('GET', '/api/v1/users')).toBe(rateLimitBucket('POST', '/api/v1/users'))
    expect(rateLimitBucket('GET', '/api/v1/users/00u1')).not.toBe(rateLimitBucket('POST', '/api/v1/users/00u1'))
    expect(rateLimitBucket('POST', '/api/v1/users/00u1')).toBe(rateLimitBucket('DELETE', '/api/v1/users/00u1'))
    expect(rateLimitBucket('GET', '/api/v1/groups/00g1')).not.toBe(rateLimitBucket('GET', '/api/v1/groups'))
    expect(rateLimitBucket('GET', '/api/v1/groups/00g1/users')).toBe(rateLimitBucket('GET', '/api/v1/groups'))
    // "Most other /api/v1" endpoints share one bucket (okta.md §6.2); per-path buckets would also let
    // unauthenticated requests to made-up paths grow the limiter without bound.
    expect(rateLimitBucket('GET', '/api/v1/org')).toBe(rateLimitBucket('GET', '/api/v1/made-up-1'))
    expect(rateLimitBucket('GET', '/api/v1/made-up-1')).toBe(rateLimitBucket('POST', '/api/v1/made-up-2/x'))
  })
})
