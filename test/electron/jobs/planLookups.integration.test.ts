import { describe, expect, it } from 'vitest'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { JobPlan } from '../../../shared/jobs'
import { coupaEmailsPerList } from '../../../electron/connectors/coupa/coupaSearch'
import { goToEmailsPerList } from '../../../electron/connectors/gotomeeting/goToSearch'
import { oktaEmailsPerSearch } from '../../../electron/connectors/okta/oktaSearch'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addPersonEverywhere, addSandboxProfiles, connectorOrder, person, resultsOf, startPeopleServices, startTenants, until, type PeopleServices, type Tenants } from '../people/peopleHarness'
import { expectValue } from './jobHarness'

/*
 * How many requests planning a list sends to each application: emails many to a request where the
 * target's search takes them (Okta's `or`, Coupa's `[in]`, GoTo's `|`); on Cognito, whose ListUsers
 * takes one condition, one search a line or the pool listed once, whichever costs less
 * (cognitoPlanLookups.integration.test.ts). Matching is unchanged: exact, case and accents aside,
 * repeats and two matches said per line. A plan with a deprovision ready also asks, once a profile,
 * which account it signs in with (Okta GET /api/v1/users/me, GoTo GET /me: ownAccountLines.ts); the run then asks nothing.
 */

const newDirectory = useTemporaryDirectories()

async function plan(services: PeopleServices, input: unknown): Promise<JobPlan> {
  return expectValue<JobPlan>(await services.call('jobs.plan', input))
}

function requestCounts(tenants: Tenants): Record<ConnectorId, number> {
  return Object.fromEntries(connectorOrder.map((connectorId) => [connectorId, tenants[connectorId].requestCount()])) as Record<ConnectorId, number>
}

function sentSince(tenants: Tenants, before: Record<ConnectorId, number>): Record<ConnectorId, number> {
  const now = requestCounts(tenants)
  return Object.fromEntries(connectorOrder.map((connectorId) => [connectorId, now[connectorId] - before[connectorId]])) as Record<ConnectorId, number>
}

/** Every connector signed in and warm (GoTo and Coupa fetch a token on first use), as after a search in the People view. */
async function warm(services: PeopleServices): Promise<void> {
  const search = await services.handlers['people.search']({ search: person.email, profileSet: 'sandbox', searchKey: 'warm' })
  await until(() => resultsOf(services, search.searchId).length === 4, 'the search answered')
}

describe('planning a long list', () => {
  it('looks up 250 emails in ceil(250 / k) requests where the target batches, the pool listed once on Cognito, matching each line as before', async () => {
    const tenants = await startTenants()
    const services = await startPeopleServices(newDirectory())
    await addSandboxProfiles(services, tenants)
    const users = await addPersonEverywhere(tenants)
    await warm(services)
    const unknown = Array.from({ length: 248 }, (_, index) => `nobody.${index}@example.com`)
    const lines = [person.email.toUpperCase(), ...unknown, person.email]
    const before = requestCounts(tenants)

    const planned = await plan(services, { kind: 'offboard', profileSet: 'sandbox', lines })

    // Lines 1 and 250 are one email, asked once. Coupa has no `or` across attributes: its logins are a second list.
    const emails = 249
    const sent = sentSince(tenants, before)
    const whoAmI = 1
    expect(sent).toEqual({
      okta: Math.ceil(emails / oktaEmailsPerSearch) + whoAmI,
      cognito: 1 + Math.ceil(tenants.cognito.tenant.count().users / 60),
      // Its question: which users are API users (one filtered list).
      coupa: 2 * Math.ceil(emails / coupaEmailsPerList) + whoAmI,
      gotomeeting: Math.ceil(emails / goToEmailsPerList) + whoAmI,
    })
    // The estimate says what planning spent apart from what the run will send.
    expect(planned.estimate.planRequests).toBe(Object.values(sent).reduce((sum, count) => sum + count, 0))
    expect(planned.estimate).toMatchObject({ requests: 3 + 4 + 2 + 2, requestsAtMost: 3 + 4 + 2 + 5 })
    expect(planned.rows[0]).toMatchObject({ line: 1, state: 'ready' })
    expect(planned.rows[0]!.changes.map((change) => [change.connectorId, change.objectId])).toEqual(expect.arrayContaining(connectorOrder.map((id) => [id, users[id]])))
    expect(planned.rows.slice(1, 249).every((row) => row.state === 'problem' && /No account in any application matches/.test(row.reason ?? ''))).toBe(true)
    expect(planned.rows[249]).toMatchObject({ line: 250, state: 'skip', reason: 'Same person as line 1.' })
    // Line by line, as before batching, this plan takes 1,000 searches: no timing is asserted, only room given.
  }, 120_000)

  it('finds a line by login as well as by email, says when an email names two accounts, and keeps non-email lines one search each', async () => {
    const tenants = await startTenants()
    const services = await startPeopleServices(newDirectory())
    const profiles = await addSandboxProfiles(services, tenants)
    const okta = tenants.okta.tenant
    const byLogin = okta.addUser({ firstName: 'Lou', lastName: 'Login', login: 'lou.login@example.com', profile: { email: 'lou.elsewhere@example.com' } })
    const shared = ['Ann', 'Abe'].map((firstName) => okta.addUser({ firstName, lastName: 'Shared', login: `${firstName.toLowerCase()}.shared@example.com`, profile: { email: 'shared.box@example.com' } }))
    const accented = okta.addUser({ firstName: 'Zoë', lastName: 'Lefèvre', login: 'zoe.lefevre@example.com' })
    await warm(services)
    const before = requestCounts(tenants)

    const planned = await plan(services, { kind: 'deprovisionAccounts', profileId: profiles.okta, lines: ['LOU.LOGIN@example.com', 'Shared.Box@example.com', 'ZOË LEFÈVRE', 'lou.login@example.com'] })

    expect(planned.rows.map((row) => [row.line, row.state])).toEqual([
      [1, 'ready'],
      [2, 'problem'],
      [3, 'ready'],
      [4, 'skip'],
    ])
    expect(planned.rows[0]!.changes[0]!.objectId).toBe(byLogin.id)
    expect(planned.rows[1]!.reason).toMatch(/matches 2 accounts in okta sandbox/)
    expect(planned.rows[1]!.reason).toContain(shared[0]!.profile.login)
    expect(planned.rows[2]!.changes[0]!.objectId).toBe(accented.id)
    expect(planned.rows[3]!.reason).toBe('Same account as line 1.')
    // The three email lines (two of them one email) in one search, the name in one of its own; then who the token belongs to, once.
    expect(sentSince(tenants, before).okta).toBe(3)
    expect(planned.estimate.planRequests).toBe(3)
  })
})
