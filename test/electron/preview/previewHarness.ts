import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { Handlers } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import type { Logger } from '../../../electron/logging/Logger'
import { startPreviewServer, type PreviewServer, type PreviewServerOptions } from '../../../electron/preview/previewServer'
import { AppError } from '../../../electron/errors/AppError'
import { createRecordingLogger } from '../../support/recordingLogger'

/** Every profile call answers not_found unless a test gives it a handler. */
export function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = async () => {
    throw new AppError('not_found', 'not in this test')
  }
  const base = Object.fromEntries(
    ['app.info', 'app.openExternal', 'profiles.list', 'profiles.get', 'profiles.create', 'profiles.update',
      'profiles.duplicate', 'profiles.delete', 'profiles.export', 'profiles.importPreview', 'profiles.import']
      .map((name) => [name, fail]),
  ) as unknown as Handlers
  return { ...base, ...overrides }
}

export interface PreviewHarness {
  readonly server: PreviewServer
  readonly token: string
  invoke(name: string, init?: { token?: string; origin?: string; body?: string; contentType?: string }): Promise<Response>
}

/**
 * A preview server per test over a throwaway renderer folder. `setup` runs before each test and
 * chooses the handlers, logger and limits.
 */
export function usePreviewServer(
  setup: () => { handlers?: Partial<Handlers>; logger?: Logger; limits?: PreviewServerOptions['limits'] } = () => ({}),
): PreviewHarness {
  let server: PreviewServer | undefined
  let staticDirectory = ''
  beforeEach(async () => {
    const chosen = setup()
    staticDirectory = await mkdtemp(join(tmpdir(), 'lanyard-static-'))
    await writeFile(join(staticDirectory, 'index.html'), '<!doctype html><title>Lanyard</title>')
    server = await startPreviewServer({
      handlers: fakeHandlers(chosen.handlers),
      logger: chosen.logger ?? createRecordingLogger(),
      staticDirectory,
      ...(chosen.limits && { limits: chosen.limits }),
    })
  })
  afterEach(async () => {
    await server?.close()
    await rm(staticDirectory, { recursive: true, force: true })
  })
  const harness: PreviewHarness = {
    get server() {
      if (!server) throw new Error('the preview server starts before each test')
      return server
    },
    get token() {
      return new URL(harness.server.url).searchParams.get('token') ?? ''
    },
    invoke: (name, init = {}) =>
      fetch(`${harness.server.origin}/api/invoke/${name}`, {
        method: 'POST',
        headers: {
          'Content-Type': init.contentType ?? 'application/json',
          'X-Lanyard-Token': init.token ?? harness.token,
          Origin: init.origin ?? harness.server.origin,
        },
        body: init.body ?? '{}',
      }),
  }
  return harness
}

export async function errorOf(response: Response) {
  const result = (await response.json()) as Result<unknown>
  if (result.ok) throw new Error('expected a failure')
  return result.error
}

export interface RawAnswer {
  status: number
  body: string
}

/**
 * One request through node:http, for what fetch cannot send: a Content-Length that promises more
 * than is sent, a chunked body, a request cut off mid-body (`abort`: destroy after the chunks).
 */
export function rawRequest(
  origin: string,
  options: { path: string; method?: string; headers?: Record<string, string>; chunks?: (string | Buffer)[]; abort?: boolean },
): Promise<RawAnswer | 'aborted'> {
  const url = new URL(origin)
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: options.path, method: options.method ?? 'POST', headers: options.headers },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      },
    )
    // A client that keeps writing after an early answer may see EPIPE/ECONNRESET once the
    // answer is in; the answer is what counts, so errors only reject when no answer came.
    outgoing.on('error', (error) => (options.abort ? undefined : reject(error)))
    outgoing.on('close', () => options.abort && resolve('aborted'))
    const send = () => {
      for (const chunk of options.chunks ?? []) outgoing.write(chunk)
    }
    if (options.abort) {
      // 100-continue: the server answers it once it has the request, so the cut comes after that.
      outgoing.setHeader('Expect', '100-continue')
      outgoing.on('continue', () => {
        send()
        setImmediate(() => outgoing.destroy())
      })
      outgoing.flushHeaders()
    } else {
      send()
      outgoing.end()
    }
  })
}
