import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { pipeline, type Readable } from 'node:stream'
import { createBrotliDecompress, createUnzip } from 'node:zlib'
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios'
import type { NetworkAgents } from './networkAgents'

/** What the client accepts, and decodes (as axios's own adapter did): a 200-user Okta page comes 7× smaller. */
const acceptedEncodings = 'gzip, deflate, br'

/**
 * The HTTP client's transport under axios: one request over node:http or node:https through the
 * profile's agents (the proxy and the CAs, networkAgents.ts), its answer as a stream, decoded when
 * compressed. axios's own http adapter does much the client never asks of it (redirects, its own
 * proxy, uploads and progress, form data) and cost ~0.8 ms of CPU a request more than this one in a
 * process that had not run it thousands of times (Okta's 20,000-user listing: 408 ms against 329).
 *
 * Requests go as axios hands them: the caller's method, absolute URL, headers and string body, and
 * its signal, which destroys the request and its answer. Nothing follows a redirect: a 3xx is an
 * answer like any other. A failure is the system's own error (its `code` is all the client reads).
 */
export function nodeTransport(agents: NetworkAgents): AxiosAdapter {
  return (config) =>
    new Promise((resolve, reject) => {
      const url = new URL(config.url ?? '')
      const https = url.protocol === 'https:'
      const headers = requestHeaders(config)
      const body = config.data
      if (body !== undefined && typeof body !== 'string') {
        reject(new Error('The HTTP client sends bodies as text only.'))
        return
      }
      if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body))
      const options = { method: (config.method ?? 'get').toUpperCase(), headers, signal: config.signal as AbortSignal | undefined }
      const request = (https ? httpsRequest : httpRequest)(url, { ...options, agent: https ? agents.httpsAgent : agents.httpAgent }, (answer) => {
        resolve(responseOf(answer, config, request))
      })
      request.once('error', reject)
      request.end(body)
    })
}

function requestHeaders(config: InternalAxiosRequestConfig): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(config.headers.toJSON(true) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== false) headers[name] = String(value)
  }
  headers['Accept-Encoding'] ??= acceptedEncodings
  return headers
}

function responseOf(answer: IncomingMessage, config: InternalAxiosRequestConfig, request: ClientRequest): AxiosResponse<Readable> {
  const headers = { ...answer.headers }
  const status = answer.statusCode ?? 0
  const bodiless = request.method === 'HEAD' || status === 204 || status === 304
  let data: Readable = answer
  const decoder = bodiless ? undefined : decoderFor(headers['content-encoding'])
  if (decoder) {
    // A corrupt body fails the decoder (Z_DATA_ERROR), and the pipeline hands that to the reader.
    data = pipeline(answer, decoder, () => undefined)
    delete headers['content-encoding']
  }
  return { data, status, statusText: answer.statusMessage ?? '', headers, config, request }
}

function decoderFor(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
    case 'deflate':
      // Unzip reads both gzip and zlib-wrapped deflate, by their header.
      return createUnzip()
    case 'br':
      return createBrotliDecompress()
    default:
      return undefined
  }
}
