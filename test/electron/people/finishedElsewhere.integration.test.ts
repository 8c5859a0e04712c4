import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../../shared/journal'
import type { OffboardReport } from '../../../shared/people'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { progressOf, until } from './peopleHarness'
import { sent, serverError, throughProxy } from './proxiedAccount'
import { deprovisionPlan, expectValue, startJob, untilJobIs } from '../jobs/jobHarness'

/*
 * A partial deprovision of an offboarding can be finished from two places: Activity's (or the account panel's) "Finish
 * deprovision", and the person page's "Retry failed" (a job's "Retry failed rows" likewise). Whichever comes second must
 * not send the missing steps again: after the finish, the retry reads nothing and says the account was finished; while
 * the finish is on its way, a second finish joins it. Every request is counted on the wire, through a proxy.
 */

const newDirectory = useTemporaryDirectories()
const personName = 'Dana Offboardtest'
const ref = ({ profileId, userId }: { profileId: string; userId: string }) => ({ profileId, userId })

describe("the person page's Retry failed of an account finished from Activity", () => {
  it('cognito: says the account was finished, naming the finish, and sends nothing', async () => {
    const { services, proxy, account } = await throughProxy('cognito', newDirectory())
    proxy.fail(/ AdminUserGlobalSignOut /, 10, serverError.cognito)
    const report = expectValue<OffboardReport>(await services.call('people.offboard', { personName, accounts: [ref(account)] }))
    expect(report.accounts).toMatchObject([{ result: 'failed', error: { code: 'partial_failure' } }])
    proxy.stopFailing()
    const finished = expectValue<JournalEntry>(await services.call('journal.finishDeprovision', { entryId: report.accounts[0]!.entryId }))
    expect(finished.outcome.status).toBe('applied')

    const requestsBefore = proxy.seen.length
    const retry = expectValue<OffboardReport>(await services.call('people.offboard', { personName, accounts: [ref(account)], operationId: report.operation.id }))
    expect(proxy.seen.slice(requestsBefore)).toEqual([])
    expect(retry.accounts).toMatchObject([{ result: 'done', entryId: finished.id, error: null }])
    const shown = progressOf(services, report.operation.id).at(-1)
    expect(shown).toMatchObject({ state: 'done', entryId: finished.id })
    expect(shown?.message).toMatch(/^Already finished on .+ by .+\. /)
    expect(shown?.message).toContain(finished.outcome.message)
    // Nothing more journaled: the finish is the account's last change of the offboarding.
    expect(retry.operation.entries).toHaveLength(2)
  })
})

describe('two finishes of one partial deprovision at once', () => {
  it("cognito: Activity's Finish deprovision and the person page's Retry failed send the sign-out once, and both say done", async () => {
    const { services, proxy, tenants, account } = await throughProxy('cognito', newDirectory())
    // Disabled but its answer lost: settled as partial from the target, a finish reads the user before it sends the sign-out.
    proxy.lose(/ AdminDisableUser /, 100)
    const report = expectValue<OffboardReport>(await services.call('people.offboard', { personName, accounts: [ref(account)] }))
    proxy.stopFailing()
    const pendingId = report.accounts[0]!.entryId!
    expect(expectValue<JournalEntry>(await services.call('journal.settle', { entryId: pendingId })).outcome.status).toBe('partial')

    // The first finish's read of the user is held at the proxy, so the second starts while the first is under way.
    proxy.hold(/ AdminGetUser$/)
    const fromActivity = services.call('journal.finishDeprovision', { entryId: pendingId })
    await until(() => proxy.held().length === 1, 'the first finish reads the user')
    const retry = services.call('people.offboard', { personName, accounts: [ref(account)], operationId: report.operation.id })
    await until(() => progressOf(services, report.operation.id).filter((progress) => progress.state === 'running').length === 2, 'the retry runs')
    await proxy.letThrough()

    const finished = expectValue<JournalEntry>(await fromActivity)
    const retried = expectValue<OffboardReport>(await retry)
    expect(sent(proxy, / AdminUserGlobalSignOut$/)).toBe(1)
    expect(tenants.cognito.tenant.signOutCount(account.userId)).toBe(1)
    expect(finished).toMatchObject({ completes: pendingId, outcome: { status: 'applied' } })
    expect(retried.accounts).toMatchObject([{ result: 'done', entryId: finished.id, error: null }])
    expect(retried.operation.entries.filter((entry) => entry.completes === pendingId)).toHaveLength(1)
  })

  it("cognito: Activity's Finish deprovision and a job's Retry failed rows send the sign-out once; the row is done by that finish", async () => {
    const { services, proxy, tenants, account } = await throughProxy('cognito', newDirectory())
    proxy.lose(/ AdminDisableUser /, 100)
    const started = await startJob(services, deprovisionPlan([account]))
    expect((await untilJobIs(services, started.id, ['done'])).job.counts).toMatchObject({ checking: 1 })
    proxy.stopFailing()
    const [pending] = expectValue<{ entries: JournalEntry[] }>(await services.call('journal.operation', { operationId: started.operationId })).entries
    expect(expectValue<JournalEntry>(await services.call('journal.settle', { entryId: pending!.id })).outcome.status).toBe('partial')

    proxy.hold(/ AdminGetUser$/)
    const fromActivity = services.call('journal.finishDeprovision', { entryId: pending!.id })
    await until(() => proxy.held().length === 1, 'the first finish reads the user')
    const eventsBefore = services.eventsOf('jobs.progress').length
    expectValue(await services.call('jobs.retryFailed', { jobId: started.id }))
    const runsAgain = () => services.eventsOf('jobs.progress').slice(eventsBefore).some((progress) => progress.changes.some((change) => change.state === 'running'))
    await until(runsAgain, 'the row runs again')
    await proxy.letThrough()

    const finished = expectValue<JournalEntry>(await fromActivity)
    const retried = await untilJobIs(services, started.id, ['done'])
    expect(sent(proxy, / AdminUserGlobalSignOut$/)).toBe(1)
    expect(tenants.cognito.tenant.signOutCount(account.userId)).toBe(1)
    expect(retried.changes[0]).toMatchObject({ state: 'done', entryId: finished.id })
  })

  it('cognito: two clicks of Finish deprovision at once send the sign-out once, and both answer with that finish', async () => {
    const { services, proxy, account } = await throughProxy('cognito', newDirectory())
    proxy.fail(/ AdminUserGlobalSignOut /, 10, serverError.cognito)
    const report = expectValue<OffboardReport>(await services.call('people.offboard', { personName, accounts: [ref(account)] }))
    proxy.stopFailing()
    const partialId = report.accounts[0]!.entryId!

    proxy.hold(/ AdminUserGlobalSignOut$/)
    const first = services.call('journal.finishDeprovision', { entryId: partialId })
    await until(() => proxy.held().length === 1, 'the first finish sends the sign-out')
    const second = services.call('journal.finishDeprovision', { entryId: partialId })
    await proxy.letThrough()
    const [one, two] = [expectValue<JournalEntry>(await first), expectValue<JournalEntry>(await second)]
    expect(sent(proxy, / AdminUserGlobalSignOut$/)).toBe(1)
    expect(two.id).toBe(one.id)
    expect(one).toMatchObject({ completes: partialId, outcome: { status: 'applied' } })
  })
})
