import { AppError } from '../../electron/errors/AppError'

/*
 * For the tests that prove a secret never leaks: settle every call, then search everything each
 * outcome exposes for the secret.
 */

/** Everything an outcome exposes: a value, or an error's message, value, stack, extras and cause. */
export function exposed(outcome: unknown): string {
  if (outcome instanceof AppError) {
    return JSON.stringify({ message: outcome.message, value: outcome.toValue(), stack: outcome.stack, extra: outcome.extra, cause: String(outcome.cause) })
  }
  return JSON.stringify(outcome ?? null)
}

/** The value, or the error, whichever the call ends with. */
export async function settle(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => value,
    (error: unknown) => error,
  )
}
