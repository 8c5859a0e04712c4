import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../electron/errors/AppError'
import type { JournalRecord } from '../../../electron/journal/journalRecord'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addOktaProfile, journalOnDisk, journalPath, startServices } from './directoryHarness'

const newDirectory = useTemporaryDirectories()

async function setUp() {
  const services = await startServices(newDirectory())
  const profileId = await addOktaProfile(services)
  const userId = services.fake.addUser('Ada', 'Lovelace', { title: 'Analyst' })
  const groupId = services.fake.addGroup('Engineering')
  return { services, profileId, userId, groupId }
}

describe('journaled changes', () => {
  it('has the intent on disk before the adapter is called, and the outcome after', async () => {
    const { services, profileId, userId } = await setUp()
    const seenByAdapter: JournalRecord[][] = []
    services.fake.onCall = (method) => {
      if (method === 'update') seenByAdapter.push(journalOnDisk(services.dataDirectory))
    }
    await services.handlers['directory.update']({ profileId: profileId, objectType: 'users', objectId: userId, changes: { title: 'Engineer' } })
    expect(seenByAdapter).toHaveLength(1)
    expect(seenByAdapter[0]).toEqual([expect.objectContaining({ kind: 'intent', action: 'update', target: { objectType: 'users', id: userId, name: 'Ada Lovelace' } })])
    expect(journalOnDisk(services.dataDirectory).map((record) => record.kind)).toEqual(['intent', 'outcome'])
  })

  it('records the before and after of each attribute that changes, and skips ones that do not', async () => {
    const { services, profileId, userId } = await setUp()
    const updated = await services.handlers['directory.update']({
      profileId: profileId,
      objectType: 'users',
      objectId: userId,
      changes: { title: 'Engineer', 'name.givenName': 'Ada', 'Extension.Department': 'R&D' },
    })
    expect(updated.attributes).toMatchObject({ title: 'Engineer', 'Extension.Department': 'R&D' })
    const [entry] = (await services.handlers['journal.list']({})).entries
    expect(entry).toMatchObject({
      action: 'update',
      actor: expect.any(String),
      profileId,
      profileName: 'Okta prod',
      summary: 'Changed the title and department of Ada Lovelace',
      changes: [
        { attribute: 'title', before: 'Analyst', after: 'Engineer' },
        { attribute: 'Extension.Department', before: null, after: 'R&D' },
      ],
      outcome: { status: 'applied', reconciled: false },
      undo: null,
    })
  })

  it('changes nothing and journals nothing when every value is already set', async () => {
    const { services, profileId, userId } = await setUp()
    await services.handlers['directory.update']({ profileId: profileId, objectType: 'users', objectId: userId, changes: { title: 'Analyst' } })
    expect(services.fake.calls).toEqual(['get users'])
    expect(journalOnDisk(services.dataDirectory)).toEqual([])
  })

  it('creates a user with the password sent to the target only, and journals the new id', async () => {
    const { services, profileId } = await setUp()
    const created = await services.handlers['directory.create']({
      profileId: profileId,
      objectType: 'users',
      attributes: { userName: 'grace@example.com', 'name.givenName': 'Grace', 'name.familyName': 'Hopper', 'emails.value': 'grace@example.com' },
      password: 'Cobol-1959!',
    })
    expect(services.fake.passwordsReceived).toEqual(['Cobol-1959!'])
    expect(JSON.stringify(created)).not.toContain('Cobol-1959!')
    expect(services.logger.secrets.has('Cobol-1959!')).toBe(true)
    const [entry] = (await services.handlers['journal.list']({})).entries
    expect(entry).toMatchObject({ action: 'create', summary: 'Created user Grace Hopper', target: { id: created.id, name: 'Grace Hopper' } })
    expect(entry!.changes.map((change) => change.attribute)).not.toContain('password')
  })

  it('journals membership changes with the user as target and the group as related', async () => {
    const { services, profileId, userId, groupId } = await setUp()
    await services.handlers['directory.addMember']({ profileId: profileId, groupType: 'groups', groupId, userId })
    await services.handlers['directory.removeMember']({ profileId: profileId, groupType: 'groups', groupId, userId })
    const entries = (await services.handlers['journal.list']({})).entries
    expect(entries.map((entry) => entry.summary)).toEqual(['Removed Ada Lovelace from Engineering', 'Added Ada Lovelace to Engineering'])
    expect(entries[0]).toMatchObject({ target: { objectType: 'users', id: userId }, related: { objectType: 'groups', id: groupId, name: 'Engineering' } })
  })

  it('deletes for good after the typed name matches', async () => {
    const { services, profileId, groupId } = await setUp()
    await services.handlers['directory.delete']({ profileId: profileId, objectType: 'groups', objectId: groupId, confirmName: 'Engineering' })
    expect(services.fake.objects.has(groupId)).toBe(false)
    expect((await services.handlers['journal.list']({})).entries[0]).toMatchObject({ summary: 'Deleted group Engineering', outcome: { status: 'applied' } })
  })

  it('announces the entry, carrying it, and the changed objects after the outcome is on disk', async () => {
    const { services, profileId, userId, groupId } = await setUp()
    await services.handlers['directory.addMember']({ profileId: profileId, groupType: 'groups', groupId, userId })
    const [entry] = (await services.handlers['journal.list']({})).entries
    expect(services.events.filter((event) => event.event !== 'profiles.changed')).toEqual([
      // While it runs: that it does (one request, no named steps, no retry).
      { event: 'changes.progress', payload: { entryId: entry!.id, profileId, objectId: userId, steps: [], retry: null } },
      { event: 'journal.appended', payload: { entryId: entry!.id, entry } },
      { event: 'directory.changed', payload: { profileId, objectType: 'users', ids: [userId] } },
      { event: 'directory.changed', payload: { profileId, objectType: 'groups', ids: [groupId] } },
    ])
  })

  it('records a refused change as failed and reports the entry id with the target\'s details', async () => {
    const { services, profileId, userId } = await setUp()
    services.fake.failNext('update', new AppError('conflict', 'Another user already has this username.', { details: { targetCode: 'E0000001' } }))
    const result = await services.call('directory.update', { profileId: profileId, objectType: 'users', objectId: userId, changes: { userName: 'taken@example.com' } })
    const [entry] = (await services.handlers['journal.list']({})).entries
    expect(result).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Another user already has this username.', details: { targetCode: 'E0000001', entryId: entry!.id } },
    })
    expect(entry).toMatchObject({
      summary: 'Could not change the username of Ada Lovelace',
      outcome: { status: 'failed', message: 'Another user already has this username.', details: { targetCode: 'E0000001' } },
    })
    expect(services.events.some((event) => event.event === 'directory.changed')).toBe(false)
  })

  it('records a change whose answer was lost as pending, to be checked against the target', async () => {
    const { services, profileId, userId } = await setUp()
    services.fake.failNext('update', new AppError('network', 'Okta did not answer in time.'))
    await expect(
      services.handlers['directory.update']({ profileId: profileId, objectType: 'users', objectId: userId, changes: { title: 'Engineer' } }),
    ).rejects.toMatchObject({ code: 'network' })
    expect((await services.handlers['journal.list']({})).entries[0]!.outcome).toMatchObject({
      status: 'pending',
      message: expect.stringContaining('not known yet. Checking…'),
    })
  })

  it('makes no change when the intent cannot be written', async () => {
    const { services, profileId, userId } = await setUp()
    // A folder where the journal file should be: every append fails, whoever runs the test.
    mkdirSync(journalPath(services.dataDirectory))
    const result = await services.call('directory.update', { profileId: profileId, objectType: 'users', objectId: userId, changes: { title: 'Engineer' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Nothing was changed: Lanyard could not record the change/) } })
    expect(services.fake.calls).toEqual(['get users'])
    expect(services.fake.objects.get(userId)!.attributes.title).toBe('Analyst')
  })
})
