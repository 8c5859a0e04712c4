import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { CognitoIdentityProviderClient, paginateListUsers } from '@aws-sdk/client-cognito-identity-provider'
import { cognitoQuotaOf } from '../../electron/connectors/cognito/cognitoBudget'
import { createCognitoConnector, type CognitoTuning } from '../../electron/connectors/cognito/createCognitoConnector'
import { maxCognitoPage } from '../../electron/connectors/cognito/cognitoPaging'
import { rowPageOf } from '../../electron/connectors/listedObjects'
import { withReadAhead } from '../../electron/connectors/withReadAhead'
import { burstOf, steadyRate } from '../../electron/http/RequestBudget'
import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { createRecordingLogger } from '../support/recordingLogger'
import { collectGarbage, megabytes, milliseconds, printTable, ratioOf, withPeakMemory, type BenchRow } from './benchTable'
import { startSandboxProcess } from './sandboxProcess'

/*
 * Lanyard's Cognito connector beside the AWS SDK's own paginator (`paginateListUsers`), on the same
 * tenant process in the same run: every user of the pool, 60 a page, each client in turn, so both
 * see the same machine load. Lanyard is wrapped as the app wraps it (withReadAhead, its request
 * budget), asked for the Users tab's page as it scrolls and made the rows the tab is sent; the SDK is a bare client with the same
 * credentials and endpoint. Each keeps only the usernames, so the heap figure is the client's own.
 * Figures only: the targets (≤ 1.0× the SDK, ≤ 1.15× the bound) are printed beside them.
 */

interface Run {
  /** Why the client stopped before the end of the list (the SDK gives up on a throttled call after 3 attempts). */
  failure?: string
  ms: number
  /** The client's own CPU time (user + system): steadier than the clock on a shared machine. */
  cpuMs: number
  users: number
  pages: number
  peakHeap: number
}

type Tenant = Record<string, string>

async function listWithLanyard(tenant: Tenant, tuning: CognitoTuning = {}): Promise<Run> {
  const { url = '', ...credentials } = tenant
  const { values, secrets } = sandboxParameters('cognito', url, credentials)
  const logger = createRecordingLogger()
  const connector = withReadAhead(
    createCognitoConnector({ profileId: 'benchmark', profileName: 'Benchmark', environment: 'sandbox', values, secrets, logger }, tuning),
  )
  try {
    return await timed(async (usernames) => {
      let cursor: string | null = null
      do {
        const page = rowPageOf(await connector.list('users', { search: '', cursor, pageSize: maxCognitoPage, rowsOnly: true }))
        for (const item of page.items) usernames.push(item.id)
        cursor = page.nextCursor
      } while (cursor)
    })
  } finally {
    connector.close()
  }
}

async function listWithSdk(tenant: Tenant): Promise<Run> {
  const client = new CognitoIdentityProviderClient({
    region: tenant.region,
    endpoint: tenant.url,
    credentials: { accessKeyId: tenant.accessKeyId ?? '', secretAccessKey: tenant.accessSecret ?? '' },
  })
  try {
    return await timed(async (usernames) => {
      for await (const page of paginateListUsers({ client, pageSize: maxCognitoPage }, { UserPoolId: tenant.userPoolId })) {
        for (const user of page.Users ?? []) usernames.push(user.Username ?? '')
      }
    })
  } finally {
    client.destroy()
  }
}

async function timed(list: (usernames: string[]) => Promise<unknown>): Promise<Run> {
  collectGarbage()
  const started = performance.now()
  const cpu = process.cpuUsage()
  const usernames: string[] = []
  let failure: string | undefined
  const { peakHeap } = await withPeakMemory(() => list(usernames).catch((error: unknown) => (failure = error instanceof Error ? error.name : String(error))))
  const used = process.cpuUsage(cpu)
  const ms = performance.now() - started
  return { failure, ms, cpuMs: (used.user + used.system) / 1000, users: usernames.length, pages: Math.ceil(usernames.length / maxCognitoPage), peakHeap }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

interface Client {
  name: string
  list: (tenant: Tenant) => Promise<Run>
}

/*
 * The app's profile spends Cognito's documented UserList quota (30 a second) through its request
 * budget, at most 24 a second once the burst is used, while the SDK (and the sandbox, unless
 * started with --rate-limits) knows no quota: that pace, not Lanyard's own work, is then the
 * floor. So Lanyard is also measured with the budget's pacing lifted, which is what the client
 * itself costs beside the SDK.
 */
const clients: readonly Client[] = [
  { name: 'Lanyard (as the app: request budget)', list: (tenant) => listWithLanyard(tenant) },
  { name: 'Lanyard, budget pacing lifted', list: (tenant) => listWithLanyard(tenant, { budget: undefined }) },
  { name: 'AWS SDK paginateListUsers', list: listWithSdk },
]

/** A tenant process: its latency, and whether it throttles at Cognito's documented quotas (30 ListUsers a second) as AWS does. */
export interface TenantSetting {
  latencyMs: number
  quotas?: 'documented'
}

/** One tenant process per setting; `rounds` of every client, each round starting with the next one. */
export async function benchCognitoVersusSdk(options: { users: number; settings: readonly TenantSetting[]; rounds: number }): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const setting of options.settings) {
    const sandbox = await startSandboxProcess({ users: options.users, latencyMs: setting.latencyMs, rateLimits: setting.quotas })
    try {
      const tenant = sandbox.tenants.cognito
      if (!tenant) throw new Error('The sandbox printed no Cognito tenant.')
      const runs = clients.map(() => [] as Run[])
      for (let round = 0; round < options.rounds; round++) {
        for (let turn = 0; turn < clients.length; turn++) {
          const index = (round + turn) % clients.length
          runs[index]!.push(await clients[index]!.list(tenant))
        }
      }
      rows.push(...compare(setting, runs))
    } finally {
      await sandbox.stop()
    }
  }
  return rows
}

