import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { EventName, EventPayload, Handlers } from '../../shared/contract'
import { failure, type LanyardError, type Result } from '../../shared/errors'
import type { Logger } from '../logging/Logger'
import { isExpectedRefusal } from '../errors/AppError'
import { checkEvent } from '../services/contractEvents'
import { invokeContract } from '../services/invokeContract'
import { defaultBodyLimits, nestingProblem, readBody, type BodyLimits } from './requestBody'
import { readStaticFile, staticFileHeaders } from './staticFiles'

export interface PreviewServerOptions {
  handlers: Handlers
  logger: Logger
  /** The built renderer (out/renderer). */
  staticDirectory: string
  /** Tests lower these; the defaults are explained in requestBody.ts. */
  limits?: Partial<BodyLimits>
}

export interface PreviewServer {
  /** The one URL to open: it carries the per-run token. */
  url: string
  origin: string
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  close(): Promise<void>
}

const invokePrefix = '/api/invoke/'

/**
 * The preview bridge: the renderer and the contract over HTTP on 127.0.0.1, backed by the same
 * services as the Electron main process. It is as strict as the IPC door: a random token per
 * run, our own origin only (the Host header too, against DNS rebinding), input validated by the
 * contract's schemas.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = randomBytes(24).toString('base64url')
  const limits: BodyLimits = { ...defaultBodyLimits, ...options.limits }
  const eventStreams = new Set<ServerResponse>()
  let origin = ''

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      // A known refusal (a client that cut its upload off) is expected: one line, no stack.
      if (isExpectedRefusal(error)) return refuse(request, response, 400, error.toValue())
      options.logger.error('preview request failed', { path: loggablePath(request), error })
      if (!response.headersSent) sendResult(response, 500, internalError())
      else response.end()
    })
  })

  // Node's HTTP parser refuses what it cannot read (a request line or headers over its size limit,
  // a malformed request) before any handler runs, with an empty answer; give it the bridge's own.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A client gone mid-request (its upload cut off) needs no answer and no line: it is logged
    // where the request's own handler sees the cut.
    if (error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) return void socket.destroy()
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
    const status = tooLarge ? 431 : 400
    const reason = tooLarge ? 'The call name or its headers are too large.' : 'The request could not be read as HTTP.'
    options.logger.warn('preview request refused', { method: null, path: null, status, code: 'invalid_input', reason })
    const body = JSON.stringify(failure(invalidInput(reason)))
    const head = [`HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}`, 'Content-Type: application/json; charset=utf-8', 'Cache-Control: no-store', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close']
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`)
  })

  /** Every refusal: one log line naming what was refused and why, and a JSON Result answer. */
  function refuse(request: IncomingMessage, response: ServerResponse, status: number, error: LanyardError, headers: Record<string, string> = {}): void {
    options.logger.warn('preview request refused', { method: request.method ?? null, path: loggablePath(request), status, code: error.code, reason: error.message })
    if (response.headersSent || response.destroyed) return
    sendResult(response, status, failure(error), headers)
  }

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = URL.parse(request.url ?? '/', origin)
    if (!url) return refuse(request, response, 400, invalidInput('The request address is not a valid URL.'))
    if (request.headers.host !== new URL(origin).host) {
      return refuse(request, response, 403, refused('This address is not the Lanyard preview.'))
    }
    if (url.pathname.startsWith(invokePrefix)) return handleInvoke(request, response, url)
    if (url.pathname === '/api/events') return handleEvents(request, response, url)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(request, response, 405, refused('Only reading is allowed here.'))
    }
    const file = await readStaticFile(options.staticDirectory, url.pathname)
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    response.writeHead(200, staticFileHeaders(file))
    response.end(request.method === 'HEAD' ? undefined : file.body)
  }

  async function handleInvoke(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'POST') return refuse(request, response, 405, refused('Calls are made with POST.'))
    if (request.headers.origin !== origin || !hasToken(request.headers['x-lanyard-token'])) {
      return refuse(request, response, 403, refused('This call did not come from the Lanyard page that was opened.'))
    }
    if (!isJsonContentType(request.headers['content-type'])) {
      return refuse(request, response, 415, invalidInput('Calls carry a JSON body: send it with Content-Type: application/json.'))
    }
    const name = decodeCallName(url.pathname.slice(invokePrefix.length))
    if (name === null) {
      return refuse(request, response, 400, invalidInput('The call name in the address is not valid percent-encoding; name a call of the contract.'))
    }
    const body = await readBody(request, limits.bytes)
    if (body.kind === 'too_large') {
      const message = `The request is too large: calls carry at most ${describeSize(limits.bytes)}. Nothing was done.`
      return refuse(request, response, 413, invalidInput(message), { Connection: 'close' })
    }
    // Measured before parsing: JSON.parse of deeply nested text is what amplified memory.
    const tooDeep = nestingProblem(body.text, limits.depth)
    if (tooDeep) return refuse(request, response, 400, invalidInput(tooDeep))
    let input: unknown
    try {
      input = body.text.length === 0 ? {} : JSON.parse(body.text)
    } catch {
      return refuse(request, response, 400, invalidInput('The request body is not JSON.'))
    }
    const result = await invokeContract(options.handlers, name, input, options.logger)
    sendResult(response, 200, result)
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse, url: URL): void {
    // EventSource cannot send headers, so the token rides in the query; a same-origin GET carries
    // no Origin header, but a cross-site one would, and Sec-Fetch-Site says where it came from.
    const site = request.headers['sec-fetch-site']
    const foreign = (request.headers.origin && request.headers.origin !== origin) || (site && site !== 'same-origin')
    if (foreign || !hasToken(url.searchParams.get('token'))) {
      return refuse(request, response, 403, refused('This event stream is only for the Lanyard page that was opened.'))
    }
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    response.write(': connected\n\n')
    eventStreams.add(response)
    request.on('close', () => eventStreams.delete(response))
  }

  function hasToken(candidate: unknown): boolean {
    if (typeof candidate !== 'string') return false
    const given = Buffer.from(candidate)
    const expected = Buffer.from(token)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/?token=${token}`,
    origin,
    emit(event, payload) {
      // The same check as the IPC door: a page here is no more entitled to extra fields.
      const checked = checkEvent(event, payload, options.logger)
      if (checked === null) return
      const message = `event: ${checked.name}\ndata: ${JSON.stringify(checked.payload)}\n\n`
      for (const stream of eventStreams) stream.write(message)
    },
    async close() {
      for (const stream of eventStreams) stream.end()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function decodeCallName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return null
  }
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${bytes} bytes`
}

function isJsonContentType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}

/** The path as far as a log needs it: long made-up paths are cut, the query (the token) never kept. */
function loggablePath(request: IncomingMessage): string {
  const path = (request.url ?? '').split('?')[0] ?? ''
  return path.length > 200 ? `${path.slice(0, 200)}…` : path
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
  response.end(JSON.stringify(result))
}

const refused = (message: string): LanyardError => ({ code: 'auth_failed', message })
const invalidInput = (message: string): LanyardError => ({ code: 'invalid_input', message })
const internalError = () =>
  failure({ code: 'internal', message: 'Something went wrong inside Lanyard. Please try again.' })
