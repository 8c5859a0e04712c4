import type { LanyardError } from '../../shared/errors'
import { AppError } from '../errors/AppError'
import type { Logger } from '../logging/Logger'

/**
 * Runs `work` for every item, the items of one profile one after another and the profiles side by
 * side: each profile has its own request budget, so a slow or rate-limited target holds back only
 * its own accounts. Answers in the order of `items`; `work` should not throw (each caller turns a
 * failure into its own result), but if it does, the others still finish first.
 */
export async function inParallelAcrossProfiles<Item extends { profileId: string }, Result>(
  items: readonly Item[],
  work: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const byProfile = new Map<string, number[]>()
  items.forEach((item, index) => byProfile.set(item.profileId, [...(byProfile.get(item.profileId) ?? []), index]))
  const results = new Array<Result>(items.length)
  const runs = [...byProfile.values()].map(async (indexes) => {
    for (const index of indexes) results[index] = await work(items[index]!)
  })
  const settled = await Promise.allSettled(runs)
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
  if (failed) throw failed.reason
  return results
}

/** The same account asked twice is done once. */
export function uniqueAccounts<Ref extends { profileId: string; userId: string }>(refs: readonly Ref[]): Ref[] {
  const seen = new Set<string>()
  return refs.filter((ref) => {
    const key = JSON.stringify([ref.profileId, ref.userId])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * A failure as the renderer may see it: an AppError's own value (its advice; adapters never put a
 * secret in one), anything else logged here and reported without its message, which could carry anything.
 */
export function errorValue(error: unknown, logger: Logger, what: string): LanyardError {
  if (error instanceof AppError) return error.toValue()
  logger.error(`${what} failed unexpectedly`, { error })
  return { code: 'internal', message: 'Something went wrong inside Lanyard. The details are in the log; please try again.' }
}
