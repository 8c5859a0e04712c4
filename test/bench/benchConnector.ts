import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorDescriptor, ConnectorId } from '../../shared/catalogue/types'
import type { Connector, LazyConnectorFactory } from '../../electron/connectors/Connector'
import { rowPageOf } from '../../electron/connectors/listedObjects'
import { connectorFactories } from '../../electron/connectors/registry'
import { withReadAhead } from '../../electron/connectors/withReadAhead'
import type { Logger } from '../../electron/logging/Logger'
import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { createRecordingLogger } from '../support/recordingLogger'

export interface BenchConnector {
  connector: Connector
  descriptor: ConnectorDescriptor
  /** Target pages the profile keeps in flight at once (Coupa's offset paging), 1 elsewhere. */
  inFlight: number
}

/**
 * Cognito, Coupa and GoTo with their request budget lifted: the client then sends as fast as the tenant
 * answers, as a bare loop does, so per-row CPU is measured without the documented quota's pace
 * (each paced request wakes the process again; see rowCpuBench.ts). Loaded lazily, as the registry loads them.
 */
const factoriesWithoutBudget: Partial<Record<ConnectorId, LazyConnectorFactory>> = {
  cognito: async (settings) => (await import('../../electron/connectors/cognito/createCognitoConnector')).createCognitoConnector(settings, { budget: undefined }),
  coupa: async (settings) => (await import('../../electron/connectors/coupa/createCoupaConnector')).createCoupaConnector(settings, { budget: undefined }),
  gotomeeting: async (settings) =>
    (await import('../../electron/connectors/gotomeeting/createGoToMeetingConnector')).createGoToMeetingConnector(settings, { budget: undefined }),
}

/**
 * A connector on a sandbox tenant of `npm run sandbox` (its printed address and credentials),
 * wrapped as the app wraps every connector (electron/directory/ConnectorPool.ts) unless `bare`.
 */
export async function openBenchConnector(
  connectorId: ConnectorId,
  tenant: Record<string, string>,
  options: { logger?: Logger; bare?: boolean; budgetLifted?: boolean } = {},
): Promise<BenchConnector> {
  const descriptor = getDescriptor(connectorId)
  const { url = '', ...credentials } = tenant
  const { values, secrets } = sandboxParameters(connectorId, url, credentials)
  const inFlight = Number(values.concurrency ?? descriptor.parameters.find((parameter) => parameter.key === 'concurrency')?.defaultValue ?? 1)
  const settings = { profileId: 'benchmark', profileName: 'Benchmark', environment: 'sandbox' as const, values, secrets, logger: options.logger ?? createRecordingLogger() }
  const factory = options.budgetLifted ? factoriesWithoutBudget[connectorId] : connectorFactories[connectorId]
  if (!factory) throw new Error(`No ${options.budgetLifted ? 'budget-lifted ' : ''}adapter for ${connectorId} in the benchmarks.`)
  const connector = await factory(settings)
  return { connector: options.bare ? connector : withReadAhead(connector), descriptor, inFlight }
}

/**
 * Every user, page by page, as many target pages per call as the profile keeps in flight; calls
 * `onRow` with each id. Asked and made rows as DirectoryService asks and sends a table's pages.
 */
export async function listEveryUser({ connector, descriptor, inFlight }: BenchConnector, onRow: (id: string) => void = () => {}): Promise<number> {
  let rows = 0
  let cursor: string | null = null
  do {
    const page = rowPageOf(await connector.list('users', { search: '', cursor, pageSize: descriptor.paging.maxPageSize * inFlight, rowsOnly: true }))
    for (const item of page.items) onRow(item.id)
    rows += page.items.length
    cursor = page.nextCursor
  } while (cursor)
  return rows
}
