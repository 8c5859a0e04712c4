import { describe, expect, it } from 'vitest'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { JobPlan } from '../../../shared/jobs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { oktaClient } from '../sandbox/okta/oktaClient'
import {
  addPersonEverywhere,
  addSandboxProfiles,
  connectorOrder,
  person,
  resultsOf,
  startPeopleServices,
  startTenants,
  stateAtTarget,
  until,
  type PeopleServices,
  type Tenants,
} from '../people/peopleHarness'
import { expectValue, untilJobIs } from './jobHarness'

const newDirectory = useTemporaryDirectories()

async function fourTenants() {
  const tenants = await startTenants()
  const services = await startPeopleServices(newDirectory())
  const profiles = await addSandboxProfiles(services, tenants)
  return { tenants, services, profiles }
}

async function plan(services: PeopleServices, input: unknown): Promise<JobPlan> {
  return expectValue<JobPlan>(await services.call('jobs.plan', input))
}

function requestCounts(tenants: Tenants): Record<ConnectorId, number> {
  return Object.fromEntries(connectorOrder.map((connectorId) => [connectorId, tenants[connectorId].requestCount()])) as Record<ConnectorId, number>
}

async function groupNames(tenants: Tenants, userId: string): Promise<string[]> {
  const groups = (await oktaClient(tenants.okta)('GET', `/api/v1/users/${userId}/groups`)).body as { profile: { name: string } }[]
  return groups.map((group) => group.profile.name).sort()
}

describe('planning an offboarding of a list', () => {
  it('finds each line in every application, says what it cannot match, skips repeats, and runs and undoes as one job', async () => {
    const { tenants, services } = await fourTenants()
    const users = await addPersonEverywhere(tenants)
    // Warm every connector (GoTo signs in on first use), as opening the Jobs view after a search would.
    const search = await services.handlers['people.search']({ search: person.email, profileSet: 'sandbox', searchKey: 'warm' })
    await until(() => resultsOf(services, search.searchId).length === 4, 'the search answered')
    const gone = tenants.okta.tenant.addUser({ firstName: 'Gone', lastName: 'Already', login: 'gone.already@example.com', status: 'SUSPENDED' })
    const before = requestCounts(tenants)

    const planned = await plan(services, { kind: 'offboard', profileSet: 'sandbox', lines: [person.email.toUpperCase(), 'nobody.here@example.com', person.email, 'gone.already@example.com'] })

    // Lookups and reads only: the plan sends no change. The emails (lines 1 and 3 are one) in one search on
    // Okta and GoTo, one list by email and one by login on Coupa; on Cognito the pool's size, then the pool (under 60
    // users) in one page, cheaper than one search per email. Okta and GoTo are also asked once which account the
    // profile signs in with (GET /users/me, GET /me), and Coupa which users are API users (one filtered list), so
    // the plan can say it will not be deprovisioned.
    const sent = requestCounts(tenants)
    expect(tenants.cognito.tenant.count().users).toBeLessThanOrEqual(60)
    expect(Object.fromEntries(connectorOrder.map((id) => [id, sent[id] - before[id]]))).toEqual({ okta: 2, cognito: 2, coupa: 3, gotomeeting: 2 })
    expect(planned.rows.map((row) => [row.line, row.state])).toEqual([
      [1, 'ready'],
      [2, 'problem'],
      [3, 'skip'],
      [4, 'skip'],
    ])
    expect(planned.rows[1]!.reason).toMatch(/No account in any application matches "nobody.here@example.com"/)
    expect(planned.rows[2]!.reason).toBe('Same person as line 1.')
    expect(planned.rows[3]!.reason).toMatch(/Already deprovisioned in okta sandbox/)
    expect(planned.rows[0]!.changes.map((change) => [change.connectorId, change.objectId, change.action])).toEqual(
      expect.arrayContaining(connectorOrder.map((connectorId) => [connectorId, users[connectorId], 'deprovision'])),
    )
    expect(planned.counts).toEqual({ ready: 1, skipped: 2, problems: 1, changes: 4 })
    expect(planned.estimate.perProfile).toHaveLength(4)
    expect(planned.estimate).toMatchObject({ requests: 3 + 4 + 2 + 2, requestsAtMost: 3 + 4 + 2 + 5 })
    expect(planned.title).toBe('Offboard 1 person')
    expect((await stateAtTarget(tenants, 'okta', gone.id)).status).toBe('SUSPENDED')

    const job = expectValue<{ id: string }>(await services.call('jobs.start', { planId: planned.planId }))
    const done = await untilJobIs(services, job.id, ['done'])
    expect(done.job.counts).toMatchObject({ total: 4, done: 4, failed: 0 })
    expect(done.skippedLines.map((line) => line.line)).toEqual([2, 3, 4])
    expect(await stateAtTarget(tenants, 'okta', users.okta)).toMatchObject({ status: 'SUSPENDED' })
    expect(await stateAtTarget(tenants, 'cognito', users.cognito)).toMatchObject({ enabled: false })
    expect(await stateAtTarget(tenants, 'coupa', users.coupa)).toMatchObject({ active: false })

    const undo = expectValue<{ id: string }>(await services.call('jobs.undo', { jobId: job.id }))
    expect((await untilJobIs(services, undo.id, ['done'])).job.counts).toMatchObject({ done: 4, failed: 0 })
    expect(await stateAtTarget(tenants, 'okta', users.okta)).toMatchObject({ status: 'ACTIVE' })
    expect(await stateAtTarget(tenants, 'cognito', users.cognito)).toMatchObject({ enabled: true })
    expect(await stateAtTarget(tenants, 'coupa', users.coupa)).toMatchObject({ active: true })
    expect(await stateAtTarget(tenants, 'gotomeeting', users.gotomeeting)).toMatchObject({ status: 'ACTIVE' })
    await expect(services.call('jobs.start', { planId: planned.planId })).resolves.toMatchObject({ ok: false, error: { message: expect.stringMatching(/plan the job again/) } })
  })
})

