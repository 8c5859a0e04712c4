import { describe, expect, it } from 'vitest'
import { AppError } from '../../../electron/errors/AppError'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { journalOnDisk, startServices } from '../directory/directoryHarness'
import { crashedWith } from '../journal/crashedJournal'

const newDirectory = useTemporaryDirectories()

describe('start-up reconciliation', () => {
  it('settles every unfinished change by reading the target, marking the outcomes reconciled', async () => {
    const { directory, fake, secretStore } = await crashedWith(newDirectory(), async ({ fake }) => {
      const ada = fake.addUser('Ada', 'Lovelace', { title: 'Engineer' })
      const grace = fake.addUser('Grace', 'Hopper', { title: 'Analyst' })
      const group = fake.addGroup('Engineering')
      fake.addMembership(group, ada)
      const user = (id: string, name: string) => ({ objectType: 'users', id, name })
      const snapshot = { userId: grace, userName: 'grace', displayName: 'Grace Hopper', status: 'ACTIVE', active: true, groups: [], mode: 'suspend', extra: {} }
      return [
        { target: user(ada, 'Ada Lovelace'), changes: [{ attribute: 'title', before: 'Analyst', after: 'Engineer' }] },
        { target: user(grace, 'Grace Hopper'), changes: [{ attribute: 'title', before: 'Analyst', after: 'Director' }] },
        { action: 'addMember', target: user(ada, 'Ada Lovelace'), related: { objectType: 'groups', id: group, name: 'Engineering' }, changes: [] },
        { action: 'delete', target: user('00u-gone', 'Alan Turing'), changes: [] },
        { action: 'deprovision', target: user(grace, 'Grace Hopper'), snapshot, changes: [] },
      ]
    })
    const services = await startServices(directory, { fake, secretStore })
    const settled = await services.handlers['journal.reconciled']({})
    expect(settled.map((entry) => [entry.action, entry.outcome.status, entry.outcome.reconciled])).toEqual([
      ['update', 'applied', true],
      ['update', 'failed', true],
      ['addMember', 'applied', true],
      ['delete', 'applied', true],
      ['deprovision', 'failed', true],
    ])
    expect(settled[4]!.outcome.message).toBe('Grace Hopper is still ACTIVE: the deprovision did not take effect.')
    expect(services.events.filter((event) => event.event === 'journal.appended')).toHaveLength(5)
    expect((await services.handlers['journal.verify']({})).intact).toBe(true)

    const again = await startServices(directory, { fake, secretStore })
    expect(await again.handlers['journal.reconciled']({})).toEqual([])
  })

  it('leaves a change it cannot check pending with the reason, and tries again at the next start', async () => {
    const { directory, fake, secretStore, profileId } = await crashedWith(newDirectory(), async ({ fake }) => [
      { target: { objectType: 'users', id: fake.addUser('Ada', 'Lovelace'), name: 'Ada Lovelace' } },
    ])
    fake.failNext('get', new AppError('network', 'Okta could not be reached.'))
    const services = await startServices(directory, { fake, secretStore })
    const [first] = await services.handlers['journal.reconciled']({})
    expect(first!.outcome).toMatchObject({
      status: 'pending',
      reconciled: true,
      message: 'Could not be checked: Okta could not be reached. Lanyard checks it again once the target answers, or use Check now.',
    })
    expect(first!.summary).toMatch(/whether it took effect is not known yet$/)

    const restarted = await startServices(directory, { fake, secretStore })
    const [second] = await restarted.handlers['journal.reconciled']({})
    expect(second).toMatchObject({ id: first!.id, outcome: { status: 'failed', reconciled: true } })
    expect(journalOnDisk(directory).filter((record) => record.kind === 'outcome')).toHaveLength(2)
    expect(profileId).toBe(second!.profileId)
  })

  it('says so when the profile of an unfinished change was deleted', async () => {
    const { directory, fake, secretStore } = await crashedWith(newDirectory(), async () => [
      { profileId: '2f1c4f7e-5d4e-4b0e-9a57-0c0ffee000ff', profileName: 'Old Okta' },
    ])
    const services = await startServices(directory, { fake, secretStore })
    const [entry] = await services.handlers['journal.reconciled']({})
    expect(entry!.outcome.message).toBe('Could not be checked: the profile "Old Okta" no longer exists. Lanyard checks it again once the target answers, or use Check now.')
  })

  it('writes nothing new at later starts for a change that still cannot be checked', async () => {
    const { directory, fake, secretStore } = await crashedWith(newDirectory(), async () => [
      { profileId: '2f1c4f7e-5d4e-4b0e-9a57-0c0ffee000ff', profileName: 'Old Okta' },
    ])
    for (let start = 0; start < 3; start++) {
      const services = await startServices(directory, { fake, secretStore })
      const [entry] = await services.handlers['journal.reconciled']({})
      expect(entry!.outcome).toMatchObject({ status: 'pending', reconciled: true, message: expect.stringContaining('"Old Okta" no longer exists') })
      await services.close()
    }
    expect(journalOnDisk(directory).filter((record) => record.kind === 'outcome')).toHaveLength(1)
  })

  it('records no outcome for a check cut short because the app is closing', async () => {
    const { directory, fake, secretStore } = await crashedWith(newDirectory(), async () => [
      {
        action: 'create',
        target: { objectType: 'users', id: '', name: 'Grace Hopper' },
        changes: [{ attribute: 'userName', before: null, after: 'grace.hopper@example.com' }],
      },
    ])
    fake.holdLists()
    const services = await startServices(directory, { fake, secretStore })
    for (let wait = 0; wait < 100 && !fake.calls.includes('list users'); wait++) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(fake.calls).toContain('list users')
    await services.close()
    expect(journalOnDisk(directory).filter((record) => record.kind === 'outcome')).toEqual([])
  })

  it('finds a created user by the username when the target names them otherwise', async () => {
    const { directory, fake, secretStore } = await crashedWith(newDirectory(), async () => [
      {
        action: 'create',
        target: { objectType: 'users', id: '', name: 'Amazing Grace' },
        changes: [
          { attribute: 'userName', before: null, after: 'grace.hopper@example.com' },
          { attribute: 'displayName', before: null, after: 'Amazing Grace' },
        ],
      },
    ])
    const grace = fake.addUser('Grace', 'Hopper')
    const services = await startServices(directory, { fake, secretStore })
    const [entry] = await services.handlers['journal.reconciled']({})
    expect(entry).toMatchObject({ target: { id: grace }, outcome: { status: 'applied', reconciled: true } })
  })

  it('does not hold up start-up while the target is slow', async () => {
    const { directory, fake, secretStore } = await crashedWith(newDirectory(), async () => [
      {
        action: 'create',
        target: { objectType: 'users', id: '', name: 'Grace Hopper' },
        changes: [{ attribute: 'userName', before: null, after: 'grace.hopper@example.com' }],
      },
    ])
    const grace = fake.addUser('Grace', 'Hopper')
    const release = fake.holdLists()
    const services = await startServices(directory, { fake, secretStore })
    expect((await services.handlers['journal.list']({})).entries).toMatchObject([{ outcome: { status: 'pending', reconciled: false } }])
    release()
    const [entry] = await services.handlers['journal.reconciled']({})
    expect(entry).toMatchObject({ target: { id: grace, name: 'Grace Hopper' }, outcome: { status: 'applied', reconciled: true } })
  })
})
