import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { JobPlan, JobView } from '../../../shared/jobs'
import { JobStore, type StoredChange } from '../../../electron/jobs/JobStore'
import { sandboxParameters } from '../../../electron/services/sandboxProfiles'
import { createRecordingLogger } from '../../support/recordingLogger'
import { afterTest } from '../../support/connectorHarness'
import { startCountingProxy } from '../../support/countingProxy'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { startPeopleServices, startTenants, stateAtTarget } from '../people/peopleHarness'
import { expectValue, membershipPlan, startJob, untilJobIs } from './jobHarness'

/*
 * A move is, per person, an add to B and then a remove from A. Run side by side, the remove could
 * land while the add fails, leaving the person in neither group. Each line's changes run in order,
 * the remove only once the add succeeded; lines still run side by side. Counted on the wire.
 */

const newDirectory = useTemporaryDirectories()

/** Okta refusing one add, as it refuses a call the token may not make (not retried). */
const refused = {
  status: 403,
  body: JSON.stringify({ errorCode: 'E0000006', errorSummary: 'You do not have permission to perform the requested action', errorLink: 'E0000006', errorId: 'scripted', errorCauses: [] }),
}

async function moveSetUp(dataDirectory = newDirectory()) {
  const tenants = await startTenants()
  tenants.okta.setLatency(15)
  const services = await startPeopleServices(dataDirectory)
  const proxy = await startCountingProxy(tenants.okta.url)
  afterTest(() => proxy.close())
  const { values, secrets } = sandboxParameters('okta', proxy.url, tenants.okta.credentials)
  const profile = await services.handlers['profiles.create']({ connectorId: 'okta', name: 'okta sandbox', environment: 'sandbox', values, secrets })
  const from = tenants.okta.tenant.addGroup({ name: 'EMEA-old' })
  const to = tenants.okta.tenant.addGroup({ name: 'EMEA' })
  const movers = ['cy', 'di', 'ed', 'flo'].map((name) => tenants.okta.tenant.addUser({ firstName: name, lastName: 'Mover', login: `${name}.mover@example.com` }))
  for (const mover of movers) tenants.okta.tenant.addMember('EMEA-old', mover.id)
  const plan = expectValue<JobPlan>(await services.call('jobs.plan', { kind: 'moveMembers', profileId: profile.id, groupType: 'groups', fromGroupId: from.id, toGroupId: to.id }))
  return { tenants, services, proxy, profile, from, to, movers, plan }
}

/** The groups a user is in, but Everyone, which every Okta user is in. */
async function groupsOf(tenants: Awaited<ReturnType<typeof startTenants>>, userId: string): Promise<string[]> {
  return ((await stateAtTarget(tenants, 'okta', userId)).groups as string[]).filter((name) => name !== 'Everyone')
}

