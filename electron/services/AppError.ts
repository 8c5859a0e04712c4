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
