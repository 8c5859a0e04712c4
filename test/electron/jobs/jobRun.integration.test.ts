import { describe, expect, it } from 'vitest'
import type { JobView } from '../../../shared/jobs'
import type { JournalEntry, JournalOperation } from '../../../shared/journal'
import type { ExportedFile } from '../../../shared/contract'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { oktaClient } from '../sandbox/okta/oktaClient'
import { addSandboxProfiles, startPeopleServices, startTenants, stateAtTarget, until, type Tenants } from '../people/peopleHarness'
import { notRunMessage } from '../../../electron/jobs/JobRun'
import { deprovisionPlan, details, expectValue, membershipPlan, startJob, untilJobIs } from './jobHarness'

const newDirectory = useTemporaryDirectories()

async function oktaJob(users: number) {
  const tenants = await startTenants()
  const services = await startPeopleServices(newDirectory())
  const profiles = await addSandboxProfiles(services, tenants)
  const added = Array.from({ length: users }, (_, index) => tenants.okta.tenant.addUser({ firstName: 'Job', lastName: `Leaver${index}`, login: `job.leaver${index}@example.com` }))
  const accounts = added.map((user) => ({ profileId: profiles.okta, connectorId: 'okta' as const, userId: user.id, displayName: `Job Leaver ${user.id}` }))
  return { tenants, services, profiles, accounts, added }
}

async function statusAt(tenants: Tenants, userId: string): Promise<string> {
  return ((await oktaClient(tenants.okta)('GET', `/api/v1/users/${userId}`)).body as { status: string }).status
}

describe('a job run', () => {
  it('runs every change as one operation of the journal, reports each, exports them, and its undo brings everyone back', async () => {
    const { tenants, services, accounts, added } = await oktaJob(5)
    tenants.okta.tenant.addUser({ firstName: 'Already', lastName: 'Gone', login: 'already.gone@example.com', status: 'SUSPENDED' })
    const gone = tenants.okta.tenant.addUser({ firstName: 'Sam', lastName: 'Suspended', login: 'sam.suspended@example.com', status: 'SUSPENDED' })
    const plan = deprovisionPlan([...accounts, { ...accounts[0]!, userId: gone.id, displayName: 'Sam Suspended' }])

    const started = await startJob(services, plan)
    const finished = await untilJobIs(services, started.id, ['done'])

    expect(finished.job.counts).toEqual({ total: 6, done: 5, failed: 0, skipped: 1, left: 0, notRun: 0, checking: 0 })
    expect(finished.changes.find((change) => change.objectId === gone.id)?.message).toMatch(/suspended/i)
    for (const user of added) expect(await statusAt(tenants, user.id)).toBe('SUSPENDED')
    const operation = expectValue<JournalOperation>(await services.call('journal.operation', { operationId: started.operationId }))
    expect(operation.entries.map((entry) => entry.target.id).sort()).toEqual(added.map((user) => user.id).sort())
    expect(finished.changes.filter((change) => change.state === 'done').every((change) => operation.entries.some((entry) => entry.id === change.entryId))).toBe(true)
    expect(services.eventsOf('jobs.progress').at(-1)?.job.state).toBe('done')

    const exported = expectValue<ExportedFile>(await services.call('jobs.exportResults', { jobId: started.id }))
    expect(exported.content.startsWith('\uFEFFLine,Input,Account,Application,Change')).toBe(true)
    expect(exported.content.split('\r\n').filter((line) => line.includes(',Done,'))).toHaveLength(5)

    const undo = expectValue<JobView>(await services.call('jobs.undo', { jobId: started.id }))
    expect(undo.undoOf).toBe(started.id)
    const undone = await untilJobIs(services, undo.id, ['done'])
    expect(undone.job.counts).toMatchObject({ total: 5, done: 5, failed: 0 })
    for (const user of added) expect(await statusAt(tenants, user.id)).toBe('ACTIVE')
    expect(await statusAt(tenants, gone.id)).toBe('SUSPENDED')
  })

  it('pauses with the changes in flight finishing and none started after, then resumes the rest', async () => {
    const { tenants, services, accounts, added } = await oktaJob(16)
    tenants.okta.setLatency(20)
    const started = await startJob(services, deprovisionPlan(accounts))
    expectValue(await services.call('jobs.pause', { jobId: started.id }))
    const paused = await untilJobIs(services, started.id, ['paused'])

    const done = paused.changes.filter((change) => change.state === 'done').map((change) => change.objectId)
    expect(paused.job.counts.left).toBe(16 - done.length)
    expect(paused.job.counts.left).toBeGreaterThan(0)
    const statuses = await Promise.all(added.map((user) => statusAt(tenants, user.id)))
    expect(added.filter((_, index) => statuses[index] === 'SUSPENDED').map((user) => user.id).sort()).toEqual(done.sort())

    expectValue(await services.call('jobs.resume', { jobId: started.id }))
    const finished = await untilJobIs(services, started.id, ['done'])
    expect(finished.job.counts).toMatchObject({ done: 16, left: 0, failed: 0 })
  })

  it('cancels: changes not started are never sent, those in flight are recorded as far as they went', async () => {
    const { tenants, services, accounts, added } = await oktaJob(12)
    tenants.okta.setLatency(30)
    const started = await startJob(services, deprovisionPlan(accounts))
    await until(() => services.eventsOf('jobs.progress').some((progress) => progress.changes.some((change) => change.state === 'running')), 'a change started')
    expectValue(await services.call('jobs.cancel', { jobId: started.id }))
    const cancelled = await untilJobIs(services, started.id, ['cancelled'])

    // Not run, in the job's words: none was sent (none reached the journal but as failed, "nothing was sent").
    const waiting = cancelled.changes.filter((change) => change.state === 'skipped')
    expect(waiting.length).toBeGreaterThan(0)
    expect(cancelled.job.counts.left).toBe(0)
    for (const change of waiting) expect(change.message).toBe(notRunMessage)
    for (const change of waiting.filter((candidate) => candidate.entryId !== null)) {
      expect(expectValue<JournalEntry>(await services.call('journal.get', { entryId: change.entryId })).outcome.status).toBe('failed')
    }
    const statuses = await Promise.all(added.map((user) => statusAt(tenants, user.id)))
    for (const change of waiting) expect(statuses[added.findIndex((user) => user.id === change.objectId)]).toBe('ACTIVE')
    const operation = expectValue<JournalOperation>(await services.call('journal.operation', { operationId: started.operationId }))
    // Every change the journal holds is one the job reports with its entry: nothing half-recorded.
    for (const entry of operation.entries) expect(cancelled.changes.some((change) => change.entryId === entry.id)).toBe(true)
    await expect(services.call('jobs.resume', { jobId: started.id })).resolves.toMatchObject({ ok: false })
  })

  it('retries failed changes as more changes of the same operation', async () => {
    const { tenants, services, profiles, added } = await oktaJob(3)
    const group = tenants.okta.tenant.addGroup({ name: 'Job Sales' })
    const accounts = added.map((user) => ({ profileId: profiles.okta, connectorId: 'okta' as const, userId: user.id }))
    const missing = { profileId: profiles.okta, connectorId: 'okta' as const, userId: '00unotthere' }
    const started = await startJob(services, membershipPlan('addMember', { objectType: 'groups', id: group.id, name: 'Job Sales' }, [...accounts, missing]))
    const first = await untilJobIs(services, started.id, ['done'])
    expect(first.job.counts).toMatchObject({ done: 3, failed: 1 })

    const retried = expectValue<JobView>(await services.call('jobs.retryFailed', { jobId: started.id }))
    expect(retried.counts.failed).toBe(0)
    const again = await untilJobIs(services, started.id, ['done'])
    expect(again.job.counts).toMatchObject({ done: 3, failed: 1 })
    const operation = expectValue<JournalOperation>(await services.call('journal.operation', { operationId: started.operationId }))
    expect(operation.entries).toHaveLength(5)
    expect((await details(services, started.id)).changes.at(-1)?.message).toBeTruthy()
  })
})

