import { ProfileRepository } from '../../electron/profiles/ProfileRepository'
import { ProfileSecrets } from '../../electron/profiles/ProfileSecrets'
import { ProfileService } from '../../electron/profiles/ProfileService'
import { MemorySecretStore } from './MemorySecretStore'
import { createRecordingLogger } from './recordingLogger'

/**
 * A ProfileService on a real data folder with an in-memory keychain. `restart()` builds a new
 * service on the same folder and keychain, as the next start of the app would.
 */
export async function createProfileServiceHarness(directory: string, store = new MemorySecretStore()) {
  const logger = createRecordingLogger()
  const changes: string[][] = []
  async function start() {
    const repository = await ProfileRepository.open(directory, logger)
    const secrets = new ProfileSecrets(store, logger, (profileId, key) => repository.awaitsRemoval(profileId, key))
    const service = new ProfileService({
      repository,
      secrets,
      logger,
      onChanged: (ids) => changes.push(ids),
    })
    return { repository, secrets, service }
  }
  const started = await start()
  return { directory, store, logger, changes, ...started, restart: start }
}
