import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../support/expectAppError'
import { createProfileServiceHarness } from '../../support/profileServiceHarness'
import { oktaProfile, validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()
const setUp = () => createProfileServiceHarness(newDirectory())

function pendingRemovals(directory: string): unknown {
  return JSON.parse(readFileSync(join(directory, 'profiles.json'), 'utf8')).pendingSecretRemovals
}

describe('ProfileService when the keychain is unavailable', () => {
  it('still saves a new profile, then says its token could not be stored and what to do', async () => {
    const { service, store, changes } = await setUp()
    store.failing = true
    const error = await expectAppError(service.create(oktaProfile('Okta prod', { token: 'tok-1' })), 'keychain_unavailable')

    const [saved] = await service.list()
    expect(saved).toMatchObject({ name: 'Okta prod', secrets: { token: 'missing' } })
    expect(error.message).toMatch(/^Profile "Okta prod" was saved, but its Token could not be stored in the keychain\./)
    expect(error.message).toContain('Open the profile again to enter it once the keychain is available.')
    expect(error.extra.details).toEqual({ profileId: saved?.id })
    expect(changes).toEqual([[saved?.id]])

    store.failing = false
    expect((await service.get(saved?.id ?? '')).secrets).toEqual({ token: 'missing' })
  })

  it('still saves the other changes of an update', async () => {
    const { service, store } = await setUp()
    const profile = await service.create(oktaProfile('Okta prod', { token: 'tok-1' }))
    store.failing = true
    await expectAppError(service.update({ profileId: profile.id, name: 'Okta live', secrets: { token: 'tok-2' } }), 'keychain_unavailable')
    store.failing = false
    expect(await service.get(profile.id)).toMatchObject({ name: 'Okta live', secrets: { token: 'stored' } })
    expect(store.entries.get(`${profile.id}/token`)).toBe('tok-1')
  })

  it('saves a new address whose new secret the keychain refused without the old secret, which would go to the new address', async () => {
    const harness = await setUp()
    const profile = await harness.service.create(oktaProfile('Okta prod', { token: 'tok-1' }))
    harness.store.failing = true
    const error = await expectAppError(
      harness.service.update({ profileId: profile.id, values: { url: 'https://elsewhere.okta.com' }, secrets: { token: 'tok-2' } }),
      'keychain_unavailable',
    )
    expect(error.message).toMatch(/^Profile "Okta prod" was saved, but its Token could not be stored in the keychain\./)
    harness.store.failing = false
    expect(await harness.service.get(profile.id)).toMatchObject({ values: { url: 'https://elsewhere.okta.com' }, secrets: { token: 'missing' } })
    expect(await harness.secrets.read(profile.id, 'token')).toBeNull()
    await harness.service.removePendingSecrets()
    expect(harness.store.entries.has(`${profile.id}/token`)).toBe(false)
    expect(pendingRemovals(harness.directory)).toEqual([])
  })

  it('still saves a duplicate and names the secrets it could not copy', async () => {
    const { service, store } = await setUp()
    const profile = await service.create({
      connectorId: 'gotomeeting',
      name: 'GoTo',
      environment: 'real',
      values: validValues.gotomeeting,
      secrets: { password: 'pw', clientSecret: 'cs' },
    })
    store.failing = true
    const error = await expectAppError(service.duplicate({ profileId: profile.id }), 'keychain_unavailable')
    expect(error.message).toContain('Profile "GoTo (copy)" was saved, but its Personal access token, Password and Client Secret could not be copied in the keychain.')
    store.failing = false
    expect((await service.list()).map((view) => view.name)).toEqual(['GoTo', 'GoTo (copy)'])
  })

  it('lists profiles with their secrets shown as missing instead of failing', async () => {
    const harness = await setUp()
    await harness.service.create(oktaProfile('Okta prod', { token: 'tok-1' }))
    harness.store.failing = true
    const { service } = await harness.restart()
    expect((await service.list()).map((view) => view.secrets)).toEqual([{ token: 'missing' }])
    expect(harness.logger.lines.some((line) => line.message.includes('keychain lookup failed'))).toBe(true)

    harness.store.failing = false
    expect((await service.list()).map((view) => view.secrets)).toEqual([{ token: 'stored' }])
  })

  it('deletes the profile anyway, remembers its keychain entries and removes them once the keychain is back', async () => {
    const harness = await setUp()
    const doomed = await harness.service.create(oktaProfile('Doomed', { token: 'tok-1' }))
    harness.store.failing = true
    const error = await expectAppError(harness.service.delete(doomed.id), 'keychain_unavailable')
    expect(error.message).toContain('Profile "Doomed" was deleted, but its Token could not be removed from the keychain.')
    expect(await harness.service.list()).toEqual([])
    expect(pendingRemovals(harness.directory)).toEqual([{ profileId: doomed.id, keys: ['token'] }])

    harness.store.failing = false
    const { service } = await harness.restart()
    await service.removePendingSecrets()
    expect(harness.store.entries.size).toBe(0)
    expect(pendingRemovals(harness.directory)).toEqual([])
  })

  it('keeps entries recorded while the keychain is still locked', async () => {
    const harness = await setUp()
    const doomed = await harness.service.create(oktaProfile('Doomed', { token: 'tok-1' }))
    harness.store.failing = true
    await expectAppError(harness.service.delete(doomed.id), 'keychain_unavailable')
    await harness.service.removePendingSecrets()
    expect(pendingRemovals(harness.directory)).toEqual([{ profileId: doomed.id, keys: ['token'] }])
    expect(harness.store.entries.get(`${doomed.id}/token`)).toBe('tok-1')
  })
})
