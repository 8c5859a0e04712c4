import { describe, expect, it } from 'vitest'
import { getDescriptor } from '../../../shared/catalogue'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { OffboardingPlan, OffboardReport } from '../../../shared/people'
import type { OperationUndoReport } from '../../../shared/journal'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import {
  addPersonEverywhere,
  addSandboxProfiles,
  connectorOrder,
  person,
  progressOf,
  startPeopleServices,
  startTenants,
  stateAtTarget,
  until,
  resultsOf,
  type PeopleServices,
  type Tenants,
} from './peopleHarness'

const newDirectory = useTemporaryDirectories()

/**
 * Requests each tenant receives per account, with a warm connector (GoTo's sign-in already done):
 * the plan reads the deprovision snapshot only; the offboarding reads it again just before its turn
 * (what it journals), then sends the deprovision's own steps.
 */
const requestsPerAccount: Record<'plan' | 'offboard', Record<ConnectorId, number>> = {
  // Okta: the user, their groups. Cognito: AdminGetUser, AdminListGroupsForUser. Coupa: the user
  // (roles and groups come with it). GoTo: the user, the account's licences (for their names).
  plan: { okta: 2, cognito: 2, coupa: 1, gotomeeting: 2 },
  // The same reads, then Okta suspend; Cognito disable and global sign-out; Coupa PUT active=false;
  // GoTo PUT adminRoles=[] and PUT licenseKeys=[].
  offboard: { okta: 3, cognito: 4, coupa: 2, gotomeeting: 4 },
}

/**
 * The first plan or deprovision of a profile's session also asks, once, who the profile signs in
 * as, so its own account is never deprovisioned unasked: Okta GET /api/v1/users/me, GoTo GET /me.
 * Coupa's API user is a flag on the user already read; Cognito's IAM keys are no pool user.
 */
const whoAmIOnce: Record<ConnectorId, number> = { okta: 1, cognito: 0, coupa: 0, gotomeeting: 1 }

function withWhoAmI(counts: Record<ConnectorId, number>): Record<ConnectorId, number> {
  return Object.fromEntries(connectorOrder.map((connectorId) => [connectorId, counts[connectorId] + whoAmIOnce[connectorId]])) as Record<ConnectorId, number>
}

async function fourAccounts() {
  const tenants = await startTenants()
  const dataDirectory = newDirectory()
  const services = await startPeopleServices(dataDirectory)
  const profiles = await addSandboxProfiles(services, tenants)
  const users = await addPersonEverywhere(tenants)
  // Warm every connector (GoTo signs in on first use), as the search before an offboarding does.
  const search = await services.handlers['people.search']({ search: person.email, profileSet: 'sandbox', searchKey: 'people-view' })
  await until(() => resultsOf(services, search.searchId).length === 4, 'the search answered')
  const accounts = connectorOrder.map((connectorId) => ({ profileId: profiles[connectorId], userId: users[connectorId] }))
  return { tenants, dataDirectory, services, profiles, users, accounts }
}

async function statesAt(tenants: Tenants, users: Record<ConnectorId, string>) {
  return Object.fromEntries(await Promise.all(connectorOrder.map(async (connectorId) => [connectorId, await stateAtTarget(tenants, connectorId, users[connectorId])])))
}

function requestCounts(tenants: Tenants): Record<ConnectorId, number> {
  return Object.fromEntries(connectorOrder.map((connectorId) => [connectorId, tenants[connectorId].requestCount()])) as Record<ConnectorId, number>
}

function since(before: Record<ConnectorId, number>, tenants: Tenants): Record<ConnectorId, number> {
  const now = requestCounts(tenants)
  return Object.fromEntries(connectorOrder.map((connectorId) => [connectorId, now[connectorId] - before[connectorId]])) as Record<ConnectorId, number>
}

