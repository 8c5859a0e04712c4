import { startCognitoSandbox } from './cognito/startCognitoSandbox'
import { startCoupaSandbox } from './coupa/startCoupaSandbox'
import { startGoToMeetingSandbox } from './gotomeeting/startGoToMeetingSandbox'
import { startOktaSandbox } from './okta/startOktaSandbox'
import type { ConnectorId } from '../../shared/catalogue/types'
import { sandboxConnectorIds } from './sandboxConnectorIds'
import type { RunningSandbox, SandboxOptions } from './types'

export { sandboxConnectorIds }

export interface RunningSandboxes {
  tenants: RunningSandbox[]
  /**
   * One JSON line keyed by connector id, each entry the tenant's URL and credentials under the
   * connector's profile parameter keys: `{"okta":{"url":"http://127.0.0.1:41234","token":"…"}}`.
   */
  line(): string
  close(): Promise<void>
}

type TenantStarter = (options: SandboxOptions) => Promise<RunningSandbox>

/** Every tenant, one per connector. */
const startersById: Record<ConnectorId, TenantStarter> = {
  okta: startOktaSandbox,
  cognito: startCognitoSandbox,
  coupa: startCoupaSandbox,
  gotomeeting: startGoToMeetingSandbox,
}
const starters = sandboxConnectorIds.map((connectorId) => startersById[connectorId])

/** One tenant on its own: what the app starts when that target's Sandbox profile is first used. */
export function startSandbox(connectorId: ConnectorId, options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startersById[connectorId](options)
}

/**
 * Starts every tenant with the same options. `port` is a preference for the first tenant only
 * (the others take free ports, or the ports saved in `stateDirectory`). If one fails to start,
 * those already running are closed before the error is rethrown.
 */
export async function startSandboxes(options: SandboxOptions = {}): Promise<RunningSandboxes> {
  const tenants: RunningSandbox[] = []
  try {
    for (const [index, start] of starters.entries()) {
      tenants.push(await start(index === 0 ? options : { ...options, port: undefined }))
    }
  } catch (error) {
    await Promise.all(tenants.map((tenant) => tenant.close()))
    throw error
  }
  return {
    tenants,
    line: () => JSON.stringify(Object.fromEntries(tenants.map((tenant) => [tenant.connectorId, { url: tenant.url, ...tenant.credentials }]))),
    close: async () => {
      await Promise.all(tenants.map((tenant) => tenant.close()))
    },
  }
}
