/**
 * The main process's logger. Every line passes through the redactor first, so a secret that
 * reached a message or a field by mistake is masked before it is written anywhere.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
  /** Registers a value that must never appear in a log line (a token, a password). */
  registerSecret(value: string): void
}
