import type { ErrorCode, LanyardError, StepReport } from '../../shared/errors'

/**
 * The one throwable error of the main process. Services throw it; the contract wrapper turns it
 * into a `LanyardError` value. Anything else that escapes a handler becomes `internal`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      fields?: Record<string, string>
      steps?: StepReport[]
      details?: Record<string, string>
      /**
       * The fields a target refused, by its own attribute names (see TargetErrorDescription.fields):
       * never sent as they are, only turned into `fields` by the directory service, which knows the rows.
       */
      targetFields?: Record<string, string>
      /**
       * The "try again" that closes the message (a 5xx, a cut connection): a change whose outcome is
       * not known leaves it out, since Lanyard checks the target instead (`reasonWhenNotKnown`).
       */
      retryAdvice?: string
      cause?: unknown
    } = {},
  ) {
    super(message, { cause: extra.cause })
    this.name = 'AppError'
  }

  toValue(): LanyardError {
    const { fields, steps, details } = this.extra
    return {
      code: this.code,
      message: this.message,
      ...(fields && { fields }),
      ...(steps && { steps }),
      ...(details && { details }),
    }
  }
}

/**
 * Codes after which nobody can tell whether a write took effect (a network failure after sending,
 * an unexpected error): the journal keeps such a change pending and settles it by reading the
 * target, and no message may tell the person to simply try again.
 */
export const outcomeUnknownCodes: ReadonlySet<ErrorCode> = new Set(['network', 'internal'])

/**
 * An AppError with a code other than `internal`: a refusal or a failure Lanyard expected and
 * explained (bad input, a target that said no, a cut-off request). Its stack tells nobody
 * anything, so logs write it as one line; only an unexpected error keeps its stack.
 */
export function isExpectedRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.code !== 'internal'
}

/**
 * `invalid_input` carrying per-field messages (field path → message), when there are any: the
 * one way main refuses a create or an update that fails the descriptor's checks, whether the
 * directory service or an adapter (which does not trust its caller) finds them. `what` opens the
 * message and says what did not happen ("Nothing was changed").
 */
export function refuseProblems(problems: Record<string, string>, what: string): void {
  const messages = Object.values(problems)
  if (messages.length === 0) return
  throw new AppError('invalid_input', `${what}: ${messages.join(' ')}`, { fields: problems })
}
