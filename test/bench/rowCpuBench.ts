import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import { coupaQuota } from '../../electron/connectors/coupa/coupaBudget'
import { goToAdminQuota } from '../../electron/connectors/gotomeeting/goToBudget'
import { listEveryUser, openBenchConnector } from './benchConnector'
import { lanyardRowWork, parseOnly } from './bareRowWork'
import { bareCoupa, bareGoTo, bareOkta, madeOnFirstUse, oktaSdk, unpaced, wayThere, withPace, type BareLoop } from './bareLoops'
import { cognitoPeers } from './cognitoListers'
import { milliseconds, printTable, type BenchRow } from './benchTable'
import { startSandboxProcess } from './sandboxProcess'
import { measureInOwnProcess, type Sample, type Target } from './listerProcess'

/**
 * Per-row CPU of every connector (issue 14): every user listed through the connector wrapped as
 * the app wraps it, asked as a table asks (rows only), beside a bare fetch loop doing the same
 * paging with `JSON.parse` only, and beside the vendor's SDK where there is one (Okta's Node SDK,
 * the AWS SDK's paginator for Cognito, whose bare loop signs as the SDK does: cognitoListers.ts),
 * on one tenant process, alternating
 * clients round by round, each listing measured in a fresh process of its own (listerProcess.ts).
 * The client's CPU time (`process.cpuUsage`, the tenants run in their own process) is the figure
 * at 0 ms; wall time is the figure at 20 ms. Target: Lanyard ≤ 1.1× the bare loop's CPU. The
 * tenants' rate limits are off: a dozen full listings in a row would exceed Okta's 600 a minute,
 * and waiting out a limit is not per-row CPU.
 *
 * Coupa and GoTo document their quotas (25 and 10 requests a second) and send no rate headers, so
 * Lanyard's budget spaces its requests at that pace even here, where the bare loop sends them as
 * fast as the tenant answers. Spaced out, each request pays for waking the process again: spaced
 * at Lanyard's pace, the same bare loop used ~1.7× its CPU for Coupa's 394 requests (3× in one run)
 * and ~1.1× for GoTo's 19 on this machine. So for those two a second bare loop is spaced as the
 * budget spaces requests ("bare fetch at Lanyard's pace"), and the Lanyard row gives its CPU beside
 * each loop: the pace is the quota's, the rows' work is the mapping's, the rest is the way there.
 * Lanyard is also listed with its budget's pacing lifted ("Lanyard, budget pacing lifted", as the
 * Cognito bench does): that row is per-row CPU beside the unpaced loops, with no pace in either.
 *
 * For Okta and Coupa the way there is taken apart too, unpaced: the same bare loop and rows through
 * axios over the transport Lanyard's client gives it (nodeTransport.ts), then through Lanyard's HTTP client (createHttpClient)
 * without the connector.
 * Whatever Lanyard costs beyond that last row is the connector's (paging, read-ahead, budget).
 */

export interface Lister {
  name: string
  /** Lists every user once; resolves with how many rows it saw. */
  list(): Promise<number>
}

/**
 * `warmups`: the listings each process makes before the measured one. One by default: the measured
 * listing then runs code compiled once but not yet optimised, as a profile's first lists after the
 * app starts. Eight or so give the steady state of an app that has listed for a while: Lanyard's
 * longer way (axios, the client's layers, the connector) gains more from V8's optimising than a
 * bare loop does (Okta, 5 rounds at the second listing and 3 at the ninth: 1.50× bare fetch, then 1.09×).
 */
export async function benchRowCpu(options: { users: number; latencyMs: number; rounds: number; targets?: readonly Target[]; warmups?: number }): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess({ ...options, rateLimits: 'off' })
  const load = (await import('node:os')).loadavg().map((value) => value.toFixed(2)).join(' ')
  try {
    const rows: BenchRow[] = []
    for (const target of options.targets ?? (['okta', 'cognito', 'gotomeeting', 'coupa'] as const)) {
      const tenant = sandbox.tenants[target]
      if (!tenant) continue
      const listers = listersFor(target, tenant)
      const samples = new Map<string, Sample[]>(listers.map((lister) => [lister.name, []]))
      for (let round = 0; round < options.rounds; round++) {
        // Alternating: each round starts with the next client, so no client always runs first.
        for (let turn = 0; turn < listers.length; turn++) {
          const lister = listers[(round + turn) % listers.length]!
          samples.get(lister.name)!.push(await measureInOwnProcess(target, lister.name, tenant, options.warmups))
        }
      }
      rows.push(...tableRows(getDescriptor(target).label, listers, samples, options, load))
    }
    return rows
  } finally {
    await sandbox.stop()
  }
}

