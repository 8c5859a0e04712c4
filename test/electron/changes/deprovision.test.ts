import { mkdirSync, renameSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runSteps } from '../../../electron/connectors/runSteps'
import { AppError } from '../../../electron/errors/AppError'
import { FakeDirectory } from '../../support/fakeConnector'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addOktaProfile, journalOnDisk, journalPath, startServices } from '../directory/directoryHarness'

const newDirectory = useTemporaryDirectories()

async function setUp(values: Record<string, string> = {}) {
  const directory = newDirectory()
  const fake = new FakeDirectory()
  const secretStore = new MemorySecretStore()
  const services = await startServices(directory, { fake, secretStore })
  const profileId = await addOktaProfile(services, 'Okta prod', values)
  const userId = fake.addUser('Ada', 'Lovelace')
  const groups = ['Engineering', 'VPN', 'Payroll'].map((name) => fake.addGroup(name))
  for (const groupId of groups) fake.addMembership(groupId, userId)
  return { directory, fake, secretStore, services, profileId, userId, groups }
}

describe('deprovision', () => {
  it('journals the snapshot before the target is called, then the steps, and returns the entry', async () => {
    const { fake, services, profileId, userId, directory } = await setUp()
    let onDiskWhenCalled: unknown[] = []
    fake.onCall = (method) => {
      if (method === 'deprovision') onDiskWhenCalled = journalOnDisk(directory)
    }
    const entry = await services.handlers['directory.deprovision']({ profileId: profileId, userId })
    expect(onDiskWhenCalled).toEqual([
      expect.objectContaining({
        kind: 'intent',
        action: 'deprovision',
        snapshot: expect.objectContaining({ userId, status: 'ACTIVE', mode: 'suspend', groups: expect.arrayContaining([expect.objectContaining({ name: 'VPN' })]) }),
      }),
    ])
    expect(entry).toMatchObject({
      action: 'deprovision',
      summary: 'Suspended Ada Lovelace (kept 3 groups on record)',
      target: { objectType: 'users', id: userId, name: 'Ada Lovelace' },
      outcome: { status: 'applied', steps: [{ name: 'Suspend the user', status: 'applied' }, { name: 'Remove from 3 groups', status: 'applied' }] },
      undo: { available: true, reason: null, undoneBy: null },
    })
    expect(fake.statusOf(userId)).toBe('SUSPENDED')
    expect(fake.groupIdsOf(userId)).toEqual([])
  })

  it('says deactivated when the profile deprovisions by deactivating', async () => {
    const { services, profileId, userId } = await setUp({ deprovisionMode: 'deactivate' })
    const entry = await services.handlers['directory.deprovision']({ profileId: profileId, userId })
    expect(entry.summary).toBe('Deactivated Ada Lovelace (kept 3 groups on record)')
  })

  it('fails with the steps that did and did not happen, and the entry id', async () => {
    const { fake, services, profileId, userId } = await setUp()
    fake.stepFailure = { operation: 'deprovision', step: 1 }
    const result = await services.call('directory.deprovision', { profileId: profileId, userId })
    const [entry] = (await services.handlers['journal.list']({})).entries
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'partial_failure',
        message: 'Remove from 3 groups failed; the steps before it stay applied.',
        steps: [
          { name: 'Suspend the user', status: 'applied' },
          { name: 'Remove from 3 groups', status: 'failed', message: 'The target answered 500.' },
        ],
        details: { targetCode: 'E0000009', requestId: 'req-fake-1', entryId: entry!.id },
      },
    })
    expect(entry).toMatchObject({
      summary: 'Suspended Ada Lovelace (kept 3 groups on record) — only partly: some steps did not happen',
      outcome: { status: 'partial', details: { requestId: 'req-fake-1' } },
      undo: { available: true },
    })
  })

  it('records a step that failed on the network as not known yet, to be checked against the target', async () => {
    const { fake, services, profileId, userId } = await setUp()
    // As runSteps reports it when no step was applied: the failure's own code, with the steps.
    fake.failNext(
      'deprovision',
      new AppError('network', 'Deprovision of Ada Lovelace: "Suspend Ada Lovelace" got no clear answer. Okta did not answer within 30 s.', {
        steps: [{ name: 'Suspend Ada Lovelace', status: 'failed', message: 'Okta did not answer within 30 s.' }],
        details: { networkError: 'timeout', failedStep: 'Suspend Ada Lovelace' },
      }),
    )
    await expect(services.handlers['directory.deprovision']({ profileId: profileId, userId })).rejects.toMatchObject({ code: 'network' })
    const [entry] = (await services.handlers['journal.list']({})).entries
    expect(entry).toMatchObject({
      outcome: {
        status: 'pending',
        message: expect.stringContaining('not known yet. Checking…'),
        steps: [{ name: 'Suspend Ada Lovelace', status: 'failed' }],
      },
      undo: { available: false, reason: expect.stringContaining('not known yet') },
    })
  })

  it('records a step that stopped on an unexpected error as not known yet: the request may have gone out', async () => {
    const { fake, services, profileId, userId } = await setUp()
    const unexpected = {
      name: 'Suspend Ada Lovelace',
      run: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'status')")
      },
    }
    // As the adapter's runSteps reports it: an `internal` failure with the steps.
    const failure = await runSteps([unexpected], { operation: 'Deprovision of Ada Lovelace', advice: 'Try again.' }).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(AppError)
    fake.failNext('deprovision', failure as AppError)
    await expect(services.handlers['directory.deprovision']({ profileId: profileId, userId })).rejects.toMatchObject({ code: 'internal' })
    const [entry] = (await services.handlers['journal.list']({})).entries
    expect(entry).toMatchObject({
      outcome: { status: 'pending', message: expect.stringContaining('not known yet. Checking…'), steps: [{ status: 'failed' }] },
    })
  })

  it('still says which steps happened when the outcome cannot be journaled', async () => {
    const { fake, services, profileId, userId, directory } = await setUp()
    fake.stepFailure = { operation: 'deprovision', step: 1 }
    fake.onCall = (method) => {
      // The intent is on disk; from here on the journal cannot be written.
      if (method !== 'deprovision') return
      renameSync(journalPath(directory), `${journalPath(directory)}.moved`)
      mkdirSync(journalPath(directory))
    }
    const result = await services.call('directory.deprovision', { profileId: profileId, userId })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/^Remove from 3 groups failed; the steps before it stay applied\. Lanyard could not record this outcome in the journal/),
        steps: [
          { name: 'Suspend the user', status: 'applied' },
          { name: 'Remove from 3 groups', status: 'failed' },
        ],
        details: { entryId: expect.any(String), requestId: 'req-fake-1' },
      },
    })
  })
})