function compare(setting: TenantSetting, runs: readonly (readonly Run[])[]): BenchRow[] {
  const { latencyMs } = setting
  const whole = runs.flat().filter((run) => run.failure === undefined)
  const users = Math.max(0, ...whole.map((run) => run.users))
  const pages = Math.ceil(users / maxCognitoPage)
  const bound = pages * latencyMs
  const sdkRuns = runs[runs.length - 1]!
  const sdkMs = median(sdkRuns.map((run) => run.ms))
  const sdkCpuMs = median(sdkRuns.map((run) => run.cpuMs))
  const counts = whole.every((run) => run.users === users) ? '' : '; COUNTS DIFFER'
  const tenant = `Cognito ${latencyMs} ms${setting.quotas ? ', AWS quotas' : ''}, ${users.toLocaleString('en')} users`
  return clients.map((client, index) => {
    const own = runs[index]!
    const ms = median(own.map((run) => run.ms))
    const cpuMs = median(own.map((run) => run.cpuMs))
    const isSdk = index === clients.length - 1
    const failed = own.filter((run) => run.failure !== undefined)
    const failures = failed.length > 0 ? `; FAILED in ${failed.length} of ${own.length} rounds (${failed.map((run) => `${run.failure} after ${run.users} users`).join(', ')})` : ''
    const versusSdk = isSdk ? '' : `${ratioOf(ms, sdkMs)} the SDK (target ≤ 1.00×${latencyMs > 0 ? ', ≤ 1.15× the bound' : ''}); `
    return {
      benchmark: `${tenant}: ${client.name}`,
      measured: milliseconds(ms),
      bound: latencyMs > 0 ? `${milliseconds(bound)} (${pages} pages × ${latencyMs} ms)` : '–',
      ratio: latencyMs > 0 ? ratioOf(ms, bound) : '–',
      notes:
        `${versusSdk}rounds ${own.map((run) => milliseconds(run.ms)).join(', ')}; ` +
        `client CPU ${milliseconds(cpuMs)}${isSdk ? '' : ` (${ratioOf(cpuMs, sdkCpuMs)} the SDK's)`}; peak heap ${megabytes(median(own.map((run) => run.peakHeap)))}` +
        `${index === 0 ? `; the budget's pace alone takes ${milliseconds(listingPace(pages))}` : ''}${failures}${counts}`,
    }
  })
}

/** How long the budget's steady pace for UserList takes for `pages` requests, after its burst. */
function listingPace(pages: number): number {
  const quota = cognitoQuotaOf('UserList')
  return (Math.max(0, pages - burstOf(quota)) * 1000) / steadyRate(quota)
}

/** The settings `npm run bench` measures: no quota at 0 and 20 ms, then AWS's quotas at 20 ms. */
export const cognitoBenchSettings: readonly TenantSetting[] = [{ latencyMs: 0 }, { latencyMs: 20 }, { latencyMs: 20, quotas: 'documented' }]

/** `npx tsx test/bench/cognitoSdkBench.ts [rounds]`: this comparison alone. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rounds = Number(process.argv[2] ?? 3)
  benchCognitoVersusSdk({ users: 20_000, settings: cognitoBenchSettings, rounds }).then(
    (rows) => {
      printTable(rows)
      console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`)
    },
    (error: unknown) => {
      console.error('The benchmark could not run:', error instanceof Error ? (error.stack ?? error.message) : error)
      process.exit(1)
    },
  )
}
