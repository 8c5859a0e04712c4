import { describe, expect, it } from 'vitest'
import { AppError } from '../../../electron/errors/AppError'
import { harness, token } from './testClient'
import type { Reply } from './localServer'

/** Everything an error exposes: message, value for the renderer, stack and cause chain. */
function everythingIn(error: unknown): string {
  if (!(error instanceof AppError)) return String(error)
  return JSON.stringify({
    message: error.message,
    value: error.toValue(),
    stack: error.stack,
    cause: String(error.cause),
    extra: error.extra,
  })
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error,
  )
}

describe('createHttpClient: the token never leaks', () => {
  it('registers the profile’s secrets and a request’s secrets with the logger', async () => {
    const { client, logger } = await harness(() => ({ status: 200, body: {} }))
    await client.request({ method: 'POST', path: '/api/v1/users', body: { password: 'Pw-Canary-123' }, secrets: ['Pw-Canary-123'] })
    expect(logger.secrets).toEqual(new Set([token, 'Pw-Canary-123']))
  })

  const failures: [string, Reply, object][] = [
    ['an HTTP error whose body repeats the token', { status: 401, body: { summary: `Invalid token ${token}` } }, {}],
    ['a server error after retries', { status: 503 }, {}],
    ['a connection reset', { reset: true }, {}],
    ['a timeout', { hold: true }, { timeoutMs: 80, maxRetries: 1 }],
    ['a rate limit beyond the cap', { status: 429, body: { summary: token } }, { retryAfter: () => 10 * 60_000 }],
  ]
  for (const [name, reply, options] of failures) {
    it(`appears in no log line, error value, message or cause after ${name}`, async () => {
      const { client, logger, server } = await harness(() => reply, options)
      const password = 'Pw-Canary-456'
      const error = await failureOf(
        client.request({ method: 'GET', path: '/api/v1/users', query: { search: 'x' }, secrets: [password] }),
      )
      expect(server.received.length).toBeGreaterThan(0)
      expect(server.received[0]!.headers.authorization).toBe(`SSWS ${token}`)
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).cause).toBeUndefined()
      const exposed = everythingIn(error) + JSON.stringify(logger.lines)
      expect(exposed).not.toContain(token)
      expect(exposed).not.toContain(password)
      expect(exposed).not.toMatch(/authorization/i)
    })
  }

  it('masks a credential the authentication callback supplied (an OAuth token) in the target’s error words', async () => {
    const accessToken = 'oauth-access-token-canary-789'
    const { client, logger } = await harness(() => ({ status: 401, body: { summary: `Token ${accessToken} has expired` } }), {
      authenticate: () => ({ Authorization: `Bearer ${accessToken}` }),
    })
    const error = await failureOf(client.request({ method: 'GET', path: '/x' }))
    expect(everythingIn(error) + JSON.stringify(logger.lines)).not.toContain(accessToken)
    expect((error as AppError).message).toContain('Token [redacted] has expired')
  })

  it('masks the token in the target’s error words rather than repeating them', async () => {
    const { client } = await harness(() => ({ status: 401, body: { summary: `Invalid token ${token}` } }))
    const error = (await failureOf(client.request({ method: 'GET', path: '/x' }))) as AppError
    expect(error.message).toContain('Invalid token [redacted]')
  })
})
