import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../support/expectAppError'
import { createProfileServiceHarness } from '../../support/profileServiceHarness'
import { oktaProfile, validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

/*
 * Real tenants are https:// only, and http:// is for sandbox tenants on this computer: saving and
 * importing apply the rule the form shows (shared/secureAddress.ts), so no profile that would send
 * its credentials in clear gets into profiles.json.
 */

const newDirectory = useTemporaryDirectories()
const setUp = () => createProfileServiceHarness(newDirectory())

const realRefusal = 'Real tenants need an address starting with https://'

describe('saving a profile with an http:// address', () => {
  it('refuses a real profile with http://, at the address field, and saves nothing', async () => {
    const { service, store, changes } = await setUp()
    const input = { ...oktaProfile('Okta prod', { token: 'tok-1' }), environment: 'real' as const, values: { url: 'http://acme.okta.com' } }

    const error = await expectAppError(service.create(input), 'invalid_input')

    expect(error.extra.fields?.url).toContain(realRefusal)
    expect(error.extra.fields?.url).toContain('Use https://acme.okta.com instead.')
    expect(error.message).toContain(`Target URL: ${realRefusal}`)
    expect(await service.list()).toEqual([])
    expect(store.entries.size).toBe(0)
    expect(changes).toEqual([])
  })

  it('refuses a real profile with http:// even on this computer', async () => {
    const { service } = await setUp()
    const input = { ...oktaProfile('Okta local'), environment: 'real' as const, values: { url: 'http://127.0.0.1:4010' } }
    expect((await expectAppError(service.create(input), 'invalid_input')).extra.fields?.url).toContain(realRefusal)
  })

  it('keeps http:// for sandbox profiles on this computer, and refuses it for any other host', async () => {
    const { service } = await setUp()
    const local = await service.create({ ...oktaProfile('Okta sandbox'), environment: 'sandbox', values: { url: 'http://127.0.0.1:4010' } })
    expect(local.values.url).toBe('http://127.0.0.1:4010')

    const remote = { ...oktaProfile('Okta preview'), environment: 'sandbox' as const, values: { url: 'http://acme.oktapreview.com' } }
    const error = await expectAppError(service.create(remote), 'invalid_input')
    expect(error.extra.fields?.url).toContain('http:// is only for a sandbox tenant on this computer')
  })

  it('refuses turning a sandbox profile on http:// into a real one, and keeps it as it was', async () => {
    const { service } = await setUp()
    const sandbox = await service.create({ ...oktaProfile('Okta'), environment: 'sandbox', values: { url: 'http://localhost:4010' } })

    const error = await expectAppError(service.update({ profileId: sandbox.id, environment: 'real', secrets: {} }), 'invalid_input')

    expect(error.extra.fields?.url).toContain(realRefusal)
    expect(await service.get(sandbox.id)).toMatchObject({ environment: 'sandbox', values: { url: 'http://localhost:4010' } })
  })

  it('refuses changing a real profile address to http://', async () => {
    const { service } = await setUp()
    const real = await service.create({ ...oktaProfile('Okta prod'), environment: 'real' })

    const error = await expectAppError(service.update({ profileId: real.id, values: { url: 'http://acme.okta.com' }, secrets: {} }), 'invalid_input')

    expect(error.extra.fields?.url).toContain(realRefusal)
    expect((await service.get(real.id)).values).toEqual(validValues.okta)
  })
})

function exportText(profiles: { name: string; environment: string; url: string }[]): string {
  return JSON.stringify({
    format: 'lanyard-profiles',
    version: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    profiles: profiles.map(({ name, environment, url }) => ({ connectorId: 'okta', name, environment, values: { url } })),
  })
}

const mixedFile = exportText([
  { name: 'Okta prod', environment: 'real', url: 'https://acme.okta.com' },
  { name: 'Okta prod (old)', environment: 'real', url: 'http://acme.okta.com' },
  { name: 'Okta sandbox', environment: 'sandbox', url: 'http://127.0.0.1:4010' },
  { name: 'Okta preview', environment: 'sandbox', url: 'http://acme.oktapreview.com' },
])

describe('importing a profile with an http:// address', () => {
  it('flags the entries whose address would carry credentials in clear, each with its reason, and only those', async () => {
    const { service } = await setUp()
    const preview = await service.importPreview(mixedFile)

    expect(preview.map((entry) => entry.refusal === null)).toEqual([true, false, true, false])
    expect(preview[1]?.refusal).toBe(
      'Target URL: Real tenants need an address starting with https://, since over http:// the credentials would travel in clear. ' +
        'Use https://acme.okta.com instead. Skip this profile, or correct its address in the file and import it again.',
    )
    // A "Sandbox" off this computer is a real tenant (see honestEnvironments.test.ts), refused as such.
    expect(preview[3]).toMatchObject({ environment: 'real', refusal: expect.stringContaining(realRefusal) })
  })

  it('refuses to add, rename or replace a flagged entry, naming it, and imports nothing', async () => {
    const { service } = await setUp()
    await service.create({ ...oktaProfile('Okta prod (old)'), environment: 'real' })
    for (const resolution of [{ index: 1, action: 'add' }, { index: 1, action: 'rename', name: 'Okta again' }, { index: 1, action: 'replace' }] as const) {
      const error = await expectAppError(service.import(mixedFile, [resolution, { index: 3, action: 'skip' }]), 'invalid_input')
      expect(error.message).toContain('Profile #2 ("Okta prod (old)") cannot be imported: Target URL: Real tenants need')
    }
    expect((await service.list()).map((profile) => profile.name)).toEqual(['Okta prod (old)'])
    expect((await service.list())[0]?.values).toEqual(validValues.okta)
  })

  it('imports the rest when the flagged entries are skipped', async () => {
    const { service } = await setUp()
    const result = await service.import(mixedFile, [
      { index: 1, action: 'skip' },
      { index: 3, action: 'skip' },
    ])
    expect(result.added.map((profile) => [profile.name, profile.values.url])).toEqual([
      ['Okta prod', 'https://acme.okta.com'],
      ['Okta sandbox', 'http://127.0.0.1:4010'],
    ])
    expect(result.skipped).toBe(2)
  })
})
