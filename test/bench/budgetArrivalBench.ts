import { readFile, rm } from 'node:fs/promises'
import { OutgoingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ConnectorId } from '../../shared/catalogue/types'
import { createRecordingLogger } from '../support/recordingLogger'
import { listEveryUser, openBenchConnector } from './benchConnector'
import { printTable, type BenchRow } from './benchTable'
import { startSandboxProcess } from './sandboxProcess'
import { familyOfLine, isRateRefusal, targetLimitOf } from './targetLimits'

/**
 * The arrival jitter a request budget must allow for, measured: many user reads started at once
 * against tenants enforcing their documented limits, each request's arrival at the tenant logged
 * by the sandbox process (arrivalLog.mjs) on the clock both processes share. Arrival delay = when
 * the tenant saw it − when the budget counted it sent (`sending()`). A budget spacing a window's
 * limit over window + J never lets a tenant see more than its limit in any window as long as the
 * arrival delays of requests a window apart differ by less than J: the spread of arrival delays is
 * what J must cover. Printed beside it: what the budget's measure of J said (the spread of 32
 * answer times, sent → answered), and the 429s.
 *
 * `npx tsx test/bench/budgetArrivalBench.ts [okta,cognito,coupa,gotomeeting] [latencyMs]`
 */

const readFamily: Record<ConnectorId, string> = { okta: 'user:read', cognito: 'UserRead', coupa: 'api', gotomeeting: 'admin' }
const reads: Record<ConnectorId, number> = { okta: 600, cognito: 1200, coupa: 300, gotomeeting: 150 }

interface Arrival {
  at: number
  method: string
  path: string
  operation: string | null
}

interface Sent {
  /** When the attempt was counted sent (epoch ms, sub-millisecond), its answer time and its key for matching an arrival. */
  sentAt: number
  answerMs: number
  key: string
  refused: boolean
}

/** When each request's last bytes were handed to the OS (its 'finish'), by key: the client's own part of the arrival delay. */
const written = new Map<string, number[]>()
const end = OutgoingMessage.prototype.end
OutgoingMessage.prototype.end = function (this: OutgoingMessage & { method?: string; path?: string }, ...args: unknown[]) {
  const operation = this.getHeader('x-amz-target')
  const key = operation ? String(operation).replace(/^.*\./, '') : `${this.method} ${String(this.path).split('?')[0]}`
  this.once('finish', () => written.set(key, [...(written.get(key) ?? []), performance.timeOrigin + performance.now()]))
  return end.apply(this, args as Parameters<typeof end>)
} as typeof end

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN
}

/**
 * The budget's allowance at each answer, before its floor and cap: the spread of the answer times
 * of the last twenty windows (arrivalJitter.ts), and beside it the last 32 answers' (what it was).
 */
function answerTimeSpreads(answers: readonly Sent[], windowMs: number): { windows: number[]; last32: number[] } {
  const ordered = [...answers].sort((a, b) => a.sentAt + a.answerMs - (b.sentAt + b.answerMs))
  const windows: number[] = []
  const last32: number[] = []
  for (let index = 8; index <= ordered.length; index++) {
    const answeredAt = (ordered[index - 1] as Sent).sentAt + (ordered[index - 1] as Sent).answerMs
    const remembered = ordered.slice(0, index).filter((answer) => answer.sentAt + answer.answerMs > answeredAt - 20 * windowMs).map((answer) => answer.answerMs)
    const recent = ordered.slice(Math.max(0, index - 32), index).map((answer) => answer.answerMs)
    windows.push(Math.max(...remembered) - Math.min(...remembered))
    last32.push(Math.max(...recent) - Math.min(...recent))
  }
  return { windows: windows.sort((a, b) => a - b), last32: last32.sort((a, b) => a - b) }
}

/** The most arrivals any window of `windowMs` held (what a sliding-window tenant counts). */
function mostInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let most = 0
  let first = 0
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first++
    most = Math.max(most, last - first + 1)
  }
  return most
}

export async function benchArrivals(connectorIds: readonly ConnectorId[], latencyMs = 5): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const connectorId of connectorIds) {
    const log = join(tmpdir(), `lanyard-arrivals-${process.pid}-${connectorId}.jsonl`)
    const sandbox = await startSandboxProcess({ users: 3_000, latencyMs, rateLimits: 'documented', arrivalLog: log })
    let sent: Sent[] = []
    let readsFrom = 0
    let port = 0
    try {
      const tenant = sandbox.tenants[connectorId] as Record<string, string>
      port = Number(new URL(tenant.url ?? '').port)
      const logger = createRecordingLogger()
      const record = (message: string, fields?: Record<string, unknown>) => {
        if (fields && typeof fields.attempt === 'number' && familyOfLine(connectorId, { level: 'info', message, fields }) === readFamily[connectorId]) {
          const answerMs = Number(fields.ms)
          const key = connectorId === 'cognito' ? String(fields.operation) : `${String(fields.method)} ${String(fields.path)}`
          sent.push({ sentAt: performance.timeOrigin + performance.now() - answerMs, answerMs, key, refused: isRateRefusal({ level: 'info', message, fields }) })
        }
      }
      const [info, warn] = [logger.info.bind(logger), logger.warn.bind(logger)]
      logger.info = (message, fields) => (record(message, fields), info(message, fields))
      logger.warn = (message, fields) => (record(message, fields), warn(message, fields))
      const bench = await openBenchConnector(connectorId, tenant, { logger, bare: true })
      try {
        const ids: string[] = []
        await listEveryUser(bench, (id) => ids.push(id))
        await new Promise((resolve) => setTimeout(resolve, 2_500))
        sent = []
        readsFrom = performance.timeOrigin + performance.now()
        await Promise.allSettled(ids.slice(0, reads[connectorId]).map((id) => bench.connector.get('users', id)))
      } finally {
        await bench.connector.close?.()
      }
    } finally {
      await sandbox.stop()
    }
    const arrivals = (await readFile(log, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Arrival & { port: number })
      .filter((arrival) => arrival.port === port && arrival.at >= readsFrom - 5)
    await rm(log, { force: true })
    rows.push(describe(connectorId, sent, arrivals, latencyMs))
  }
  return rows
}

