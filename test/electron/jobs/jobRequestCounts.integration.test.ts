import { describe, expect, it } from 'vitest'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { JobPlan } from '../../../shared/jobs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addSandboxProfiles, startPeopleServices, startTenants, type Tenants } from '../people/peopleHarness'
import { expectValue, untilJobIs } from './jobHarness'

/*
 * Requests a membership job's run sends, counted on the tenant's wire: the plan has read and
 * checked the group and every user, so a change is its write alone, and the plan's estimate says so.
 */

const newDirectory = useTemporaryDirectories()
const people = 20
const emails = Array.from({ length: people }, (_, index) => `counted.${index}@example.com`)

async function setUp() {
  const tenants = await startTenants()
  const services = await startPeopleServices(newDirectory())
  const profiles = await addSandboxProfiles(services, tenants)
  const plan = async (input: unknown) => expectValue<JobPlan>(await services.call('jobs.plan', input))
  const run = async (planned: JobPlan) => untilJobIs(services, expectValue<{ id: string }>(await services.call('jobs.start', { planId: planned.planId })).id, ['done'])
  return { tenants, services, profiles, plan, run }
}

/** Plans, then runs: what the run alone sent to `connectorId`'s tenant. */
async function sentByRun(tenants: Tenants, connectorId: ConnectorId, planned: JobPlan, run: (planned: JobPlan) => Promise<{ job: { counts: unknown } }>): Promise<number> {
  const before = tenants[connectorId].requestCount()
  expect((await run(planned)).job.counts).toMatchObject({ done: people, failed: 0 })
  return tenants[connectorId].requestCount() - before
}

