import type { IncomingMessage } from 'node:http'
import { importProfilesSchema } from '../../shared/profiles'
import { AppError } from '../errors/AppError'

/** What the bridge accepts before it parses a call's body. */
export interface BodyLimits {
  /** Bytes of body; more is answered 413. */
  bytes: number
  /** Nesting of arrays and objects; deeper is answered 400 without parsing. */
  depth: number
}

/**
 * The biggest legitimate call is an import (`profiles.importPreview` / `profiles.import`): the
 * file's text as one JSON string, at most the contract's character limit. Encoded in the body a
 * character takes at most 3 bytes (a non-Latin character in UTF-8; an escaped `"` or newline
 * takes 2), so 3 bytes a character plus 1 MiB for the clash resolutions is the limit: a real
 * export file always fits, and nothing else the contract takes comes near it.
 *
 * No call nests deeper than a handful of levels (attribute values are arrays of strings inside
 * an object inside the body): 64 leaves a wide margin, while JSON.parse of millions of `[` made
 * hundreds of megabytes of arrays.
 */
const importFileCharacters = importProfilesSchema.shape.content.maxLength ?? 5_000_000
export const defaultBodyLimits: BodyLimits = { bytes: importFileCharacters * 3 + 1024 * 1024, depth: 64 }

export type BodyOutcome = { kind: 'complete'; text: string } | { kind: 'too_large' }

/**
 * Reads a request body up to `maxBytes`. Too large (promised by Content-Length, or found while
 * reading) resolves `too_large` and stops reading, so the caller can still answer 413 on the same
 * connection (destroying it first left the client with a reset instead of an answer). A request
 * cut off by its client rejects with a `cancelled` AppError: an expected event, not a fault.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<BodyOutcome> {
  const promised = Number(request.headers['content-length'])
  if (Number.isFinite(promised) && promised > maxBytes) return Promise.resolve({ kind: 'too_large' })
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      request.off('data', onData)
      request.pause()
      chunks.length = 0
      resolve({ kind: 'too_large' })
    }
    request.on('data', onData)
    request.on('end', () => resolve({ kind: 'complete', text: Buffer.concat(chunks).toString('utf8') }))
    const cutOff = () => reject(new AppError('cancelled', 'The request was cut off before its body arrived.'))
    request.on('error', cutOff)
    request.on('close', () => {
      if (!request.complete) cutOff()
    })
  })
}

/**
 * How deep the JSON text nests, counted in one pass over the text without building anything:
 * brackets inside strings (escapes included) do not count. Stops at the first level past
 * `maxDepth` and returns a message then, null when the text stays within it. Malformed text is
 * left for JSON.parse to refuse.
 */
export function nestingProblem(text: string, maxDepth: number): string | null {
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    if (inString) {
      if (code === 0x5c) index += 1 // backslash: the next character is escaped
      else if (code === 0x22) inString = false
    } else if (code === 0x22) inString = true
    else if (code === 0x5b || code === 0x7b) {
      depth += 1
      if (depth > maxDepth) {
        return `The request nests arrays or objects more than ${maxDepth} levels deep; no Lanyard call needs that. Nothing was done.`
      }
    } else if (code === 0x5d || code === 0x7d) depth -= 1
  }
  return null
}
