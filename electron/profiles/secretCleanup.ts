import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import { secretParameters } from '../../shared/profileValidation'
import type { Logger } from '../logging/Logger'
import type { ProfileRepository } from './ProfileRepository'
import type { ProfileSecrets, SecretOutcome } from './ProfileSecrets'

export function secretKeysOf(connectorId: ConnectorId): string[] {
  return secretParameters(getDescriptor(connectorId)).map((parameter) => parameter.key)
}

/**
 * Removes the keychain entries recorded in `pendingSecretRemovals`: those of deleted profiles, and
 * those written for a profile whose save a crash interrupted (the profile service records them
 * before it writes them, and drops the record in the save that adds the profile). Runs at start-up
 * and at every delete. What still fails stays recorded for next time. An entry of a profile that
 * exists is never removed, only its record dropped. Never throws: a locked keychain must not stop
 * start-up. Answers what happened per profile id.
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
    if (repository.find(pending.profileId)) {
      logger.warn('kept the keychain entries of an existing profile recorded for removal', { profileId: pending.profileId })
      continue
    }
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
