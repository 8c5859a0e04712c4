import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isEventName, type EventName, type EventPayload, type Handlers } from '../../shared/contract'
import { failure, type Result } from '../../shared/errors'
import type { Logger } from '../logging/Logger'
import { invokeContract } from '../services/invokeContract'
import { readStaticFile, staticFileHeaders } from './staticFiles'

export interface PreviewServerOptions {
  handlers: Handlers
  logger: Logger
  /** The built renderer (out/renderer). */
  staticDirectory: string
}

export interface PreviewServer {
  /** The one URL to open: it carries the per-run token. */
  url: string
  origin: string
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  close(): Promise<void>
}

const maxBodyBytes = 10 * 1024 * 1024
const invokePrefix = '/api/invoke/'

/**
 * The preview bridge: the renderer and the contract over HTTP on 127.0.0.1, backed by the same
 * services as the Electron main process. It is as strict as the IPC door: a random token per
 * run, our own origin only (the Host header too, against DNS rebinding), input validated by the
 * contract's schemas.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = randomBytes(24).toString('base64url')
  const eventStreams = new Set<ServerResponse>()
  let origin = ''

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      options.logger.error('preview request failed', { error })
      if (!response.headersSent) sendResult(response, 500, internalError())
      else response.end()
    })
  })

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin)
    if (request.headers.host !== new URL(origin).host) {
      return sendResult(response, 403, refused('This address is not the Lanyard preview.'))
    }
    if (url.pathname.startsWith(invokePrefix)) return handleInvoke(request, response, url)
    if (url.pathname === '/api/events') return handleEvents(request, response, url)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendResult(response, 405, refused('Only reading is allowed here.'))
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
    if (request.method !== 'POST') return sendResult(response, 405, refused('Calls are made with POST.'))
    if (request.headers.origin !== origin || !hasToken(request.headers['x-lanyard-token'])) {
      options.logger.warn('preview call refused', { path: url.pathname, origin: request.headers.origin ?? null })
      return sendResult(response, 403, refused('This call did not come from the Lanyard page that was opened.'))
    }
    const body = await readBody(request)
    if (body === null) return sendResult(response, 413, invalidInput('The request is too large.'))
    let input: unknown
    try {
      input = body.length === 0 ? {} : JSON.parse(body)
    } catch {
      return sendResult(response, 400, invalidInput('The request body is not JSON.'))
    }
    const name = decodeURIComponent(url.pathname.slice(invokePrefix.length))
    const result = await invokeContract(options.handlers, name, input, options.logger)
    sendResult(response, 200, result)
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse, url: URL): void {
    // EventSource cannot send headers, so the token rides in the query; a same-origin GET carries
    // no Origin header, but a cross-site one would, and Sec-Fetch-Site says where it came from.
    const site = request.headers['sec-fetch-site']
    const foreign = (request.headers.origin && request.headers.origin !== origin) || (site && site !== 'same-origin')
    if (foreign || !hasToken(url.searchParams.get('token'))) {
      return sendResult(response, 403, refused('This event stream is only for the Lanyard page that was opened.'))
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
      if (!isEventName(event)) return
      const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const stream of eventStreams) stream.write(message)
    },
    async close() {
      for (const stream of eventStreams) stream.end()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        resolve(null)
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(JSON.stringify(result))
}

const refused = (message: string) => failure({ code: 'auth_failed', message })
const invalidInput = (message: string) => failure({ code: 'invalid_input', message })
const internalError = () =>
  failure({ code: 'internal', message: 'Something went wrong inside Lanyard. Please try again.' })
