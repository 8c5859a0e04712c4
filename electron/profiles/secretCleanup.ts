import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import { secretParameters } from '../../shared/profileValidation'
import type { Logger } from '../logging/Logger'
import type { PendingSecretRemoval } from './profileFileSchema'
import type { ProfileRepository } from './ProfileRepository'
import type { ProfileSecrets, SecretOutcome } from './ProfileSecrets'

export function secretKeysOf(connectorId: ConnectorId): string[] {
  return secretParameters(getDescriptor(connectorId)).map((parameter) => parameter.key)
}

/**
 * Removes the keychain entries recorded in `pendingSecretRemovals`. A record means the entry is no
 * profile's secret any more (`ProfileSecrets` never reads it), and is written before or with the
 * change that makes it so: a deleted profile's entries, those written for a new profile whose save
 * a crash interrupted (the record is dropped in the save that adds it), the old secrets of a
 * profile an import replaced, and an updated secret whose new address it is not yet stored for.
 * Runs at start-up and at every delete and import. What still fails stays recorded for next time.
 * Never throws: a locked keychain must not stop start-up. Answers what happened per profile id.
 */
export async function removePendingSecrets(
  repository: ProfileRepository,
  secrets: ProfileSecrets,
  logger: Logger,
): Promise<Map<string, SecretOutcome>> {
  const outcomes = new Map<string, SecretOutcome>()
  const file = repository.current()
  if (file.pendingSecretRemovals.length === 0) return outcomes
  const stillPending: typeof file.pendingSecretRemovals = []
  for (const pending of file.pendingSecretRemovals) {
    const outcome = await secrets.removeAll(pending.profileId, pending.keys)
    outcomes.set(pending.profileId, outcome)
    if (outcome.failedKeys.length > 0) stillPending.push({ profileId: pending.profileId, keys: outcome.failedKeys })
  }
  if (JSON.stringify(stillPending) === JSON.stringify(file.pendingSecretRemovals)) return outcomes
  try {
    await repository.save({ ...file, pendingSecretRemovals: stillPending })
  } catch (error) {
    logger.warn('could not record removed keychain entries', { error })
  }
  return outcomes
}

/** `pending` with these entries of one profile recorded for removal as well (one record per profile). */
export function withRemovals(pending: readonly PendingSecretRemoval[], profileId: string, keys: readonly string[]): PendingSecretRemoval[] {
  if (keys.length === 0) return [...pending]
  const earlier = pending.find((record) => record.profileId === profileId)?.keys ?? []
  const merged = { profileId, keys: [...new Set([...earlier, ...keys])] }
  return [...pending.filter((record) => record.profileId !== profileId), merged]
}

/** `pending` without the records of these entries of one profile: they hold what it should again (or nothing). */
export function withoutRemovals(pending: readonly PendingSecretRemoval[], profileId: string, keys: readonly string[]): PendingSecretRemoval[] {
  return pending
    .map((record) => (record.profileId === profileId ? { ...record, keys: record.keys.filter((key) => !keys.includes(key)) } : record))
    .filter((record) => record.keys.length > 0)
}