describe('planning membership jobs', () => {
  it('adds a list to a group, skipping members, with the group and its members read once', async () => {
    const { tenants, services, profiles } = await fourTenants()
    const sales = tenants.okta.tenant.addGroup({ name: 'Job Sales' })
    const [ana, bo] = ['ana', 'bo'].map((name) => tenants.okta.tenant.addUser({ firstName: name, lastName: 'Seller', login: `${name}.seller@example.com` }))
    tenants.okta.tenant.addMember('Job Sales', bo!.id)

    const planned = await plan(services, { kind: 'addMembers', profileId: profiles.okta, groupType: 'groups', groupId: sales.id, lines: ['ana.seller@example.com', 'BO.SELLER@example.com', 'nobody@example.com'] })
    expect(planned.rows.map((row) => row.state)).toEqual(['ready', 'skip', 'problem'])
    expect(planned.rows[1]!.reason).toMatch(/already in Job Sales/)

    const job = expectValue<{ id: string }>(await services.call('jobs.start', { planId: planned.planId }))
    expect((await untilJobIs(services, job.id, ['done'])).job.counts).toMatchObject({ done: 1, failed: 0 })
    expect(await groupNames(tenants, ana!.id)).toContain('Job Sales')
  })

  it('moves every member of one group to another, and copies one user’s groups to another', async () => {
    const { tenants, services, profiles } = await fourTenants()
    const old = tenants.okta.tenant.addGroup({ name: 'EMEA-old' })
    const emea = tenants.okta.tenant.addGroup({ name: 'EMEA' })
    const movers = ['cy', 'di', 'ed'].map((name) => tenants.okta.tenant.addUser({ firstName: name, lastName: 'Mover', login: `${name}.mover@example.com` }))
    for (const mover of movers) tenants.okta.tenant.addMember('EMEA-old', mover.id)
    tenants.okta.tenant.addMember('EMEA', movers[0]!.id)

    const move = await plan(services, { kind: 'moveMembers', profileId: profiles.okta, groupType: 'groups', fromGroupId: old.id, toGroupId: emea.id })
    expect(move.counts).toMatchObject({ ready: 3, changes: 5 })
    const moving = expectValue<{ id: string }>(await services.call('jobs.start', { planId: move.planId }))
    expect((await untilJobIs(services, moving.id, ['done'])).job.counts).toMatchObject({ done: 5, failed: 0 })
    for (const mover of movers) expect(await groupNames(tenants, mover.id)).toEqual(expect.arrayContaining(['EMEA']))
    for (const mover of movers) expect(await groupNames(tenants, mover.id)).not.toContain('EMEA-old')

    const alex = movers[1]!
    const sam = tenants.okta.tenant.addUser({ firstName: 'Sam', lastName: 'Copy', login: 'sam.copy@example.com' })
    tenants.okta.tenant.addGroup({ name: 'VPN' })
    tenants.okta.tenant.addMember('VPN', alex.id)
    tenants.okta.tenant.addMember('EMEA', sam.id)
    const copy = await plan(services, { kind: 'copyGroups', profileId: profiles.okta, fromUserId: alex.id, toUserId: sam.id })
    expect(copy.rows.filter((row) => row.state === 'ready').map((row) => row.input)).toEqual(['Groups: VPN'])
    expect(copy.rows.filter((row) => row.state === 'skip').map((row) => row.input)).toContain('Groups: EMEA')
    const copying = expectValue<{ id: string }>(await services.call('jobs.start', { planId: copy.planId }))
    await untilJobIs(services, copying.id, ['done'])
    expect(await groupNames(tenants, sam.id)).toEqual(expect.arrayContaining(['EMEA', 'VPN']))
  })
})

describe('planning a list in one profile', () => {
  it('deprovisions a list of Cognito accounts, then undoes the same list from the journal', async () => {
    const { tenants, services, profiles } = await fourTenants()
    const pool = tenants.cognito.tenant
    const names = ['fay', 'gus']
    for (const name of names) pool.addUser({ username: `${name}.list`, email: `${name}.list@example.com`, status: 'CONFIRMED' })

    const first = await plan(services, { kind: 'deprovisionAccounts', profileId: profiles.cognito, lines: ['fay.list@example.com', 'gus.list'] })
    expect(first.rows.map((row) => row.state)).toEqual(['ready', 'ready'])
    const job = expectValue<{ id: string }>(await services.call('jobs.start', { planId: first.planId }))
    await untilJobIs(services, job.id, ['done'])
    for (const name of names) expect(await stateAtTarget(tenants, 'cognito', `${name}.list`)).toMatchObject({ enabled: false })

    const undo = await plan(services, { kind: 'undoAccounts', profileId: profiles.cognito, lines: ['fay.list', 'gus.list@example.com', 'fay.list'] })
    expect(undo.rows.map((row) => row.state)).toEqual(['ready', 'ready', 'skip'])
    expect(undo.rows[0]!.changes[0]!.entryToUndo).toBeTruthy()
    const undoing = expectValue<{ id: string }>(await services.call('jobs.start', { planId: undo.planId }))
    expect((await untilJobIs(services, undoing.id, ['done'])).job.counts).toMatchObject({ done: 2, failed: 0 })
    for (const name of names) expect(await stateAtTarget(tenants, 'cognito', `${name}.list`)).toMatchObject({ enabled: true })
  })
})
