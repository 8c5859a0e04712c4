import type { Handlers } from '../../shared/contract'
import type { StorageProblem } from '../profiles/ProfileRepository'
import type { ServiceOptions } from './createServices'
import { AppError } from './AppError'

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
      assertWebAddress(url)
      await options.openExternal(url)
      return null
    },
  }
}

/** Only http(s) leaves the app: `file:`, `javascript:`, custom schemes could run things locally. */
function assertWebAddress(url: string): void {
  let protocol = ''
  try {
    protocol = new URL(url).protocol
  } catch {
    // Unparseable: refused below like any other non-web address.
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    const message = 'Only web links (http or https) can be opened from Lanyard.'
    throw new AppError('invalid_input', message, { fields: { url: message } })
  }
}