function describe(connectorId: ConnectorId, sent: Sent[], arrivals: Arrival[], latencyMs: number): BenchRow {
  const family = readFamily[connectorId]
  // Matched by path (each user read once; the path carries the path only, as the client logs it); Cognito's
  // operations all go to '/': matched in order, which four in flight may swap (an approximation).
  const keyOf = (arrival: Arrival) => (connectorId === 'cognito' ? String(arrival.operation).replace(/^.*\./, '') : `${arrival.method} ${arrival.path.split('?')[0]}`)
  const waiting = new Map<string, Arrival[]>()
  for (const arrival of [...arrivals].sort((a, b) => a.at - b.at)) waiting.set(keyOf(arrival), [...(waiting.get(keyOf(arrival)) ?? []), arrival])
  const delays: number[] = []
  const writeDelays: number[] = []
  const afterWrite: number[] = []
  for (const request of [...sent].sort((a, b) => a.sentAt - b.sentAt)) {
    const arrival = waiting.get(request.key)?.shift()
    if (arrival) delays.push(arrival.at - request.sentAt)
    const wrote = written.get(request.key)?.shift()
    if (wrote !== undefined) writeDelays.push(wrote - request.sentAt)
    if (wrote !== undefined && arrival) afterWrite.push(arrival.at - wrote)
  }
  const spreadOf = (values: number[]) => {
    const ordered = [...values].sort((a, b) => a - b)
    return `p50 ${percentile(ordered, 0.5).toFixed(1)} p99 ${percentile(ordered, 0.99).toFixed(1)} max ${(ordered.at(-1) ?? NaN).toFixed(1)} ms`
  }
  const sorted = [...delays].sort((a, b) => a - b)
  const limit = targetLimitOf(connectorId, family)
  const windowMs = limit?.windowMs ?? 1000
  const spreads = answerTimeSpreads(
    sent.filter((request) => !request.refused),
    windowMs,
  )
  const perWindow = limit?.windowMs ? limit.atOnce : (limit?.perSecond ?? 0)
  const most = mostInWindow(arrivals.filter((arrival) => keyOf(arrival) !== 'GetUser').map((arrival) => arrival.at), windowMs)
  const refused = sent.filter((request) => request.refused).length
  const fixed = (value: number) => value.toFixed(1)
  return {
    benchmark: `arrivals: ${sent.length} ${connectorId} ${family} requests`,
    measured: `delay spread ${fixed((sorted.at(-1) ?? 0) - (sorted[0] ?? 0))} ms`,
    bound: `budget allows ${fixed(Math.min(windowMs / 10, percentile(spreads.windows, 0.5)))} ms (median)`,
    ratio: `${refused} × 429`,
    notes:
      `arrival delay (sent → tenant) min ${fixed(sorted[0] ?? NaN)} p50 ${fixed(percentile(sorted, 0.5))} p99 ${fixed(percentile(sorted, 0.99))} max ${fixed(sorted.at(-1) ?? NaN)} ms over ${delays.length} matched; ` +
      `sent → written ${spreadOf(writeDelays)}; written → tenant ${spreadOf(afterWrite)}; ` +
      `answer-time spread of the last 20 windows (the budget's allowance before its floor and cap) p10 ${fixed(percentile(spreads.windows, 0.1))} ` +
      `p50 ${fixed(percentile(spreads.windows, 0.5))} max ${fixed(spreads.windows.at(-1) ?? NaN)} ms, of the last 32 answers (before) p50 ${fixed(percentile(spreads.last32, 0.5))} ms; ` +
      `most arrivals in any ${windowMs} ms: ${most} of ${perWindow}; ${latencyMs} ms latency`,
  }
}

async function main(): Promise<void> {
  const [only, latency] = process.argv.slice(2)
  const connectorIds = (only ? only.split(',') : ['okta', 'cognito', 'coupa', 'gotomeeting']) as ConnectorId[]
  printTable(await benchArrivals(connectorIds, latency ? Number(latency) : 5))
}

if (process.argv[1]?.endsWith('budgetArrivalBench.ts')) {
  main().catch((error: unknown) => {
    console.error('The benchmark could not run:', error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  })
}
