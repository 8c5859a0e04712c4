import type { ChangeRetry } from '../../../shared/changeProgress'

/**
 * Why a request waits, and in how long it is sent again, apart ("Waiting for Okta's rate limit,
 * retry 2 of 5" and " in 4 s"): the seconds count down on screen, and are kept out of what a screen
 * reader hears, or a live region would read the line out again every second.
 */
export function retryWordParts(retry: ChangeRetry, target: string): { reason: string; inSeconds: string } {
  const attempt = `retry ${retry.attempt} of ${retry.of}`
  const inSeconds = ` in ${Math.max(1, Math.round(retry.waitMs / 1000))} s`
  if (retry.reason === 'rate_limit') return { reason: `Waiting for ${target}'s rate limit, ${attempt}`, inSeconds }
  if (retry.reason === 'server_busy') return { reason: `${target} answered that it is busy: ${attempt}`, inSeconds }
  return { reason: `No answer from ${target}: ${attempt}`, inSeconds }
}
