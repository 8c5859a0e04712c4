import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { FaultKind } from '../types'
import type { FaultInjector } from './FaultInjector'
import type { SandboxAnswer, SandboxRequest, SandboxTarget } from './sandboxHttp'

export interface SandboxServerOptions {
  target: SandboxTarget
  faults: FaultInjector
  /** Preferred port; a random free one when absent, 0 or taken. */
  port?: number
  latencyMs?: number
  /** Larger bodies are not read; the tenant answers them with its error. Default 1 MiB. */
  bodyLimitBytes?: number
}

export interface SandboxServer {
  url: string
  port: number
  setLatency(ms: number): void
  requestCount(): number
  close(): Promise<void>
}

const loopback = '127.0.0.1'

/**
 * The loopback HTTP server every tenant runs on. Per request, in order: count it, read the body
 * (up to the limit), draw a fault, ask the tenant (unless the fault strikes first), and answer once the latency has passed since
 * the request arrived. The latency is the tenant's response time with its own work inside it, as
 * a distant target's would be: the simulator's bookkeeping must not add to what a benchmark
 * measures. `close()` destroys every open socket, including requests held by a `timeout` fault,
 * so tests never hang on it.
 */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const bodyLimit = options.bodyLimitBytes ?? 1024 * 1024
  let latencyMs = validLatency(options.latencyMs ?? 0)
  let served = 0
  let closing = false
  const sockets = new Set<Socket>()

  const server = createServer((incoming, outgoing) => {
    served++
    void serve(incoming, outgoing)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function serve(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const latencyPassed = latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, latencyMs)) : undefined
    const request = await readRequest(incoming, bodyLimit)
    if (closing) return
    const fault = options.faults.draw(request.method, request.path)
    if (fault === 'reset') {
      await latencyPassed
      incoming.socket.destroy()
      return
    }
    // Held until the client gives up (its socket closes) or the server closes.
    if (fault === 'timeout') return
    let answer: SandboxAnswer
    try {
      answer = fault && !losesAnswer(fault) ? options.target.answerFault(fault, request) : await options.target.handle(request)
    } catch (error) {
      process.stderr.write(`sandbox: ${request.method} ${request.path} failed: ${String(error)}\n`)
      answer = options.target.answerFault('server_error', request)
    }
    // The target has carried the request out; only its answer is lost on the way back.
    if (fault === 'lost_answer') {
      await latencyPassed
      incoming.socket.destroy()
      return
    }
    if (fault === 'lost_answer_5xx') answer = options.target.answerFault('server_error', request)
    // Encoded before the wait, so even the JSON work hides inside the latency.
    const encoded = encode(answer)
    await latencyPassed
    if (closing) return
    send(outgoing, encoded)
  }

  const port = await listen(server, options.port)
  return {
    url: `http://${loopback}:${port}`,
    port,
    setLatency(ms) {
      latencyMs = validLatency(ms)
    },
    requestCount: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function losesAnswer(fault: FaultKind): fault is 'lost_answer' | 'lost_answer_5xx' {
  return fault === 'lost_answer' || fault === 'lost_answer_5xx'
}

function validLatency(ms: number): number {
  if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`Latency is a number of milliseconds (0 or more), not ${ms}.`)
  return ms
}

async function listen(server: Server, preferred: number | undefined): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: Error) => reject(error)
      server.once('error', onError)
      server.listen(port, loopback, () => {
        server.off('error', onError)
        const address = server.address()
        resolve(typeof address === 'object' && address ? address.port : port)
      })
    })
  if (preferred) {
    try {
      return await tryPort(preferred)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' && (error as NodeJS.ErrnoException).code !== 'EACCES') throw error
    }
  }
  return tryPort(0)
}

function readRequest(incoming: IncomingMessage, bodyLimit: number): Promise<SandboxRequest> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > bodyLimit) tooLarge = true
      if (!tooLarge) chunks.push(chunk)
    })
    const finish = () => {
      const { path, query, rawQuery } = parseTarget(incoming.url ?? '/')
      resolve({
        method: (incoming.method ?? 'GET').toUpperCase(),
        path,
        query,
        rawQuery,
        headers: incoming.headers,
        bodyText: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'),
        bodyTooLarge: tooLarge,
      })
    }
    incoming.on('end', finish)
    incoming.on('error', finish)
  })
}

/**
 * The request target's path and query. A target that is not a valid URL (`GET https://[`) must
 * not throw here: inside a stream event that would be an uncaught exception, taking down the
 * process the tenants run in (the app's main process). Its raw path goes to the tenant instead,
 * which answers it as the unknown path it is.
 */
function parseTarget(target: string): { path: string; query: URLSearchParams; rawQuery: string } {
  try {
    const url = new URL(collapseSlashes(target), `http://${loopback}`)
    return { path: url.pathname, query: url.searchParams, rawQuery: url.search.slice(1) }
  } catch {
    const queryStart = target.indexOf('?')
    return { path: queryStart === -1 ? target : target.slice(0, queryStart), query: new URLSearchParams(), rawQuery: '' }
  }
}

/**
 * `//api/v1/users` would parse as a host named `api`; clients whose base URL ends in a slash send
 * such paths (a known Okta SDK gotcha), so repeated slashes in the path are collapsed first.
 */
function collapseSlashes(target: string): string {
  const queryStart = target.indexOf('?')
  const path = queryStart === -1 ? target : target.slice(0, queryStart)
  const query = queryStart === -1 ? '' : target.slice(queryStart)
  return path.replace(/\/{2,}/g, '/') + query
}

interface EncodedAnswer {
  status: number
  headers: Record<string, string | string[]>
  payload: Buffer | undefined
}

function encode(answer: SandboxAnswer): EncodedAnswer {
  const payload = answer.body === undefined ? undefined : Buffer.from(JSON.stringify(answer.body))
  return { status: answer.status, headers: answer.headers ?? {}, payload }
}

function send(outgoing: ServerResponse, answer: EncodedAnswer): void {
  if (outgoing.destroyed) return
  for (const [name, value] of Object.entries(answer.headers)) outgoing.setHeader(name, value)
  if (answer.payload !== undefined) outgoing.setHeader('Content-Length', answer.payload.byteLength)
  outgoing.writeHead(answer.status)
  outgoing.end(answer.payload)
}
