import { createServer, request, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CountingProxy {
  url: string
  /** Every request that reached the target through the proxy, as "METHOD /path". */
  seen: string[]
  /** From now on, requests whose "METHOD /path" matches are held: not passed on, not answered. */
  hold(pattern: RegExp): void
  /** The requests being held. */
  held(): string[]
  /** Stops holding; passes the first `count` held requests on to the target (their answers go nowhere) and drops the rest unsent. */
  release(count: number): Promise<void>
  close(): Promise<void>
}

/**
 * A plain HTTP relay in front of a sandbox tenant that writes down every request it passes on: a
 * test that must prove something was sent exactly once counts it here, on the wire, whatever the
 * client or its journal believe.
 */
export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
  const target = new URL(targetUrl)
  const seen: string[] = []
  let holding: RegExp | null = null
  const held: { line: string; pass: () => Promise<void> }[] = []
  const server = createServer((incoming, outgoing) => {
    const line = `${incoming.method} ${incoming.url}`
    const body: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => body.push(chunk))
    incoming.on('end', () => {
      if (holding?.test(line)) held.push({ line, pass: () => relay(line, incoming.headers, Buffer.concat(body), null) })
      else void relay(line, incoming.headers, Buffer.concat(body), outgoing)
    })
  })

  function relay(line: string, headers: IncomingHttpHeaders, body: Buffer, outgoing: ServerResponse | null): Promise<void> {
    seen.push(line)
    const [method, path] = line.split(' ') as [string, string]
    return new Promise((resolve) => {
      const relayed = request(
        { host: target.hostname, port: target.port, method, path, headers: { ...headers, host: target.host } },
        (answer) => {
          if (outgoing) {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(outgoing)
          } else answer.resume()
          answer.on('end', () => resolve())
        },
      )
      relayed.on('error', () => {
        outgoing?.destroy()
        resolve()
      })
      relayed.end(body)
    })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    hold: (pattern) => (holding = pattern),
    held: () => held.map((request) => request.line),
    release: async (count) => {
      holding = null
      await Promise.all(held.splice(0).slice(0, count).map((request) => request.pass()))
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
