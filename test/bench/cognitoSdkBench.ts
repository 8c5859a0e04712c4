import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { CognitoIdentityProviderClient, paginateListUsers } from '@aws-sdk/client-cognito-identity-provider'
import { cognitoQuotaOf } from '../../electron/connectors/cognito/cognitoBudget'
import { createCognitoConnector, type CognitoTuning } from '../../electron/connectors/cognito/createCognitoConnector'
import { maxCognitoPage } from '../../electron/connectors/cognito/cognitoPaging'
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
 * budget), asked for the Users tab's page as it scrolls; the SDK is a bare client with the same
 * credentials and endpoint. Each keeps only the usernames, so the heap figure is the client's own.
 * Figures only: the targets (≤ 1.0× the SDK, ≤ 1.15× the bound) are printed beside them.
 */

interface Run {
  ms: number
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
    return await timed(async () => {
      const usernames: string[] = []
      let cursor: string | null = null
      do {
        const page = await connector.list('users', { search: '', cursor, pageSize: maxCognitoPage })
        for (const item of page.items) usernames.push(item.id)
        cursor = page.nextCursor
      } while (cursor)
      return usernames
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
    return await timed(async () => {
      const usernames: string[] = []
      for await (const page of paginateListUsers({ client, pageSize: maxCognitoPage }, { UserPoolId: tenant.userPoolId })) {
        for (const user of page.Users ?? []) usernames.push(user.Username ?? '')
      }
      return usernames
    })
  } finally {
    client.destroy()
  }
}

async function timed(list: () => Promise<string[]>): Promise<Run> {
  collectGarbage()
  const started = performance.now()
  const { value: usernames, peakHeap } = await withPeakMemory(list)
  const ms = performance.now() - started
  return { ms, users: usernames.length, pages: Math.ceil(usernames.length / maxCognitoPage), peakHeap }
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

/** One tenant process per latency; `rounds` of every client, each round starting with the next one. */
export async function benchCognitoVersusSdk(options: { users: number; latenciesMs: readonly number[]; rounds: number }): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const latencyMs of options.latenciesMs) {
    const sandbox = await startSandboxProcess({ users: options.users, latencyMs })
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
      rows.push(...compare(latencyMs, runs))
    } finally {
      await sandbox.stop()
    }
  }
  return rows
}

function compare(latencyMs: number, runs: readonly (readonly Run[])[]): BenchRow[] {
  const first = runs[0]![0]!
  const bound = first.pages * latencyMs
  const pace = listingPace(first.pages)
  const sdkMs = median(runs[runs.length - 1]!.map((run) => run.ms))
  const counts = runs.flat().every((run) => run.users === first.users) ? '' : '; COUNTS DIFFER'
  return clients.map((client, index) => {
    const own = runs[index]!
    const ms = median(own.map((run) => run.ms))
    const isSdk = index === clients.length - 1
    const versusSdk = isSdk ? '' : `${ratioOf(ms, sdkMs)} the SDK (target ≤ 1.00×${latencyMs > 0 ? ', ≤ 1.15× the bound' : ''}); `
    return {
      benchmark: `Cognito ${latencyMs} ms, ${first.users.toLocaleString('en')} users: ${client.name}`,
      measured: milliseconds(ms),
      bound: latencyMs > 0 ? `${milliseconds(bound)} (${first.pages} pages × ${latencyMs} ms)` : '–',
      ratio: latencyMs > 0 ? ratioOf(ms, bound) : '–',
      notes:
        `${versusSdk}rounds ${own.map((run) => milliseconds(run.ms)).join(', ')}; peak heap ${megabytes(median(own.map((run) => run.peakHeap)))}` +
        `${index === 0 ? `; the budget's pace alone takes ${milliseconds(pace)}` : ''}${counts}`,
    }
  })
}

/** How long the budget's steady pace for UserList takes for `pages` requests, after its burst. */
function listingPace(pages: number): number {
  const quota = cognitoQuotaOf('UserList')
  return (Math.max(0, pages - burstOf(quota)) * 1000) / steadyRate(quota)
}

/** `npx tsx test/bench/cognitoSdkBench.ts [rounds]`: this comparison alone. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rounds = Number(process.argv[2] ?? 3)
  benchCognitoVersusSdk({ users: 20_000, latenciesMs: [0, 20], rounds }).then(
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
