import { connectorFactories } from '../../electron/connectors/registry'
import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { connectorIds, type ConnectorId } from '../../shared/catalogue/types'
import type { Connector } from '../../electron/connectors/Connector'
import { createRecordingLogger } from '../support/recordingLogger'
import { milliseconds, printTable, ratioOf, type BenchRow } from './benchTable'
import { startSandboxProcess } from './sandboxProcess'

/** Rounds per connector, narrow and broad alternating (the machine is shared: medians, and their ratio). */
const rounds = 5
/** Rows the list asks for (the renderer's page). */
const pageSize = 100

/**
 * A search that matches one user costs what a broad one does? Per connector, the first page of a
 * search for one user's email (narrow) and for a common beginning (broad) through Lanyard's own
 * connector, against the sandbox tenants of `users` people in their own process at 0 ms latency
 * (what is left is the tenant's work and the client's). Target: narrow ÷ broad about 1.
 */
export async function benchNarrowSearch(options: { users: number }): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess({ users: options.users, latencyMs: 0 })
  try {
    const rows: BenchRow[] = []
    for (const connectorId of connectorIds) {
      const tenant = sandbox.tenants[connectorId]
      if (tenant && connectorFactories[connectorId]) rows.push(await narrowAgainstBroad(connectorId, tenant, options.users))
    }
    return rows
  } finally {
    await sandbox.stop()
  }
}

async function narrowAgainstBroad(connectorId: ConnectorId, tenant: Record<string, string>, users: number): Promise<BenchRow> {
  const { url = '', ...credentials } = tenant
  const { values, secrets } = sandboxParameters(connectorId, url, credentials)
  const connector = await connectorFactories[connectorId]!({ profileId: 'benchmark', profileName: 'Benchmark', environment: 'sandbox', values, secrets, logger: createRecordingLogger() })
  try {
    // Someone from the last page of the first read: far from the start of the list, where a scan finds them last.
    const first = await connector.list('users', { search: '', cursor: null, pageSize })
    const someone = first.items.at(-1)
    const email = /[\w.+-]+@[\w.-]+/.exec(JSON.stringify(someone?.attributes ?? {}))?.[0]
    const narrow = email ?? someone?.displayName ?? ''
    const broad = narrow.slice(0, 2)
    const narrowTimes: number[] = []
    const broadTimes: number[] = []
    let found = { narrow: 0, broad: 0 }
    for (let round = 0; round < rounds; round++) {
      const narrowRun = await timeFirstPage(connector, narrow)
      const broadRun = await timeFirstPage(connector, broad)
      narrowTimes.push(narrowRun.ms)
      broadTimes.push(broadRun.ms)
      found = { narrow: narrowRun.rows, broad: broadRun.rows }
    }
    const narrowMedian = median(narrowTimes)
    const broadMedian = median(broadTimes)
    return {
      benchmark: `${connectorId}: narrow vs broad search (${users.toLocaleString('en')} users)`,
      measured: `${milliseconds(narrowMedian)} narrow, ${milliseconds(broadMedian)} broad`,
      bound: 'narrow ≈ broad',
      ratio: ratioOf(narrowMedian, broadMedian),
      notes: `first page at 0 ms latency; "${narrow}" (${found.narrow} rows) vs "${broad}" (${found.broad} rows); medians of ${rounds} alternating rounds`,
    }
  } finally {
    connector.close()
  }
}

async function timeFirstPage(connector: Connector, search: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now()
  const page = await connector.list('users', { search, cursor: null, pageSize })
  return { ms: performance.now() - started, rows: page.items.length }
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

// `npx tsx test/bench/narrowSearchBench.ts [users]`: this module alone.
if (process.argv[1]?.endsWith('narrowSearchBench.ts')) {
  benchNarrowSearch({ users: Number(process.argv[2] ?? 100_000) })
    .then((rows) => printTable(rows))
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
