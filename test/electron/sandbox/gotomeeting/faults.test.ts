import { describe, expect, it } from 'vitest'
import { adminError, asList, tokenRequest, useGoToMeetingSandbox } from './goToClient'

describe('GoTo sandbox: faults, throttling and latency', () => {
  const start = useGoToMeetingSandbox()

  it('answers a rate_limit fault with 429 in the gateway’s body and no rate-limit headers, then serves again', async () => {
    const { sandbox, call } = await start()
    sandbox.faults.script([{ kind: 'rate_limit', path: /\/users$/ }])
    const throttled = await call('GET', `accounts/${sandbox.credentials.accountKey}/users`)
    expect(throttled.status).toBe(429)
    expect(throttled.body).toEqual({ int_err_code: 'TooManyRequests', msg: 'Too many requests' })
    expect(throttled.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException')
    expect(throttled.headers.get('retry-after')).toBeNull()
    expect([...throttled.headers.keys()].filter((name) => name.includes('ratelimit'))).toEqual([])
    expect((await call('GET', `accounts/${sandbox.credentials.accountKey}/users`)).status).toBe(200)
  })

  it('answers 5xx faults in GoTo’s shapes: the Admin API’s 500, the gateway’s 502 and 503', async () => {
    const { sandbox, call } = await start()
    sandbox.faults.script([{ kind: 'server_error' }, { kind: 'bad_gateway' }, { kind: 'unavailable' }])
    const failed = await call('GET', 'me')
    expect([failed.status, adminError(failed).code]).toEqual([500, 'internal.error'])
    expect((await call('GET', 'me')).body).toEqual({ message: 'Internal server error' })
    expect((await call('GET', 'me')).body).toEqual({ message: 'Service Unavailable' })
    expect((await call('GET', 'me')).status).toBe(200)
  })

  it('strikes the token endpoint too, so a client’s sign-in meets faults like any call', async () => {
    const { sandbox } = await start()
    sandbox.faults.script([{ kind: 'unavailable', method: 'POST', path: '/oauth/token' }])
    const form = { grant_type: 'password', username: sandbox.credentials.username!, password: sandbox.credentials.password! }
    expect((await tokenRequest(sandbox, form)).status).toBe(503)
    expect((await tokenRequest(sandbox, form)).status).toBe(200)
  })

  it('enforces GoTo’s per-second limit when asked, with 429s beyond it', async () => {
    const { sandbox, call } = await start()
    sandbox.tenant.setRequestsPerSecond(2)
    const answers = await Promise.all(Array.from({ length: 5 }, () => call('GET', 'me')))
    // However the five fall across a second boundary, one second holds three or more of them.
    expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThan(0)
    sandbox.tenant.setRequestsPerSecond(undefined)
    const after = await Promise.all(Array.from({ length: 5 }, () => call('GET', 'me')))
    expect(after.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
    expect(() => sandbox.tenant.setRequestsPerSecond(0)).toThrow(RangeError)
  })

  it('takes the per-second limit from rateLimitPerMinute when one is given', async () => {
    const { call } = await start({ rateLimitPerMinute: 120 })
    const answers = await Promise.all(Array.from({ length: 5 }, () => call('GET', 'me')))
    expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThan(0)
  })

  it('takes the per-second limit from rateLimits: documented is 10 a second, N is N', async () => {
    for (const [rateLimits, burst] of [['documented', 10], [2, 2]] as const) {
      const { call } = await start({ rateLimits })
      const answers = await Promise.all(Array.from({ length: 2 * burst + 1 }, () => call('GET', 'me')))
      // However they fall across a second boundary, one second holds more than the limit.
      expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThan(0)
    }
  })

  it('counts requests and adds latency', async () => {
    const { sandbox, call } = await start()
    const before = sandbox.requestCount()
    sandbox.setLatency(80)
    const startedAt = Date.now()
    expect(asList(await call('GET', `accounts/${sandbox.credentials.accountKey}/users?pageSize=1`)).results).toHaveLength(1)
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(75)
    expect(sandbox.requestCount()).toBe(before + 1)
  })
})
