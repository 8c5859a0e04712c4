import { describe, expect, it } from 'vitest'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addOktaProfile, oktaToken, startServices } from './directoryHarness'

const newDirectory = useTemporaryDirectories()

describe('directory reads and the connector behind each profile', () => {
  it('builds the connector from the stored values and the keychain token, once per profile', async () => {
    const services = await startServices(newDirectory())
    const profileId = await addOktaProfile(services, 'Okta prod', { deprovisionMode: 'deactivate' })
    services.fake.addUser('Ada', 'Lovelace')
    const first = await services.handlers['directory.list']({ profileId: profileId, objectType: 'users', search: '', pageSize: 100 })
    await services.handlers['directory.list']({ profileId: profileId, objectType: 'users', search: 'ada', pageSize: 100 })
    expect(first.items.map((item) => item.displayName)).toEqual(['Ada Lovelace'])
    expect(services.fake.built).toHaveLength(1)
    expect(services.fake.built[0]).toMatchObject({
      profileId,
      profileName: 'Okta prod',
      values: { url: 'https://acme.okta.com', deprovisionMode: 'deactivate' },
      secrets: { token: oktaToken },
    })
    expect(services.logger.secrets.has(oktaToken)).toBe(true)
  })

  it('drops and closes a profile\'s connector when the profile changes or is deleted', async () => {
    const services = await startServices(newDirectory())
    const profileId = await addOktaProfile(services)
    await services.handlers['directory.testConnection']({ profileId: profileId })
    await services.handlers['profiles.update']({ profileId: profileId, secrets: { token: 'rotated-token' } })
    await services.handlers['directory.testConnection']({ profileId: profileId })
    expect(services.fake.built.map((settings) => settings.secrets.token)).toEqual([oktaToken, 'rotated-token'])
    // The requests of the closed connector end their retry waits in the same count as the new one's.
    expect(services.fake.built[0]?.retryWaits).toBeDefined()
    expect(services.fake.built[1]?.retryWaits).toBe(services.fake.built[0]?.retryWaits)
    await services.handlers['profiles.delete']({ profileId: profileId })
    await Promise.resolve()
    expect(services.fake.closed).toBe(2)
    await expect(services.handlers['directory.testConnection']({ profileId: profileId })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('pages through a list with the adapter\'s cursor', async () => {
    const services = await startServices(newDirectory())
    const profileId = await addOktaProfile(services)
    for (const name of ['Ada', 'Grace', 'Alan']) services.fake.addUser(name, 'Tester')
    const first = await services.handlers['directory.list']({ profileId: profileId, objectType: 'users', search: '', pageSize: 2 })
    const second = await services.handlers['directory.list']({ profileId: profileId, objectType: 'users', search: '', pageSize: 2, cursor: first.nextCursor })
    expect([...first.items, ...second.items].map((item) => item.displayName)).toEqual(['Ada Tester', 'Grace Tester', 'Alan Tester'])
    expect(second.nextCursor).toBeNull()
  })

  it('reads one object with its attributes, and a list, a group\'s members and a user\'s groups as rows', async () => {
    const services = await startServices(newDirectory())
    const profileId = await addOktaProfile(services)
    const userId = services.fake.addUser('Ada', 'Lovelace')
    const groupId = services.fake.addGroup('Engineering')
    services.fake.addMembership(groupId, userId)
    expect(await services.handlers['directory.get']({ profileId: profileId, objectType: 'users', objectId: userId })).toMatchObject({
      id: userId,
      displayName: 'Ada Lovelace',
      status: { label: 'ACTIVE' },
      attributes: { 'name.givenName': 'Ada' },
    })
    const list = await services.handlers['directory.list']({ profileId: profileId, objectType: 'users', search: '', pageSize: 100 })
    const members = await services.handlers['directory.members']({ profileId: profileId, objectType: 'groups', objectId: groupId, pageSize: 50 })
    const groups = await services.handlers['directory.groupsOf']({ profileId: profileId, objectType: 'users', objectId: userId, pageSize: 50 })
    expect(members.items.map((item) => item.id)).toEqual([userId])
    expect(groups.items.map((item) => item.id)).toEqual([groupId])
    // A table keeps rows; the detail panel reads the object by id, so no list carries attributes.
    for (const item of [...list.items, ...members.items, ...groups.items]) {
      expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'objectType', 'readOnlyReason', 'secondary', 'status'])
    }
    await expect(
      services.handlers['directory.members']({ profileId: profileId, objectType: 'users', objectId: userId, pageSize: 50 }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: 'Users have no members to list.' })
  })

  it('cancels the list still running when a new one comes with the same request key', async () => {
    const services = await startServices(newDirectory())
    const profileId = await addOktaProfile(services)
    services.fake.addUser('Ada', 'Lovelace')
    const release = services.fake.holdLists()
    const older = services.call('directory.list', { profileId: profileId, objectType: 'users', search: 'a', requestKey: 'users-table' })
    const other = services.call('directory.list', { profileId: profileId, objectType: 'users', search: 'a', requestKey: 'picker' })
    await waitFor(() => services.fake.calls.length === 2)
    const newer = services.call('directory.list', { profileId: profileId, objectType: 'users', search: 'ad', requestKey: 'users-table' })
    expect(await older).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    release()
    expect(await newer).toMatchObject({ ok: true, value: { items: [{ displayName: 'Ada Lovelace' }] } })
    expect(await other).toMatchObject({ ok: true })
  })

  it('cancels by request key on directory.cancel', async () => {
    const services = await startServices(newDirectory())
    const profileId = await addOktaProfile(services)
    const release = services.fake.holdLists()
    const running = services.call('directory.list', { profileId: profileId, objectType: 'users', requestKey: 'users-table' })
    await waitFor(() => services.fake.calls.length === 1)
    expect(await services.call('directory.cancel', { requestKey: 'users-table' })).toEqual({ ok: true, value: null })
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(await services.call('directory.cancel', { requestKey: 'nothing-running' })).toEqual({ ok: true, value: null })
    release()
  })
})

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5))
  if (!condition()) throw new Error('condition not reached')
}
