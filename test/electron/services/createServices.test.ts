import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { callNames } from '../../../shared/contract'
import { invokeContract } from '../../../electron/services/invokeContract'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { createRecordingLogger } from '../../support/recordingLogger'
import { createCrashingProfileService } from '../../support/crashingProfileService'
import { createTestServices } from '../../support/createTestServices'
import { oktaProfile } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()

describe('createServices', () => {
  it('has a handler for every call of the contract and nothing else', async () => {
    const { handlers } = await createTestServices(newDirectory())
    expect(Object.keys(handlers).sort()).toEqual([...callNames].sort())
  })

  it('reports version, platform, data folder and an available keychain', async () => {
    const directory = newDirectory()
    const { handlers } = await createTestServices(directory)
    expect(await handlers['app.info']({})).toEqual({
      version: '9.8.7',
      platform: 'linux',
      dataDirectory: directory,
      keychain: 'available',
      storageProblem: null,
      sandbox: { enabled: false, switchedOffBy: null, profileIds: [] },
      profilesMadeReal: [],
    })
  })

  it('names the Sandbox profiles whose address is not on this computer, which start-up made Real', async () => {
    const directory = newDirectory()
    const at = '2026-01-01T00:00:00.000Z'
    const profile = { id: '5d0b2b8e-8f7e-4a43-9d1b-7c3f2a1e0b11', connectorId: 'okta', name: 'Acme test', environment: 'sandbox', values: { url: 'https://acme.okta.com' }, createdAt: at, updatedAt: at }
    writeFileSync(join(directory, 'profiles.json'), JSON.stringify({ schemaVersion: 1, profiles: [profile], pendingSecretRemovals: [] }))
    const { handlers } = await createTestServices(directory)
    expect((await handlers['app.info']({})).profilesMadeReal).toEqual([{ profileId: profile.id, name: 'Acme test', connectorId: 'okta' }])
    expect((await handlers['profiles.get']({ profileId: profile.id })).environment).toBe('real')
  })

  it('reports a locked keychain and a profiles file that was moved aside at start-up', async () => {
    const directory = newDirectory()
    writeFileSync(join(directory, 'profiles.json'), 'garbage')
    const secretStore = new MemorySecretStore()
    secretStore.failing = true
    const { handlers } = await createTestServices(directory, { secretStore })
    const info = await handlers['app.info']({})
    expect(info.keychain).toBe('unavailable')
    expect(info.storageProblem).toEqual({
      movedTo: expect.stringMatching(/profiles\.corrupt-.+\.json$/),
      reason: expect.stringContaining('not valid JSON'),
    })
  })

  it('opens web links through the shell and refuses every other kind before calling it', async () => {
    const { handlers, opened } = await createTestServices(newDirectory())
    await expect(handlers['app.openExternal']({ url: 'https://help.okta.com/' })).resolves.toBeNull()
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-settings:display', 'no address']) {
      // Straight to the handler: its own guard must hold even for input the contract let through.
      await expect(handlers['app.openExternal']({ url }), url).rejects.toMatchObject({ code: 'invalid_input' })
    }
    expect(opened).toEqual(['https://help.okta.com/'])
  })

  it('pushes profiles.changed after a change', async () => {
    const { handlers, events } = await createTestServices(newDirectory())
    const created = await handlers['profiles.create'](oktaProfile('Okta prod'))
    await handlers['profiles.delete']({ profileId: created.id })
    expect(events).toEqual([
      { event: 'profiles.changed', payload: { profileIds: [created.id] } },
      { event: 'profiles.changed', payload: { profileIds: [created.id] } },
    ])
  })

  it('serves profile calls through the contract, validating input first', async () => {
    const logger = createRecordingLogger()
    const { handlers } = await createTestServices(newDirectory(), { logger })
    const refused = await invokeContract(handlers, 'profiles.create', { connectorId: 'okta', name: ' ', environment: 'sandbox', values: {} }, logger)
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { name: 'Give the profile a name' } } })
    const created = await invokeContract(handlers, 'profiles.create', oktaProfile('Okta prod', { token: 't' }), logger)
    expect(created).toMatchObject({ ok: true, value: { name: 'Okta prod', secrets: { token: 'stored' } } })
    expect(await invokeContract(handlers, 'profiles.list', {}, logger)).toMatchObject({ ok: true, value: [{ name: 'Okta prod' }] })
  })

  it('answers a call name that cannot be turned into text with unsupported instead of throwing', async () => {
    // Found by the audit's fuzz: String() of an object without a prototype throws.
    const { handlers } = await createTestServices(newDirectory())
    const name: unknown = Object.create(null)
    expect(await invokeContract(handlers, name, {}, createRecordingLogger())).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })

  it('removes keychain entries of profiles deleted while the keychain was locked at the next start', async () => {
    const directory = newDirectory()
    const secretStore = new MemorySecretStore()
    const first = await createTestServices(directory, { secretStore })
    const created = await first.handlers['profiles.create'](oktaProfile('Okta prod', { token: 't' }))
    secretStore.failing = true
    await expect(first.handlers['profiles.delete']({ profileId: created.id })).rejects.toMatchObject({ code: 'keychain_unavailable' })
    await first.close()

    secretStore.failing = false
    const second = await createTestServices(directory, { secretStore })
    await second.close()
    expect(secretStore.entries.size).toBe(0)
  })

  it('repairs at the next start what a crash in the middle of a new profile left: its secret and a half-written file', async () => {
    const directory = newDirectory()
    const secretStore = new MemorySecretStore()
    // Steps: record the token for removal, write it, save the profile. Killed before the last.
    const crashing = await createCrashingProfileService(directory, secretStore, 2)
    await expect(crashing.service.create(oktaProfile('Okta prod', { token: 't' }))).rejects.toThrow()
    expect(secretStore.entries.size).toBe(1)
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toHaveLength(1)

    const next = await createTestServices(directory, { secretStore })
    expect(await next.handlers['profiles.list']({})).toEqual([])
    await next.close()
    expect(secretStore.entries.size).toBe(0)
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
