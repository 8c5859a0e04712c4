import type { z } from 'zod'
import { AppError } from '../errors/AppError'

/**
 * A parser of one target's answers: the value as its schema says, or a plain `network` error that
 * names the target and what to check (a Target URL pointing elsewhere answers in another shape),
 * with zod's findings, shortened, in the details for support.
 */
export function answerParser(target: string, whatToCheck: string) {
  return function parseAnswer<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
    const parsed = schema.safeParse(data)
    if (parsed.success) return parsed.data
    const problem = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ').slice(0, 500)
    throw new AppError('network', `${target} answered with ${what} in a form Lanyard does not understand. ${whatToCheck}`, { details: { problem } })
  }
}
