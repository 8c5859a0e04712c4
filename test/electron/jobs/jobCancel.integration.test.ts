import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { JobView } from '../../../shared/jobs'
import { cancelledError, cancelledWhileReading } from '../../../electron/http/cancellation'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addSandboxProfiles, startPeopleServices, startTenants, until } from '../people/peopleHarness'
import { deprovisionPlan, expectValue, membershipPlan, startJob, untilJobIs } from './jobHarness'

const newDirectory = useTemporaryDirectories()

async function oktaJob(users: number) {
  const tenants = await startTenants()
  const dataDirectory = newDirectory()
  const services = await startPeopleServices(dataDirectory)
  const profiles = await addSandboxProfiles(services, tenants)
  const added = Array.from({ length: users }, (_, index) => tenants.okta.tenant.addUser({ firstName: 'Job', lastName: `Cancel${index}`, login: `job.cancel${index}@example.com` }))
  const accounts = added.map((user) => ({ profileId: profiles.okta, connectorId: 'okta' as const, userId: user.id }))
  return { tenants, services, profiles, accounts, added, dataDirectory }
}

/*
 * What a help desk reads once they pressed Cancel job: the changes the job never reached are "not
 * run, the job was cancelled", not "left" (a cancelled job never resumes them) and not failed; Retry
 * failed rows sends only the failed ones; a job cancelled while paused stays cancelled on disk.
 */
describe('a cancelled job', () => {
  it('says the changes it never reached were not run because it was cancelled, and Retry failed rows sends only the failed', async () => {
    const { tenants, services, profiles, accounts } = await oktaJob(40)
    const group = tenants.okta.tenant.addGroup({ name: 'Job Cancel Sales' })
    const missing = { profileId: profiles.okta, connectorId: 'okta' as const, userId: '00unotthere' }
    tenants.okta.setLatency(60)
    const started = await startJob(services, membershipPlan('addMember', { objectType: 'groups', id: group.id, name: 'Job Cancel Sales' }, [missing, ...accounts]))
    await until(() => services.eventsOf('jobs.progress').some((progress) => progress.changes.some((change) => change.index === 0 && change.state === 'failed')), 'the missing user failed')
    expectValue(await services.call('jobs.cancel', { jobId: started.id }))
    const cancelled = await untilJobIs(services, started.id, ['cancelled'])

    expect(cancelled.job.counts.left).toBe(0)
    const notRun = cancelled.changes.filter((change) => change.state === 'skipped')
    expect(notRun.length).toBeGreaterThan(0)
    for (const change of notRun) expect(change.message).toMatch(/^Not run: the job was cancelled/)
    // Counted apart, so the bar does not read them as finished (a cancelled job is not 100%).
    expect(cancelled.job.counts.notRun).toBe(notRun.length)
    const isMember = (userId: string) => tenants.okta.tenant.groupsOf(userId).some((candidate) => candidate.id === group.id)
    for (const change of notRun) expect(isMember(change.objectId)).toBe(false)

    // Retry failed rows: the missing user fails again (and changes in flight at the cancel are settled or sent); the not run stay not run.
    const retriedView = expectValue<JobView>(await services.call('jobs.retryFailed', { jobId: started.id }))
    expect(retriedView.counts.skipped).toBe(notRun.length)
    await until(() => services.eventsOf('jobs.progress').some((progress) => progress.job.id === started.id && progress.job.state === 'running'), 'the retry ran')
    const retried = await untilJobIs(services, started.id, ['cancelled'])
    expect(retried.job.counts).toMatchObject({ failed: 1, skipped: notRun.length, left: 0 })
    for (const change of notRun) expect(isMember(change.objectId)).toBe(false)
  })

  it('cancelled while paused: saved as cancelled, with the changes not run said so', async () => {
    const { tenants, services, accounts, dataDirectory } = await oktaJob(10)
    tenants.okta.setLatency(20)
    const started = await startJob(services, deprovisionPlan(accounts))
    expectValue(await services.call('jobs.pause', { jobId: started.id }))
    await untilJobIs(services, started.id, ['paused'])
    expectValue(await services.call('jobs.cancel', { jobId: started.id }))
    const cancelled = await untilJobIs(services, started.id, ['cancelled'])
    expect(cancelled.job.counts.left).toBe(0)
    await until(() => cancelled.job.finishedAt !== null, 'finished')
    const onDisk = JSON.parse(await readFile(join(dataDirectory, 'jobs', `${started.id}.json`), 'utf8')) as { requested: string }
    expect(onDisk.requested).toBe('cancelled')
  })
})

describe('the words of a cancelled request', () => {
  it('do not guess why it was cancelled: a job cancelled by the technician was neither paused nor replaced', () => {
    expect(cancelledWhileReading().message).not.toMatch(/paused|replaced/)
    expect(cancelledError().message).not.toMatch(/paused|replaced/)
  })
})
