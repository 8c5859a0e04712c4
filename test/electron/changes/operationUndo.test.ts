import { describe, expect, it } from 'vitest'
import { AppError } from '../../../electron/errors/AppError'
import { FakeDirectory } from '../../support/fakeConnector'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addOktaProfile, startServices } from '../directory/directoryHarness'

const newDirectory = useTemporaryDirectories()

/** Three leavers deprovisioned as one bulk operation; Grace's deprovision is refused by the target. */
async function bulkDeprovision() {
  const directory = newDirectory()
  const fake = new FakeDirectory()
  const secretStore = new MemorySecretStore()
  const services = await startServices(directory, { fake, secretStore })
  const profileId = await addOktaProfile(services)
  const [ada, grace, alan] = [['Ada', 'Lovelace'], ['Grace', 'Hopper'], ['Alan', 'Turing']].map(([given, family]) => fake.addUser(given!, family!))
  const engineering = fake.addGroup('Engineering')
  for (const userId of [ada!, grace!, alan!]) fake.addMembership(engineering, userId)
  const { journal, deprovisions } = services.operations
  const operation = await journal.recordOperation({ action: 'bulk', title: 'Leavers of November', undoOf: null })
  await deprovisions.deprovision({ profileId: profileId, userId: ada! }, { operationId: operation.id })
  fake.failNext('deprovision', new AppError('conflict', 'Grace Hopper cannot be suspended: she owns the tenant.'))
  await expect(deprovisions.deprovision({ profileId: profileId, userId: grace! }, { operationId: operation.id })).rejects.toThrowError('owns the tenant')
  await deprovisions.deprovision({ profileId: profileId, userId: alan! }, { operationId: operation.id })
  return { directory, fake, secretStore, services, profileId, operation, users: { ada: ada!, grace: grace!, alan: alan! }, engineering }
}

describe('undoing an operation', () => {
  it('undoes each change that can be undone, newest first, as a new operation, and reports every change', async () => {
    const { fake, services, operation, users, engineering } = await bulkDeprovision()
    expect(fake.statusOf(users.ada)).not.toBe('ACTIVE')

    const report = await services.handlers['journal.undoOperation']({ operationId: operation.id })

    expect(report.children.map((child) => [child.summary.split(' (')[0], child.result])).toEqual([
      ['Suspended Alan Turing', 'undone'],
      ['Could not suspend Grace Hopper', 'skipped'],
      ['Suspended Ada Lovelace', 'undone'],
    ])
    expect(report.children[1]!.message).toBe('The deprovision did not happen, so there is nothing to undo.')
    expect(report.operation).toMatchObject({ action: 'undo', title: 'Undo of Leavers of November', undoOf: operation.id })
    expect(report.operation.entries.map((entry) => [entry.action, entry.target.name, entry.operationId])).toEqual([
      ['undoDeprovision', 'Alan Turing', report.operation.id],
      ['undoDeprovision', 'Ada Lovelace', report.operation.id],
    ])
    expect(report.children.map((child) => child.undoEntryId)).toEqual([report.operation.entries[0]!.id, null, report.operation.entries[1]!.id])
    for (const userId of [users.ada, users.alan]) {
      expect(fake.statusOf(userId)).toBe('ACTIVE')
      expect(fake.groupIdsOf(userId)).toEqual([engineering])
    }
  })

  it('is refused once done, before any call to the target, and says by which undo — after a restart too', async () => {
    const { directory, fake, secretStore, services, operation } = await bulkDeprovision()
    const report = await services.handlers['journal.undoOperation']({ operationId: operation.id })
    await services.close()
    const restarted = await startServices(directory, { fake, secretStore })
    fake.calls.length = 0

    expect((await restarted.handlers['journal.operation']({ operationId: operation.id })).undo).toEqual({
      available: false,
      reason: expect.stringMatching(/^Already undone on /),
      undoneBy: report.operation.id,
      undoable: 0,
    })
    expect(await restarted.call('journal.undoOperation', { operationId: operation.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { operationId: operation.id, undoneBy: report.operation.id } },
    })
    expect(await restarted.call('journal.undoOperation', { operationId: 'no-such-operation' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(fake.calls).toEqual([])
  })

  it('goes on past a change whose undo fails, reports it, and offers undo again for what is left', async () => {
    const { fake, services, operation, users } = await bulkDeprovision()
    fake.stepFailure = { operation: 'undoDeprovision', step: 0 }
    let undos = 0
    fake.onCall = (method) => {
      if (method === 'undoDeprovision' && ++undos === 2) fake.stepFailure = null
    }

    const report = await services.handlers['journal.undoOperation']({ operationId: operation.id })

    expect(report.children.map((child) => child.result)).toEqual(['failed', 'skipped', 'undone'])
    expect(report.children[0]!.undoEntryId).toEqual(expect.any(String))
    expect(fake.statusOf(users.ada)).toBe('ACTIVE')
    expect(fake.statusOf(users.alan)).not.toBe('ACTIVE')
    const again = await services.handlers['journal.operation']({ operationId: operation.id })
    expect(again.undo).toEqual({ available: true, reason: null, undoneBy: null, undoable: 1 })
    const retry = await services.handlers['journal.undoOperation']({ operationId: operation.id })
    expect(retry.children.map((child) => child.result)).toEqual(['undone', 'skipped', 'skipped'])
    expect(fake.statusOf(users.alan)).toBe('ACTIVE')
  })

  it('finds an operation’s changes with journal.list, and refuses a change naming an operation it does not hold', async () => {
    const { services, operation, profileId, users } = await bulkDeprovision()
    await expect(services.operations.deprovisions.deprovision({ profileId: profileId, userId: users.grace }, { operationId: 'no-such-operation' })).rejects.toThrowError(
      'This operation is not in the journal',
    )
    const page = await services.handlers['journal.list']({ operationId: operation.id })
    expect(page.entries.map((entry) => [entry.target.name, entry.outcome.status])).toEqual([
      ['Alan Turing', 'applied'],
      ['Grace Hopper', 'failed'],
      ['Ada Lovelace', 'applied'],
    ])
  })
})
