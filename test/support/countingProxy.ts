import { createServer, request, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the proxy answers in the target's place (see `fail`). */
export interface ProxyAnswer {
  status: number
  headers?: Record<string, string>
  body: string
}

export interface ProxyOptions {
  /**
   * Pass the client's own Host header on (the default puts the target's): a target that checks a
   * signature over it (Cognito's SigV4) then sees the host the client signed.
   */
  keepHost?: boolean
}

export interface CountingProxy {
  url: string
  /**
   * Every request that reached the target through the proxy, as "METHOD /path"; an AWS JSON call
   * adds its operation, from X-Amz-Target: "POST / AdminDisableUser".
   */
  seen: string[]
  /** The same requests with their bodies, for a test that tells apart two writes to one path. */
  sent: { line: string; body: string }[]
  /** The next `times` requests whose line and body ("METHOD /path body") match are answered with `answer`, never passed on. */
  fail(pattern: RegExp, times: number, answer: ProxyAnswer): void
  /**
   * The next `times` requests whose line and body match reach the target, which carries them out, and
   * its answer is lost: the client's connection is reset instead (a write done, the client not told).
   */
  lose(pattern: RegExp, times: number): void
  /** Ends every `fail` and `lose` still striking: requests reach the target and answers the client again. */
  stopFailing(): void
  /** The requests answered by `fail` instead of the target. */
  failed: string[]
  /** From now on, requests whose "METHOD /path" matches are held: not passed on, not answered. */
  hold(pattern: RegExp): void
  /** The requests being held. */
  held(): string[]
  /** Stops holding; passes the first `count` held requests on to the target (their answers go nowhere) and drops the rest unsent. */
  release(count: number): Promise<void>
  /** Stops holding; passes every held request on, and its answer back to the client: held only to make two callers overlap. */
  letThrough(): Promise<void>
  close(): Promise<void>
}

/**
 * A plain HTTP relay in front of a sandbox tenant that writes down every request it passes on: a
 * test that must prove something was sent exactly once counts it here, on the wire, whatever the
 * client or its journal believe.
 */
export async function startCountingProxy(targetUrl: string, options: ProxyOptions = {}): Promise<CountingProxy> {
  const target = new URL(targetUrl)
  const seen: string[] = []
  const sent: { line: string; body: string }[] = []
  const failed: string[] = []
  const failing: { pattern: RegExp; left: number; answer: ProxyAnswer }[] = []
  const losing: { pattern: RegExp; left: number }[] = []
  let holding: RegExp | null = null
  const held: { line: string; pass: () => Promise<void>; answer: () => Promise<void> }[] = []
  const server = createServer((incoming, outgoing) => {
    const operation = String(incoming.headers['x-amz-target'] ?? '').split('.').at(-1)
    const line = `${incoming.method} ${incoming.url}${operation ? ` ${operation}` : ''}`
    const body: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => body.push(chunk))
    incoming.on('end', () => {
      const payload = Buffer.concat(body)
      const failure = failing.find((candidate) => candidate.left > 0 && candidate.pattern.test(`${line} ${payload.toString('utf8')}`))
      if (failure) {
        failure.left -= 1
        failed.push(line)
        outgoing.writeHead(failure.answer.status, { 'content-type': 'application/json', ...failure.answer.headers })
        outgoing.end(failure.answer.body)
        return
      }
      const loss = losing.find((candidate) => candidate.left > 0 && candidate.pattern.test(`${line} ${payload.toString('utf8')}`))
      if (loss) {
        loss.left -= 1
        void relay(line, incoming.headers, payload, null).then(() => outgoing.destroy())
      } else if (holding?.test(line)) {
        held.push({ line, pass: () => relay(line, incoming.headers, payload, null), answer: () => relay(line, incoming.headers, payload, outgoing) })
      }
      else void relay(line, incoming.headers, payload, outgoing)
    })
  })

  function relay(line: string, headers: IncomingHttpHeaders, body: Buffer, outgoing: ServerResponse | null): Promise<void> {
    seen.push(line)
    sent.push({ line, body: body.toString('utf8') })
    const [method, path] = line.split(' ') as [string, string]
    return new Promise((resolve) => {
      const relayed = request(
        { host: target.hostname, port: target.port, method, path, headers: options.keepHost ? headers : { ...headers, host: target.host } },
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
    sent,
    fail: (pattern, times, answer) => void failing.push({ pattern, left: times, answer }),
    lose: (pattern, times) => void losing.push({ pattern, left: times }),
    stopFailing: () => {
      failing.splice(0)
      losing.splice(0)
    },
    failed,
    hold: (pattern) => (holding = pattern),
    held: () => held.map((request) => request.line),
    release: async (count) => {
      holding = null
      await Promise.all(held.splice(0).slice(0, count).map((request) => request.pass()))
    },
    letThrough: async () => {
      holding = null
      await Promise.all(held.splice(0).map((request) => request.answer()))
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
