import { describe, expect, it } from 'vitest'
import { exportFileSchema } from '../../../shared/profiles'
import { expectAppError } from '../../support/expectAppError'
import { createProfileServiceHarness } from '../../support/profileServiceHarness'
import { oktaProfile, validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()
const setUp = () => createProfileServiceHarness(newDirectory())

function exportText(profiles: { connectorId: string; name: string; environment?: string; values?: Record<string, string> }[]): string {
  return JSON.stringify({
    format: 'lanyard-profiles',
    version: 1,
    exportedAt: '2025-01-01T00:00:00.000Z',
    profiles: profiles.map((profile) => ({ environment: 'real', values: validValues.okta, ...profile })),
  })
}

describe('exporting profiles', () => {
  it('writes the chosen profiles as a pretty, secret-free Lanyard export', async () => {
    const { service } = await setUp()
    const okta = await service.create(oktaProfile('Okta prod', { token: 'tok-secret' }))
    await service.create(oktaProfile('Not chosen'))
    const exported = await service.export([okta.id])

    expect(exported.fileName).toMatch(/^lanyard-\d{4}-\d{2}-\d{2}\.lanyard-profiles\.json$/)
    expect(exported.content).toContain('\n  "format": "lanyard-profiles"')
    expect(exported.content).not.toContain('tok-secret')
    const file = exportFileSchema.parse(JSON.parse(exported.content))
    expect(file.profiles).toEqual([{ connectorId: 'okta', name: 'Okta prod', environment: 'real', values: validValues.okta }])
  })

  it('refuses to export a profile that no longer exists', async () => {
    const { service } = await setUp()
    await expectAppError(service.export(['00000000-0000-4000-8000-000000000000']), 'not_found')
  })
})

describe('previewing an import', () => {
  it('says plainly when the file is not JSON, not a Lanyard export, or from a newer version', async () => {
    const { service } = await setUp()
    expect((await expectAppError(service.importPreview('name,url\nx,y'), 'invalid_input')).message).toContain('it is not valid JSON')
    expect((await expectAppError(service.importPreview('{"users":[]}'), 'invalid_input')).message).toContain('not a Lanyard profile export')
    const newer = JSON.stringify({ format: 'lanyard-profiles', version: 2, profiles: [] })
    expect((await expectAppError(service.importPreview(newer), 'invalid_input')).message).toContain('newer version of Lanyard')
    const empty = exportText([])
    expect((await expectAppError(service.importPreview(empty), 'invalid_input')).message).toContain('contains no profiles')
  })

  it('names the entry at fault and what is wrong with it', async () => {
    const { service } = await setUp()
    const content = exportText([
      { connectorId: 'okta', name: 'Fine' },
      { connectorId: 'salesforce', name: 'Unknown' },
      { connectorId: 'okta', name: 'Bad URL', values: { url: 'not a url' } },
      { connectorId: 'okta', name: 'With secret', values: { ...validValues.okta, token: 'tok' } },
    ])
    const error = await expectAppError(service.importPreview(content), 'invalid_input')
    expect(error.message).toContain('Profile #2 ("Unknown") has an unknown connector "salesforce"')
    expect(error.message).toContain('Profile #3 ("Bad URL") has values Lanyard cannot accept — Target URL: Enter a full address')
    expect(error.message).toContain('Profile #4 ("With secret") has values Lanyard cannot accept — Token:')
    expect(Object.keys(error.extra.fields ?? {})).toEqual(['profiles.1', 'profiles.2', 'profiles.3'])
  })

  it('reports clashes with existing profiles, a free name for each, and the secrets each needs', async () => {
    const { service } = await setUp()
    const existing = await service.create(oktaProfile('Okta prod'))
    await service.create(oktaProfile('Okta prod (2)'))
    const preview = await service.importPreview(
      exportText([
        { connectorId: 'okta', name: 'okta prod' },
        { connectorId: 'gotomeeting', name: 'GoTo', values: validValues.gotomeeting },
      ]),
    )
    expect(preview).toEqual([
      {
        index: 0,
        connectorId: 'okta',
        name: 'okta prod',
        environment: 'real',
        clashesWith: existing.id,
        suggestedName: 'okta prod (3)',
        secretsNeeded: ['token'],
        refusal: null,
      },
      {
        index: 1,
        connectorId: 'gotomeeting',
        name: 'GoTo',
        environment: 'real',
        clashesWith: null,
        suggestedName: 'GoTo',
        secretsNeeded: ['password', 'clientSecret'],
        refusal: null,
      },
    ])
  })
})

describe('importing profiles', () => {
  it('adds new profiles with every secret missing, so the app asks for them', async () => {
    const { service, changes } = await setUp()
    const result = await service.import(exportText([{ connectorId: 'okta', name: 'Okta prod' }]), [])
    expect(result.added).toEqual([expect.objectContaining({ name: 'Okta prod', values: validValues.okta, secrets: { token: 'missing' } })])
    expect(result).toMatchObject({ replaced: [], skipped: 0 })
    expect(changes.at(-1)).toEqual([result.added[0]?.id])
  })

  it('renames, skips or replaces clashing profiles as chosen', async () => {
    const { service, store } = await setUp()
    const replacedProfile = await service.create(oktaProfile('Replace me', { token: 'old-token' }))
    await service.create(oktaProfile('Skip me'))
    await service.create(oktaProfile('Rename me'))
    const content = exportText([
      { connectorId: 'okta', name: 'Replace me', environment: 'real', values: { url: 'https://new.okta.com' } },
      { connectorId: 'okta', name: 'Skip me' },
      { connectorId: 'okta', name: 'Rename me' },
    ])
    const result = await service.import(content, [
      { index: 0, action: 'replace' },
      { index: 1, action: 'skip' },
      { index: 2, action: 'rename', name: 'Renamed' },
    ])

    expect(result.skipped).toBe(1)
    expect(result.added.map((profile) => profile.name)).toEqual(['Renamed'])
    expect(result.replaced).toEqual([
      expect.objectContaining({
        id: replacedProfile.id,
        environment: 'real',
        values: { url: 'https://new.okta.com' },
        secrets: { token: 'missing' },
        createdAt: replacedProfile.createdAt,
      }),
    ])
    expect(store.entries.has(`${replacedProfile.id}/token`)).toBe(false)
    expect((await service.list()).map((profile) => profile.name)).toEqual(['Replace me', 'Skip me', 'Rename me', 'Renamed'])
  })

  it('refuses the whole import when a clash is left unresolved, importing nothing', async () => {
    const { service } = await setUp()
    await service.create(oktaProfile('Okta prod'))
    const content = exportText([
      { connectorId: 'okta', name: 'New one' },
      { connectorId: 'okta', name: 'Okta prod' },
    ])
    const error = await expectAppError(service.import(content, []), 'conflict')
    expect(error.message).toContain('Profile #2 ("Okta prod") would be imported as "Okta prod"')
    expect(await service.list()).toHaveLength(1)
  })

  it('refuses resolutions that make no sense, naming the entry', async () => {
    const { service } = await setUp()
    const content = exportText([{ connectorId: 'okta', name: 'Okta prod' }])
    expect((await expectAppError(service.import(content, [{ index: 0, action: 'replace' }]), 'invalid_input')).message).toContain(
      'has no existing Okta profile of that name to replace',
    )
    expect((await expectAppError(service.import(content, [{ index: 3, action: 'skip' }]), 'invalid_input')).message).toContain(
      'there is no profile #4',
    )
    await expectAppError(service.import(content, [{ index: 0, action: 'rename' }]), 'invalid_input')
  })

  it('imports all, uses no old secret and says which linger when the keychain cannot remove the old secrets', async () => {
    const { service, store } = await setUp()
    const existing = await service.create(oktaProfile('Okta prod', { token: 'old-token' }))
    store.failing = true
    const content = exportText([
      { connectorId: 'okta', name: 'Okta prod', values: { url: 'https://new.okta.com' } },
      { connectorId: 'okta', name: 'Other' },
    ])
    const error = await expectAppError(service.import(content, [{ index: 0, action: 'replace' }]), 'keychain_unavailable')
    expect(error.message).toMatch(/^The import is done: added "Other"; replaced "Okta prod", whose secrets must now be entered again\. The old Token of "Okta prod" could not be removed/)
    store.failing = false
    expect((await service.list()).map((profile) => [profile.name, profile.values, profile.secrets])).toEqual([
      ['Okta prod', { url: 'https://new.okta.com' }, { token: 'missing' }],
      ['Other', validValues.okta, { token: 'missing' }],
    ])
    expect(store.entries.get(`${existing.id}/token`)).toBe('old-token')
  })

  it('round-trips its own export into another installation', async () => {
    const source = await setUp()
    await source.service.create(oktaProfile('Okta prod', { token: 'tok' }))
    await source.service.create({ connectorId: 'cognito', name: 'Pool', environment: 'real', values: validValues.cognito, secrets: {} })
    const { content } = await source.service.export((await source.service.list()).map((profile) => profile.id))

    const target = await setUp()
    const result = await target.service.import(content, [])
    expect(result.added.map(({ connectorId, name, environment, values }) => ({ connectorId, name, environment, values }))).toEqual(
      (await source.service.list()).map(({ connectorId, name, environment, values }) => ({ connectorId, name, environment, values })),
    )
  })
})
