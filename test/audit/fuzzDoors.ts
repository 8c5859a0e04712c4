import { request } from 'node:http'
import type { Handlers } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { Logger } from '../../electron/logging/Logger'
import { invokeContract } from '../../electron/services/invokeContract'

/** What a door gave back: an HTTP status (the direct door has none) and the answer's text, or why there was none. */
export type DoorAnswer = { status: number; text: string } | { noAnswer: string }

export interface BridgeCall {
  /** The path after `/api/invoke/`, sent as is (so it may hold malformed percent-encodings). */
  rawName: string
  body: string | Buffer
  token: string
  origin: string
  /** The Host header; the bridge's own when absent. */
  host?: string
}

/**
 * One POST to the preview bridge with node:http rather than fetch, so that the Host header, the
 * raw path and any body can be what an attacker would send.
 */
export function callBridge(bridgeOrigin: string, call: BridgeCall): Promise<DoorAnswer> {
  const url = new URL(bridgeOrigin)
  return new Promise((resolve) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: `/api/invoke/${call.rawName}`,
        agent: false,
        headers: {
          Host: call.host ?? url.host,
          Origin: call.origin,
          'X-Lanyard-Token': call.token,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(call.body),
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
        response.on('error', (error) => resolve({ noAnswer: error.message }))
      },
    )
    outgoing.on('error', (error) => resolve({ noAnswer: `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`.trim() }))
    outgoing.end(call.body)
  })
}

/** The IPC door: what the main process runs for any value a renderer could send. */
export async function callDirect(handlers: Handlers, name: unknown, input: unknown, logger: Logger): Promise<DoorAnswer> {
  try {
    const result: Result<unknown> = await invokeContract(handlers, name, input, logger)
    return { status: 0, text: JSON.stringify(result) }
  } catch (error) {
    return { noAnswer: `invokeContract threw: ${error instanceof Error ? error.message : String(error)}` }
  }
}
