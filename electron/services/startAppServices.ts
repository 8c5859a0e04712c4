import { dataFolderLockFile } from '../paths'
import { KeytarSecretStore } from '../secrets/KeytarSecretStore'
import type { SandboxLauncher } from '../sandbox/process/launchSandboxProcess'
import type { DataFolderLock } from '../storage/dataFolderLock'
import { openAppSandboxes } from './appSandboxes'
import { createServices, type ServiceOptions, type Services } from './createServices'

/**
 * What both doors start, the Electron shell and the preview bridge: the services over the OS
 * keychain, with Lanyard's sandbox tenants ready to start (in a process of their own) when their
 * Sandbox profiles are first used (start-up waits for none); closed the other way round. Only over a data folder the door
 * has locked (`acquireDataFolderLock`): the lock is asked for so no door can forget it.
 */
export async function startAppServices(
  options: Omit<ServiceOptions, 'secretStore' | 'sandboxes' | 'connectorFactories'> & {
    env: Readonly<Record<string, string | undefined>>
    folderLock: DataFolderLock
    /** How the sandbox tenants' process starts: Electron's utility process in the app, Node's fork by default. */
    launchSandbox?: SandboxLauncher
  },
): Promise<Services> {
  const { env, folderLock, launchSandbox, ...serviceOptions } = options
  if (folderLock.path !== dataFolderLockFile(options.dataDirectory)) {
    throw new Error(`The services were asked to start on ${options.dataDirectory} under the lock of another folder (${folderLock.path}).`)
  }
  const sandboxes = await openAppSandboxes({ dataDirectory: options.dataDirectory, env, logger: options.logger, launchSandbox })
  const services = await createServices({ ...serviceOptions, secretStore: new KeytarSecretStore(), sandboxes })
  return {
    handlers: services.handlers,
    async close() {
      await services.close()
      await sandboxes.close()
    },
  }
}
