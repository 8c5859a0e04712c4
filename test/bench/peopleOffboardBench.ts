import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cognitoBudgetFamily, cognitoQuotaOf } from '../../electron/connectors/cognito/cognitoBudget'
import { coupaQuota } from '../../electron/connectors/coupa/coupaBudget'
import { goToAdminQuota } from '../../electron/connectors/gotomeeting/goToBudget'
import { oktaBudgetFamily } from '../../electron/connectors/okta/oktaBudget'
import { burstOf, steadyRate, type Quota } from '../../electron/http/RequestBudget'
import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { companyDirectory, fixturePeopleCount, sandboxApplications } from '../../electron/sandbox/people/companyAccounts'
import { tenantDefaults } from '../../electron/sandbox/framework/tenantBasics'
import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import type { HttpMethod } from '../../electron/http/types'
import type { OffboardReport, PeopleResults, PeopleSearchStarted } from '../../shared/people'
import { createTestServices } from '../support/createTestServices'
import { createRecordingLogger, type RecordedLine } from '../support/recordingLogger'
import { milliseconds, ratioOf, type BenchRow } from './benchTable'

/**
 * Offboarding many people at once through main's services, as a help desk works through a list of
 * leavers: each person found with `people.search`, then every person's `people.offboard` sent
 * together. Each profile's request budget spaces its requests at the target's documented rate, so
 * the bound is the slowest profile's requests ÷ its rate (per budget family), the requests counted
 * from the HTTP clients' own log lines. The tenants run in their own process.
 */

/**
 * Each budget family's documented quota. Okta's budget follows the answers' `X-Rate-Limit-*`
 * headers, and the sandbox tenant says 600 a minute per bucket (its default; Okta's documented
 * 100 a minute only covers a bucket's first requests, before an answer has said).
 */
function quotaOf(connectorId: ConnectorId, family: string): Quota | null {
  if (connectorId === 'okta') return { limit: 600, windowMs: 60_000 }
  if (connectorId === 'cognito') return cognitoQuotaOf(family)
  if (connectorId === 'coupa') return coupaQuota
  return family === 'sign-in' ? null : goToAdminQuota
}

function familyOf(connectorId: ConnectorId, line: RecordedLine): string {
  const fields = line.fields ?? {}
  if (connectorId === 'cognito') return cognitoBudgetFamily(String(fields.operation))
  const path = String(fields.path).split('?')[0] ?? ''
  if (connectorId === 'okta') return oktaBudgetFamily(String(fields.method) as HttpMethod, path)
  if (connectorId === 'gotomeeting') return path.endsWith('/oauth/token') ? 'sign-in' : 'admin'
  return 'api'
}

/** People in all four applications under one email, active everywhere, with none of the named differences. */
export function plainLeavers(users: number, count: number): { name: string; email: string }[] {
  const company = companyDirectory({ count: users, seed: tenantDefaults.seed })
  return company.people
    .filter((person) => person.index >= fixturePeopleCount)
    .filter((person) => {
      const accounts = company.accounts[person.index] ?? {}
      return sandboxApplications.every((application) => accounts[application]?.status === 'active' && accounts[application]?.email === person.email)
    })
    .filter((person) => company.accounts[person.index]?.cognito?.login === person.email.split('@')[0])
    .slice(0, count)
    .map((person) => ({ name: person.displayName, email: person.email }))
}

export async function benchOffboarding(tenants: Record<string, Record<string, string>>, options: { users: number; people: number; latencyMs: number }): Promise<BenchRow[]> {
  const directory = await mkdtemp(join(tmpdir(), 'lanyard-bench-'))
  const logger = createRecordingLogger()
  const services = await createTestServices(directory, { logger })
  try {
    const names: Partial<Record<ConnectorId, string>> = {}
    for (const connectorId of sandboxApplications) {
      const { url = '', ...credentials } = tenants[connectorId]!
      const { values, secrets } = sandboxParameters(connectorId, url, credentials)
      const name = `${getDescriptor(connectorId).label} bench`
      await services.handlers['profiles.create']({ connectorId, name, environment: 'sandbox', values, secrets })
      names[connectorId] = name
    }
    const leavers = plainLeavers(options.users, options.people)
    const found = await findEveryone(services, leavers)

    const before = logger.lines.length
    const started = performance.now()
    const reports = await Promise.all(found.map((person) => services.handlers['people.offboard']({ personName: person.name, accounts: person.accounts })))
    const elapsed = performance.now() - started
    return [row(reports, logger.lines.slice(before), names as Record<ConnectorId, string>, elapsed, options)]
  } finally {
    await services.close()
    await rm(directory, { recursive: true, force: true })
  }
}