describe('a membership job sends one request per change', () => {
  it('okta: adding 20 people to a group sends 20 PUTs, no read of the group before each', async () => {
    const { tenants, profiles, plan, run } = await setUp()
    const okta = tenants.okta.tenant
    emails.forEach((email, index) => okta.addUser({ firstName: 'Counted', lastName: `Person${index}`, login: email }))
    const group = okta.addGroup({ name: 'Counted Sales' })

    const planned = await plan({ kind: 'addMembers', profileId: profiles.okta, groupType: 'groups', groupId: group.id, lines: emails })
    expect(planned.counts).toMatchObject({ ready: people, changes: people })

    expect(await sentByRun(tenants, 'okta', planned, run)).toBe(people)
    expect(planned.estimate.requests).toBe(people)
  })

  it('okta: removing 20 people sends 20 DELETEs', async () => {
    const { tenants, profiles, plan, run } = await setUp()
    const okta = tenants.okta.tenant
    const group = okta.addGroup({ name: 'Counted Leavers' })
    emails.forEach((email, index) => okta.addMember('Counted Leavers', okta.addUser({ firstName: 'Counted', lastName: `Person${index}`, login: email }).id))

    const planned = await plan({ kind: 'removeMembers', profileId: profiles.okta, groupType: 'groups', groupId: group.id, lines: emails })
    expect(planned.counts).toMatchObject({ ready: people, changes: people })

    expect(await sentByRun(tenants, 'okta', planned, run)).toBe(people)
    expect(planned.estimate.requests).toBe(people)
  })

  it('okta: a change from the panel still reads the group and refuses an APP_GROUP, as the plan of a job does', async () => {
    const { tenants, services, profiles } = await setUp()
    const okta = tenants.okta.tenant
    const user = okta.addUser({ firstName: 'Counted', lastName: 'Panel', login: emails[0]! })
    const appGroup = okta.addGroup({ name: 'Counted App Users', type: 'APP_GROUP' })

    const panel = await services.call('directory.addMember', { profileId: profiles.okta, groupId: appGroup.id, userId: user.id })
    expect(panel).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    const planned = await services.call('jobs.plan', { kind: 'addMembers', profileId: profiles.okta, groupType: 'groups', groupId: appGroup.id, lines: [emails[0]] })
    expect(planned).toMatchObject({ ok: false })
  })

  it('cognito: a remove sends one request; an add two, the groups of the user counted first (a user is in at most 25 groups)', async () => {
    const { tenants, profiles, plan, run } = await setUp()
    const cognito = tenants.cognito.tenant
    cognito.addGroup({ name: 'counted-sales' })
    emails.forEach((email, index) => cognito.addUser({ username: `counted.${index}`, email, status: 'CONFIRMED' }))

    const adding = await plan({ kind: 'addMembers', profileId: profiles.cognito, groupType: 'groups', groupId: 'counted-sales', lines: emails })
    expect(await sentByRun(tenants, 'cognito', adding, run)).toBe(2 * people)
    expect(adding.estimate.requests).toBe(2 * people)
    const removing = await plan({ kind: 'removeMembers', profileId: profiles.cognito, groupType: 'groups', groupId: 'counted-sales', lines: emails })
    expect(await sentByRun(tenants, 'cognito', removing, run)).toBe(people)
    expect(removing.estimate.requests).toBe(people)
  })

  it('coupa: a content group or a role added is one PUT; a role removed is the user read, then cleared and given back the rest', async () => {
    const { tenants, profiles, plan, run } = await setUp()
    const coupa = tenants.coupa.tenant
    emails.forEach((email, index) => coupa.addUser({ login: `counted.${index}`, email, firstname: 'Counted', lastname: `Person${index}`, roles: [{ name: 'User' }] }))
    const legal = coupa.contentGroup('Legal Documents')!
    const buyer = coupa.role('Buyer')!

    const toGroup = await plan({ kind: 'addMembers', profileId: profiles.coupa, groupType: 'groups', groupId: String(legal.id), lines: emails })
    expect(await sentByRun(tenants, 'coupa', toGroup, run)).toBe(people)
    expect(toGroup.estimate.requests).toBe(people)
    const toRole = await plan({ kind: 'addMembers', profileId: profiles.coupa, groupType: 'roles', groupId: String(buyer.id), lines: emails })
    expect(await sentByRun(tenants, 'coupa', toRole, run)).toBe(people)
    expect(toRole.estimate.requests).toBe(people)
    const fromRole = await plan({ kind: 'removeMembers', profileId: profiles.coupa, groupType: 'roles', groupId: String(buyer.id), lines: emails })
    expect(await sentByRun(tenants, 'coupa', fromRole, run)).toBe(3 * people)
    expect(fromRole.estimate.requests).toBe(3 * people)
  })

  it('gotomeeting: a deprovision sends only the steps an account needs, within the range the estimate gives', async () => {
    const { tenants, profiles, plan, run } = await setUp()
    const goTo = tenants.gotomeeting.tenant
    // The seeded accounts mix licences only, licences and admin roles, and INVITED users.
    const active = goTo.users().filter((user) => user.status === 'ACTIVE' || user.status === 'INVITED')
    const planned = await plan({ kind: 'deprovisionAccounts', profileId: profiles.gotomeeting, lines: active.map((user) => user.email) })
    const before = tenants.gotomeeting.requestCount()
    const done = await run(planned)
    const sent = tenants.gotomeeting.requestCount() - before

    expect(done.job.counts.done).toBeGreaterThan(20)
    expect(sent).toBeLessThan(4 * planned.counts.changes)
    expect(planned.estimate.requests).toBeLessThanOrEqual(sent)
    expect(planned.estimate.requestsAtMost).toBeGreaterThanOrEqual(sent)
    expect(planned.estimate.requestsAtMost).toBeGreaterThan(planned.estimate.requests)
    // So is its time: what the run sent, at the profile's rate, lies between the two ends; neither end is the other.
    const [goToProfile] = planned.estimate.perProfile
    const timeOfSent = Math.ceil(sent / goToProfile!.requestsPerSecond)
    expect(goToProfile!.secondsAtLeast).toBeLessThanOrEqual(timeOfSent)
    expect(goToProfile!.seconds).toBeGreaterThanOrEqual(timeOfSent)
    expect(goToProfile!.secondsAtLeast).toBeLessThan(goToProfile!.seconds)
    expect(planned.estimate).toMatchObject({ secondsAtLeast: goToProfile!.secondsAtLeast, seconds: goToProfile!.seconds })
  })
})