async function answer<T>(services: PeopleServices, name: 'people.planOffboarding' | 'people.offboard' | 'journal.undoOperation', input: unknown): Promise<T> {
  const result = await services.call(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

describe('offboarding plan', () => {
  it('says per target what deprovision does and records, skips the deprovisioned, changes nothing, and reads only the snapshot', async () => {
    const { tenants, services, profiles, users, accounts } = await fourAccounts()
    const suspended = tenants.okta.tenant.addUser({ firstName: 'Sam', lastName: 'Suspended', status: 'SUSPENDED' })
    const before = await statesAt(tenants, users)
    const counted = requestCounts(tenants)

    const plan = await answer<OffboardingPlan>(services, 'people.planOffboarding', { accounts })

    expect(since(counted, tenants)).toEqual(withWhoAmI(requestsPerAccount.plan))
    const again = requestCounts(tenants)
    await answer<OffboardingPlan>(services, 'people.planOffboarding', { accounts })
    expect(since(again, tenants), 'the second plan of the session asks no "who am I"').toEqual(requestsPerAccount.plan)
    const goToLicence = tenants.gotomeeting.tenant.licenses()[0]!
    expect(plan.steps.map((step) => [step.account.connectorId, step.action, step.reason, step.recorded])).toEqual([
      ['okta', 'deprovision', null, { status: 'ACTIVE', memberships: [{ kind: 'Groups', names: ['Offboarding Engineers'] }] }],
      ['cognito', 'deprovision', null, { status: 'CONFIRMED', memberships: [{ kind: 'Groups', names: ['offboarding-engineers'] }] }],
      ['coupa', 'deprovision', null, { status: 'active', memberships: [{ kind: 'Roles', names: ['User', 'Buyer'] }] }],
      ['gotomeeting', 'deprovision', null, { status: 'ACTIVE', memberships: [{ kind: 'Admin roles', names: ['MANAGE_ACCOUNT'] }, { kind: 'Licences', names: [goToLicence.description] }] }],
    ])
    expect(plan.steps.map((step) => step.effect)).toEqual([
      getDescriptor('okta').deprovisionEffects.suspend,
      getDescriptor('cognito').deprovisionEffects.default,
      getDescriptor('coupa').deprovisionEffects.default,
      getDescriptor('gotomeeting').deprovisionEffects.default,
    ])
    expect(plan.steps[0]!.effect.join(' ')).toMatch(/suspend/i)
    expect(plan.steps[1]!.effect.join(' ')).toMatch(/disables the user \(and signs them out\)/)
    expect(plan.steps[2]!.effect.join(' ')).toMatch(/active to false/)
    expect(plan.steps[3]!.effect.join(' ')).toMatch(/removing the licences and admin roles/)
    expect(plan.steps.map((step) => [step.account.profileId, step.account.userId, step.account.state])).toEqual(
      connectorOrder.map((connectorId) => [profiles[connectorId], users[connectorId], 'active']),
    )

    const withSuspended = await answer<OffboardingPlan>(services, 'people.planOffboarding', { accounts: [{ profileId: profiles.okta, userId: suspended.id }] })
    expect(withSuspended.steps).toMatchObject([{ action: 'skip', account: { state: 'deprovisioned', statusLabel: 'SUSPENDED' } }])
    expect(withSuspended.steps[0]!.reason).toContain('They are already suspended.')

    expect(await statesAt(tenants, users)).toEqual(before)
    expect((await services.handlers['journal.list']({})).entries).toEqual([])
  })

  it('refuses an account of a profile that is gone before reading anything', async () => {
    const { services, tenants } = await fourAccounts()
    const counted = requestCounts(tenants)
    const result = await services.call('people.planOffboarding', { accounts: [{ profileId: '00000000-0000-4000-8000-000000000000', userId: 'x' }] })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(since(counted, tenants)).toEqual({ okta: 0, cognito: 0, coupa: 0, gotomeeting: 0 })
  })
})

describe('offboarding everywhere', () => {
  it('runs as one operation; one profile failing mid-way stops nobody; retry adds only that one; undo after a restart brings everything back', async () => {
    const { tenants, dataDirectory, services, profiles, users, accounts } = await fourAccounts()
    const before = await statesAt(tenants, users)
    const goToUser = new RegExp(`/users/${users.gotomeeting}$`)
    // GoTo's second step (taking the licences) fails: its admin roles are already gone.
    tenants.gotomeeting.faults.script([{ kind: 'server_error', method: 'PUT', path: goToUser, after: 1, times: 1 }])
    const counted = requestCounts(tenants)

    const report = await answer<OffboardReport>(services, 'people.offboard', { personName: 'Dana Offboardtest', accounts })

    expect(since(counted, tenants)).toEqual(withWhoAmI(requestsPerAccount.offboard))
    expect(report.operation).toMatchObject({ action: 'offboard', title: 'Offboarding of Dana Offboardtest' })
    expect(report.accounts.map((account) => [account.profileId, account.result])).toEqual([
      [profiles.okta, 'done'],
      [profiles.cognito, 'done'],
      [profiles.coupa, 'done'],
      [profiles.gotomeeting, 'failed'],
    ])
    const failed = report.accounts[3]!
    expect(failed.error).toMatchObject({ code: 'partial_failure' })
    expect(failed.error?.steps?.map((step) => step.status)).toEqual(['applied', 'failed'])
    expect(failed.error?.steps?.[0]?.name).toMatch(/admin roles/)
    expect(report.operation.entries.map((entry) => [entry.profileId, entry.action, entry.outcome.status]).sort()).toEqual(
      [
        [profiles.okta, 'deprovision', 'applied'],
        [profiles.cognito, 'deprovision', 'applied'],
        [profiles.coupa, 'deprovision', 'applied'],
        [profiles.gotomeeting, 'deprovision', 'partial'],
      ].sort(),
    )
    expect(report.accounts.map((account) => account.entryId).sort()).toEqual(report.operation.entries.map((entry) => entry.id).sort())
    for (const account of accounts) {
      const states = progressOf(services, report.operation.id).filter((progress) => progress.userId === account.userId).map((progress) => progress.state)
      expect(states).toEqual(['queued', 'running', account.profileId === profiles.gotomeeting ? 'failed' : 'done'])
    }
    const offboarded = await statesAt(tenants, users)
    expect(offboarded.okta).toMatchObject({ status: 'SUSPENDED', groups: ['Everyone', 'Offboarding Engineers'] })
    expect(offboarded.cognito).toMatchObject({ enabled: false, groups: ['offboarding-engineers'] })
    expect(offboarded.coupa).toMatchObject({ active: false })
    expect(offboarded.gotomeeting).toMatchObject({ adminRoles: [], licenseKeys: before.gotomeeting!.licenseKeys })

    const beforeRetry = requestCounts(tenants)
    const retry = await answer<OffboardReport>(services, 'people.offboard', { personName: 'Dana Offboardtest', accounts: [accounts[3]], operationId: report.operation.id })

    expect(retry.accounts).toMatchObject([{ profileId: profiles.gotomeeting, result: 'done', error: null }])
    expect(retry.operation.id).toBe(report.operation.id)
    expect(retry.operation.entries).toHaveLength(5)
    // The retry finishes the partial deprovision: only its missing step (the licences' PUT) is sent, journaled as its finish.
    expect(since(beforeRetry, tenants)).toEqual({ okta: 0, cognito: 0, coupa: 0, gotomeeting: 1 })
    const partialEntry = report.operation.entries.find((entry) => entry.outcome.status === 'partial')!
    expect(retry.operation.entries.at(-1)).toMatchObject({ completes: partialEntry.id, outcome: { status: 'applied' }, undo: { available: true } })
    expect(await stateAtTarget(tenants, 'gotomeeting', users.gotomeeting)).toMatchObject({ status: 'SUSPENDED', adminRoles: [], licenseKeys: [] })
    // Offboarding again journals nothing: each account is read and found deprovisioned, and skipped; GoTo's, finished
    // by the retry, is done by that finish, and not even read.
    const beforeAgain = requestCounts(tenants)
    const again = await answer<OffboardReport>(services, 'people.offboard', { personName: 'Dana Offboardtest', accounts, operationId: report.operation.id })
    expect(again.accounts.map((account) => [account.result, account.entryId])).toEqual([
      ['skipped', null],
      ['skipped', null],
      ['skipped', null],
      ['done', retry.operation.entries.at(-1)!.id],
    ])
    expect(since(beforeAgain, tenants).gotomeeting).toBe(0)
    expect(again.operation.entries).toHaveLength(5)

    await services.close()
    const restarted = await startPeopleServices(dataDirectory, services.secretStore)
    const undo = await answer<OperationUndoReport>(restarted, 'journal.undoOperation', { operationId: report.operation.id })

    // The finish is undone with the deprovision it finished: one child each for the four accounts.
    expect(undo.children.map((child) => child.result)).toEqual(['undone', 'undone', 'undone', 'undone'])
    expect(undo.children.flatMap((child) => child.differences)).toEqual([])
    expect(await statesAt(tenants, users)).toEqual(before)
    const undoneOffboarding = await restarted.handlers['journal.operation']({ operationId: report.operation.id })
    expect(undoneOffboarding.undo).toMatchObject({ available: false, undoneBy: undo.operation.id })
    const undoEntries = new Set(undo.operation.entries.map((entry) => entry.id))
    expect(undoneOffboarding.entries.every((entry) => undoEntries.has(entry.undo?.undoneBy ?? ''))).toBe(true)
  })

  it('says which accounts are back when an undo of an offboarding stops part-way, and undoes the rest later', async () => {
    const { tenants, services, profiles, users, accounts } = await fourAccounts()
    const before = await statesAt(tenants, users)
    const report = await answer<OffboardReport>(services, 'people.offboard', { personName: 'Dana Offboardtest', accounts })
    expect(report.accounts.map((account) => account.result)).toEqual(['done', 'done', 'done', 'done'])
    // Coupa's undo reads the user first: that read failing leaves nothing changed there, and the undo failed (not unknown).
    tenants.coupa.faults.script([{ kind: 'server_error', method: 'GET', times: 4 }])

    const undo = await answer<OperationUndoReport>(services, 'journal.undoOperation', { operationId: report.operation.id })

    const coupaEntry = report.operation.entries.find((entry) => entry.profileId === profiles.coupa)!
    expect(undo.children.map((child) => [child.entryId === coupaEntry.id, child.result])).toEqual(
      report.operation.entries
        .slice()
        .reverse()
        .map((entry) => [entry.id === coupaEntry.id, entry.id === coupaEntry.id ? 'failed' : 'undone']),
    )
    const partly = await services.handlers['journal.operation']({ operationId: report.operation.id })
    // Which accounts are back: each entry says by which undo; Coupa's is not back.
    expect(partly.entries.filter((entry) => entry.undo?.undoneBy).map((entry) => entry.profileId).sort()).toEqual([profiles.okta, profiles.cognito, profiles.gotomeeting].sort())
    expect(partly.entries.find((entry) => entry.id === coupaEntry.id)?.undo?.undoneBy).toBeNull()
    const coupaUndo = undo.children.find((child) => child.entryId === coupaEntry.id)!.undoEntryId!

    tenants.coupa.faults.clear()
    // The failed read leaves that undo's outcome to be checked (a network error); Check now settles it, and undo is offered again.
    await services.handlers['journal.settle']({ entryId: coupaUndo })
    expect((await services.handlers['journal.operation']({ operationId: report.operation.id })).undo).toMatchObject({ available: true, undoable: 1 })
    const rest = await answer<OperationUndoReport>(services, 'journal.undoOperation', { operationId: report.operation.id })
    expect(rest.children.filter((child) => child.result === 'undone').map((child) => child.entryId)).toEqual([coupaEntry.id])
    expect(await statesAt(tenants, users)).toEqual(before)
  })

  it('refuses to add to an operation that is not an offboarding', async () => {
    const { services, accounts } = await fourAccounts()
    const bulk = await services.operations.journal.recordOperation({ action: 'bulk', title: 'Leavers of November', undoOf: null })
    const result = await services.call('people.offboard', { personName: 'Dana', accounts, operationId: bulk.id })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('not an offboarding') } })
    expect((await services.handlers['journal.list']({})).entries).toEqual([])
  })
})
