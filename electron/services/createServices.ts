import type { EventName, EventPayload, Handlers } from '../../shared/contract'
import type { Logger } from '../logging/Logger'
import { ProfileRepository } from '../profiles/ProfileRepository'
import { ProfileSecrets } from '../profiles/ProfileSecrets'
import { ProfileService } from '../profiles/ProfileService'
import type { SecretStore } from '../secrets/SecretStore'
import { createAppHandlers } from './appHandlers'
import { assertEveryCallHandled } from './invokeContract'

export interface ServiceOptions {
  dataDirectory: string
  secretStore: SecretStore
  logger: Logger
  appVersion: string
  platform: string
  /** The shell's safe opener (only http/https); the service just calls it. */
  openExternal: (url: string) => Promise<void>
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
}

export interface Services {
  handlers: Handlers
  /** Lets the change in progress finish; call before the process exits. */
  close(): Promise<void>
}

/**
 * Builds the main-process services and the handler for every contract call. Shared by the
 * Electron main process (IPC) and the preview bridge (HTTP), so both doors run the same code.
 * Handlers stay thin: input is already validated by `invokeContract`; they call a service.
 */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const repository = await ProfileRepository.open(options.dataDirectory, options.logger)
  const profiles = new ProfileService({
    repository,
    secrets: new ProfileSecrets(options.secretStore, options.logger),
    logger: options.logger,
    onChanged: (ids) => options.emit('profiles.changed', { ids }),
  })
  // In the background: a locked keychain may take long to refuse, and start-up must not wait on
  // it. Changes queue behind it; it never throws.
  void profiles.removePendingSecrets()

  const handlers = {
    ...createAppHandlers(options, () => repository.storageProblem),
    'profiles.list': () => profiles.list(),
    'profiles.get': ({ id }) => profiles.get(id),
    'profiles.create': (input) => profiles.create(input),
    'profiles.update': (input) => profiles.update(input),
    'profiles.duplicate': (input) => profiles.duplicate(input),
    'profiles.delete': ({ id }) => profiles.delete(id),
    'profiles.export': ({ ids }) => profiles.export(ids),
    'profiles.importPreview': ({ content }) => profiles.importPreview(content),
    'profiles.import': ({ content, resolutions }) => profiles.import(content, resolutions),
  } satisfies Handlers
  assertEveryCallHandled(handlers)

  options.logger.info('services started', { dataDirectory: options.dataDirectory, profiles: repository.list().length })
  return { handlers, close: () => profiles.idle() }
}
