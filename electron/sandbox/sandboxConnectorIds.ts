import type { ConnectorId } from '../../shared/catalogue/types'

/**
 * The connectors that have a sandbox tenant, in the order `startSandboxes` starts them. On its own
 * so the app's main process can name the tenants (to make their Sandbox profiles) without loading
 * them: the tenants run in the sandbox process (process/sandboxProcessMain.ts).
 */
export const sandboxConnectorIds: readonly ConnectorId[] = ['okta', 'cognito', 'coupa', 'gotomeeting']
