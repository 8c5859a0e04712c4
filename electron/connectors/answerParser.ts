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

type ParseAnswer = ReturnType<typeof answerParser>

/**
 * A parser of the rows of a list. A full schema parse copies every field of every row (a
 * 20,000-user list is most of its CPU there), so `quick` looks at only the fields Lanyard reads and
 * gives the row as the schema would, or undefined. Written to take only rows the schema takes: any
 * other row goes through the schema, whose error names the field.
 */
export function rowParser<T>(parseAnswer: ParseAnswer, schema: z.ZodType<T>, quick: (data: unknown) => T | undefined) {
  // A row with its own `__proto__` key (JSON may hold one) is one zod copies differently: it takes the schema's way.
  return (data: unknown, what: string): T => (isRecord(data) && Object.hasOwn(data, '__proto__') ? undefined : quick(data)) ?? parseAnswer(schema, data, what)
}

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What `z.string().nullish()` takes. */
export function isNullishString(value: unknown): value is string | null | undefined {
  return value === undefined || value === null || typeof value === 'string'
}

/** What `z.array(item).nullish()` takes, when every item passes `isItem`. */
export function isNullishArrayOf(value: unknown, isItem: (item: unknown) => boolean): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.every(isItem))
}
