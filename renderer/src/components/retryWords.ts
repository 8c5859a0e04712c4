import type { ChangeRetry } from '../../../shared/changeProgress'

/** Why a request waits and until when, as a change's progress and a loading list say it: "Waiting for Okta's rate limit, retry 2 of 5 in 4 s." */
export function retryWords(retry: ChangeRetry, target: string): string {
  const when = `retry ${retry.attempt} of ${retry.of} in ${Math.max(1, Math.round(retry.waitMs / 1000))} s`
  if (retry.reason === 'rate_limit') return `Waiting for ${target}'s rate limit, ${when}.`
  if (retry.reason === 'server_busy') return `${target} answered that it is busy: ${when}.`
  return `No answer from ${target}: ${when}.`
}
