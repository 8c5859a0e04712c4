import { describe, expect, it } from 'vitest'
import type { JobPlan } from '../../../shared/jobs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addPersonEverywhere, addSandboxProfiles, person, startPeopleServices, startTenants, stateAtTarget } from '../people/peopleHarness'
import { expectValue, untilJobIs } from './jobHarness'

/*
 * A list that names the account a profile signs in with (here GoTo's administrator, GET /me): the
 * plan says up front that line will not happen, with the reason the run itself gives, and counts no
 * request for it; the run sends nothing for it. Before, the plan read "Ready" and the run refused it.
 */

const newDirectory = useTemporaryDirectories()

async function setUp() {
  const tenants = await startTenants()
  const services = await startPeopleServices(newDirectory())
  const profiles = await addSandboxProfiles(services, tenants)
  const users = await addPersonEverywhere(tenants)
  const admin = tenants.gotomeeting.tenant.adminUser
  const plan = async (input: unknown) => expectValue<JobPlan>(await services.call('jobs.plan', input))
  return { tenants, services, profiles, users, admin, plan }
}

const ownAccountReason = /is the administrator this profile signs in as \(GoTo's GET \/me\): deprovisioning them would lock Lanyard out of GoToMeeting/

describe("a job's plan with the profile's own sign-in account", () => {
  it('deprovisionAccounts: the line is refused with the reason, no request is counted for it, and the run sends nothing for it', async () => {
    const { tenants, services, profiles, users, admin, plan } = await setUp()
    const adminBefore = await stateAtTarget(tenants, 'gotomeeting', admin.key)
    // Signed in first (GoTo fetches a token on first use), as after a search: the plan's requests alone are counted below.
    expect(await services.call('directory.list', { profileId: profiles.gotomeeting, objectType: 'users', pageSize: 1, requestKey: 'warm' })).toMatchObject({ ok: true })
    const before = tenants.gotomeeting.requestCount()

    const planned = await plan({ kind: 'deprovisionAccounts', profileId: profiles.gotomeeting, lines: [person.email, admin.email] })
    // The question (GET /me) is the plan's own request, counted with its lookups.
    expect(planned.estimate.planRequests).toBe(tenants.gotomeeting.requestCount() - before)

    expect(planned.rows.map((row) => [row.line, row.state, row.changes.map((change) => change.objectId)])).toEqual([
      [1, 'ready', [users.gotomeeting]],
      [2, 'skip', []],
    ])
    expect(planned.rows[1]!.reason).toMatch(ownAccountReason)
    expect(planned.counts).toMatchObject({ ready: 1, skipped: 1, changes: 1 })
    // One GoTo deprovision's range (2 to 5), none for the administrator.
    expect(planned.estimate).toMatchObject({ requests: 2, requestsAtMost: 5 })
    expect(planned.estimate.perProfile.map((profile) => profile.changes)).toEqual([1])
    expect(planned.title).toMatch(/^Deprovision 1 account in /)

    const started = expectValue<{ id: string }>(await services.call('jobs.start', { planId: planned.planId }))
    const done = await untilJobIs(services, started.id, ['done'])
    expect(done.job.counts).toMatchObject({ total: 1, done: 1, failed: 0, skipped: 0 })
    expect(await stateAtTarget(tenants, 'gotomeeting', admin.key)).toEqual(adminBefore)
    // The plan's reason is the one a single deprovision of them is refused with.
    const single = await services.call('directory.deprovision', { profileId: profiles.gotomeeting, userId: admin.key })
    expect(single).toMatchObject({ ok: false, error: { code: 'conflict', message: planned.rows[1]!.reason, details: { refusal: 'own_account' } } })
  })

  it("deprovisionAccounts on Coupa: its API user is refused up front, asked once with a filtered list the plan counts, and the run sends nothing for it", async () => {
    const { tenants, services, profiles, users, plan } = await setUp()
    const apiUser = tenants.coupa.tenant.apiUser
    const apiUserBefore = await stateAtTarget(tenants, 'coupa', String(apiUser.id))
    // Signed in first (the sandbox profile's OAuth token), as after a search: the plan's requests alone are counted below.
    expect(await services.call('directory.list', { profileId: profiles.coupa, objectType: 'users', pageSize: 1, requestKey: 'warm' })).toMatchObject({ ok: true })
    const before = tenants.coupa.requestCount()

    const planned = await plan({ kind: 'deprovisionAccounts', profileId: profiles.coupa, lines: [person.email, String(apiUser.fields.email)] })
    // The lookups and the question (which users are API users: GET /api/users?api_user=true, one page) are the plan's own requests.
    expect(planned.estimate.planRequests).toBe(tenants.coupa.requestCount() - before)
    expect(planned.rows.map((row) => [row.line, row.state, row.changes.map((change) => change.objectId)])).toEqual([
      [1, 'ready', [users.coupa]],
      [2, 'skip', []],
    ])
    expect(planned.rows[1]!.reason).toMatch(/is a Coupa API user, the kind of user this profile's API key or OAuth client acts as/)
    expect(planned.counts).toMatchObject({ ready: 1, skipped: 1, changes: 1 })

    // A second plan asks nothing more: the connector keeps the answer while the profile is unchanged.
    const again = tenants.coupa.requestCount()
    const replanned = await plan({ kind: 'deprovisionAccounts', profileId: profiles.coupa, lines: [String(apiUser.fields.email)] })
    expect(replanned.estimate.planRequests).toBe(tenants.coupa.requestCount() - again)
    expect(replanned.rows.map((row) => row.state)).toEqual(['skip'])

    const started = expectValue<{ id: string }>(await services.call('jobs.start', { planId: planned.planId }))
    const done = await untilJobIs(services, started.id, ['done'])
    expect(done.job.counts).toMatchObject({ total: 1, done: 1, failed: 0, skipped: 0 })
    expect(await stateAtTarget(tenants, 'coupa', String(apiUser.id))).toEqual(apiUserBefore)
    // The plan's reason is the one a single deprovision of them is refused with.
    const single = await services.call('directory.deprovision', { profileId: profiles.coupa, userId: String(apiUser.id) })
    expect(single).toMatchObject({ ok: false, error: { code: 'conflict', message: planned.rows[1]!.reason, details: { refusal: 'own_account' } } })
  })

  it('deprovisionAccounts on Coupa when the API-user question fails: the line stays ready and says the run checks again', async () => {
    const { tenants, services, profiles, plan } = await setUp()
    const apiUser = tenants.coupa.tenant.apiUser
    expect(await services.call('directory.list', { profileId: profiles.coupa, objectType: 'users', pageSize: 1, requestKey: 'warm' })).toMatchObject({ ok: true })
    // The two lookups (by email, by login) answer; the question after them fails, its retries too.
    tenants.coupa.faults.script([{ kind: 'server_error', method: 'GET', path: '/api/users', after: 2, times: 4 }])

    const planned = await plan({ kind: 'deprovisionAccounts', profileId: profiles.coupa, lines: [String(apiUser.fields.email)] })
    expect(planned.rows.map((row) => [row.state, row.changes.map((change) => change.objectId)])).toEqual([['ready', [String(apiUser.id)]]])
    expect(planned.rows[0]!.reason).toMatch(/^Could not ask coupa sandbox which account it signs in with \(the run asks again before deprovisioning Lanyard API\): Coupa had a problem answering \(HTTP 500\)/)
    // The run reads the user before deprovisioning, flag included: it refuses the API user with the reason a single deprovision gets.
    const single = await services.call('directory.deprovision', { profileId: profiles.coupa, userId: String(apiUser.id) })
    expect(single).toMatchObject({ ok: false, error: { code: 'conflict', details: { refusal: 'own_account' } } })
  }, 30_000)

  it('offboard: the sandbox administrator, the sign-in account of Okta and GoTo, is skipped with both reasons, and nothing is estimated', async () => {
    const { tenants, admin, plan } = await setUp()
    expect(tenants.okta.tenant.adminUser.profile.email).toBe(admin.email)
    const planned = await plan({ kind: 'offboard', profileSet: 'sandbox', lines: [admin.email] })
    expect(planned.rows.map((row) => row.state)).toEqual(['skip'])
    expect(planned.rows[0]!.reason).toMatch(ownAccountReason)
    expect(planned.rows[0]!.reason).toMatch(/is the user this profile's API token belongs to \(Okta's GET \/api\/v1\/users\/me\): deprovisioning them would lock Lanyard out of Okta/)
    // Each profile's reason, and the advice they share said once.
    expect(planned.rows[0]!.reason?.match(/Nothing was changed\./g)).toHaveLength(1)
    expect(planned.estimate).toMatchObject({ requests: 0, requestsAtMost: 0, perProfile: [] })
    expect(planned.title).toMatch(/nothing to do: 1 line skipped/)
  })

  it('offboard: the administrator with an ordinary account too is ready for that one only, the reasons said on the line', async () => {
    const { tenants, admin, plan } = await setUp()
    // The same person in the Cognito pool, whose IAM keys are no pool user: grouped with the administrator by email.
    tenants.cognito.tenant.addUser({ username: 'sandbox.admin', email: admin.email, status: 'CONFIRMED' })
    const planned = await plan({ kind: 'offboard', profileSet: 'sandbox', lines: [admin.email] })
    expect(planned.rows.map((row) => [row.state, row.changes.map((change) => [change.connectorId, change.objectId])])).toEqual([['ready', [['cognito', 'sandbox.admin']]]])
    expect(planned.rows[0]!.reason).toMatch(ownAccountReason)
    expect(planned.rows[0]!.reason).toMatch(/lock Lanyard out of Okta/)
    // Cognito's deprovision (4 requests) alone.
    expect(planned.estimate).toMatchObject({ requests: 4, requestsAtMost: 4 })
    expect(planned.estimate.perProfile.map((profile) => profile.changes)).toEqual([1])
  })
})
