import { Agent } from 'node:http'
import { loadavg } from 'node:os'
import axios from 'axios'
import { createHttpClient } from '../../electron/http/createHttpClient'
import { createRecordingLogger } from '../support/recordingLogger'
import { milliseconds, printTable, type BenchRow } from './benchTable'
import { startSandboxProcess } from './sandboxProcess'

/**
 * The CPU one request costs in Lanyard's HTTP client (createHttpClient: shared reads, cancellation,
 * timeout, concurrency slot, log line, the body read and parsed) beside bare axios and bare fetch,
 * on the Okta sandbox tenant in its own process. Pages of one user by default, so the per-request
 * cost is not hidden behind parsing a large body (`--limit 200` shows it beside a full page).
 * Loops alternate round by round; the figure is the median µs of CPU a request.
 *
 * Run alone: `npx tsx test/bench/httpClientOverheadBench.ts [--requests 1500] [--limit 1] [--rounds 5]`.
 */
export async function benchHttpClientOverhead(options: { requests: number; limit: number; rounds: number }): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess({ users: Math.max(50, options.limit), latencyMs: 0, rateLimits: 'off' })
  const tenant = sandbox.tenants.okta!
  const query = { limit: String(options.limit) }
  const url = new URL(`/api/v1/users?${new URLSearchParams(query).toString()}`, tenant.url).toString()
  const headers = { Authorization: `SSWS ${tenant.token}`, Accept: 'application/json' }
  const bareAxios = axios.create({ httpAgent: new Agent({ keepAlive: true }), proxy: false, maxRedirects: 0, validateStatus: () => true })
  const lanyard = createHttpClient({
    targetName: 'Okta',
    baseUrl: tenant.url!,
    environment: 'sandbox',
    authenticate: () => ({ Authorization: `SSWS ${tenant.token}` }),
    secrets: [tenant.token!],
    logger: createRecordingLogger(),
  })
  // A caller's signal and an `onHeaders`, as a listing's page request has them.
  const caller = new AbortController()
  const loops: Record<string, () => Promise<unknown>> = {
    "Lanyard's HTTP client": () => lanyard.request({ method: 'GET', path: '/api/v1/users', query, signal: caller.signal, onHeaders: () => undefined }),
    'bare axios': () => bareAxios.get(url, { headers }),
    'bare fetch': async () => (await fetch(url, { headers })).json(),
  }
  const load = loadavg().map((value) => value.toFixed(2)).join(' ')
  try {
    const samples = new Map<string, number[]>(Object.keys(loops).map((name) => [name, []]))
    const names = Object.keys(loops)
    for (let round = 0; round <= options.rounds; round++) {
      for (let turn = 0; turn < names.length; turn++) {
        const name = names[(round + turn) % names.length]!
        const cpu = process.cpuUsage()
        for (let index = 0; index < options.requests; index++) await loops[name]!()
        const used = process.cpuUsage(cpu)
        // Round 0 is uncounted: it pays for compiling and for opening the connections.
        if (round > 0) samples.get(name)!.push((used.user + used.system) / options.requests)
      }
    }
    const medians = new Map([...samples].map(([name, values]) => [name, median(values)]))
    const axiosMicros = medians.get('bare axios')!
    return names.map((name) => ({
      benchmark: `HTTP client overhead: ${name}, ${options.requests} GETs of ${options.limit} user${options.limit === 1 ? '' : 's'}`,
      measured: `${medians.get(name)!.toFixed(0)} µs CPU a request`,
      bound: `${axiosMicros.toFixed(0)} µs (bare axios)`,
      ratio: `${(medians.get(name)! / axiosMicros).toFixed(2)}×`,
      notes: `median of ${options.rounds}; ${milliseconds(((medians.get(name)! - axiosMicros) * options.requests) / 1000)} more than bare axios in all; load ${load}`,
    }))
  } finally {
    lanyard.close()
    await sandbox.stop()
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? Number(process.argv[index + 1]) : fallback
}

if (process.argv[1]?.endsWith('httpClientOverheadBench.ts')) {
  benchHttpClientOverhead({ requests: argument('requests', 1500), limit: argument('limit', 1), rounds: argument('rounds', 5) })
    .then(printTable)
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
