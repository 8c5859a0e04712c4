import { expect } from 'vitest'
import { AppError } from '../../electron/errors/AppError'

/** Awaits a promise that must fail with an AppError, and returns that error for further checks. */
export async function expectAppError(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  if (!('error' in outcome)) throw new Error(`Expected a ${code} error, got ${JSON.stringify(outcome.value)}`)
  expect(outcome.error).toBeInstanceOf(AppError)
  const error = outcome.error as AppError
  expect(error.code, error.message).toBe(code)
  return error
}