describe('undo deprovision', () => {
  it('brings back status and groups after a restart, from the journal alone', async () => {
    const { directory, fake, secretStore, services, profileId, userId, groups } = await setUp()
    const deprovision = await services.handlers['directory.deprovision']({ profileId: profileId, userId })
    await services.close()

    const restarted = await startServices(directory, { fake, secretStore })
    const report = await restarted.handlers['journal.undo']({ entryId: deprovision.id })
    expect(report.differences).toEqual([])
    expect(report.entry).toMatchObject({
      action: 'undoDeprovision',
      undoOf: deprovision.id,
      summary: 'Undid the deprovision of Ada Lovelace (brought back status ACTIVE and 3 groups)',
      outcome: { status: 'applied', steps: [{ status: 'applied' }, { status: 'applied' }] },
    })
    expect(fake.statusOf(userId)).toBe('ACTIVE')
    expect(fake.groupIdsOf(userId).sort()).toEqual([...groups].sort())
    const [undoEntry, deprovisionEntry] = (await restarted.handlers['journal.list']({})).entries
    expect(undoEntry!.id).toBe(report.entry.id)
    expect(deprovisionEntry!.undo).toEqual({ available: false, reason: expect.stringMatching(/^Already undone on /), undoneBy: report.entry.id })
  })

  it('announces the undo and the deprovision it reverses, each as it stands now', async () => {
    const { services, profileId, userId } = await setUp()
    const deprovision = await services.handlers['directory.deprovision']({ profileId: profileId, userId })
    services.events.length = 0
    const report = await services.handlers['journal.undo']({ entryId: deprovision.id })
    const appended = services.events.filter((event) => event.event === 'journal.appended').map((event) => event.payload)
    expect(appended).toEqual([
      { entryId: report.entry.id, entry: report.entry },
      { entryId: deprovision.id, entry: expect.objectContaining({ id: deprovision.id, undo: expect.objectContaining({ available: false, undoneBy: report.entry.id }) }) },
    ])
  })

  it('refuses a second undo before calling the target', async () => {
    const { fake, services, profileId, userId } = await setUp()
    const deprovision = await services.handlers['directory.deprovision']({ profileId: profileId, userId })
    await services.handlers['journal.undo']({ entryId: deprovision.id })
    fake.calls.length = 0
    const again = await services.call('journal.undo', { entryId: deprovision.id })
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Already undone') } })
    expect(fake.calls).toEqual([])
  })

  it('runs one undo when two arrive at once, and refuses the other', async () => {
    const { fake, services, profileId, userId } = await setUp()
    const deprovision = await services.handlers['directory.deprovision']({ profileId: profileId, userId })
    fake.calls.length = 0
    const results = await Promise.all([
      services.call('journal.undo', { entryId: deprovision.id }),
      services.call('journal.undo', { entryId: deprovision.id }),
    ])
    expect(results.map((result) => result.ok).sort()).toEqual([false, true])
    expect(results.find((result) => !result.ok)).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('already under way') } })
    expect(fake.calls.filter((method) => method === 'undoDeprovision')).toHaveLength(1)
    expect((await services.handlers['journal.list']({ action: 'undoDeprovision' })).entries.map((entry) => entry.outcome.status)).toEqual(['applied'])
  })

  it('refuses to undo a deprovision that failed, or anything that is not a deprovision', async () => {
    const { fake, services, profileId, userId, groups } = await setUp()
    fake.stepFailure = { operation: 'deprovision', step: 0 }
    await services.call('directory.deprovision', { profileId: profileId, userId })
    await services.handlers['directory.removeMember']({ profileId: profileId, groupType: 'groups', groupId: groups[0]!, userId })
    const [membership, failed] = (await services.handlers['journal.list']({})).entries
    expect(failed!.undo).toEqual({ available: false, reason: 'The deprovision did not happen, so there is nothing to undo.', undoneBy: null })
    fake.calls.length = 0
    expect(await services.call('journal.undo', { entryId: failed!.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('did not happen') } })
    expect(await services.call('journal.undo', { entryId: membership!.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await services.call('journal.undo', { entryId: 'no-such-entry' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(fake.calls).toEqual([])
  })

  it('refuses once the profile is deleted', async () => {
    const { fake, services, profileId, userId } = await setUp()
    const deprovision = await services.handlers['directory.deprovision']({ profileId: profileId, userId })
    await services.handlers['profiles.delete']({ profileId: profileId })
    fake.calls.length = 0
    const result = await services.call('journal.undo', { entryId: deprovision.id })
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('The profile "Okta prod" no longer exists') } })
    expect(fake.calls).toEqual([])
  })

  it('reports what the user read back lacks, and a failed step with the steps', async () => {
    const { fake, services, profileId, userId } = await setUp()
    const deprovision = await services.handlers['directory.deprovision']({ profileId: profileId, userId })
    fake.stepFailure = { operation: 'undoDeprovision', step: 1 }
    const failed = await services.call('journal.undo', { entryId: deprovision.id })
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'partial_failure', steps: [{ name: 'Restore status ACTIVE', status: 'applied' }, { status: 'failed' }], details: { entryId: expect.any(String) } },
    })

    fake.stepFailure = null
    expect(fake.groupIdsOf(userId)).toEqual([])
    // Undo is offered again after a partial one; this time the target quietly ignores one group.
    const [firstGroup] = [...fake.objects.values()].filter((object) => object.objectType === 'groups')
    const originalAddMembership = fake.addMembership.bind(fake)
    fake.addMembership = (groupId, memberId) => {
      if (groupId !== firstGroup!.id) originalAddMembership(groupId, memberId)
    }
    const report = await services.handlers['journal.undo']({ entryId: deprovision.id })
    expect(report.differences).toEqual(['Not back in Engineering.'])
    expect(report.entry.outcome).toMatchObject({ status: 'partial', message: 'Undone, but read back: Not back in Engineering.' })
  })
})