type Services = Awaited<ReturnType<typeof createTestServices>>

/** Each leaver searched by email in the four profiles (ten at a time), with the accounts found under that email. */
async function findEveryone(services: Services, leavers: readonly { name: string; email: string }[]) {
  const found: { name: string; accounts: { profileId: string; userId: string }[] }[] = []
  for (let start = 0; start < leavers.length; start += 10) {
    const batch = leavers.slice(start, start + 10)
    found.push(...(await Promise.all(batch.map((leaver, index) => findOne(services, leaver, `bench-${start + index}`)))))
  }
  return found
}

async function findOne(services: Services, leaver: { name: string; email: string }, searchKey: string) {
  const started: PeopleSearchStarted = await services.handlers['people.search']({ search: leaver.email, profileSet: 'sandbox', searchKey })
  const answers = () => services.events.filter((emitted) => emitted.event === 'people.results').map((emitted) => emitted.payload as PeopleResults).filter((results) => results.searchId === started.searchId)
  while (answers().length < started.profiles.length) await new Promise((resolve) => setTimeout(resolve, 10))
  const accounts = answers().flatMap((results) => results.accounts.filter((account) => account.email?.toLowerCase() === leaver.email))
  if (accounts.length !== 4) throw new Error(`${leaver.email}: found ${accounts.length} accounts, not 4 (${answers().map((results) => results.error?.message ?? results.accounts.length).join(', ')})`)
  return { name: leaver.name, accounts: accounts.map((account) => ({ profileId: account.profileId, userId: account.userId })) }
}

function row(reports: readonly OffboardReport[], lines: readonly RecordedLine[], names: Record<ConnectorId, string>, elapsed: number, options: { people: number; latencyMs: number }): BenchRow {
  const perProfile = sandboxApplications.map((connectorId) => {
    const sent = lines.filter((line) => line.fields?.profile === names[connectorId] && typeof line.fields?.attempt === 'number')
    const families = new Map<string, number>()
    for (const line of sent) families.set(familyOf(connectorId, line), (families.get(familyOf(connectorId, line)) ?? 0) + 1)
    // The documented rate is the pace: requests beyond what the quota lets go at once ÷ (limit per
    // window), in the family that takes longest. Okta's headers let a whole bucket go at once.
    // The budget itself spends a documented quota a little under its rate (steadyRate): its own pace.
    const paces = [...families].map(([family, count]) => {
      const quota = quotaOf(connectorId, family)
      if (!quota) return { paced: 0, budget: 0 }
      const atOnce = connectorId === 'okta' ? quota.limit : burstOf(quota)
      const beyond = Math.max(0, count - atOnce)
      return { paced: (beyond * quota.windowMs) / quota.limit, budget: connectorId === 'okta' ? 0 : (beyond * 1000) / steadyRate(quota) }
    })
    const paced = Math.max(0, ...paces.map((pace) => pace.paced))
    const budget = Math.max(0, ...paces.map((pace) => pace.budget))
    return { connectorId, requests: sent.length, paced, budget, families }
  })
  const slowest = perProfile.reduce((worst, profile) => (profile.paced > worst.paced ? profile : worst))
  const results = reports.flatMap((report) => report.accounts.map((account) => account.result))
  const done = results.filter((result) => result === 'done').length
  const describeProfile = (profile: (typeof perProfile)[number]) =>
    `${getDescriptor(profile.connectorId).label} ${profile.requests} (${[...profile.families].map(([family, count]) => `${family} ${count}`).join(', ')}) ≥ ${milliseconds(profile.paced)}`
  return {
    benchmark: `People: offboard ${options.people} people across the four tenants`,
    measured: milliseconds(elapsed),
    bound: `${milliseconds(slowest.paced)} (${getDescriptor(slowest.connectorId).label}'s ${slowest.requests} requests at its documented rate)`,
    ratio: ratioOf(elapsed, slowest.paced),
    notes:
      `${done} of ${results.length} accounts done, all ${options.people} offboard calls sent at once; ` +
      `at the budget's own pace (a margin under the documented rate) ${getDescriptor(slowest.connectorId).label} needs ${milliseconds(slowest.budget)}; requests per tenant by budget family: ` +
      `${perProfile.map(describeProfile).join('; ')}; ${options.latencyMs} ms latency`,
  }
}
