import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { sandboxApplications } from '../../electron/sandbox/people/companyAccounts'
import type { RateLimitMode } from '../../electron/sandbox/types'
import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import type { JobDetails, JobPlan, JobPlanInput, JobView } from '../../shared/jobs'
import { createTestServices } from '../support/createTestServices'
import { createRecordingLogger } from '../support/recordingLogger'
import { milliseconds, ratioOf, type BenchRow } from './benchTable'
import { plainLeavers } from './peopleOffboardBench'
import { startSandboxProcess } from './sandboxProcess'
import { isRequestLine, profileBound } from './targetLimits'

/**
 * Bulk jobs through main's services, as the Jobs screen runs them: `jobs.plan` (every line looked up
 * in each target), then `jobs.start` and its progress until done. Each tenant enforces its target's
 * documented limits in a process of its own; the bound is what those limits let the job's requests
 * take (the slowest profile's busiest budget family, targetLimits.ts), measured from the job's start.
 */

/*
 * Figures on a shared 2-core machine (load 8–11), 20,000-user tenants, 20 ms latency, documented limits on:
 * - Planning 1,000 leavers over the four tenants (`runJobsBench.ts plan`), before → after batching emails, run back to back:
 *   111.7 s → 68.5 s; 4,005 → 1,175 requests (Okta 1,000 → 50, Coupa 1,001 → 81, GoTo 1,003 → 41, Cognito 1,001 → 1,003);
 *   the limits' bound 99.2 s (GoTo's 1,003) → 32.4 s (Cognito's 1,000 ListUsers at 30 a second; Cognito alone planned in 35.5 s).
 * - Offboarding them (`offboard`): planned in 118 s (issue 17's closing note) → 62.4 s; the run 255.7 s, 94.7% of its bound,
 *   1 × 429; requests per change: run 2.86, plan + run 3.15 (the estimate said 1,170 spent and 13,000 to send; GoTo's
 *   deprovision sent 2.4 a change where requestsPerChange says 4).
 * - Adding 5,000 members to an Okta group (`move`, limits off): 5,000 → 252 plan requests; run 1.26 a change, plan + run 1.31
 *   (2.26 before). The run's 0.26 are not the plan's: Okta's addMember reads the group before each PUT (shared when in flight).
 *   Moving them: run 1.57, plan + run 1.58.
 */

/** `npm run bench`'s figures: 1,000 leavers need a company of 20,000 (people in all four applications under one email). */
export const offboardBenchSettings = { users: 20_000, people: 1_000, latencyMs: 20 }
export const moveBenchSettings = { users: 10_000, members: 5_000, latencyMs: 20 }

type Services = Awaited<ReturnType<typeof createTestServices>>

interface BenchServices {
  services: Services
  logger: ReturnType<typeof createRecordingLogger>
  /** Profile id per connector, and the profile's name as the HTTP clients log it. */
  profiles: Partial<Record<ConnectorId, { id: string; name: string }>>
}

async function withServices<T>(tenants: Record<string, Record<string, string>>, connectorIds: readonly ConnectorId[], work: (bench: BenchServices) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'lanyard-bench-'))
  const logger = createRecordingLogger()
  const services = await createTestServices(directory, { logger })
  try {
    const profiles: BenchServices['profiles'] = {}
    for (const connectorId of connectorIds) {
      const { url = '', ...credentials } = tenants[connectorId]!
      const { values, secrets } = sandboxParameters(connectorId, url, credentials)
      const name = `${getDescriptor(connectorId).label} bench`
      const created = (await services.handlers['profiles.create']({ connectorId, name, environment: 'sandbox', values, secrets })) as { id: string }
      profiles[connectorId] = { id: created.id, name }
    }
    return await work({ services, logger, profiles })
  } finally {
    await services.close()
    await rm(directory, { recursive: true, force: true })
  }
}

/** Plans one job, with the requests planning sent (its lookups and reads) as the HTTP clients logged them. */
async function planOnly({ services, logger }: BenchServices, input: JobPlanInput) {
  const from = logger.lines.length
  const planning = performance.now()
  const plan = (await services.handlers['jobs.plan'](input)) as JobPlan
  const plannedMs = performance.now() - planning
  return { plan, plannedMs, planLines: logger.lines.slice(from).filter(isRequestLine) }
}

/** Plans and runs one job; the job's own time runs from `jobs.start` until it is done. */
async function planAndRun(bench: BenchServices, input: JobPlanInput) {
  const { services, logger } = bench
  const { plan, plannedMs, planLines } = await planOnly(bench, input)
  const mark = logger.lines.length
  const started = performance.now()
  const job = (await services.handlers['jobs.start']({ planId: plan.planId })) as JobView
  let details = (await services.handlers['jobs.get']({ jobId: job.id })) as JobDetails
  while (['running', 'pausing', 'cancelling'].includes(details.job.state)) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    details = (await services.handlers['jobs.get']({ jobId: job.id })) as JobDetails
  }
  const elapsed = performance.now() - started
  return { plan, plannedMs, planLines, details, elapsed, lines: logger.lines.slice(mark).filter(isRequestLine) }
}

