import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { KeytarSecretStore } from '../../../electron/secrets/KeytarSecretStore'
import { secretAccount } from '../../../electron/secrets/SecretStore'
import { createTestServices } from '../../support/createTestServices'
import { oktaProfile } from '../../support/profileInputs'
import { requireReachableKeychain } from '../../support/requireReachableKeychain'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

// These tests use the real OS keychain (on Linux: the throw-away gnome-keyring started by
// withPrivateKeyring.mjs), under the `lanyard-test` service only.
const newDirectory = useTemporaryDirectories()
const written: { store: KeytarSecretStore; profileId: string; key: string }[] = []

function remember(store: KeytarSecretStore, profileId: string, key: string) {
  written.push({ store, profileId, key })
}

afterEach(async () => {
  for (const { store, profileId, key } of written.splice(0)) await store.delete(profileId, key)
})

describe('KeytarSecretStore on the real keychain', () => {
  it('uses the service named by LANYARD_KEYCHAIN_SERVICE and one account per profile and parameter', async () => {
    await requireReachableKeychain()
    expect(new KeytarSecretStore().service).toBe('lanyard-test')
    expect(secretAccount('1b4e28ba-2fa1-11d2-883f-0016d3cca427', 'token')).toBe('1b4e28ba-2fa1-11d2-883f-0016d3cca427/token')
  })

  it('stores, reads back, replaces and deletes a secret', async () => {
    await requireReachableKeychain()
    const store = new KeytarSecretStore()
    const profileId = randomUUID()
    remember(store, profileId, 'token')
    expect(await store.get(profileId, 'token')).toBeNull()
    await store.set(profileId, 'token', 'first-värde-🔑')
    expect(await store.get(profileId, 'token')).toBe('first-värde-🔑')
    await store.set(profileId, 'token', 'second')
    expect(await store.get(profileId, 'token')).toBe('second')
    await store.delete(profileId, 'token')
    expect(await store.get(profileId, 'token')).toBeNull()
  })

  it('keeps the secrets of different parameters, profiles and services apart', async () => {
    await requireReachableKeychain()
    const store = new KeytarSecretStore()
    const other = new KeytarSecretStore({ service: 'lanyard-test-other' })
    const profileId = randomUUID()
    remember(store, profileId, 'password')
    remember(store, profileId, 'clientSecret')
    await store.set(profileId, 'password', 'pw')
    await store.set(profileId, 'clientSecret', 'cs')
    expect(await store.get(profileId, 'password')).toBe('pw')
    expect(await store.get(profileId, 'clientSecret')).toBe('cs')
    expect(await store.get(randomUUID(), 'password')).toBeNull()
    expect(await other.get(profileId, 'password')).toBeNull()
  })

  it('treats deleting a secret that is not there as done', async () => {
    await requireReachableKeychain()
    await expect(new KeytarSecretStore().delete(randomUUID(), 'token')).resolves.toBeUndefined()
  })

  it('reports itself available', async () => {
    await requireReachableKeychain()
    expect(await new KeytarSecretStore().isAvailable()).toBe(true)
  })

  it('backs the profile service end to end: a token saved, seen as stored after a restart, gone with its profile', async () => {
    await requireReachableKeychain()
    const directory = newDirectory()
    const secretStore = new KeytarSecretStore()
    const first = await createTestServices(directory, { secretStore })
    const created = await first.handlers['profiles.create'](oktaProfile('Okta real keychain', { token: 'real-keychain-token' }))
    remember(secretStore, created.id, 'token')
    expect(await secretStore.get(created.id, 'token')).toBe('real-keychain-token')

    const second = await createTestServices(directory, { secretStore: new KeytarSecretStore() })
    expect((await second.handlers['profiles.get']({ profileId: created.id })).secrets).toEqual({ token: 'stored' })
    expect((await second.handlers['app.info']({})).keychain).toBe('available')
    await second.handlers['profiles.delete']({ profileId: created.id })
    expect(await secretStore.get(created.id, 'token')).toBeNull()
  })
})
