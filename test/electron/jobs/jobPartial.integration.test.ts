import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { JobView } from '../../../shared/jobs'
import type { JournalEntry, JournalOperation, UndoReport } from '../../../shared/journal'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { startPeopleServices, stateAtTarget, until, type PeopleServices } from '../people/peopleHarness'
import { sent, serverError, throughProxy as proxiedAccount } from '../people/proxiedAccount'
import { deprovisionPlan, details, expectValue, startJob, untilJobIs } from './jobHarness'

/*
 * A deprovision that runs as several steps (Cognito: disable, then sign out everywhere; GoTo: take
 * the admin roles, then the licences) and stops after its first: the retry must send exactly the
 * steps that did not happen, once, journaled as the completion of the partial entry, and the job's
 * undo must bring back everything the first attempt recorded. Okta and Coupa deprovision in one
 * step, so they cannot stop part-way. Every request is counted on the wire, through a proxy.
 */

const newDirectory = useTemporaryDirectories()

const throughProxy = (connectorId: 'cognito' | 'gotomeeting') => proxiedAccount(connectorId, newDirectory())

async function operationOf(services: PeopleServices, operationId: string): Promise<JournalOperation> {
  return expectValue<JournalOperation>(await services.call('journal.operation', { operationId }))
}

async function deprovisionStoppingAfterFirstStep(setUp: Awaited<ReturnType<typeof throughProxy>>) {
  const { services, account } = setUp
  const started = await startJob(services, deprovisionPlan([account]))
  const first = await untilJobIs(services, started.id, ['done'])
  expect(first.job.counts, first.changes[0]?.message ?? '').toMatchObject({ failed: 1, done: 0, skipped: 0 })
  const [partial] = (await operationOf(services, started.operationId)).entries
  expect(partial?.outcome.status, first.changes[0]?.message ?? '').toBe('partial')
  setUp.proxy.stopFailing()
  return { started, partial: partial! }
}

async function retryAndUndo(setUp: Awaited<ReturnType<typeof throughProxy>>, started: JobView, partialId: string, connectorId: 'cognito' | 'gotomeeting') {
  const { services, tenants, account, before } = setUp
  expectValue(await services.call('jobs.retryFailed', { jobId: started.id }))
  const retried = await untilJobIs(services, started.id, ['done'])
  expect(retried.job.counts).toMatchObject({ done: 1, failed: 0, skipped: 0 })

  // One more entry in the same operation, naming the partial one it completes; both read as done.
  const entries = (await operationOf(services, started.operationId)).entries
  expect(entries).toHaveLength(2)
  const completion = entries.find((entry) => entry.id !== partialId)!
  expect(completion).toMatchObject({ action: 'deprovision', completes: partialId, outcome: { status: 'applied' } })
  expect(retried.changes[0]?.entryId).toBe(completion.id)

  const undo = expectValue<JobView>(await services.call('jobs.undo', { jobId: started.id }))
  const undone = await untilJobIs(services, undo.id, ['done'])
  expect(undone.job.counts).toMatchObject({ done: 1, failed: 0 })
  // The undo names the deprovision itself, as its journal entry does: a resumed undo job finds it by that.
  expect(undone.changes[0]?.entryToUndo).toBe(partialId)
  expect(await stateAtTarget(tenants, connectorId, account.userId)).toEqual(before)
  const undoEntries = (await operationOf(services, undo.operationId)).entries
  expect(undoEntries.map((entry) => [entry.action, entry.undoOf, entry.outcome.status])).toEqual([['undoDeprovision', partialId, 'applied']])
  return details(services, started.id)
}