/**
 * Requests per change sent, for the run alone and for plan + run: a plan's lookups are spent
 * before the job starts (the estimate says them apart, `planRequests`), so per-change figures that
 * mix the two say nothing about the run's pace.
 */
function requestsPerChange(run: { planLines: readonly unknown[]; lines: readonly unknown[]; details: JobDetails; plan: JobPlan }): string {
  const changes = Math.max(1, run.details.job.counts.done)
  const each = (requests: number) => (requests / changes).toFixed(2)
  return (
    `requests per change: run ${each(run.lines.length)} (${run.lines.length} for ${changes}), plan + run ${each(run.planLines.length + run.lines.length)} ` +
    `(plan ${run.planLines.length}, its estimate said ${run.plan.estimate.planRequests} spent and ${run.plan.estimate.requests} to send)`
  )
}

function countsOf(details: JobDetails): string {
  const { done, failed, skipped, total } = details.job.counts
  const failures = [...new Set(details.changes.filter((change) => change.state === 'failed').map((change) => change.message))].slice(0, 3)
  return `${done} of ${total} changes done, ${failed} failed${failures.length ? ` (${failures.join('; ')})` : ''}, ${skipped} skipped`
}

/** Offboarding `people` leavers, each with an account in all four tenants, as one job with the documented limits on. */
export async function benchOffboardJob(options: { users: number; people: number; latencyMs: number }): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess({ users: options.users, latencyMs: options.latencyMs, rateLimits: 'documented' })
  try {
    return await withServices(sandbox.tenants, sandboxApplications, async (bench) => {
      const leavers = plainLeavers(options.users, options.people)
      const run = await planAndRun(bench, { kind: 'offboard', profileSet: 'sandbox', lines: leavers.map((leaver) => leaver.email) })
      const perProfile = sandboxApplications.map((connectorId) => {
        const name = bench.profiles[connectorId]?.name
        return { connectorId, ...profileBound(connectorId, run.lines.filter((line) => line.fields?.profile === name)) }
      })
      const slowest = perProfile.reduce((worst, profile) => (profile.boundMs > worst.boundMs ? profile : worst))
      const refused = perProfile.reduce((sum, profile) => sum + profile.refused, 0)
      const describe = (profile: (typeof perProfile)[number]) =>
        `${getDescriptor(profile.connectorId).label} ${profile.requests} (${[...profile.families].map(([family, count]) => `${family} ${count}`).join(', ')}) ≥ ${milliseconds(profile.boundMs)}, ${profile.refused} refused`
      return [
        {
          benchmark: `jobs: offboard ${leavers.length.toLocaleString('en')} people across the four tenants, documented limits on`,
          measured: milliseconds(run.elapsed),
          bound: `${milliseconds(slowest.boundMs)} (${getDescriptor(slowest.connectorId).label}'s requests at its documented limit)`,
          ratio: `${((slowest.boundMs / run.elapsed) * 100).toFixed(1)}% of the limit`,
          notes:
            `${refused} rate refusals (429s); ${countsOf(run.details)}; planned in ${milliseconds(run.plannedMs)} (${run.plan.counts.ready} ready, estimate ${run.plan.estimate.secondsAtLeast}–${run.plan.estimate.seconds} s); ` +
            `${requestsPerChange(run)}; requests per tenant by budget family: ${perProfile.map(describe).join('; ')}; ${options.latencyMs} ms latency`,
        },
      ]
    })
  } finally {
    await sandbox.stop()
  }
}

/**
 * Planning (not running) the offboarding of `people` leavers across the four tenants with the
 * documented limits on: how long the lookups take and how many requests each application gets
 * (emails many to a request on Okta, Coupa and GoTo; one a line on Cognito).
 */
