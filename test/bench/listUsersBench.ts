import { connectorFactories } from '../../electron/connectors/registry'
import { connectorIds, type ConnectorId } from '../../shared/catalogue/types'
import { cognitoQuotaOf } from '../../electron/connectors/cognito/cognitoBudget'
import { coupaQuota } from '../../electron/connectors/coupa/coupaBudget'
import { goToAdminQuota } from '../../electron/connectors/gotomeeting/goToBudget'
import { burstOf, steadyRate, type Quota } from '../../electron/http/RequestBudget'
import { createRecordingLogger } from '../support/recordingLogger'
import { listEveryUser, openBenchConnector } from './benchConnector'
import { megabytes, milliseconds, ratioOf, withPeakMemory, type BenchRow } from './benchTable'
import { startSandboxProcess } from './sandboxProcess'

/**
 * Lists every user page by page through each connector that has a sandbox tenant, wrapped as the
 * app wraps it, as the Users tab does when scrolled to the end. Lower bound: the target's pages ×
 * latency, divided by the pages the profile lets be in flight at once (Coupa's offset paging; a
 * cursor or token must wait for each page's answer). The tenants run in their own process, as a
 * remote target would.
 */
/** The budget family a user list spends, per connector; Okta's follows its headers (the sandbox's 600 a minute is not reached). */
const listQuota: Partial<Record<ConnectorId, Quota>> = { cognito: cognitoQuotaOf('UserList'), coupa: coupaQuota, gotomeeting: goToAdminQuota }

export async function benchListUsers(options: { users: number; latencyMs: number }): Promise<BenchRow[]> {
  const starting = performance.now()
  const sandbox = await startSandboxProcess(options)
  const startedIn = performance.now() - starting
  try {
    const rows: BenchRow[] = [
      {
        benchmark: `start the four sandbox tenants, ${options.users.toLocaleString('en')} people`,
        measured: milliseconds(startedIn),
        bound: '–',
        ratio: '–',
        notes: 'npm run sandbox in its own process, until it prints the tenants (includes Node and tsx start-up)',
      },
    ]
    for (const connectorId of connectorIds) {
      const tenant = sandbox.tenants[connectorId]
      if (tenant && connectorFactories[connectorId]) rows.push(await listEverything(connectorId, tenant, options))
    }
    return rows
  } finally {
    await sandbox.stop()
  }
}

async function listEverything(
  connectorId: ConnectorId,
  tenant: Record<string, string>,
  options: { users: number; latencyMs: number },
): Promise<BenchRow> {
  const logger = createRecordingLogger()
  const opened = await openBenchConnector(connectorId, tenant, { logger })
  const { connector, descriptor, inFlight } = opened
  const started = performance.now()
  const { value: ids, peakRss, peakHeap } = await withPeakMemory(async () => {
    const seen: string[] = []
    await listEveryUser(opened, (id) => seen.push(id))
    return seen
  })
  const elapsed = performance.now() - started
  connector.close()

  const pages = Math.ceil(ids.length / descriptor.paging.maxPageSize)
  // The profile's request budget spaces a target without rate headers at its documented pace.
  const quota = listQuota[connectorId]
  const paced = quota ? ((pages - burstOf(quota)) * 1000) / steadyRate(quota) : 0
  const bound = Math.max((pages * options.latencyMs) / inFlight, paced)
  const unique = new Set(ids).size
  // Pages fetched side by side must still come back in the target's order (ids ascending where numeric).
  const numeric = ids.every((id) => /^\d+$/.test(id))
  const ordered = numeric ? ids.every((id, index) => index === 0 || BigInt(ids[index - 1]!) < BigInt(id)) : null
  // One log line per request sent (read-ahead included): the HTTP client's name the method, Cognito's the operation.
  const requests = logger.lines.filter((line) => typeof line.fields?.method === 'string' || typeof line.fields?.operation === 'string').length
  const perFlight = inFlight > 1 ? ` / ${inFlight} in flight` : ''
  return {
    benchmark: `${descriptor.label}: list ${ids.length.toLocaleString('en')} users`,
    measured: milliseconds(elapsed),
    bound:
      paced > (pages * options.latencyMs) / inFlight
        ? `${milliseconds(bound)} (${pages} pages at ${steadyRate(quota!).toFixed(0)} a second: the budget's pace for the documented quota)`
        : `${milliseconds(bound)} (${pages} pages × ${options.latencyMs} ms${perFlight})`,
    ratio: ratioOf(elapsed, bound),
    notes:
      `target ≤ 1.20×; ${unique.toLocaleString('en')} unique of ${ids.length.toLocaleString('en')} rows` +
      `${ordered === null ? '' : ordered ? ', in order' : ', OUT OF ORDER'}` +
      `${requests > 0 ? `, ${requests} requests` : ''}; client peak RSS ${megabytes(peakRss)}, heap ${megabytes(peakHeap)}`,
  }
}