/**
 * A listing's CPU less V8's optimising compiles during it: the work itself. At a process's second
 * listing those compiles are most of what Lanyard's longer way costs beyond a bare loop (Okta:
 * ~60 ms of compiling against the loop's ~13); by the ninth they are done.
 */
function uncompiledMs(sample: Sample): number {
  return sample.cpuMs - sample.compileMs
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function tableRows(
  label: string,
  listers: readonly Lister[],
  samples: ReadonlyMap<string, readonly Sample[]>,
  options: { users: number; latencyMs: number; rounds: number; warmups?: number },
  load: string,
): BenchRow[] {
  const bare = samples.get('bare fetch')!
  const bareCpu = median(bare.map((sample) => sample.cpuMs))
  const bareUncompiled = median(bare.map(uncompiledMs))
  const bareWall = median(bare.map((sample) => sample.wallMs))
  // Lanyard's CPU beside each other loop's: the pace and the rows' work each named (see bareRowWork.ts).
  const isLanyard = (lister: Lister) => lister.name === 'Lanyard' || lister.name === liftedName
  const besides = listers
    .filter((other) => !isLanyard(other) && other.name !== 'bare fetch')
    .map((other) => ({ name: other.name, cpu: median(samples.get(other.name)!.map((sample) => sample.cpuMs)) }))
  const headline = options.latencyMs === 0 ? 'CPU' : 'wall'
  return listers.map((lister) => {
    const mine = samples.get(lister.name)!
    const cpu = median(mine.map((sample) => sample.cpuMs))
    const wall = median(mine.map((sample) => sample.wallMs))
    const system = median(mine.map((sample) => sample.systemMs))
    const measured = options.latencyMs === 0 ? cpu : wall
    const bound = options.latencyMs === 0 ? bareCpu : bareWall
    return {
      benchmark: `${label}: ${lister.name}, ${mine[0]?.rows.toLocaleString('en') ?? 0} users at ${options.latencyMs} ms${options.warmups !== undefined && options.warmups !== 1 ? `, after ${options.warmups} listings` : ''}`,
      measured: `${milliseconds(measured)} ${headline}`,
      bound: `${milliseconds(bound)} (bare fetch ${headline})`,
      ratio: `${(measured / bound).toFixed(2)}×`,
      notes:
        `${isLanyard(lister) && options.latencyMs === 0 ? 'target ≤ 1.10×; ' : ''}` +
        `${isLanyard(lister) ? besides.map((other) => `${(cpu / other.cpu).toFixed(2)}× ${other.name}'s CPU; `).join('') : ''}median of ${mine.length}; ` +
        `wall ${milliseconds(wall)} (${(wall / bareWall).toFixed(2)}× bare), CPU ${milliseconds(cpu)} (${(cpu / bareCpu).toFixed(2)}× bare, ${milliseconds(system)} of it system, ` +
        `${milliseconds(median(mine.map((sample) => sample.compileMs)))} V8 compiling; the rest ${(median(mine.map(uncompiledMs)) / bareUncompiled).toFixed(2)}× bare's); load ${load}`,
    }
  })
}

/*
 * Each client is made on its first listing and kept for the next, as the app keeps a profile's
 * connector (ConnectorPool) and a loop its token or SDK client: the measured listing is the second
 * of its process (listerChild.ts), so it pays for rows and requests, not for signing in again.
 */
export function listersFor(target: Target, tenant: Record<string, string>): Lister[] {
  const lanyard: Lister = { name: 'Lanyard', list: listThroughLanyard(target, tenant) }
  if (target === 'cognito') return [lanyard, { name: liftedName, list: listThroughLanyard(target, tenant, { budgetLifted: true }) }, ...cognitoPeers(tenant)]
  const rows = lanyardRowWork(target, tenant)
  if (target === 'okta') {
    return [
      lanyard,
      { name: 'bare fetch', list: () => bareOkta(tenant) },
      { name: mappedName, list: () => bareOkta(tenant, rows) },
      ...wayThere('okta', tenant, (get) => bareOkta(tenant, rows, get)),
      { name: 'Okta Node SDK', list: oktaSdk(tenant) },
    ]
  }
  const bare: BareLoop = target === 'gotomeeting' ? bareGoTo(tenant) : (work, paced) => bareCoupa(tenant, work, paced)
  const quota = target === 'gotomeeting' ? goToAdminQuota : coupaQuota
  return [
    lanyard,
    { name: liftedName, list: listThroughLanyard(target, tenant, { budgetLifted: true }) },
    { name: 'bare fetch', list: () => bare() },
    { name: mappedName, list: () => bare(rows) },
    ...(target === 'coupa' ? wayThere('coupa', tenant, (get) => bareCoupa(tenant, rows, unpaced, get)) : []),
    // One pace per loop for all its listings, as a profile keeps one budget: a listing right after
    // another finds the burst spent, as Lanyard's does (a pace made per listing burst again each time,
    // sending faster than the quota allows, and Lanyard then looked ~1.4× this loop's CPU for GoTo).
    { name: pacedName, list: withPace(quota, (paced) => bare(parseOnly, paced)) },
    { name: `${pacedName} ${mappedName.replace('bare fetch ', '')}`, list: withPace(quota, (paced) => bare(rows, paced)) },
  ]
}

const pacedName = "bare fetch at Lanyard's pace"
const liftedName = 'Lanyard, budget pacing lifted'
const mappedName = "bare fetch + Lanyard's rows"


/** As listUsersBench lists: the connector wrapped as the app wraps it, pages as large as the profile keeps in flight. */
function listThroughLanyard(connectorId: ConnectorId, tenant: Record<string, string>, options: { budgetLifted?: boolean } = {}): () => Promise<number> {
  const opened = madeOnFirstUse(() => openBenchConnector(connectorId, tenant, options))
  return async () => listEveryUser(await opened())
}


/** `npm run bench`'s part: 20,000 people at 0 ms (CPU) and 20 ms, four rounds; Okta at 100,000, one round. */
export async function benchRowCpuSuite(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const latencyMs of [0, 20]) rows.push(...(await benchRowCpu({ users: 20_000, latencyMs, rounds: 4 })))
  for (const latencyMs of [0, 20]) rows.push(...(await benchRowCpu({ users: 100_000, latencyMs, rounds: 1, targets: ['okta'] })))
  // The steady state of an app that has listed for a while, beside the second listing above: Okta
  // (a request per 200 rows, so the way there weighs most) and GoTo. Coupa's paced loops would take
  // minutes a round at nine listings each.
  rows.push(...(await benchRowCpu({ users: 20_000, latencyMs: 0, rounds: 3, targets: ['okta', 'gotomeeting'], warmups: 8 })))
  return rows
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}

/*
 * Run on its own: `npx tsx test/bench/rowCpuBench.ts` runs the suite;
 * `--users N [--rounds N] [--latency MS] [--only okta|cognito|gotomeeting|coupa] [--warmups N]` one configuration.
 */
if (process.argv[1]?.endsWith('rowCpuBench.ts')) {
  const users = argument('users')
  const only = argument('only') as Target | undefined
  const run = async () => {
    const rows: BenchRow[] = []
    if (users === undefined) rows.push(...(await benchRowCpuSuite()))
    else {
      const latencies = argument('latency') === undefined ? [0, 20] : [Number(argument('latency'))]
      for (const latencyMs of latencies) {
        const warmups = argument('warmups') === undefined ? undefined : Number(argument('warmups'))
        rows.push(...(await benchRowCpu({ users: Number(users), latencyMs, rounds: Number(argument('rounds') ?? 4), targets: only && [only], warmups })))
      }
    }
    printTable(rows)
  }
  run().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
