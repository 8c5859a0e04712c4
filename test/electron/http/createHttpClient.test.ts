import { describe, expect, it } from 'vitest'
import { createHttpClient } from '../../../electron/http/createHttpClient'
import { AppError } from '../../../electron/errors/AppError'
import { expectAppError } from '../../support/expectAppError'
import { createRecordingLogger } from '../../support/recordingLogger'
import { harness, inOrder, token } from './testClient'

describe('createHttpClient: requests', () => {
  it('sends the path and query under the base URL with JSON accept and the authentication of the moment', async () => {
    let issued = 0
    const { server, client } = await harness(() => ({ status: 200, body: [{ id: 1 }] }), {
      authenticate: () => ({ Authorization: `SSWS ${token}-${++issued}` }),
    })

    const first = await client.request({ method: 'GET', path: '/api/v1/users', query: { limit: 100, search: 'a b', after: undefined } })
    await client.request({ method: 'GET', path: '/api/v1/users/00u1' })

    expect(first.status).toBe(200)
    expect(first.data).toEqual([{ id: 1 }])
    expect(server.received[0]!.url).toBe('/api/v1/users?limit=100&search=a+b')
    expect(server.received[0]!.headers.accept).toBe('application/json')
    expect(server.received.map((request) => request.headers.authorization)).toEqual([`SSWS ${token}-1`, `SSWS ${token}-2`])
  })

  it('keeps a path that is part of the base URL', async () => {
    const { server } = await harness(() => ({ status: 200, body: {} }))
    const nested = createHttpClient({
      targetName: 'Example',
      baseUrl: `${server.url}/tenant/`,
      environment: 'sandbox',
      authenticate: () => ({}),
      secrets: [],
      logger: createRecordingLogger(),
    })
    await nested.request({ method: 'GET', path: '/api/v1/org' })
    nested.close()
    expect(server.received[0]!.url).toBe('/tenant/api/v1/org')
  })

  it('sends a body as JSON, and a bodiless POST with Content-Length 0', async () => {
    const { server, client } = await harness(() => ({ status: 200, body: {} }))

    await client.request({ method: 'POST', path: '/api/v1/groups', body: { profile: { name: 'Finance' } } })
    await client.request({ method: 'POST', path: '/api/v1/users/00u1/lifecycle/suspend' })

    expect(server.received[0]!.headers['content-type']).toBe('application/json')
    expect(JSON.parse(server.received[0]!.body)).toEqual({ profile: { name: 'Finance' } })
    expect(server.received[1]!.headers['content-length']).toBe('0')
    expect(server.received[1]!.body).toBe('')
  })

  it('sends nothing and logs no "cancelled" attempt when getting the authentication fails (a sign-in that failed)', async () => {
    const { server, client, logger } = await harness(() => ({ status: 200, body: {} }), {
      authenticate: () => Promise.reject(new AppError('auth_failed', 'The sign-in was refused.')),
    })
    await expectAppError(client.request({ method: 'GET', path: '/api/v1/users' }), 'auth_failed')
    expect(server.received).toHaveLength(0)
    expect(logger.lines.map((line) => line.message)).not.toContainEqual(expect.stringContaining('cancelled'))
  })

  it('refuses an absolute URL on another origin without sending anything', async () => {
    const { server, client } = await harness(() => ({ status: 200, body: {} }))
    await expectAppError(client.request({ method: 'GET', path: 'http://example.invalid/api/v1/users' }), 'network')
    expect(server.received).toHaveLength(0)
  })

  it('refuses a path with a "." or ".." segment (an id like "..") without sending anything', async () => {
    const { server, client } = await harness(() => ({ status: 204 }))
    for (const path of ['/api/v1/groups/00g1/users/..', '/api/v1/users/./lifecycle/suspend', '/api/v1/users/%2E%2e', '/api/v1/users/..?x=1']) {
      const error = await expectAppError(client.request({ method: 'DELETE', path }), 'invalid_input')
      expect(error.message).toContain('Nothing was sent')
    }
    expect(server.received).toHaveLength(0)
  })

  it('refuses a segment whose decoded form is a path or a dot segment (an id like "..%2F..")', async () => {
    const { server, client } = await harness(() => ({ status: 204 }))
    const paths = [
      '/api/v1/groups/00g1/users/..%2F..',
      '/api/v1/users/..%2f00g1',
      '/api/v1/users/a%2Fb/lifecycle/suspend',
      '/api/v1/users/..%5C..',
      '/api/v1/users/a%5cb',
      '/api/v1/users/%252e%252e',
      '/api/v1/users/%25252F',
      '/api/v1/users/a\\b',
    ]
    for (const path of paths) {
      const error = await expectAppError(client.request({ method: 'DELETE', path }), 'invalid_input')
      expect(error.message, path).toContain('Nothing was sent')
    }
    // The same guard on a Link header's absolute next page.
    await expectAppError(client.request({ method: 'GET', path: `${server.url}/api/v1/users/..%2F..?after=1` }), 'invalid_input')
    expect(server.received).toHaveLength(0)
  })

  it('sends segments that only look unusual: percent-encoded text, dots inside a name, a query with slashes', async () => {
    const { server, client } = await harness(() => ({ status: 200, body: {} }))
    await client.request({ method: 'GET', path: '/api/v1/users/ada%40example.com' })
    await client.request({ method: 'GET', path: '/api/v1/users/a.b..c', query: { filter: 'profile.login eq "a/b"' } })
    await client.request({ method: 'GET', path: '/api/v1/users?search=..%2F..' })
    expect(server.received.map((request) => request.url.split('?')[0])).toEqual(['/api/v1/users/ada%40example.com', '/api/v1/users/a.b..c', '/api/v1/users'])
  })

  it('follows an absolute URL on its own origin (a Link header next page)', async () => {
    const { server, client } = await harness(() => ({ status: 200, body: [] }))
    await client.request({ method: 'GET', path: `${server.url}/api/v1/users?after=00u9&limit=100` })
    expect(server.received[0]!.url).toBe('/api/v1/users?after=00u9&limit=100')
  })

  it('logs one line per attempt with method, path, status, time and attempt number, masking secret query values', async () => {
    const { client, logger } = await harness(inOrder({ status: 503, body: {} }))

    await client.request({ method: 'GET', path: '/api/v1/users', query: { limit: 100, api_key: 'in-the-query' } })

    const requestLines = logger.lines.filter((line) => line.fields && 'attempt' in line.fields)
    expect(requestLines.map((line) => [line.fields!.method, line.fields!.status, line.fields!.attempt])).toEqual([
      ['GET', 503, 1],
      ['GET', 200, 2],
    ])
    expect(requestLines[0]!.fields!.path).toBe('/api/v1/users?limit=100&api_key=%5Bredacted%5D')
    expect(typeof requestLines[0]!.fields!.ms).toBe('number')
    expect(JSON.stringify(logger.lines)).not.toContain('in-the-query')
  })
})