describe('a move, person by person', () => {
  it('adds to B before removing from A, and never removes someone whose add failed: the row says why', async () => {
    const { tenants, services, proxy, from, to, movers, plan } = await moveSetUp()
    const stuck = movers[1]!
    const add = (userId: string) => `PUT /api/v1/groups/${to.id}/users/${userId}`
    const remove = (userId: string) => `DELETE /api/v1/groups/${from.id}/users/${userId}`
    proxy.fail(new RegExp(`^${add(stuck.id)} `), 10, refused)

    const started = expectValue<{ id: string; operationId: string }>(await services.call('jobs.start', { planId: plan.planId }))
    const finished = await untilJobIs(services, started.id, ['done'])
    expect(finished.job.counts).toMatchObject({ total: 8, done: 6, failed: 2 })
    expect(await groupsOf(tenants, stuck.id)).toEqual(['EMEA-old'])
    const held = finished.changes.find((change) => change.objectId === stuck.id && change.action === 'removeMember')!
    expect(held).toMatchObject({ state: 'failed', entryId: null })
    expect(held.message).toMatch(/^Not removed from EMEA-old because adding to EMEA failed: .*permission/)
    expect(proxy.seen.filter((line) => line === remove(stuck.id))).toEqual([])
    for (const mover of movers.filter((other) => other !== stuck)) {
      expect(await groupsOf(tenants, mover.id)).toEqual(['EMEA'])
      const [added, removed] = [proxy.seen.indexOf(add(mover.id)), proxy.seen.indexOf(remove(mover.id))]
      expect(added).toBeGreaterThanOrEqual(0)
      expect(removed).toBeGreaterThan(added)
    }

    // Retried once Okta allows it: the add, then the remove, each sent once.
    proxy.stopFailing()
    expectValue(await services.call('jobs.retryFailed', { jobId: started.id }))
    const retried = await untilJobIs(services, started.id, ['done'])
    expect(retried.job.counts).toMatchObject({ done: 8, failed: 0 })
    expect(await groupsOf(tenants, stuck.id)).toEqual(['EMEA'])
    const ofStuck = proxy.seen.filter((line) => line === add(stuck.id) || line === remove(stuck.id))
    expect(ofStuck).toEqual([add(stuck.id), remove(stuck.id)])
  })

  it('keeps the order when resumed after a crash: a line whose add is done sends only its remove, one whose add failed (journaled or saved) sends nothing', async () => {
    const dataDirectory = newDirectory()
    const { tenants, services, proxy, profile, from, to, movers } = await moveSetUp(dataDirectory)
    const [stuck, moved, refusedBefore] = [movers[0]!, movers[1]!, movers[2]!]
    const add = (userId: string) => `PUT /api/v1/groups/${to.id}/users/${userId}`
    const remove = (userId: string) => `DELETE /api/v1/groups/${from.id}/users/${userId}`
    const groups = { from: { objectType: 'groups', id: from.id, name: 'EMEA-old' }, to: { objectType: 'groups', id: to.id, name: 'EMEA' } }
    const account = (userId: string) => ({ profileId: profile.id, connectorId: 'okta' as const, userId })
    // A job's operation holding the stuck person's add, refused by Okta; the other person's add was done.
    proxy.fail(new RegExp(`^${add(stuck.id)} `), 10, refused)
    const adding = await startJob(services, membershipPlan('addMember', groups.to, [account(stuck.id)]))
    expect((await untilJobIs(services, adding.id, ['done'])).job.counts).toMatchObject({ failed: 1 })
    proxy.stopFailing()
    tenants.okta.tenant.addMember('EMEA', moved.id)
    await services.close()

    // On disk as a move the app stopped in the middle of: the moved person's add has its result, nothing else has.
    const change = (userId: string, action: StoredChange['action'], line: number): StoredChange => ({
      ...account(userId), line, input: userId, profileName: 'okta sandbox', objectType: 'users', objectId: userId, displayName: userId,
      action, group: action === 'addMember' ? groups.to : groups.from, before: '', after: '', entryToUndo: null,
    })
    const changes = [
      ...[stuck, moved, refusedBefore].flatMap((mover, index) => [change(mover.id, 'addMember', index + 1), change(mover.id, 'removeMember', index + 1)]),
    ]
    const store = new JobStore(dataDirectory, createRecordingLogger())
    const job = { version: 1 as const, id: randomUUID(), kind: 'moveMembers' as const, title: 'Move', operationId: adding.operationId, createdAt: new Date().toISOString(), finishedAt: null, requested: 'running' as const, undoOf: null, changes, skippedLines: [], profiles: [] }
    await store.save(job)
    await store.appendResult(job.id, { index: 2, state: 'done', message: null, entryId: null, error: null, time: new Date().toISOString() })
    // The third person's add failed with its result saved; the app stopped before the line's remove was looked at.
    const refusal = { code: 'auth_failed' as const, message: 'Okta refused: no permission.' }
    await store.appendResult(job.id, { index: 4, state: 'failed', message: refusal.message, entryId: null, error: refusal, time: new Date().toISOString() })
    const writesBefore = proxy.seen.filter((line) => !line.startsWith('GET ')).length

    const restarted = await startPeopleServices(dataDirectory, services.secretStore)
    expect(expectValue<JobView[]>(await restarted.call('jobs.list', {})).find((listed) => listed.id === job.id)?.state).toBe('interrupted')
    expectValue(await restarted.call('jobs.resume', { jobId: job.id }))
    const resumed = await untilJobIs(restarted, job.id, ['done'])

    expect(proxy.seen.filter((line) => !line.startsWith('GET ')).slice(writesBefore)).toEqual([remove(moved.id)])
    expect(resumed.changes.map((one) => one.state)).toEqual(['failed', 'failed', 'done', 'done', 'failed', 'failed'])
    expect(resumed.changes[1]?.message).toMatch(/^Not removed from EMEA-old because adding to EMEA failed/)
    expect(resumed.changes[5]?.message).toBe('Not removed from EMEA-old because adding to EMEA failed: Okta refused: no permission.')
    expect(await groupsOf(tenants, stuck.id)).toEqual(['EMEA-old'])
    expect(await groupsOf(tenants, refusedBefore.id)).toEqual(['EMEA-old'])
    expect(await groupsOf(tenants, moved.id)).toEqual(['EMEA'])
  })
})
