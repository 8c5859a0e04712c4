import type { Handlers } from '../../shared/contract'
import type { StorageProblem } from '../profiles/ProfileRepository'
import type { SecretStore } from '../secrets/SecretStore'
import { requireWebAddress } from '../security/webAddress'

/**
 * What the `app.*` calls need, declared here rather than picked from createServices' options:
 * createServices builds these handlers, so importing its types back would close a circle.
 */
export interface AppHandlerOptions {
  appVersion: string
  platform: string
  dataDirectory: string
  secretStore: Pick<SecretStore, 'isAvailable'>
  /** The shell's safe opener (only http/https). */
  openExternal: (url: string) => Promise<void>
}

/** `app.*` calls: facts about this installation, and the one way out to a web page. */
export function createAppHandlers(
  options: AppHandlerOptions,
  storageProblem: () => StorageProblem | null,
): Pick<Handlers, 'app.info' | 'app.openExternal'> {
  return {
    'app.info': async () => ({
      version: options.appVersion,
      platform: options.platform,
      dataDirectory: options.dataDirectory,
      keychain: (await options.secretStore.isAvailable()) ? 'available' : 'unavailable',
      storageProblem: storageProblem(),
    }),
    'app.openExternal': async ({ url }) => {
      // Checked here too: the preview's opener is not the Electron one.
      await options.openExternal(requireWebAddress(url).href)
      return null
    },
  }
}
