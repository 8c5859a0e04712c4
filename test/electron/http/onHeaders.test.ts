import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpClient } from '../../../electron/http/createHttpClient'
import type { HttpClient } from '../../../electron/http/types'
import { createRecordingLogger } from '../../support/recordingLogger'

let server: Server | undefined
const clients: HttpClient[] = []
afterEach(async () => {
  while (clients.length > 0) clients.pop()?.close()
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
})

/** Sends the headers at once and the body only when `finishBody` is called. */
async function slowBodyServer(status: number): Promise<{ url: string; finishBody: () => void }> {
  let finish = () => {}
  server = createServer((_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', Link: '<http://next.example/?after=x>; rel="next"' })
    response.flushHeaders()
    finish = () => response.end(JSON.stringify([{ id: 1 }]))
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, finishBody: () => finish() }
}

function client(url: string): HttpClient {
  const created = createHttpClient({ targetName: 'Example', baseUrl: url, environment: 'sandbox', authenticate: () => ({}), secrets: [], logger: createRecordingLogger(), maxRetries: 0 })
  clients.push(created)
  return created
}

describe('createHttpClient: headers before the body', () => {
  it('hands a 2xx answer’s headers over before its body has arrived', async () => {
    const { url, finishBody } = await slowBodyServer(200)
    const seen: string[] = []
    let resolved = false
    const answer = client(url)
      .request({ method: 'GET', path: '/list', onHeaders: (headers) => seen.push(headers.link ?? '') })
      .then((response) => ((resolved = true), response))

    await expect.poll(() => seen.length).toBe(1)
    expect(resolved).toBe(false)
    expect(seen[0]).toContain('rel="next"')
    finishBody()
    expect((await answer).data).toEqual([{ id: 1 }])
  })

  it('does not hand over the headers of a failure', async () => {
    const { url, finishBody } = await slowBodyServer(404)
    const seen: unknown[] = []
    const answer = client(url).request({ method: 'GET', path: '/list', onHeaders: (headers) => seen.push(headers) })
    await new Promise((resolve) => setTimeout(resolve, 50))
    finishBody()
    await expect(answer).rejects.toMatchObject({ code: 'not_found' })
    expect(seen).toEqual([])
  })
})

describe('createHttpClient: a body cut off after its headers', () => {
  it('is a network failure, not a wait for the rest: a GET is sent again and its whole answer read, in several chunks', async () => {
    let answers = 0
    const rows = Array.from({ length: 3000 }, (_, index) => ({ id: index, name: `row ${index} ü` }))
    server = createServer((_request, response) => {
      answers++
      response.writeHead(200, { 'Content-Type': 'application/json' })
      const text = JSON.stringify(rows)
      if (answers === 1) {
        response.write(text.slice(0, 1000))
        setTimeout(() => response.socket?.destroy(), 20)
      } else response.end(text)
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const retrying = createHttpClient({
      targetName: 'Example',
      baseUrl: `http://127.0.0.1:${port}`,
      environment: 'sandbox',
      authenticate: () => ({}),
      secrets: [],
      logger: createRecordingLogger(),
      maxRetries: 1,
      backoff: { initialMs: 1, maxMs: 1 },
    })
    clients.push(retrying)
    const answer = await retrying.request({ method: 'GET', path: '/rows' })
    expect(answers).toBe(2)
    expect(answer.data).toEqual(rows)
  })
})
