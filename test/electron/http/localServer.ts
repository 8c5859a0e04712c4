import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** What the server does with one request: answer, or misbehave like a broken network. */
export type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Bytes as given (a compressed body, a body cut short), with only the headers given. */
  | { status: number; raw: Buffer; headers: Record<string, string> }
  | { reset: true }
  | { hold: true }

export interface LocalServer {
  url: string
  received: ReceivedRequest[]
  /** Requests being served right now, and the most seen at once. */
  inFlight: () => number
  peakInFlight: () => number
  close: () => Promise<void>
}

/**
 * A tiny loopback server of the tests' own (not a sandbox tenant): each request is answered by
 * `reply`, called with the request and its 1-based number.
 */
export async function startLocalServer(
  reply: (request: ReceivedRequest, count: number) => Reply | Promise<Reply>,
): Promise<LocalServer> {
  const received: ReceivedRequest[] = []
  let inFlight = 0
  let peak = 0
  const held: ServerResponse[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const record: ReceivedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      received.push(record)
      inFlight++
      peak = Math.max(peak, inFlight)
      response.on('close', () => inFlight--)
      void Promise.resolve(reply(record, received.length)).then((answer) => {
        if ('reset' in answer) {
          request.socket.destroy()
        } else if ('hold' in answer) {
          held.push(response)
        } else if ('raw' in answer) {
          response.writeHead(answer.status, answer.headers)
          response.end(answer.raw)
        } else {
          const text = answer.body === undefined ? '' : JSON.stringify(answer.body)
          response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers })
          response.end(text)
        }
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    inFlight: () => inFlight,
    peakInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of held) response.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
