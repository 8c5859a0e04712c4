import type { ConnectorFactory } from '../../electron/connectors/Connector'
import { withReadAhead } from '../../electron/connectors/withReadAhead'
import { createOktaConnector } from '../../electron/connectors/okta/createOktaConnector'
import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import { createRecordingLogger } from '../support/recordingLogger'
import { megabytes, milliseconds, ratioOf, withPeakMemory, type BenchRow } from './benchTable'
import { startSandboxProcess } from './sandboxProcess'

interface Target {
  connectorId: ConnectorId
  connector: ConnectorFactory
}

/** Each connector with a sandbox tenant; the later connectors join this list. */
const targets: Target[] = [{ connectorId: 'okta', connector: createOktaConnector }]

/**
 * Lists every user page by page through the connector, wrapped as the app wraps it, as the Users
 * tab does when scrolled to the end. Lower bound: pages × latency, since cursor paging must wait
 * for each page's cursor. The tenants run in their own process, as a remote target would.
 */
export async function benchListUsers(options: { users: number; latencyMs: number }): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess(options)
  try {
    const rows: BenchRow[] = []
    for (const target of targets) {
      const tenant = sandbox.tenants[target.connectorId]
      if (tenant) rows.push(await listEverything(target, tenant, options))
    }
    return rows
  } finally {
    await sandbox.stop()
  }
}

async function listEverything(
  target: Target,
  tenant: Record<string, string>,
  options: { users: number; latencyMs: number },
): Promise<BenchRow> {
  const descriptor = getDescriptor(target.connectorId)
  const pageSize = descriptor.paging.maxPageSize
  const logger = createRecordingLogger()
  const { url, ...credentials } = tenant
  // Wrapped as the app wraps every connector (electron/directory/ConnectorPool.ts).
  const connector = withReadAhead(
    target.connector({ profileId: 'benchmark', profileName: 'Benchmark', values: { url: url ?? '' }, secrets: credentials, logger }),
  )
  const started = performance.now()
  const { value: ids, peakRss, peakHeap } = await withPeakMemory(async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = await connector.list('users', { search: '', cursor, pageSize })
      for (const item of page.items) seen.push(item.id)
      cursor = page.nextCursor
    } while (cursor)
    return seen
  })
  const elapsed = performance.now() - started
  connector.close()

  const pages = Math.ceil(ids.length / pageSize)
  const bound = pages * options.latencyMs
  const unique = new Set(ids).size
  // One log line per request the HTTP client sent (read-ahead included).
  const requests = logger.lines.filter((line) => typeof line.fields?.method === 'string').length
  return {
    benchmark: `${descriptor.label}: list ${ids.length.toLocaleString('en')} users`,
    measured: milliseconds(elapsed),
    bound: `${milliseconds(bound)} (${pages} pages × ${options.latencyMs} ms)`,
    ratio: ratioOf(elapsed, bound),
    notes:
      `target ≤ 1.20×; ${unique.toLocaleString('en')} unique of ${ids.length.toLocaleString('en')} rows, ` +
      `${requests} requests; client peak RSS ${megabytes(peakRss)}, heap ${megabytes(peakHeap)}`,
  }
}
