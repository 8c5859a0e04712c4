import { describe, expect, it } from 'vitest'
import type { JobPlan, JobView } from '../../../shared/jobs'
import { cognitoBudgetFamily, cognitoQuotaOf } from '../../../electron/connectors/cognito/cognitoBudget'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addSandboxProfiles, startPeopleServices, startTenants, until } from '../people/peopleHarness'
import { expectValue, untilJobIs } from './jobHarness'

/*
 * A running job's rate is what it sent: each request counted as it went out, over the time the
 * requests span. A GoTo deprovision sends 2 to 5 of them (only the steps the account needs), so a
 * rate guessed from the changes finished reads wrong either way. The job's clock is the test's:
 * still until the first change is done, then four seconds on, so the figure the job shows is
 * checked against the counts that feed it, never against time.
 */

const newDirectory = useTemporaryDirectories()

type PeopleServices = Awaited<ReturnType<typeof startPeopleServices>>

/**
 * Runs the plan's job with the job's clock held still until a change is done, then `moveClock` four
 * seconds on: the requests the tenant counted, the job as it ended, and its progress while running since.
 */
async function runOverFourSeconds(services: PeopleServices, tenant: { requestCount(): number }, planId: string, moveClock: (ms: number) => void) {
  const before = tenant.requestCount()
  const started = expectValue<JobView>(await services.call('jobs.start', { planId }))
  const progress = () => services.eventsOf('jobs.progress').filter((event) => event.job.id === started.id)
  await until(() => progress().some((event) => event.changes.some((change) => change.state === 'done')), 'a change was done')
  moveClock(4_000)
  const fromNow = progress().length
  const done = await untilJobIs(services, started.id, ['done'])
  const whileRunning = progress()
    .slice(fromNow)
    .filter((event) => event.job.state === 'running')
    .map((event) => event.job.rates[0]!)
  return { done, sent: tenant.requestCount() - before, whileRunning }
}

describe("a running job's request rate", () => {
  it('gotomeeting: a deprovision job shows the requests it sent, as counted on the wire, over the time they took', async () => {
    const tenants = await startTenants()
    let clock = Date.UTC(2026, 11, 7, 9)
    const services = await startPeopleServices(newDirectory(), undefined, { jobsClock: () => clock })
    const profiles = await addSandboxProfiles(services, tenants)
    // The seeded accounts mix licences only, licences and admin roles, and INVITED users: changes of 2 to 5 requests.
    const accounts = tenants.gotomeeting.tenant.users().filter((user) => user.status === 'ACTIVE' || user.status === 'INVITED').slice(0, 12)
    const planned = expectValue<JobPlan>(await services.call('jobs.plan', { kind: 'deprovisionAccounts', profileId: profiles.gotomeeting, lines: accounts.map((user) => user.email) }))
    // The administrator the profile signs in as is among them: the plan refuses it up front, so it sends nothing.
    const others = accounts.filter((user) => user.key !== tenants.gotomeeting.tenant.adminUser.key)
    expect(accounts.length - others.length).toBe(1)
    expect(planned.counts).toMatchObject({ changes: others.length, skipped: 1 })

    const { done, sent, whileRunning } = await runOverFourSeconds(services, tenants.gotomeeting, planned.planId, (ms) => (clock += ms))

    expect(done.job.counts).toMatchObject({ failed: 0, left: 0 })
    expect(done.job.rates).toHaveLength(1)
    expect(done.job.rates[0]!.requestsSent).toBe(sent)
    // Every request went out within the last ten seconds of the job's clock, four seconds after its start.
    expect(whileRunning.length).toBeGreaterThan(0)
    for (const shown of whileRunning) expect(shown.requestsPerSecond).toBe(Math.round((shown.requestsSent / 4) * 10) / 10)
    // More than the fewest a change sends (2), which the rate used to multiply the changes finished by: it read low.
    expect(sent).toBeGreaterThan(2 * others.length)
  })

  it('cognito: a deprovision job shows each quota family it spends against that family\'s own limit, never a rate above the limit shown', async () => {
    const tenants = await startTenants()
    let clock = Date.UTC(2026, 11, 7, 9)
    const services = await startPeopleServices(newDirectory(), undefined, { jobsClock: () => clock })
    const profiles = await addSandboxProfiles(services, tenants)
    const accounts = tenants.cognito.tenant.users().filter((user) => user.enabled)
    // Enough people that all their requests over four seconds outrun the write quota, though each family stays within its own.
    expect(accounts.length).toBeGreaterThan(cognitoQuotaOf('UserUpdate').limit)
    const planned = expectValue<JobPlan>(await services.call('jobs.plan', { kind: 'deprovisionAccounts', profileId: profiles.cognito, lines: accounts.map((user) => user.username) }))
    expect(planned.counts.changes).toBe(accounts.length)

    const { done, sent, whileRunning } = await runOverFourSeconds(services, tenants.cognito, planned.planId, (ms) => (clock += ms))

    expect(done.job.counts).toMatchObject({ done: accounts.length, failed: 0, skipped: 0, left: 0 })
    // Each deprovision: the user and their groups read, then disable and global sign-out.
    expect(sent).toBe(4 * accounts.length)
    const sentPerFamily = new Map<string, number>()
    for (const operation of ['AdminGetUser', 'AdminListGroupsForUser', 'AdminDisableUser', 'AdminUserGlobalSignOut']) {
      const family = cognitoBudgetFamily(operation)
      sentPerFamily.set(family, (sentPerFamily.get(family) ?? 0) + accounts.length)
    }
    // Each family's count is what it sent, and the figure shown is that count over the time it spans, never above its limit.
    expect(done.job.rates[0]!.requestsSent).toBe(sent)
    expect(Object.fromEntries(done.job.rates[0]!.families.map((shown) => [shown.family, shown.requestsSent]))).toEqual(Object.fromEntries(sentPerFamily))
    expect(whileRunning.length).toBeGreaterThan(0)
    // All of it went out within the last ten seconds of the job's clock, four seconds after its start: over the write quota in all.
    expect(whileRunning.at(-1)!.requestsPerSecond).toBeGreaterThan(cognitoQuotaOf('UserUpdate').limit)
    for (const shown of whileRunning.flatMap((rate) => rate.families)) {
      expect(shown.limitPerSecond).toBe(cognitoQuotaOf(shown.family).limit)
      // A family's rate spans its own window more (a second for Cognito): a window's whole quota may go at once at its start.
      expect(shown.requestsPerSecond).toBe(Math.round((shown.requestsSent / 5) * 10) / 10)
      expect(shown.requestsPerSecond).toBeLessThanOrEqual(shown.limitPerSecond!)
    }
  })
})
