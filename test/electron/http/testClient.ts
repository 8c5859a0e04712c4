import { afterEach } from 'vitest'
import { createHttpClient } from '../../../electron/http/createHttpClient'
import type { HttpClient, HttpClientOptions, HttpResponse } from '../../../electron/http/types'
import { createRecordingLogger } from '../../support/recordingLogger'
import { startLocalServer, type LocalServer, type ReceivedRequest, type Reply } from './localServer'

/** A token no code would produce by accident: finding it anywhere means it leaked. */
export const token = 'TKN-9f8e7d6c5b4a-Leak-Canary'

export interface Harness {
  server: LocalServer
  client: HttpClient
  logger: ReturnType<typeof createRecordingLogger>
}

const open: (() => Promise<void>)[] = []

afterEach(async () => {
  while (open.length > 0) await open.pop()?.()
})

/** Describes a JSON error body `{code, summary, requestId}` the way an adapter would. */
export function describeTestError(response: HttpResponse) {
  const body = (response.data ?? {}) as { code?: string; summary?: string; causes?: string[] }
  return { targetCode: body.code, summary: body.summary, causes: body.causes, requestId: response.headers['x-request-id'] }
}

/** A server answering with `reply`, and a client for it with fast retries; both closed after the test. */
export async function harness(
  reply: (request: ReceivedRequest, count: number) => Reply | Promise<Reply>,
  options: Partial<HttpClientOptions> = {},
): Promise<Harness> {
  const server = await startLocalServer(reply)
  const logger = createRecordingLogger()
  const client = createHttpClient({
    targetName: 'Example',
    baseUrl: server.url,
    // A loopback server: the one place a sandbox profile may use http://.
    environment: 'sandbox',
    authenticate: () => ({ Authorization: `SSWS ${token}` }),
    secrets: [token],
    logger,
    backoff: { initialMs: 5, maxMs: 20 },
    describeError: describeTestError,
    ...options,
  })
  open.push(async () => {
    client.close()
    await server.close()
  })
  return { server, client, logger }
}

/** Answers the scripted replies in order, then `ok` for every further request. */
export function inOrder(...replies: Reply[]): () => Reply {
  let index = 0
  return () => replies[index++] ?? { status: 200, body: { ok: true } }
}
