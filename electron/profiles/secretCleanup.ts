import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import { secretParameters } from '../../shared/profileValidation'
import type { Logger } from '../logging/Logger'
import type { ProfileRepository } from './ProfileRepository'
import type { ProfileSecrets } from './ProfileSecrets'

export function secretKeysOf(connectorId: ConnectorId): string[] {
  return secretParameters(getDescriptor(connectorId)).map((parameter) => parameter.key)
}

/**
 * Removes the keychain entries of deleted profiles that could not be removed when the profile
 * was deleted. What still fails stays recorded for next time. Never throws: a locked keychain
 * must not stop start-up.
 */
export async function removePendingSecrets(repository: ProfileRepository, secrets: ProfileSecrets, logger: Logger): Promise<void> {
  const file = repository.current()
  if (file.pendingSecretRemovals.length === 0) return
  const stillPending: typeof file.pendingSecretRemovals = []
  for (const pending of file.pendingSecretRemovals) {
    const outcome = await secrets.removeAll(pending.profileId, pending.keys)
    if (outcome.failedKeys.length > 0) stillPending.push({ profileId: pending.profileId, keys: outcome.failedKeys })
  }
  if (keyCount(stillPending) === keyCount(file.pendingSecretRemovals)) return
  try {
    await repository.save({ ...file, pendingSecretRemovals: stillPending })
  } catch (error) {
    logger.warn('could not record removed keychain entries', { error })
  }
}

function keyCount(removals: readonly { keys: readonly string[] }[]): number {
  return removals.reduce((total, removal) => total + removal.keys.length, 0)
}
