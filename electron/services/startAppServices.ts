import { dataFolderLockFile } from '../paths'
import { KeytarSecretStore } from '../secrets/KeytarSecretStore'
import type { DataFolderLock } from '../storage/dataFolderLock'
import { startAppSandboxes } from './appSandboxes'
import { createServices, type ServiceOptions, type Services } from './createServices'

/**
 * What both doors start, the Electron shell and the preview bridge: the sandbox tenants first (so
 * start-up reconciliation can reach them), then the services over the OS keychain with the
 * tenants' Sandbox profiles brought up to date; closed the other way round. Only over a data folder
 * the door has locked (`acquireDataFolderLock`): the lock is asked for so no door can forget it.
 */
export async function startAppServices(
  options: Omit<ServiceOptions, 'secretStore' | 'sandboxes' | 'connectorFactories'> & {
    env: Readonly<Record<string, string | undefined>>
    folderLock: DataFolderLock
  },
): Promise<Services> {
  const { env, folderLock, ...serviceOptions } = options
  if (folderLock.path !== dataFolderLockFile(options.dataDirectory)) {
    throw new Error(`The services were asked to start on ${options.dataDirectory} under the lock of another folder (${folderLock.path}).`)
  }
  const sandboxes = await startAppSandboxes({ dataDirectory: options.dataDirectory, env, logger: options.logger })
  const services = await createServices({ ...serviceOptions, secretStore: new KeytarSecretStore(), sandboxes })
  return {
    handlers: services.handlers,
    async close() {
      await services.close()
      await sandboxes.close()
    },
  }
}
