import type { Handlers } from '../../shared/contract'
import type { StorageProblem } from '../profiles/ProfileRepository'
import type { ServiceOptions } from './createServices'
import { requireWebAddress } from '../security/webAddress'

/** `app.*` calls: facts about this installation, and the one way out to a web page. */
export function createAppHandlers(
  options: Pick<ServiceOptions, 'appVersion' | 'platform' | 'dataDirectory' | 'secretStore' | 'openExternal'>,
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
