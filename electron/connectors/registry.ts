import type { ConnectorId } from '../../shared/catalogue/types'
import type { ConnectorFactory, ConnectorSettings, LazyConnectorFactory } from './Connector'

/**
 * Each adapter's module, imported the first time a profile of that target is used: an Okta
 * listing never loads the Cognito adapter (issue 14: it and the AWS SDK it then used cost 40–45 MB
 * of resident memory). The catalogue's descriptors stay eager; they are data. The Electron bundle
 * keeps each adapter as a chunk of its own (vite.electron.config.ts) so the import stays lazy there too.
 */
const adapterLoaders: Partial<Record<ConnectorId, () => Promise<ConnectorFactory>>> = {
  okta: async () => (await import('./okta/createOktaConnector')).createOktaConnector,
  cognito: async () => (await import('./cognito/createCognitoConnector')).createCognitoConnector,
  coupa: async () => (await import('./coupa/createCoupaConnector')).createCoupaConnector,
  gotomeeting: async () => (await import('./gotomeeting/createGoToMeetingConnector')).createGoToMeetingConnector,
}

/**
 * The adapter for each connector id, loaded on first use. A connector without one is listed and
 * configurable offline, and its directory calls answer `unsupported` ("not available in this version").
 */
export const connectorFactories: Partial<Record<ConnectorId, LazyConnectorFactory>> = Object.fromEntries(
  Object.entries(adapterLoaders).map(([connectorId, load]) => [connectorId, async (settings: ConnectorSettings) => (await load())(settings)]),
)
