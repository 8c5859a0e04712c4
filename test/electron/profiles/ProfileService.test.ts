import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../support/expectAppError'
import { createProfileServiceHarness } from '../../support/profileServiceHarness'
import { oktaProfile, validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()
const setUp = () => createProfileServiceHarness(newDirectory())
const missingId = '00000000-0000-4000-8000-000000000000'

describe('ProfileService: saving profiles', () => {
  it('saves the values on disk, the secret in the keychain, and shows the secret only as stored', async () => {
    const { service, store, directory, changes } = await setUp()
    const view = await service.create(oktaProfile('Okta prod', { token: 'tok-1' }))

    expect(view).toMatchObject({ connectorId: 'okta', name: 'Okta prod', values: validValues.okta, secrets: { token: 'stored' } })
    expect(store.entries.get(`${view.id}/token`)).toBe('tok-1')
    const onDisk = readFileSync(join(directory, 'profiles.json'), 'utf8')
    expect(JSON.parse(onDisk).profiles[0]).toMatchObject({ id: view.id, name: 'Okta prod' })
    expect(onDisk).not.toContain('tok-1')
    expect(changes).toEqual([[view.id]])
  })

  it('stores values trimmed and ignores a secret left blank', async () => {
    const { service, store } = await setUp()
    const view = await service.create({ ...oktaProfile('Blank', { token: '' }), values: { url: '  https://acme.okta.com  ' } })
    expect(view.values).toEqual({ url: 'https://acme.okta.com' })
    expect(view.secrets).toEqual({ token: 'missing' })
    expect(store.entries.size).toBe(0)
  })

  it('refuses invalid values field by field and saves nothing', async () => {
    const { service, changes } = await setUp()
    const error = await expectAppError(service.create({ ...oktaProfile('Bad'), values: { url: 'acme.okta.com', colour: 'red' } }), 'invalid_input')
    expect(Object.keys(error.extra.fields ?? {}).sort()).toEqual(['colour', 'url'])
    expect(error.message).toContain('Target URL: Enter a full address')
    expect(await service.list()).toEqual([])
    expect(changes).toEqual([])
  })

  it('refuses a secret typed into the plain values, so it can never reach the disk', async () => {
    const { service } = await setUp()
    const error = await expectAppError(service.create({ ...oktaProfile('Leaky'), values: { ...validValues.okta, token: 'tok' } }), 'invalid_input')
    expect(error.extra.fields).toHaveProperty('token')
    expect(await service.list()).toEqual([])
  })

  it('refuses a secret for a parameter that is not a secret of the connector', async () => {
    const { service, store } = await setUp()
    const error = await expectAppError(service.create(oktaProfile('Odd', { url: 'x', apiKey: 'y' })), 'invalid_input')
    expect(Object.keys(error.extra.fields ?? {}).sort()).toEqual(['apiKey', 'url'])
    expect(error.message).toContain('The secrets it keeps are: token.')
    expect(store.entries.size).toBe(0)
  })

  it('refuses a second profile of the same connector with the same name, whatever its case', async () => {
    const { service } = await setUp()
    await service.create(oktaProfile('Okta prod'))
    const error = await expectAppError(service.create(oktaProfile('okta PROD')), 'conflict')
    expect(error.message).toBe('There is already a Okta profile named "okta PROD". Choose another name.')
    expect(error.extra.fields).toHaveProperty('name')
    await expect(
      service.create({ connectorId: 'coupa', name: 'Okta prod', environment: 'real', values: validValues.coupa, secrets: {} }),
    ).resolves.toMatchObject({ connectorId: 'coupa' })
  })

  it('does not let two simultaneous saves both take the same name', async () => {
    const { service } = await setUp()
    const outcomes = await Promise.allSettled([service.create(oktaProfile('Twin')), service.create(oktaProfile('Twin'))])
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(await service.list()).toHaveLength(1)
  })

  it('answers not_found for an id it does not know', async () => {
    const { service } = await setUp()
    await expectAppError(service.get(missingId), 'not_found')
    await expectAppError(service.update({ profileId: missingId, secrets: {} }), 'not_found')
    await expectAppError(service.delete(missingId), 'not_found')
    await expectAppError(service.duplicate({ profileId: missingId }), 'not_found')
  })

  it('keeps profiles and secret states across a restart', async () => {
    const harness = await setUp()
    const created = await harness.service.create(oktaProfile('Okta prod', { token: 'tok-1' }))
    const { service } = await harness.restart()
    expect(await service.list()).toEqual([created])
  })

  it('asks the keychain once per secret and answers later listings from its cache', async () => {
    const harness = await setUp()
    await harness.service.create(oktaProfile('A', { token: 'a' }))
    await harness.service.create(oktaProfile('B'))
    const { service } = await harness.restart()
    harness.store.lookups = 0
    await service.list()
    expect(harness.store.lookups).toBe(2)
    await service.list()
    expect(harness.store.lookups).toBe(2)
  })
})

describe('ProfileService: changing profiles', () => {
  it('replaces a secret, keeps one not mentioned and clears one set to null', async () => {
    const { service, store } = await setUp()
    const profile = await service.create({
      connectorId: 'gotomeeting',
      name: 'GoTo',
      environment: 'real',
      values: validValues.gotomeeting,
      secrets: { password: 'pw-1', clientSecret: 'cs-1' },
    })
    const kept = await service.update({ profileId: profile.id, secrets: { password: 'pw-2' } })
    expect(kept.secrets).toEqual({ personalAccessToken: 'missing', password: 'stored', clientSecret: 'stored' })
    expect(store.entries.get(`${profile.id}/password`)).toBe('pw-2')
    expect(store.entries.get(`${profile.id}/clientSecret`)).toBe('cs-1')

    const cleared = await service.update({ profileId: profile.id, secrets: { clientSecret: null, password: '' } })
    expect(cleared.secrets).toEqual({ personalAccessToken: 'missing', password: 'stored', clientSecret: 'missing' })
    expect(store.entries.has(`${profile.id}/clientSecret`)).toBe(false)
  })

  it('takes the values given as the complete new set and keeps what is not mentioned', async () => {
    const { service } = await setUp()
    const profile = await service.create({ connectorId: 'coupa', name: 'Coupa', environment: 'real', values: validValues.coupa, secrets: {} })
    const updated = await service.update({ profileId: profile.id, values: { url: 'https://other.coupahost.com' }, secrets: {} })
    expect(updated).toMatchObject({ name: 'Coupa', environment: 'real', values: { url: 'https://other.coupahost.com' } })
    const renamed = await service.update({ profileId: profile.id, name: 'COUPA', environment: 'real', secrets: {} })
    expect(renamed).toMatchObject({ name: 'COUPA', environment: 'real', values: { url: 'https://other.coupahost.com' } })
  })

  it('refuses a rename onto another profile of the same connector', async () => {
    const { service } = await setUp()
    await service.create(oktaProfile('First'))
    const second = await service.create(oktaProfile('Second'))
    await expectAppError(service.update({ profileId: second.id, name: 'first', secrets: {} }), 'conflict')
    expect((await service.get(second.id)).name).toBe('Second')
  })

  it('duplicates values and secrets under "(copy)", then "(copy 2)"', async () => {
    const { service, store } = await setUp()
    const original = await service.create(oktaProfile('Okta prod', { token: 'tok-1' }))
    const copy = await service.duplicate({ profileId: original.id })
    const second = await service.duplicate({ profileId: original.id })

    expect([copy.name, second.name]).toEqual(['Okta prod (copy)', 'Okta prod (copy 2)'])
    expect(copy.id).not.toBe(original.id)
    expect(copy).toMatchObject({ values: original.values, environment: original.environment, secrets: { token: 'stored' } })
    expect(store.entries.get(`${copy.id}/token`)).toBe('tok-1')
  })

  it('duplicates under a given name, refusing one that is taken', async () => {
    const { service } = await setUp()
    const original = await service.create(oktaProfile('Okta prod'))
    await expectAppError(service.duplicate({ profileId: original.id, name: 'Okta prod' }), 'conflict')
    expect(await service.duplicate({ profileId: original.id, name: 'Okta staging' })).toMatchObject({ name: 'Okta staging' })
  })

  it('deletes the profile and its keychain entries, and says so', async () => {
    const { service, store, changes } = await setUp()
    const doomed = await service.create(oktaProfile('Doomed', { token: 'tok-1' }))
    const kept = await service.create(oktaProfile('Kept', { token: 'tok-2' }))
    await expect(service.delete(doomed.id)).resolves.toBeNull()

    expect((await service.list()).map((profile) => profile.id)).toEqual([kept.id])
    expect([...store.entries.keys()]).toEqual([`${kept.id}/token`])
    expect(changes.at(-1)).toEqual([doomed.id])
  })
})
