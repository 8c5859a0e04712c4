import type { Handlers, SandboxStatus } from '../../shared/contract'
import type { ProfileMadeReal } from '../../shared/profiles'
import type { StorageProblem } from '../profiles/ProfileRepository'
import type { SecretStore } from '../secrets/SecretStore'
import { requireWebAddress } from '../security/webAddress'
import { AppError } from '../errors/AppError'
import type { AppSandboxes, SandboxProfileHandlers } from './appSandboxes'

/** What `app.info` says when the app runs without its sandbox tenants (tests, the audit rig). */
const withoutSandboxes: SandboxStatus = { enabled: false, switchedOffBy: null, profileIds: [] }

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
  sandboxes?: Partial<AppSandboxes>
}

/** `app.*` calls: facts about this installation, the sandbox setting, and the one way out to a web page. */
export function createAppHandlers(
  options: AppHandlerOptions,
  storageProblem: () => StorageProblem | null,
  profileHandlers: SandboxProfileHandlers,
  profilesMadeReal: () => readonly ProfileMadeReal[] = () => [],
): Pick<Handlers, 'app.info' | 'app.openExternal' | 'app.setSandbox'> {
  return {
    'app.info': async () => ({
      version: options.appVersion,
      platform: options.platform,
      dataDirectory: options.dataDirectory,
      keychain: (await options.secretStore.isAvailable()) ? 'available' : 'unavailable',
      storageProblem: storageProblem(),
      sandbox: (await options.sandboxes?.status?.()) ?? withoutSandboxes,
      profilesMadeReal: [...profilesMadeReal()],
    }),
    'app.openExternal': async ({ url }) => {
      // Checked here too: the preview's opener is not the Electron one.
      await options.openExternal(requireWebAddress(url).href)
      return null
    },
    'app.setSandbox': async ({ enabled }) => {
      if (!options.sandboxes?.setEnabled) {
        throw new AppError('unsupported', 'This Lanyard runs without its sandbox tenants, so there are no sandbox profiles to turn on or off.')
      }
      return options.sandboxes.setEnabled(enabled, profileHandlers)
    },
  }
}
