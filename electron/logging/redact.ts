import { isExpectedRefusal, type AppError } from '../errors/AppError'

/**
 * Masks secrets before anything is written to a log. Two nets, because either alone leaks:
 * - every secret value Lanyard has read or written (registered), wherever it appears;
 * - the shapes secrets travel in even when nobody registered them: `SSWS …` and `Bearer …`
 *   authorization values, Coupa's `X-COUPA-API-KEY` header, `token=` style query parameters, and
 *   any field whose name says it holds a secret.
 */
export const redactedMark = '[redacted]'

const textPatterns: readonly [RegExp, string][] = [
  [/\b(SSWS|Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${redactedMark}`],
  [/\b(X-COUPA-API-KEY"?\s*[:=]\s*"?)[^\s"',;}]+/gi, `$1${redactedMark}`],
  [
    /\b((?:access_|refresh_|id_)?token|client_secret|password|api_?key|apikey|secret|sig|signature|x-amz-security-token|x-amz-signature)=[^&\s"'#]+/gi,
    `$1=${redactedMark}`,
  ],
]

/** Field names whose value is a secret whatever it looks like (compared without case, `-` or `_`). */
const secretFieldNames = new Set([
  'authorization',
  'proxyauthorization',
  'xcoupaapikey',
  'apikey',
  'password',
  'secret',
  'clientsecret',
  'accesssecret',
  'secretaccesskey',
  'sessiontoken',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'cookie',
  'setcookie',
])

export function isSecretFieldName(name: string): boolean {
  return secretFieldNames.has(name.toLowerCase().replace(/[-_\s]/g, ''))
}

/** Error properties that hold whole requests or sockets: huge, and full of headers. */
const skippedErrorProperties = new Set(['request', 'response', 'config', 'socket', 'agent'])
const maxDepth = 8

export class Redactor {
  private readonly secrets = new Set<string>()
  private ordered: string[] = []

  register(value: string): void {
    if (value.length === 0 || this.secrets.has(value)) return
    this.secrets.add(value)
    // Longest first, so a secret that contains another is masked whole.
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length)
  }

  text(input: string): string {
    let output = input
    for (const secret of this.ordered) output = output.split(secret).join(redactedMark)
    for (const [pattern, replacement] of textPatterns) output = output.replace(pattern, replacement)
    return output
  }

  /** A JSON-safe, redacted copy of any value: nested objects, arrays, Errors and their causes. */
  value(input: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
    if (typeof input === 'string') return this.text(input)
    if (input === null || typeof input === 'number' || typeof input === 'boolean') return input
    if (typeof input === 'bigint') return input.toString()
    if (typeof input !== 'object') return input === undefined ? null : `[${typeof input}]`
    if (seen.has(input)) return '[circular]'
    if (depth >= maxDepth) return '[too deep]'
    seen.add(input)
    if (input instanceof Error) return this.error(input, depth, seen)
    if (input instanceof Date) return input.toISOString()
    if (Array.isArray(input)) return input.map((item) => this.value(item, depth + 1, seen))
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(input)) {
      copy[key] = isSecretFieldName(key) && item != null ? redactedMark : this.value(item, depth + 1, seen)
    }
    return copy
  }

  private error(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
    if (isExpectedRefusal(error)) return this.refusal(error, depth, seen)
    const copy: Record<string, unknown> = {
      name: error.name,
      message: this.text(error.message),
      ...(error.stack && { stack: this.text(error.stack) }),
    }
    for (const [key, item] of Object.entries(error)) {
      if (skippedErrorProperties.has(key) || key in copy) continue
      copy[key] = isSecretFieldName(key) && item != null ? redactedMark : this.value(item, depth + 1, seen)
    }
    if (error.cause !== undefined) copy.cause = this.value(error.cause, depth + 1, seen)
    return copy
  }

  /**
   * An expected refusal in one short record: its code and message, the target's details, and its
   * cause as one phrase; no stack (300 refused uploads once wrote 300 traces).
   */
  private refusal(error: AppError, depth: number, seen: WeakSet<object>): Record<string, unknown> {
    const { details } = error.extra
    const cause = error.cause
    return {
      name: error.name,
      code: error.code,
      message: this.text(error.message),
      ...(details && { details: this.value(details, depth + 1, seen) }),
      ...(cause !== undefined && { cause: cause instanceof Error ? this.text(`${cause.name}: ${cause.message}`) : this.value(cause, depth + 1, seen) }),
    }
  }
}
