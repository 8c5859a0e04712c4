import type { NetworkOptions } from '../http/network/networkAgents'
import type { ConnectorSettings } from './Connector'

/**
 * A profile's network settings, the same for every connector: its extra CA certificate (the
 * catalogue's common `caCertificate` parameter); `overrides` are the tests' proxy and name seams.
 */
export function networkOf(settings: ConnectorSettings, overrides: NetworkOptions = {}): NetworkOptions {
  const extraCaPem = settings.values.caCertificate?.trim()
  return { ...(extraCaPem ? { extraCaPem } : {}), ...overrides }
}
