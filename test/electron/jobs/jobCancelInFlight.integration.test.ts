import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../../shared/journal'
import { sandboxParameters } from '../../../electron/services/sandboxProfiles'
import { afterTest } from '../../support/connectorHarness'
import { startCountingProxy } from '../../support/countingProxy'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addPersonEverywhere, startPeopleServices, startTenants, until, type PeopleServices } from '../people/peopleHarness'
import { deprovisionPlan, details, expectValue, startJob, untilJobIs } from './jobHarness'

const newDirectory = useTemporaryDirectories()

/*
 * A job cancelled while one write is on its way: nobody knows whether Okta carried it out, so the
 * row reads "not known yet — checking", counted apart from the failed ones, until the journal
 * settles it; then it shows what the target says.
 */
async function cancelledWithSuspendInFlight() {
  const tenants = await startTenants()
  const services = await startPeopleServices(newDirectory())
  const server = new URL(tenants.okta.url)
  const proxy = await startCountingProxy(server.origin, { keepHost: true })
  afterTest(() => proxy.close())
  const { values, secrets } = sandboxParameters('okta', `${proxy.url}${server.pathname}`, tenants.okta.credentials)
  const profile = await services.handlers['profiles.create']({ connectorId: 'okta', name: 'okta sandbox', environment: 'sandbox', values, secrets })
  const users = await addPersonEverywhere(tenants)
  const account = { profileId: profile.id, connectorId: 'okta' as const, userId: users.okta }

  proxy.hold(/lifecycle\/suspend/)
  const started = await startJob(services, deprovisionPlan([account]))
  await until(() => proxy.held().length === 1, 'the suspend is on its way')
  expectValue(await services.call('jobs.cancel', { jobId: started.id }))
  const cancelled = await untilJobIs(services, started.id, ['cancelled'])
  expect(cancelled.changes[0]).toMatchObject({ state: 'failed', pending: true })
  expect(cancelled.job.counts).toMatchObject({ failed: 0, checking: 1 })
  return { services, proxy, account, jobId: started.id, entryId: cancelled.changes[0]!.entryId! }
}

/** The rows of this job the `jobs.progress` events said since `from`: what the Jobs view shows without reading the job. */
function announcedRows(services: PeopleServices, jobId: string, from: number) {
  return services.eventsOf('jobs.progress').slice(from).filter((progress) => progress.job.id === jobId)
}

describe('a job cancelled with a write in flight', () => {
  it('shows that change as checking, not failed, and as done once settling finds it happened', async () => {
    const { services, proxy, jobId, entryId } = await cancelledWithSuspendInFlight()
    // The held suspend reaches Okta (its answer goes nowhere); Check now settles the entry from Okta.
    await proxy.release(1)
    expect(expectValue<JournalEntry>(await services.call('journal.settle', { entryId })).outcome.status).toBe('applied')
    const after = await details(services, jobId)
    expect(after.changes[0]).toMatchObject({ state: 'done', pending: false })
    expect(after.job.counts).toMatchObject({ done: 1, failed: 0, checking: 0 })
  })

  it('shows it as failed once settling finds it never reached the target', async () => {
    const { services, proxy, jobId, entryId } = await cancelledWithSuspendInFlight()
    await proxy.release(0)
    expect(expectValue<JournalEntry>(await services.call('journal.settle', { entryId })).outcome.status).toBe('failed')
    const after = await details(services, jobId)
    expect(after.changes[0]).toMatchObject({ state: 'failed', pending: false })
    expect(after.job.counts).toMatchObject({ done: 0, failed: 1, checking: 0 })
  })

  it('announces the row settled in the background with a jobs.progress event, without anyone reading the job', async () => {
    const { services, proxy, account, jobId } = await cancelledWithSuspendInFlight()
    await proxy.release(1)
    const from = services.eventsOf('jobs.progress').length
    // Any call that reaches Okta says it answers again: the journal settles the entry in the background.
    expectValue(await services.call('directory.get', { profileId: account.profileId, objectType: 'users', objectId: account.userId }))
    await until(() => announcedRows(services, jobId, from).some((progress) => progress.changes.some((change) => !change.pending)), 'the settled row is announced')
    const announced = announcedRows(services, jobId, from).at(-1)!
    expect(announced.changes).toEqual([expect.objectContaining({ index: 0, state: 'done', pending: false })])
    expect(announced.job.counts).toMatchObject({ done: 1, failed: 0, checking: 0 })
  })

  it('announces the row settled as never sent as failed, with the job counting it failed', async () => {
    const { services, proxy, jobId, entryId } = await cancelledWithSuspendInFlight()
    await proxy.release(0)
    const from = services.eventsOf('jobs.progress').length
    expect(expectValue<JournalEntry>(await services.call('journal.settle', { entryId })).outcome.status).toBe('failed')
    await until(() => announcedRows(services, jobId, from).length > 0, 'the settled row is announced')
    const announced = announcedRows(services, jobId, from).at(-1)!
    expect(announced.changes).toEqual([expect.objectContaining({ index: 0, state: 'failed', pending: false, entryId })])
    expect(announced.job.counts).toMatchObject({ done: 0, failed: 1, checking: 0 })
  })
})
