import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { currentSchemaVersion, type StoredProfile } from '../../../electron/profiles/profileFileSchema'
import { ProfileRepository } from '../../../electron/profiles/ProfileRepository'
import { createRecordingLogger } from '../../support/recordingLogger'
import { createProfileServiceHarness } from '../../support/profileServiceHarness'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()
const at = '2025-03-04T05:06:07.089Z'

function stored(name: string, environment: StoredProfile['environment'], url: string): StoredProfile {
  return { id: crypto.randomUUID(), connectorId: 'okta', name, environment, values: { url }, createdAt: at, updatedAt: at }
}

describe('stored Sandbox profiles that are not on this computer', () => {
  it('become Real at start-up, on disk too, and are named once so the person can be told', async () => {
    const directory = newDirectory()
    const misnamed = stored('Acme "sandbox"', 'sandbox', 'https://acme.okta.com')
    const loopback = stored('Local tenant', 'sandbox', 'http://127.0.0.1:4010')
    const real = stored('Acme prod', 'real', 'https://acme.okta.com')
    const file = { schemaVersion: currentSchemaVersion, profiles: [misnamed, loopback, real], pendingSecretRemovals: [] }
    writeFileSync(join(directory, 'profiles.json'), JSON.stringify(file))

    const first = await ProfileRepository.open(directory, createRecordingLogger())
    expect(first.list().map((profile) => profile.environment)).toEqual(['real', 'sandbox', 'real'])
    expect(first.profilesMadeReal).toEqual([{ profileId: misnamed.id, name: misnamed.name, connectorId: 'okta' }])
    const onDisk = JSON.parse(readFileSync(join(directory, 'profiles.json'), 'utf8')) as { profiles: StoredProfile[] }
    expect(onDisk.profiles.map((profile) => profile.environment)).toEqual(['real', 'sandbox', 'real'])

    // The note is for the start that changed it: the next start has nothing to say.
    const second = await ProfileRepository.open(directory, createRecordingLogger())
    expect(second.profilesMadeReal).toEqual([])
  })
})

describe('importing a Sandbox profile that is not on this computer', () => {
  it('previews and imports it as Real, and keeps a loopback Sandbox as it is', async () => {
    const { service } = await createProfileServiceHarness(newDirectory())
    const content = JSON.stringify({
      format: 'lanyard-profiles',
      version: 1,
      exportedAt: at,
      profiles: [
        { connectorId: 'okta', name: 'Acme', environment: 'sandbox', values: { url: 'https://acme.okta.com' } },
        { connectorId: 'okta', name: 'Local', environment: 'sandbox', values: { url: 'http://127.0.0.1:4010' } },
      ],
    })
    expect((await service.importPreview(content)).map((entry) => entry.environment)).toEqual(['real', 'sandbox'])
    const result = await service.import(content, [
      { index: 0, action: 'add' },
      { index: 1, action: 'add' },
    ])
    expect(result.added.map((profile) => profile.environment)).toEqual(['real', 'sandbox'])
  })
})