describe('a deprovision that stopped part-way, retried or resumed', () => {
  it('cognito: disabled but not signed out; the retry sends only the sign-out, once, and undo brings the user back', async () => {
    const setUp = await throughProxy('cognito')
    const { proxy, tenants, account } = setUp
    proxy.fail(/ AdminUserGlobalSignOut /, 10, serverError.cognito)
    const { started, partial } = await deprovisionStoppingAfterFirstStep(setUp)
    expect(partial.outcome.steps.map((step) => step.status)).toEqual(['applied', 'failed'])
    expect(tenants.cognito.tenant.enabled(account.userId)).toBe(false)
    expect(tenants.cognito.tenant.signOutCount(account.userId)).toBe(0)

    await retryAndUndo(setUp, started, partial.id, 'cognito')
    expect(sent(proxy, / AdminDisableUser$/)).toBe(1)
    expect(sent(proxy, / AdminUserGlobalSignOut$/)).toBe(1)
    expect(tenants.cognito.tenant.signOutCount(account.userId)).toBe(1)
  })

  it('gotomeeting: admin roles taken but not the licences; the retry takes only the licences, once, and undo gives both back', async () => {
    const setUp = await throughProxy('gotomeeting')
    const { proxy, tenants, account } = setUp
    const licencesTaken = /^PUT \S+ .*"licenseKeys":\[\]/
    proxy.fail(licencesTaken, 10, serverError.gotomeeting)
    const { started, partial } = await deprovisionStoppingAfterFirstStep(setUp)
    expect(partial.outcome.steps.map((step) => step.status)).toEqual(['applied', 'failed'])
    expect(await stateAtTarget(tenants, 'gotomeeting', account.userId)).toMatchObject({ adminRoles: [], licenseKeys: setUp.before.licenseKeys })
    const puts = (what: RegExp) => proxy.sent.filter((request) => request.line.startsWith('PUT ') && what.test(request.body)).length
    expect(puts(/"adminRoles":\[\]/)).toBe(1)
    expect(puts(/"licenseKeys":\[\]/)).toBe(0)

    await retryAndUndo(setUp, started, partial.id, 'gotomeeting')
    expect(puts(/"adminRoles":\[\]/)).toBe(1)
    expect(puts(/"licenseKeys":\[\]/)).toBe(1)
  })

  it('gotomeeting: the answer of the first step lost; the retry settles it as partial from the target and takes only what is left', async () => {
    const setUp = await throughProxy('gotomeeting')
    const { proxy, tenants, services, account } = setUp
    // GoTo carries out "take the admin roles" but its answer never arrives: the entry stays pending.
    tenants.gotomeeting.faults.script([{ kind: 'lost_answer', method: 'PUT', path: new RegExp(`/users/${account.userId}$`), times: 1 }])
    const started = await startJob(services, deprovisionPlan([account]))
    const first = await untilJobIs(services, started.id, ['done'])
    // Its answer lost: not known yet, so counted as checking, not failed (Retry settles it first).
    expect(first.job.counts).toMatchObject({ failed: 0, checking: 1 })
    const [pending] = (await operationOf(services, started.operationId)).entries
    expect(pending?.outcome.status).toBe('pending')

    await retryAndUndo(setUp, started, pending!.id, 'gotomeeting')
    const puts = (what: RegExp) => proxy.sent.filter((request) => request.line.startsWith('PUT ') && what.test(request.body)).length
    expect(puts(/"adminRoles":\[\]/)).toBe(1)
    expect(puts(/"licenseKeys":\[\]/)).toBe(1)
    const [settled] = (await operationOf(services, started.operationId)).entries
    expect(settled?.outcome).toMatchObject({ status: 'partial', reconciled: true })
  })

  it('cognito: stopped part-way and the app closed before the result was saved; resuming sends only the sign-out', async () => {
    const setUp = await throughProxy('cognito')
    const { proxy, tenants, services, dataDirectory, account } = setUp
    proxy.fail(/ AdminUserGlobalSignOut /, 10, serverError.cognito)
    const { started } = await deprovisionStoppingAfterFirstStep(setUp)
    await services.close()
    // As if the app had stopped between journaling the outcome and saving the job's result line.
    const jobFile = join(dataDirectory, 'jobs', `${started.id}.json`)
    await writeFile(jobFile, JSON.stringify({ ...JSON.parse(await readFile(jobFile, 'utf8')), requested: 'running', finishedAt: null }))
    await rm(join(dataDirectory, 'jobs', `${started.id}.results.jsonl`))

    const restarted = await startPeopleServices(dataDirectory, services.secretStore)
    expectValue(await restarted.call('jobs.resume', { jobId: started.id }))
    const resumed = await untilJobIs(restarted, started.id, ['done'])
    expect(resumed.job.counts).toMatchObject({ done: 1, failed: 0, skipped: 0 })
    expect(sent(proxy, / AdminDisableUser$/)).toBe(1)
    expect(sent(proxy, / AdminUserGlobalSignOut$/)).toBe(1)
    expect(tenants.cognito.tenant.signOutCount(account.userId)).toBe(1)
  })

  it('cognito: the answer of "disable" lost; the sign-out, which cannot be read back, is sent on retry and the disable is not', async () => {
    const setUp = await throughProxy('cognito')
    const { proxy, tenants, services, account, before } = setUp
    // Cognito disables the user but no answer arrives, the transport's retries' neither: the entry stays pending, the sign-out never sent.
    proxy.lose(/ AdminDisableUser /, 100)
    const started = await startJob(services, deprovisionPlan([account]))
    const first = await untilJobIs(services, started.id, ['done'])
    expect(first.job.counts).toMatchObject({ failed: 0, checking: 1 })
    const [pending] = (await operationOf(services, started.operationId)).entries
    expect(pending?.outcome.status).toBe('pending')
    expect(tenants.cognito.tenant.enabled(account.userId)).toBe(false)
    expect(tenants.cognito.tenant.signOutCount(account.userId)).toBe(0)
    const disables = sent(proxy, / AdminDisableUser$/)
    proxy.stopFailing()

    expectValue(await services.call('jobs.retryFailed', { jobId: started.id }))
    const retried = await untilJobIs(services, started.id, ['done'])
    expect(retried.job.counts).toMatchObject({ done: 1, failed: 0, skipped: 0 })
    expect(tenants.cognito.tenant.enabled(account.userId)).toBe(false)
    expect(tenants.cognito.tenant.signOutCount(account.userId)).toBeGreaterThanOrEqual(1)
    expect(sent(proxy, / AdminDisableUser$/)).toBe(disables)
    expect(sent(proxy, / AdminUserGlobalSignOut$/)).toBeGreaterThanOrEqual(1)

    // Settling read the disable back but could not read the sign-out: partial, and it says so; the finish says why it sent it.
    const entries = (await operationOf(services, started.operationId)).entries
    const settled = entries.find((entry) => entry.id === pending!.id)!
    expect(settled.outcome).toMatchObject({ status: 'partial', reconciled: true })
    expect(settled.outcome.message).toMatch(/cannot be read back/)
    const completion = entries.find((entry) => entry.id !== pending!.id)!
    expect(completion).toMatchObject({ action: 'deprovision', completes: pending!.id, outcome: { status: 'applied' } })
    expect(completion.outcome.steps.map((step) => [step.name, step.status])).toEqual([[`Sign ${account.userId} out everywhere`, 'applied']])
    expect(completion.outcome.message).toMatch(/sent again/)

    const undo = expectValue<JobView>(await services.call('jobs.undo', { jobId: started.id }))
    expect((await untilJobIs(services, undo.id, ['done'])).job.counts).toMatchObject({ done: 1, failed: 0 })
    expect(await stateAtTarget(tenants, 'cognito', account.userId)).toEqual(before)
  })

  it('cognito: stopped after "disable" with its outcome unknown, the app closed; resuming settles it and sends only the sign-out', async () => {
    const setUp = await throughProxy('cognito')
    const { proxy, tenants, services, dataDirectory, account } = setUp
    proxy.lose(/ AdminDisableUser /, 100)
    const started = await startJob(services, deprovisionPlan([account]))
    await untilJobIs(services, started.id, ['done'])
    expect((await operationOf(services, started.operationId)).entries.map((entry) => entry.outcome.status)).toEqual(['pending'])
    proxy.stopFailing()
    const disables = sent(proxy, / AdminDisableUser$/)
    await services.close()
    // As after a kill -9 between the two steps: the intent on disk with no outcome, the job running, no result line.
    const jobFile = join(dataDirectory, 'jobs', `${started.id}.json`)
    await writeFile(jobFile, JSON.stringify({ ...JSON.parse(await readFile(jobFile, 'utf8')), requested: 'running', finishedAt: null }))
    await rm(join(dataDirectory, 'jobs', `${started.id}.results.jsonl`))

    const restarted = await startPeopleServices(dataDirectory, services.secretStore)
    expectValue(await restarted.call('jobs.resume', { jobId: started.id }))
    expect((await untilJobIs(restarted, started.id, ['done'])).job.counts).toMatchObject({ done: 1, failed: 0, skipped: 0 })
    expect(sent(proxy, / AdminDisableUser$/)).toBe(disables)
    expect(sent(proxy, / AdminUserGlobalSignOut$/)).toBeGreaterThanOrEqual(1)
    expect(tenants.cognito.tenant.enabled(account.userId)).toBe(false)
    expect(tenants.cognito.tenant.signOutCount(account.userId)).toBeGreaterThanOrEqual(1)
  })

  it("cognito: the person page's undo of the finished deprovision undoes the pair once, from the first snapshot", async () => {
    const setUp = await throughProxy('cognito')
    const { proxy, tenants, services, account, before } = setUp
    proxy.fail(/ AdminUserGlobalSignOut /, 10, serverError.cognito)
    const { started, partial } = await deprovisionStoppingAfterFirstStep(setUp)
    expectValue(await services.call('jobs.retryFailed', { jobId: started.id }))
    await untilJobIs(services, started.id, ['done'])

    // The panel offers the newest deprovision: the finish. Undoing it undoes the deprovision it finished.
    const offered = expectValue<JournalEntry>(await services.call('journal.undoableFor', { profileId: account.profileId, userId: account.userId }))
    expect(offered.completes).toBe(partial.id)
    const report = expectValue<UndoReport>(await services.call('journal.undo', { entryId: offered.id }))
    expect(report.entry).toMatchObject({ action: 'undoDeprovision', undoOf: partial.id, outcome: { status: 'applied' } })
    expect(await stateAtTarget(tenants, 'cognito', account.userId)).toEqual(before)
    for (const entryId of [partial.id, offered.id]) {
      expect(expectValue<JournalEntry>(await services.call('journal.get', { entryId })).undo).toMatchObject({ available: false, undoneBy: report.entry.id })
    }
    expect(await services.call('journal.undo', { entryId: offered.id })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect((await operationOf(services, started.operationId)).undo).toMatchObject({ available: false })
  })
})

describe('"Finish deprovision" on a partial deprovision made alone, from the account panel', () => {
  it('cognito: the answer of "disable" lost; Check now settles it as partial, and finishing sends the sign-out and never the disable', async () => {
    const setUp = await throughProxy('cognito')
    const { proxy, tenants, services, account } = setUp
    proxy.lose(/ AdminDisableUser /, 100)
    expect(await services.call('directory.deprovision', { profileId: account.profileId, userId: account.userId })).toMatchObject({ ok: false })
    const pending = expectValue<JournalEntry>(await services.call('journal.unsettledFor', { profileId: account.profileId, userId: account.userId }))
    expect(tenants.cognito.tenant.enabled(account.userId)).toBe(false)
    proxy.stopFailing()
    const disables = sent(proxy, / AdminDisableUser$/)

    const settled = expectValue<JournalEntry>(await services.call('journal.settle', { entryId: pending.id }))
    expect(settled).toMatchObject({ outcome: { status: 'partial', reconciled: true }, completion: { available: true } })
    const finished = expectValue<JournalEntry>(await services.call('journal.finishDeprovision', { entryId: pending.id }))
    expect(finished).toMatchObject({ completes: pending.id, outcome: { status: 'applied', message: expect.stringMatching(/sent again/) } })
    expect(sent(proxy, / AdminDisableUser$/)).toBe(disables)
    expect(sent(proxy, / AdminUserGlobalSignOut$/)).toBe(1)
    expect(tenants.cognito.tenant.signOutCount(account.userId)).toBe(1)
  })

  it('gotomeeting: licences refused; finishing sends only the licence request, as a finish of that entry, and undo restores exactly', async () => {
    const setUp = await throughProxy('gotomeeting')
    const { proxy, tenants, services, account, before } = setUp
    proxy.fail(/^PUT \S+ .*"licenseKeys":\[\]/, 10, serverError.gotomeeting)
    expect(await services.call('directory.deprovision', { profileId: account.profileId, userId: account.userId })).toMatchObject({ ok: false, error: { code: 'partial_failure' } })
    const partial = expectValue<JournalEntry>(await services.call('journal.undoableFor', { profileId: account.profileId, userId: account.userId }))
    expect(partial).toMatchObject({ action: 'deprovision', operationId: null, outcome: { status: 'partial' }, completion: { available: true } })
    proxy.stopFailing()
    const puts = (what: RegExp) => proxy.sent.filter((request) => request.line.startsWith('PUT ') && what.test(request.body)).length
    expect([puts(/"adminRoles":\[\]/), puts(/"licenseKeys":\[\]/)]).toEqual([1, 0])

    const finished = expectValue<JournalEntry>(await services.call('journal.finishDeprovision', { entryId: partial.id }))
    expect(finished).toMatchObject({ action: 'deprovision', completes: partial.id, operationId: null, outcome: { status: 'applied' } })
    expect([puts(/"adminRoles":\[\]/), puts(/"licenseKeys":\[\]/)]).toEqual([1, 1])
    expect(await stateAtTarget(tenants, 'gotomeeting', account.userId)).toMatchObject({ adminRoles: [], licenseKeys: [] })
    // Finished once: the entry says by which, and a second finish is refused before anything is sent.
    const requestsSoFar = proxy.seen.length
    expect(expectValue<JournalEntry>(await services.call('journal.get', { entryId: partial.id })).completion).toMatchObject({ available: false, completedBy: finished.id })
    expect(await services.call('journal.finishDeprovision', { entryId: partial.id })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(proxy.seen.length).toBe(requestsSoFar)

    const report = expectValue<UndoReport>(await services.call('journal.undo', { entryId: finished.id }))
    expect(report.entry).toMatchObject({ action: 'undoDeprovision', undoOf: partial.id, outcome: { status: 'applied' } })
    expect(await stateAtTarget(tenants, 'gotomeeting', account.userId)).toEqual(before)
  })
})

describe("a job's partial deprovision finished from Activity", () => {
  it("cognito: the row reads done, announced; the job's Retry failed rows sends nothing for it and finishes only the other", async () => {
    const setUp = await throughProxy('cognito')
    const { proxy, tenants, services, account } = setUp
    tenants.cognito.tenant.addUser({ username: 'sam.secondtest', email: 'sam.secondtest@example.com', attributes: { given_name: 'Sam', family_name: 'Second' }, status: 'CONFIRMED' })
    const other = { ...account, userId: 'sam.secondtest' }
    proxy.fail(/ AdminUserGlobalSignOut /, 10, serverError.cognito)
    const started = await startJob(services, deprovisionPlan([account, other]))
    const first = await untilJobIs(services, started.id, ['done'])
    expect(first.job.counts).toMatchObject({ failed: 2, done: 0 })
    proxy.stopFailing()
    const partial = (await operationOf(services, started.operationId)).entries.find((entry) => entry.target.id === account.userId)!
    expect(partial.outcome.status).toBe('partial')

    const eventsBefore = services.eventsOf('jobs.progress').length
    const finished = expectValue<JournalEntry>(await services.call('journal.finishDeprovision', { entryId: partial.id }))
    expect(finished).toMatchObject({ completes: partial.id, outcome: { status: 'applied' } })
    // The Jobs view hears of it without reading the job.
    await until(() => services.eventsOf('jobs.progress').slice(eventsBefore).some((progress) => progress.changes.some((change) => change.index === 0 && change.state === 'done')), 'the finished row is announced')

    const naming = (userId: string) => proxy.sent.filter((request) => request.body.includes(`"Username":"${userId}"`)).length
    const toThisUserBefore = naming(account.userId)
    expectValue(await services.call('jobs.retryFailed', { jobId: started.id }))
    const retried = await untilJobIs(services, started.id, ['done'])
    expect(naming(account.userId)).toBe(toThisUserBefore)
    expect(retried.job.counts).toMatchObject({ done: 2, failed: 0, skipped: 0 })
    expect(retried.changes[0]).toMatchObject({ state: 'done', entryId: finished.id, message: expect.stringMatching(/^Finished outside this job, with Finish deprovision/) })
    expect(tenants.cognito.tenant.signOutCount(account.userId)).toBe(1)
    expect(tenants.cognito.tenant.signOutCount(other.userId)).toBe(1)
  })
})
