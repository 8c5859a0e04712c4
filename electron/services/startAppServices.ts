import { KeytarSecretStore } from '../secrets/KeytarSecretStore'
import { startAppSandboxes } from './appSandboxes'
import { createServices, type ServiceOptions, type Services } from './createServices'

/**
 * What both doors start, the Electron shell and the preview bridge: the sandbox tenants first (so
 * start-up reconciliation can reach them), then the services over the OS keychain with the
 * tenants' Sandbox profiles brought up to date; closed the other way round.
 */
export async function startAppServices(
  options: Omit<ServiceOptions, 'secretStore' | 'sandboxes' | 'connectorFactories'> & {
    env: Readonly<Record<string, string | undefined>>
  },
): Promise<Services> {
  const { env, ...serviceOptions } = options
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
