import type { ConnectorId } from '../../shared/catalogue/types'
import { createRecordingLogger } from '../support/recordingLogger'
import { listEveryUser, openBenchConnector } from './benchConnector'
import { milliseconds, type BenchRow } from './benchTable'
import { startSandboxProcess } from './sandboxProcess'
import { boundMs, familyOfLine, isRateRefusal, isRequestLine, targetLimitOf, type TargetLimit } from './targetLimits'

/**
 * Each profile's request budget against its sandbox tenant enforcing the target's documented limit:
 * many user reads started at once (as a bulk job starts its rows), the budget alone deciding when
 * each goes. The figure is the time the target's limit needs for those requests against the time
 * taken, and the 429s (Cognito: TooManyRequestsException) it answered. Okta counts a minute per
 * bucket from its first request and says so in X-Rate-Limit-* (whole seconds): its bound is the
 * start of the last window those reads need.
 */

/** The family a user read spends, per target. */
const readFamily: Record<ConnectorId, string> = { okta: 'user:read', cognito: 'UserRead', coupa: 'api', gotomeeting: 'admin' }

const reads: Record<ConnectorId, number> = { okta: 1_500, cognito: 1200, coupa: 300, gotomeeting: 150 }

export const budgetBenchSettings = { users: 3_000, latencyMs: 5 }

export async function benchBudgetRates(options: { users: number; latencyMs: number }, connectorIds: readonly ConnectorId[] = ['okta', 'cognito', 'coupa', 'gotomeeting']): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const sandbox = await startSandboxProcess({ ...options, rateLimits: 'documented' })
  try {
    for (const connectorId of connectorIds) {
      const tenant = sandbox.tenants[connectorId]
      if (tenant) rows.push(await benchOne(connectorId, tenant, options.latencyMs))
    }
  } finally {
    await sandbox.stop()
  }
  return rows
}

async function benchOne(connectorId: ConnectorId, tenant: Record<string, string>, latencyMs: number): Promise<BenchRow> {
  const logger = createRecordingLogger()
  // When each request was logged (its answer came), for the rate once the first second has passed.
  const loggedAt: number[] = []
  const info = logger.info.bind(logger)
  const warn = logger.warn.bind(logger)
  logger.info = (message, fields) => (loggedAt.push(performance.now()), info(message, fields))
  logger.warn = (message, fields) => (loggedAt.push(performance.now()), warn(message, fields))
  const bench = await openBenchConnector(connectorId, tenant, { logger, bare: true })
  try {
    const ids: string[] = []
    await listEveryUser(bench, (id) => ids.push(id))
    const chosen = ids.slice(0, reads[connectorId])
    // The listing's requests leave the target's window (and Coupa's bucket refills) before the reads start.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    const mark = logger.lines.length
    const started = performance.now()
    const results = await Promise.allSettled(chosen.map((id) => bench.connector.get('users', id)))
    const elapsed = performance.now() - started
    const family = readFamily[connectorId]
    const timed = logger.lines.slice(mark).map((line, index) => ({ line, at: loggedAt[mark + index] ?? 0 }))
    const sent = timed.filter(({ line }) => isRequestLine(line)).map(({ line }) => line)
    const limit = targetLimitOf(connectorId, family) as TargetLimit
    const counted = sent.filter((line) => familyOfLine(connectorId, line) === family).length
    // The start aside (the budget sends a burst of a few, not all the target would take at once): the rate a long job runs at.
    const steadyFrom = started + (limit.windowMs ?? 1000)
    const steady = timed.filter(({ line, at }) => at > steadyFrom && isRequestLine(line) && familyOfLine(connectorId, line) === family)
    const steadyRate = steady.length > 1 ? (steady.length * 1000) / (Math.max(...steady.map(({ at }) => at)) - steadyFrom) : 0
    const refused = sent.filter(isRateRefusal).length
    const failed = results.filter((result) => result.status === 'rejected').length
    const bound = boundMs(limit, counted)
    return {
      benchmark: `budget: ${chosen.length} ${bench.descriptor.label} user reads at once`,
      measured: milliseconds(elapsed),
      bound: `${milliseconds(bound)} (${limit.source})`,
      ratio: `${((bound / elapsed) * 100).toFixed(1)}% of the limit`,
      notes:
        `${refused} rate refusals (429s), ${failed} reads failed; ${counted} requests of ${family}, the first ${limit.atOnce} free at once` +
        `${limit.windowMs ? '' : `; after the first second ${steadyRate.toFixed(1)}/s of ${limit.perSecond}/s (${((steadyRate / limit.perSecond) * 100).toFixed(1)}%)`}; ${latencyMs} ms latency`,
    }
  } finally {
    await bench.connector.close?.()
  }
}
