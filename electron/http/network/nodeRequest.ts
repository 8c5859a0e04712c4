import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { pipeline, type Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { createBrotliDecompress, createUnzip } from 'node:zlib'
import type { NetworkAgents } from './networkAgents'

export interface NodeRequest {
  method: string
  url: URL
  headers: Record<string, string>
  /** Sent with a byte-exact Content-Length, never chunked. */
  body?: string
  /** Destroys the request and its answer. */
  signal?: AbortSignal
}

export interface NodeAnswer {
  status: number
  statusText: string
  /** Without `content-encoding` when the body was decoded. */
  headers: IncomingHttpHeaders
  /** The body, decoded when it came compressed. */
  body: Readable
  request: ClientRequest
}

/**
 * One request over node:http or node:https through the profile's agents (the proxy and the CAs,
 * networkAgents.ts): the one way Lanyard's connectors reach a target, under axios (nodeTransport.ts)
 * and under Cognito's signed calls (cognitoWire.ts). Its answer comes as a stream, decoded when
 * compressed. Nothing follows a redirect: a 3xx is an answer like any other. A failure is the
 * system's own error: its `code` is all a caller reads.
 */
export function sendOverNode(agents: NetworkAgents, call: NodeRequest): Promise<NodeAnswer> {
  return new Promise((resolve, reject) => {
    const https = call.url.protocol === 'https:'
    const headers = call.body === undefined ? call.headers : { ...call.headers, 'Content-Length': String(Buffer.byteLength(call.body)) }
    const options = { method: call.method, headers, signal: call.signal, agent: https ? agents.httpsAgent : agents.httpAgent }
    const request = (https ? httpsRequest : httpRequest)(call.url, options, (answer) => {
      const status = answer.statusCode ?? 0
      const answerHeaders = { ...answer.headers }
      const bodiless = request.method === 'HEAD' || status === 204 || status === 304
      const decoder = bodiless ? undefined : decoderFor(answerHeaders['content-encoding'])
      let body: Readable = answer
      if (decoder) {
        // A corrupt body fails the decoder (Z_DATA_ERROR), and the pipeline hands that to the reader.
        body = pipeline(answer, decoder, () => undefined)
        delete answerHeaders['content-encoding']
      }
      resolve({ status, statusText: answer.statusMessage ?? '', headers: answerHeaders, body, request })
    })
    request.once('error', reject)
    request.end(call.body)
  })
}

/**
 * The whole body as text: chunks gathered as they come (no promise per chunk, as `for await` makes)
 * and decoded once, into a buffer of the known length. `finished` rejects when the body is cut off
 * or the request aborted, as reading it would.
 */
export async function bodyText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = []
  let length = 0
  stream.on('data', (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    chunks.push(buffer)
    length += buffer.length
  })
  await finished(stream)
  return (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)).toString('utf8')
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