export async function benchPlanLookups(options: { users: number; people: number; latencyMs: number }, connectorIds: readonly ConnectorId[] = sandboxApplications): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess({ users: options.users, latencyMs: options.latencyMs, rateLimits: 'documented' })
  try {
    return await withServices(sandbox.tenants, connectorIds, async (bench) => {
      const leavers = plainLeavers(options.users, options.people)
      const { plan, plannedMs, planLines } = await planOnly(bench, { kind: 'offboard', profileSet: 'sandbox', lines: leavers.map((leaver) => leaver.email) })
      const perProfile = connectorIds.map((connectorId) => {
        const name = bench.profiles[connectorId]?.name
        const { requests, boundMs } = profileBound(connectorId, planLines.filter((line) => line.fields?.profile === name))
        return `${getDescriptor(connectorId).label} ${requests} (≥ ${milliseconds(boundMs)} at its documented limit)`
      })
      return [
        {
          benchmark: `jobs: plan the offboarding of ${leavers.length.toLocaleString('en')} people across ${connectorIds.length === 4 ? 'the four tenants' : connectorIds.join(', ')}, documented limits on`,
          measured: milliseconds(plannedMs),
          bound: '',
          ratio: '',
          notes: `${plan.counts.ready} ready, ${plan.counts.problems} problems; ${planLines.length} requests (estimate's planRequests ${plan.estimate.planRequests}): ${perProfile.join('; ')}; ${options.latencyMs} ms latency`,
        },
      ]
    })
  } finally {
    await sandbox.stop()
  }
}

/**
 * Moving `members` people from one Okta group to another (removeMember + addMember each), after a
 * job adding them to the first. `rateLimits`: Okta's documented 600 a minute for group memberships
 * makes 10,000 requests take 17 minutes; the default (off) measures the jobs runner itself.
 */
export async function benchMoveMembers(options: { users: number; members: number; latencyMs: number; rateLimits?: RateLimitMode }): Promise<BenchRow[]> {
  const rateLimits = options.rateLimits ?? 'off'
  const sandbox = await startSandboxProcess({ users: options.users, latencyMs: options.latencyMs, rateLimits })
  try {
    const okta = sandbox.tenants.okta!
    const [from, to] = [await createOktaGroup(okta, 'Bench from'), await createOktaGroup(okta, 'Bench to')]
    const logins = (await oktaLogins(okta)).slice(0, options.members)
    return await withServices(sandbox.tenants, ['okta'], async (bench) => {
      const profileId = bench.profiles.okta!.id
      const add = await planAndRun(bench, { kind: 'addMembers', profileId, groupType: 'groups', groupId: from, lines: logins })
      const move = await planAndRun(bench, { kind: 'moveMembers', profileId, groupType: 'groups', fromGroupId: from, toGroupId: to })
      const limits = rateLimits === 'off' ? 'limits off' : `limits ${rateLimits}`
      const row = (benchmark: string, run: typeof add): BenchRow => {
        const { requests, refused, boundMs } = profileBound('okta', run.lines)
        return {
          benchmark,
          measured: milliseconds(run.elapsed),
          // Limits off, the bound is the latency: each request waits for its answer, four changes of a profile in flight (Jobs' inFlightPerProfile).
          bound: rateLimits === 'off' ? `${milliseconds((requests * options.latencyMs) / 4)} (requests × latency ÷ 4 in flight)` : milliseconds(boundMs),
          ratio: rateLimits === 'off' ? ratioOf(run.elapsed, (requests * options.latencyMs) / 4) : `${((boundMs / run.elapsed) * 100).toFixed(1)}% of the limit`,
          notes: `${refused} rate refusals (429s); ${countsOf(run.details)}; ${requests} requests (${((requests * 1000) / run.elapsed).toFixed(0)}/s); ${requestsPerChange(run)}; planned in ${milliseconds(run.plannedMs)}; ${limits}; ${options.latencyMs} ms latency`,
        }
      }
      return [row(`jobs: add ${logins.length.toLocaleString('en')} members to an Okta group`, add), row(`jobs: move ${logins.length.toLocaleString('en')} members between two Okta groups`, move)]
    })
  } finally {
    await sandbox.stop()
  }
}

/** Straight to the tenant's API (not through Lanyard): the bench's groups. */
async function createOktaGroup(okta: Record<string, string>, name: string): Promise<string> {
  const answer = await fetch(`${okta.url}/api/v1/groups`, {
    method: 'POST',
    headers: { authorization: `SSWS ${okta.token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ profile: { name, description: 'npm run bench' } }),
  })
  if (!answer.ok) throw new Error(`Creating the Okta group "${name}" answered ${answer.status}: ${await answer.text()}`)
  return ((await answer.json()) as { id: string }).id
}

async function oktaLogins(okta: Record<string, string>): Promise<string[]> {
  const logins: string[] = []
  let next: string | null = `${okta.url}/api/v1/users?limit=200`
  while (next) {
    const answer: Response = await fetch(next, { headers: { authorization: `SSWS ${okta.token}`, accept: 'application/json' } })
    if (!answer.ok) throw new Error(`Listing the Okta users answered ${answer.status}`)
    const users = (await answer.json()) as { status: string; profile: { login: string } }[]
    logins.push(...users.filter((user) => user.status === 'ACTIVE').map((user) => user.profile.login))
    next = /<([^>]+)>;\s*rel="next"/.exec(answer.headers.get('link') ?? '')?.[1] ?? null
  }
  return logins
}
