import { contract, isCallName, type CallName, type Handlers } from '../../shared/contract'
import { unknownCall } from '../../shared/contractNames'
import type { z } from 'zod'
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
    return failure({ code: 'invalid_input', ...describeIssues(explainRenamedKeys(parsed.error.issues)) })
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

/** Keys the contract once had, by their name now: every call names the profile `profileId` (issue 12). */
const renamedKeys: Readonly<Record<string, string>> = { id: 'profileId', ids: 'profileIds' }

/**
 * A caller still sending an old key gets two issues from the strict schema (an unknown key, a
 * missing one) that do not say they are the same thing: made into one that names both.
 */
function explainRenamedKeys(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const missing = new Set(issues.filter((issue) => issue.code === 'invalid_type' && issue.path.length === 1).map((issue) => String(issue.path[0])))
  const renamed = (key: string) => Object.hasOwn(renamedKeys, key) && missing.has(renamedKeys[key]!)
  const oldKeys = issues.flatMap((issue) => (issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys.filter(renamed) : []))
  const newKeys = new Map(oldKeys.map((key) => [renamedKeys[key]!, key]))
  return issues.flatMap((issue): z.core.$ZodIssue[] => {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      const keys = issue.keys.filter((key) => !renamed(key))
      if (keys.length === 0) return []
      return [{ ...issue, keys, message: `Unrecognized key${keys.length > 1 ? 's' : ''}: ${keys.map((key) => `"${key}"`).join(', ')}` }]
    }
    const oldKey = issue.path.length === 1 ? newKeys.get(String(issue.path[0])) : undefined
    return oldKey ? [{ ...issue, message: `Rename "${oldKey}" to "${String(issue.path[0])}": every call names the profile that way now.` }] : [issue]
  })
}

/** Fails when a contract call has no handler: run at start-up and in a test. */
export function assertEveryCallHandled(handlers: Partial<Record<string, unknown>>): asserts handlers is Handlers {
  const missing = (Object.keys(contract) as CallName[]).filter((name) => typeof handlers[name] !== 'function')
  if (missing.length > 0) {
    throw new Error(`Contract calls without a handler: ${missing.join(', ')}`)
  }
}
