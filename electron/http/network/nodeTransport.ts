import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios'
import type { Readable } from 'node:stream'
import type { NetworkAgents } from './networkAgents'
import { sendOverNode } from './nodeRequest'

/** What the client accepts, and decodes (as axios's own adapter did): a 200-user Okta page comes 7× smaller. */
const acceptedEncodings = 'gzip, deflate, br'

/**
 * The HTTP client's transport under axios: one request over node:http or node:https (nodeRequest.ts).
 * axios's own http adapter does much the client never asks of it (redirects, its own proxy, uploads
 * and progress, form data) and cost ~0.8 ms of CPU a request more than this one in a process that
 * had not run it thousands of times (Okta's 20,000-user listing: 408 ms against 329).
 *
 * Requests go as axios hands them: the caller's method, absolute URL, headers and string body, and
 * its signal, which destroys the request and its answer.
 */
export function nodeTransport(agents: NetworkAgents): AxiosAdapter {
  return async (config) => {
    const body = config.data as unknown
    if (body !== undefined && typeof body !== 'string') throw new Error('The HTTP client sends bodies as text only.')
    const answer = await sendOverNode(agents, {
      method: (config.method ?? 'get').toUpperCase(),
      url: new URL(config.url ?? ''),
      headers: requestHeaders(config),
      body,
      signal: config.signal as AbortSignal | undefined,
    })
    return { data: answer.body, status: answer.status, statusText: answer.statusText, headers: answer.headers, config, request: answer.request } satisfies AxiosResponse<Readable>
  }
}

function requestHeaders(config: InternalAxiosRequestConfig): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(config.headers.toJSON(true) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== false) headers[name] = String(value)
  }
  headers['Accept-Encoding'] ??= acceptedEncodings
  return headers
}
