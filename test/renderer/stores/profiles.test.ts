import { beforeEach, describe, expect, it } from 'vitest'
import { useProfilesStore } from '../../../renderer/src/stores/profiles'
import { profileView, type FakeLanyardApi } from '../support/fakeLanyardApi'
import { flushPromises, freshStoresWithApi } from '../support/storeSetup'

let api: FakeLanyardApi

beforeEach(() => {
  api = freshStoresWithApi()
})

describe('the profiles store', () => {
  it('loads the list and groups it by connector in catalogue order, profiles by name', async () => {
    const coupa = profileView({ connectorId: 'coupa', name: 'Coupa test', values: { url: 'https://acme.coupahost.com' }, secrets: { apiKey: 'stored' } })
    const oktaB = profileView({ name: 'Okta B' })
    const oktaA = profileView({ name: 'Okta A' })
    api.answer('profiles.list', () => ({ ok: true, value: [oktaB, coupa, oktaA] }))
    const store = useProfilesStore()

    await store.load()

    expect(store.items).toHaveLength(3)
    expect(store.error).toBeNull()
    expect(store.groups.map((group) => group.descriptor.id)).toEqual(['coupa', 'okta'])
    expect(store.groups[1]?.profiles.map((profile) => profile.name)).toEqual(['Okta A', 'Okta B'])
  })

  it('keeps the error of a failed load and shows loading while it runs', async () => {
    let release: () => void = () => undefined
    api.answer('profiles.list', () =>
      new Promise((resolve) => {
        release = () => resolve({ ok: false, error: { code: 'network', message: 'Not answering.' } })
      }),
    )
    const store = useProfilesStore()

    const loading = store.load()
    expect(store.loading).toBe(true)
    release()
    await loading

    expect(store.loading).toBe(false)
    expect(store.error?.code).toBe('network')
  })

  it('adds a created profile to the list without waiting for the change event', async () => {
    const created = profileView({ name: 'New one' })
    api.answer('profiles.create', () => ({ ok: true, value: created }))
    const store = useProfilesStore()

    const result = await store.create({
      connectorId: 'okta',
      name: 'New one',
      environment: 'sandbox',
      values: { url: 'https://acme.okta.com' },
      secrets: { token: 'typed-token' },
    })

    expect(result.ok).toBe(true)
    expect(store.items.map((profile) => profile.name)).toEqual(['New one'])
    expect(api.callsTo('profiles.create')).toHaveLength(1)
  })

  it('reloads the list when main reports the profile was saved but the keychain failed', async () => {
    const saved = profileView({ name: 'Half saved', secrets: { token: 'missing' } })
    api.answer('profiles.create', () => ({
      ok: false,
      error: { code: 'keychain_unavailable', message: 'Saved without the Token.', details: { profileId: saved.id } },
    }))
    api.answer('profiles.list', () => ({ ok: true, value: [saved] }))
    const store = useProfilesStore()

    const result = await store.create({ connectorId: 'okta', name: 'Half saved', environment: 'sandbox', values: {}, secrets: {} })

    expect(result.ok).toBe(false)
    expect(store.find(saved.id)?.secrets.token).toBe('missing')
  })

  it('removes a deleted profile from the list', async () => {
    const kept = profileView()
    const deleted = profileView()
    api.answer('profiles.list', () => ({ ok: true, value: [kept, deleted] }))
    api.answer('profiles.delete', () => ({ ok: true, value: null }))
    const store = useProfilesStore()
    await store.load()

    await store.remove(deleted.id)

    expect(store.items.map((profile) => profile.id)).toEqual([kept.id])
    expect(api.callsTo('profiles.delete')).toEqual([{ profileId: deleted.id }])
  })

  it('refreshes from main on every profiles.changed event once it listens', async () => {
    let current = [profileView({ name: 'First' })]
    api.answer('profiles.list', () => ({ ok: true, value: current }))
    const store = useProfilesStore()
    store.listen()
    store.listen()
    await store.load()

    current = [...current, profileView({ name: 'Added elsewhere' })]
    api.emit('profiles.changed', { profileIds: [current[1]!.id] })
    await flushPromises()

    expect(store.items.map((profile) => profile.name)).toEqual(['First', 'Added elsewhere'])
    // One subscription only: a second listen() must not double every refresh.
    expect(api.callsTo('profiles.list')).toHaveLength(2)
  })

  it('stops refreshing after it stops listening', async () => {
    api.answer('profiles.list', () => ({ ok: true, value: [] }))
    const store = useProfilesStore()
    store.listen()
    store.stopListeningForChanges()

    api.emit('profiles.changed', { profileIds: [] })
    await flushPromises()

    expect(api.callsTo('profiles.list')).toHaveLength(0)
  })

  it('reloads after an import so the imported profiles appear', async () => {
    const imported = profileView({ name: 'Imported', secrets: { token: 'missing' } })
    api.answer('profiles.import', () => ({ ok: true, value: { added: [imported], replaced: [], skipped: 0 } }))
    api.answer('profiles.list', () => ({ ok: true, value: [imported] }))
    const store = useProfilesStore()

    await store.importProfiles('{"file":true}', [{ index: 0, action: 'add' }])

    expect(api.callsTo('profiles.import')).toEqual([{ content: '{"file":true}', resolutions: [{ index: 0, action: 'add' }] }])
    expect(store.items.map((profile) => profile.name)).toEqual(['Imported'])
  })
})
