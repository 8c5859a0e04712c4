import { z } from 'zod'
import { lineText } from './text'

/**
 * What a running change is doing, as `changes.progress` says it while it runs: its named steps
 * (which is running now, which are done) and, while one of its requests waits to be sent again,
 * why and for how long ("waiting for Okta's rate limit, retry 2 of 5 in 4 s"). Words and counts
 * only: never a request, a header or a value the change writes.
 */
export const progressStepStatuses = ['pending', 'running', 'applied', 'failed', 'not_attempted'] as const
export type ProgressStepStatus = (typeof progressStepStatuses)[number]

/** Why a request waits before it is sent again. */
export const retryReasons = ['rate_limit', 'server_busy', 'network'] as const
export type RetryReason = (typeof retryReasons)[number]

export const changeProgressSchema = z.object({
  entryId: z.string(),
  profileId: z.string(),
  objectId: z.string(),
  steps: z.array(z.object({ name: z.string(), status: z.enum(progressStepStatuses) })),
  /** The retry the change waits for now, or null. `attempt` counts retries from 1, `of` the most there will be. */
  retry: z
    .object({
      attempt: z.number().int().positive(),
      of: z.number().int().positive(),
      waitMs: z.number().int().nonnegative(),
      reason: z.enum(retryReasons),
    })
    .nullable(),
})
export type ChangeProgress = z.infer<typeof changeProgressSchema>
export type ChangeRetry = NonNullable<ChangeProgress['retry']>

/** `directory.cancelChange`: the running change's journal entry, as `changes.progress` named it. */
export const cancelChangeSchema = z.object({ entryId: lineText().max(200) })
