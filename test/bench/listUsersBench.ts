import type { ConnectorFactory } from '../../electron/connectors/Connector'
import { withReadAhead } from '../../electron/connectors/withReadAhead'
import { createOktaConnector } from '../../electron/connectors/okta/createOktaConnector'
import { startOktaSandbox } from '../../electron/sandbox/okta/startOktaSandbox'
import type { RunningSandbox, SandboxOptions } from '../../electron/sandbox/types'
import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import { createRecordingLogger } from '../support/recordingLogger'
import { megabytes, milliseconds, ratioOf, withPeakMemory, type BenchRow } from './benchTable'

interface Target {
  connectorId: ConnectorId
  start(options: SandboxOptions): Promise<RunningSandbox>
  connector: ConnectorFactory
}

/** Each connector with a sandbox tenant; the later connectors join this list. */
const targets: Target[] = [{ connectorId: 'okta', start: startOktaSandbox, connector: createOktaConnector }]

/**
 * Lists every user page by page through the connector, as the Users tab does when scrolled to the
 * end. Lower bound: pages × latency, since cursor paging must wait for each page's cursor.
 */
export async function benchListUsers(options: { users: number; latencyMs: number }): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const target of targets) {
    const sandbox = await target.start({ users: options.users, latencyMs: options.latencyMs, rateLimitPerMinute: 1_000_000 })
    try {
      rows.push(await listEverything(target, sandbox, options))
    } finally {
      await sandbox.close()
    }
  }
  return rows
}

async function listEverything(target: Target, sandbox: RunningSandbox, options: { users: number; latencyMs: number }): Promise<BenchRow> {
  const descriptor = getDescriptor(target.connectorId)
  const pageSize = descriptor.paging.maxPageSize
  // Wrapped as the app wraps every connector (electron/directory/ConnectorPool.ts).
  const connector = withReadAhead(target.connector({
    profileId: 'benchmark',
    profileName: 'Benchmark',
    values: { url: sandbox.url },
    secrets: sandbox.credentials,
    logger: createRecordingLogger(),
  }))
  const requestsBefore = sandbox.requestCount()
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

  const pages = Math.ceil(options.users / pageSize)
  const bound = pages * options.latencyMs
  const unique = new Set(ids).size
  const requests = sandbox.requestCount() - requestsBefore
  return {
    benchmark: `${descriptor.label}: list ${options.users.toLocaleString('en')} users`,
    measured: milliseconds(elapsed),
    bound: `${milliseconds(bound)} (${pages} pages × ${options.latencyMs} ms)`,
    ratio: ratioOf(elapsed, bound),
    notes:
      `target ≤ 1.20×; ${ids.length.toLocaleString('en')} rows, ${unique.toLocaleString('en')} unique, ` +
      `${requests} requests; peak RSS ${megabytes(peakRss)}, heap ${megabytes(peakHeap)}`,
  }
}
