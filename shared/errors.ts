import { z } from 'zod'

/** Stable error codes: the renderer branches on these, never on message text. */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'unsupported',
  'auth_failed',
  'rate_limited',
  'network',
  'partial_failure',
  'keychain_unavailable',
  'internal',
  /** A request superseded by a newer one with the same request key; the renderer drops it silently. */
  'cancelled',
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** One step of a multi-step change, for reporting exactly what happened. */
export const stepReportSchema = z.object({
  name: z.string(),
  status: z.enum(['applied', 'failed', 'not_attempted']),
  message: z.string().optional(),
  /**
   * The attributes this step writes (SCIM paths), when it writes a part of a create or update
   * (Cognito's "Set the password"). Finishing a partial change uses it: a password is never
   * journaled, so finishing a step that writes one asks for it again.
   */
  writes: z.array(z.string()).optional(),
})
export type StepReport = z.infer<typeof stepReportSchema>

/**
 * An error as a value. `message` is written for a help-desk person: what went wrong and what to
 * do. `fields` names form fields at fault (key → message). `details` keeps what a support
 * engineer needs (the target's own code, request id) and is shown folded away.
 */
export const lanyardErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  steps: z.array(stepReportSchema).optional(),
  details: z.record(z.string(), z.string()).optional(),
})
export type LanyardError = z.infer<typeof lanyardErrorSchema>

export type Result<T> = { ok: true; value: T } | { ok: false; error: LanyardError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function failure(error: LanyardError): Result<never> {
  return { ok: false, error }
}

/** Turns zod issues into one readable message plus per-field messages. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): Pick<LanyardError, 'message' | 'fields'> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '(input)'
    fields[key] ??= issue.message
  }
  return { message: valuesNotValid(Object.entries(fields)), fields }
}

/** "Some values are not valid — Target URL: Enter a full address; Token: …." for a refused input. */
export function valuesNotValid(problems: Iterable<readonly [label: string, message: string]>): string {
  return `Some values are not valid — ${fieldProblemList(problems)}.`
}

/**
 * "Target URL: Enter a full address; Token: …": field messages, written to stand under their field
 * and often ending in a full stop, as the clauses of one sentence (the caller ends it).
 */
export function fieldProblemList(problems: Iterable<readonly [label: string, message: string]>): string {
  return [...problems].map(([label, message]) => `${label}: ${message.trim().replace(/\.+$/, '')}`).join('; ')
}
