import { contract, isCallName, type CallName, type Handlers } from '../../shared/contract'
import { unknownCall } from '../../shared/contractNames'
import { describeIssues, failure, ok, type Result } from '../../shared/errors'
import type { Logger } from '../logging/Logger'
import { AppError } from '../errors/AppError'

/**
 * Runs one contract call from an untrusted caller (IPC or the preview bridge): checks the name,
 * validates the input with the call's schema, runs the handler and turns every outcome into a
 * `Result`. Nothing thrown escapes; an unexpected error is logged and reported as `internal`
 * without its message, which could carry anything.
 */
export async function invokeContract(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  logger: Logger,
): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    return unknownCall(name)
  }
  const parsed = contract[name].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return failure({ code: 'invalid_input', ...describeIssues(parsed.error.issues) })
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (error) {
    if (error instanceof AppError) return failure(error.toValue())
    logger.error(`call ${name} failed unexpectedly`, { error })
    return failure({
      code: 'internal',
      message: 'Something went wrong inside Lanyard. The details are in the log; please try again.',
    })
  }
}

/** Fails when a contract call has no handler: run at start-up and in a test. */
export function assertEveryCallHandled(handlers: Partial<Record<string, unknown>>): asserts handlers is Handlers {
  const missing = (Object.keys(contract) as CallName[]).filter((name) => typeof handlers[name] !== 'function')
  if (missing.length > 0) {
    throw new Error(`Contract calls without a handler: ${missing.join(', ')}`)
  }
}
