import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One answer as it went over the wire: what a conformance test checks against the target's spec. */
export interface RecordedAnswer {
  method: string
  /** Path and query. */
  path: string
  status: number
  /** The body's text ('' when none). */
  body: string
}

export interface RecordingFront {
  url: string
  answers: RecordedAnswer[]
  close(): Promise<void>
}

/**
 * A loopback server in front of a sandbox tenant that records every answer. Links the tenant writes
 * with its own address (Okta's `Link` header, `_links`) are rewritten to the front's, so a client
 * following them stays in front.
 */
export async function startRecordingFront(target: string): Promise<RecordingFront> {
  const upstream = new URL(target)
  const answers: RecordedAnswer[] = []
  let origin = ''
  const server = createServer((incoming, outgoing) => {
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host } },
      (answer) => {
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8').split(upstream.origin).join(origin)
          answers.push({ method: incoming.method ?? '', path: incoming.url ?? '', status: answer.statusCode ?? 0, body })
          const headers = { ...answer.headers }
          delete headers['content-length']
          delete headers['transfer-encoding']
          if (typeof headers.link === 'string') headers.link = headers.link.split(upstream.origin).join(origin)
          outgoing.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': Buffer.byteLength(body) })
          outgoing.end(body)
        })
      },
    )
    forward.on('error', () => outgoing.destroy())
    incoming.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: origin,
    answers,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