describe('createHttpClient: errors carry shared codes and the target’s own words', () => {
  const cases = [
    [400, 'invalid_input', 'refused the request as not valid'],
    [401, 'auth_failed', "did not accept the profile's credentials"],
    [403, 'auth_failed', 'the token lacks permission'],
    [404, 'not_found', 'has no such object'],
    [409, 'conflict', 'conflict'],
    [500, 'network', 'had a problem answering (HTTP 500)'],
    [501, 'unsupported', 'does not support this operation'],
  ] as const
  for (const [status, code, words] of cases) {
    it(`maps HTTP ${status} to ${code}`, async () => {
      const { client } = await harness(() => ({
        status,
        body: { code: `E${status}`, summary: 'Target summary', causes: ['first cause'] },
        headers: { 'X-Request-Id': 'req-42' },
      }))
      const error = await expectAppError(client.request({ method: 'POST', path: '/api/v1/things', body: {} }), code)
      expect(error.message).toContain(words)
      expect(error.message).toContain('Example says: "Target summary — first cause"')
      expect(error.toValue().details).toMatchObject({ status: String(status), targetCode: `E${status}`, requestId: 'req-42' })
    })
  }

  it('lets the adapter override the code and message from the target’s own error code', async () => {
    const { client } = await harness(() => ({ status: 400, body: { code: 'DUPLICATE' } }), {
      describeError: () => ({ targetCode: 'DUPLICATE', code: 'conflict', message: 'That username is taken.' }),
    })
    const error = await expectAppError(client.request({ method: 'POST', path: '/x', body: {} }), 'conflict')
    expect(error.message).toBe('That username is taken.')
    expect(error.toValue().details?.targetCode).toBe('DUPLICATE')
  })

  it('reports a redirect instead of following it', async () => {
    const { server, client } = await harness(() => ({ status: 301, headers: { Location: 'https://elsewhere.example/' } }))
    const error = await expectAppError(client.request({ method: 'GET', path: '/api/v1/org' }), 'network')
    expect(error.message).toContain('redirect')
    expect(error.message).toContain('https://elsewhere.example/')
    expect(server.received).toHaveLength(1)
  })

  it('says plainly when nothing answers at the address', async () => {
    const { server, client } = await harness(() => ({ status: 200 }), { maxRetries: 0 })
    await server.close()
    const error = await expectAppError(client.request({ method: 'GET', path: '/api/v1/org' }), 'network')
    expect(error.message).toContain('nothing answers there')
  })
})
