import { execFile } from 'node:child_process'
import { loadavg } from 'node:os'
import { promisify } from 'node:util'
import { megabytes, type BenchRow } from './benchTable'

/** How the main process was built, before issue 14 and after. */
const builds = {
  before: { adapters: 'eager', tenants: 'in-process', label: 'before: every adapter at start, tenants in main' },
  adaptersOnly: { adapters: 'eager', tenants: 'process', label: 'every adapter at start, tenants in their process' },
  after: { adapters: 'lazy', tenants: 'process', label: 'after: adapters on first use, tenants in their process' },
} as const
type Build = keyof typeof builds

interface Figures {
  listed: number
  startRss: number
  /** After the listing's first page: the adapter loaded, few rows held yet. */
  firstPageRss: number
  peakRss: number
  endRss: number
  maxRss: number
  sandboxPeakRss: number
}

/** One scenario in a fresh process (mainMemoryProbe.ts): what it loads is what is measured. */
async function probe(scenario: 'list' | 'tenants', users: number, build: Build): Promise<Figures> {
  const { adapters, tenants } = builds[build]
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'test/bench/mainMemoryProbe.ts', '--scenario', scenario, '--users', String(users), '--adapters', adapters, '--tenants', tenants],
    { maxBuffer: 1 << 20 },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Figures
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/**
 * The main process's own memory (peak RSS, the kernel's high-water mark) with the app's services:
 * an Okta Sandbox profile listing every user, and the four Sandbox profiles' tenants started.
 * Builds alternate round by round; medians. The sandbox process's peak is shown beside (it is not
 * the app's). Figures only; the targets are the issue's.
 */
export async function benchMainMemory(options: { listUsers: number; listRounds: number; tenantUsers: number }): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const listed: Record<Build, Figures[]> = { before: [], adaptersOnly: [], after: [] }
  for (let round = 0; round < options.listRounds; round++) {
    for (const build of Object.keys(builds) as Build[]) listed[build].push(await probe('list', options.listUsers, build))
  }
  const load = `load ${loadavg().map((value) => value.toFixed(1)).join(' ')}`
  for (const build of Object.keys(builds) as Build[]) {
    const figures = listed[build]
    rows.push({
      benchmark: `main RSS, Okta Sandbox lists ${figures[0]!.listed.toLocaleString('en')} users (${build})`,
      measured: megabytes(median(figures.map((figure) => figure.maxRss))),
      bound: '–',
      ratio: build === 'before' ? '–' : `${(median(figures.map((figure) => figure.maxRss)) / median(listed.before.map((figure) => figure.maxRss))).toFixed(2)}× before`,
      notes: `${builds[build].label}; target: the adapters' 40–45 MB gone; at start ${megabytes(median(figures.map((figure) => figure.startRss)))}, after the first page ${megabytes(median(figures.map((figure) => figure.firstPageRss)))}; sandbox process peak ${megabytes(median(figures.map((figure) => figure.sandboxPeakRss)))}; median of ${figures.length}; ${load}`,
    })
  }
  let beforeRss = 0
  for (const build of options.tenantUsers > 0 ? (['before', 'after'] as const) : []) {
    const figures = await probe('tenants', options.tenantUsers, build)
    beforeRss ||= figures.maxRss
    rows.push({
      benchmark: `main RSS, four Sandbox tenants of ${options.tenantUsers.toLocaleString('en')} people started (${build})`,
      measured: megabytes(figures.maxRss),
      bound: '–',
      ratio: build === 'before' ? '–' : `${(figures.maxRss / beforeRss).toFixed(2)}× before`,
      notes: `${builds[build].label}; sandbox process peak ${megabytes(figures.sandboxPeakRss)}; issue 14 before: ~2.2 GB in main; load ${loadavg().map((value) => value.toFixed(1)).join(' ')}`,
    })
  }
  return rows
}

// Run on its own: `npx tsx test/bench/mainMemoryBench.ts [listUsers] [rounds] [tenantUsers]`.
if (process.argv[1]?.endsWith('mainMemoryBench.ts')) {
  const [listUsers = 20_000, listRounds = 3, tenantUsers = 100_000] = process.argv.slice(2).map(Number)
  const { printTable } = await import('./benchTable')
  printTable(await benchMainMemory({ listUsers, listRounds, tenantUsers }))
}
