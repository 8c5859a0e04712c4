import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../support/expectAppError'
import { harness } from './testClient'

/**
 * What goes on the wire and what comes back, as the targets speak it: compressed answers (the
 * client has always asked for them, so a target may send them; a 200-user Okta page gzips 7×
 * smaller) and bodies of exactly their length. Whatever carries the client's requests must keep these.
 */
describe('createHttpClient: the wire', () => {
  const users = [{ id: '00u1', profile: { login: 'zoë@example.com', displayName: 'Zoë Ångström' } }]
  const json = Buffer.from(JSON.stringify(users))

  it('asks for a compressed answer, and reads gzip, deflate and brotli ones as JSON', async () => {
    const encoded: Record<string, Buffer> = { gzip: gzipSync(json), deflate: deflateSync(json), br: brotliCompressSync(json) }
    const encodings = Object.keys(encoded)
    const { server, client } = await harness((_request, count) => {
      const encoding = encodings[count - 1]!
      return { status: 200, raw: encoded[encoding]!, headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding } }
    })

    for (const encoding of encodings) {
      const response = await client.request({ method: 'GET', path: `/api/v1/users?as=${encoding}` })
      expect(response.data, encoding).toEqual(users)
      // Decoded, so nothing downstream decodes it again.
      expect(response.headers['content-encoding'], encoding).toBeUndefined()
    }
    const accepted = String(server.received[0]!.headers['accept-encoding'])
    for (const encoding of encodings) expect(accepted).toContain(encoding)
  })

  it('reads an empty compressed answer (a 204, a HEAD) as empty', async () => {
    const { client } = await harness(() => ({ status: 204, raw: Buffer.alloc(0), headers: { 'Content-Encoding': 'gzip' } }))
    const response = await client.request({ method: 'DELETE', path: '/api/v1/users/00u1' })
    expect(response.status).toBe(204)
    expect(response.data).toBe('')
  })

  it('fails a read whose compressed body is corrupt as an answer that could not be read, after its retries', async () => {
    const { server, client } = await harness(() => ({
      status: 200,
      raw: Buffer.concat([gzipSync(json).subarray(0, 20), Buffer.from('not gzip at all')]),
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    }))
    const error = await expectAppError(client.request({ method: 'GET', path: '/api/v1/users' }), 'network')
    expect(error.message).toBe('Example answered, but its answer could not be read (Z_DATA_ERROR). Try again in a moment.')
    expect(error.extra.details).toEqual({ networkError: 'Z_DATA_ERROR', request: 'GET /api/v1/users' })
    expect(server.received).toHaveLength(4)
  })

  it('sends a body with its length in bytes (non-ASCII names too), never chunked', async () => {
    const { server, client } = await harness(() => ({ status: 200, body: {} }))
    const body = { profile: { firstName: 'Zoë', lastName: 'Ångström' } }

    await client.request({ method: 'POST', path: '/api/v1/users', body })
    await client.request({ method: 'POST', path: '/oauth/token', form: { grant_type: 'password', username: 'zoë' } })

    for (const received of server.received) {
      expect(received.headers['transfer-encoding']).toBeUndefined()
      expect(received.headers['content-length']).toBe(String(Buffer.byteLength(received.body)))
    }
    expect(JSON.parse(server.received[0]!.body)).toEqual(body)
    expect(server.received[1]!.body).toBe('grant_type=password&username=zo%C3%AB')
  })
})