describe('a job with a profile failing half-way', () => {
  it("finishes the other profile's changes, reports the failed ones with why, changes nothing more there, and retries them once it answers", async () => {
    const { tenants, services, profiles, accounts } = await oktaJob(6)
    const pool = tenants.cognito.tenant
    const names = Array.from({ length: 6 }, (_, index) => `half.way${index}`)
    for (const name of names) pool.addUser({ username: name, email: `${name}@example.com`, status: 'CONFIRMED' })
    const cognito = names.map((name) => ({ profileId: profiles.cognito, connectorId: 'cognito' as const, userId: name }))
    tenants.cognito.setLatency(20)
    // After its first ten requests (a deprovision sends four), every Cognito request fails as a server
    // in trouble would: counted, not timed, so a loaded machine cannot finish them all first.
    tenants.cognito.faults.script([{ kind: 'server_error', after: 10, times: 10_000 }])
    const started = await startJob(services, deprovisionPlan([...accounts, ...cognito]))

    const finished = await untilJobIs(services, started.id, ['done'])
    const ofCognito = finished.changes.filter((change) => change.connectorId === 'cognito')
    expect(finished.changes.filter((change) => change.connectorId === 'okta').every((change) => change.state === 'done')).toBe(true)
    const failed = ofCognito.filter((change) => change.state === 'failed')
    expect(failed.length).toBeGreaterThan(0)
    for (const change of failed) expect(change.message).toMatch(/Cognito|AWS/)
    tenants.cognito.faults.clear()
    // A change that failed with nothing applied left the user as it was; one cut between its steps says so (partial).
    for (const change of failed) {
      const entry = change.entryId ? expectValue<JournalEntry>(await services.call('journal.get', { entryId: change.entryId })) : null
      if (entry?.outcome.status === 'partial') expect(entry.outcome.steps.some((step) => step.status === 'applied')).toBe(true)
      else expect((await stateAtTarget(tenants, 'cognito', change.objectId)).enabled).toBe(true)
    }

    expectValue(await services.call('jobs.retryFailed', { jobId: started.id }))
    // A change cut between its steps (disabled, not signed out) is finished: only its sign-out is sent.
    const retried = await untilJobIs(services, started.id, ['done'])
    expect(retried.job.counts).toMatchObject({ done: 12, failed: 0, skipped: 0, left: 0 })
    for (const name of names) expect((await stateAtTarget(tenants, 'cognito', name)).enabled).toBe(false)
    for (const name of names) expect(pool.signOutCount(name)).toBe(1)
  })
})
