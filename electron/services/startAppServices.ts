import { KeytarSecretStore } from '../secrets/KeytarSecretStore'
import { openAppSandboxes } from './appSandboxes'
import { createServices, type ServiceOptions, type Services } from './createServices'

/**
 * What both doors start, the Electron shell and the preview bridge: the services over the OS
 * keychain, with Lanyard's sandbox tenants ready to start when their Sandbox profiles are first
 * used (start-up waits for none); closed the other way round.
 */
export async function startAppServices(
  options: Omit<ServiceOptions, 'secretStore' | 'sandboxes' | 'connectorFactories'> & {
    env: Readonly<Record<string, string | undefined>>
  },
): Promise<Services> {
  const { env, ...serviceOptions } = options
  const sandboxes = await openAppSandboxes({ dataDirectory: options.dataDirectory, env, logger: options.logger })
  const services = await createServices({ ...serviceOptions, secretStore: new KeytarSecretStore(), sandboxes })
  return {
    handlers: services.handlers,
    async close() {
      await services.close()
      await sandboxes.close()
    },
  }
}
