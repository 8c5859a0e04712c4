import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ConnectorId } from '../../../shared/catalogue/types'
import { Journal } from '../../../electron/journal/Journal'
import { startSandbox } from '../../../electron/sandbox/startSandboxes'
import { openAppSandboxes, type TenantStarter } from '../../../electron/services/appSandboxes'
import { settingsFileName } from '../../../electron/services/appSettings'
import { createTestServices } from '../../support/createTestServices'
import { expectAppError } from '../../support/expectAppError'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { createRecordingLogger } from '../../support/recordingLogger'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { closeAfterEach } from '../../support/closeAfterEach'

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

/**
 * The app's start-up as both doors do it (startAppServices, over a memory keychain), with every
 * tenant start counted: the real tenants, started by the real starter.
 */
async function startApp(
  dataDirectory: string,
  options: { secretStore?: MemorySecretStore; env?: Record<string, string>; startTenant?: TenantStarter } = {},
) {
  const logger = createRecordingLogger()
  const started: ConnectorId[] = []
  const startTenant: TenantStarter = (connectorId, tenantOptions) => {
    started.push(connectorId)
    return (options.startTenant ?? startSandbox)(connectorId, tenantOptions)
  }
  const sandboxes = await openAppSandboxes({ dataDirectory, env: { LANYARD_SANDBOX_USERS: '20', ...options.env }, logger, startTenant })
  running.push(sandboxes)
  const services = await createTestServices(dataDirectory, { secretStore: options.secretStore ?? new MemorySecretStore(), logger, sandboxes })
  running.push(services)
  const profileOf = async (connectorId: ConnectorId) => {
    const profile = (await services.handlers['profiles.list']({})).find((candidate) => candidate.connectorId === connectorId)
    if (!profile) throw new Error(`no ${connectorId} Sandbox profile`)
    return profile
  }
  return { ...services, started, logger, profileOf }
}

async function stopAll(): Promise<void> {
  while (running.length > 0) await running.pop()?.close()
}

describe('sandbox tenants start when their profile is first used', () => {
  it('starts no tenant with the services, and still shows a Sandbox profile per target on a first start', async () => {
    const app = await startApp(newDirectory())

    expect(app.started).toEqual([])
    const profiles = await app.handlers['profiles.list']({})
    expect(profiles.map((profile) => [profile.name, profile.environment])).toEqual([
      ['Okta Sandbox', 'sandbox'],
      ['AWS Cognito Sandbox', 'sandbox'],
      ['Coupa Sandbox', 'sandbox'],
      ['GoToMeeting Sandbox', 'sandbox'],
    ])
    const info = await app.handlers['app.info']({})
    expect(info.sandbox).toEqual({ enabled: true, switchedOffBy: null, profileIds: profiles.map((profile) => profile.id) })
  })

  it("starts exactly the used profile's tenant, with its address and token written to the profile before the first request", async () => {
    const app = await startApp(newDirectory())
    const okta = await app.profileOf('okta')
    expect(okta.secrets.token).toBe('missing')

    const page = await app.handlers['directory.list']({ profileId: okta.id, objectType: 'users', search: '', pageSize: 5 })

    expect(page.items).toHaveLength(5)
    expect(app.started).toEqual(['okta'])
    const followed = await app.handlers['profiles.get']({ profileId: okta.id })
    expect(followed.values.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(followed.secrets.token).toBe('stored')
    expect(await app.secretStore.get(okta.id, 'token')).toMatch(/\S{20,}/)
  })

  it('starts a tenant once when several first uses arrive together', async () => {
    const app = await startApp(newDirectory())
    const coupa = await app.profileOf('coupa')

    const uses = await Promise.all([
      app.handlers['directory.testConnection']({ profileId: coupa.id }),
      app.handlers['directory.list']({ profileId: coupa.id, objectType: 'users', search: '', pageSize: 2 }),
      app.handlers['directory.list']({ profileId: coupa.id, objectType: 'users', search: 'a', pageSize: 2 }),
    ])

    expect(uses[0].summary).toEqual(expect.any(String))
    expect(app.started).toEqual(['coupa'])
  })

  it('a tenant that cannot start fails only that use, with a message, and the next use tries again', async () => {
    let refusals = 1
    const app = await startApp(newDirectory(), {
      startTenant: async (connectorId, options) => {
        if (refusals-- > 0) throw new Error('listen EADDRINUSE 127.0.0.1')
        return startSandbox(connectorId, options)
      },
    })
    const okta = await app.profileOf('okta')

    expect((await expectAppError(app.handlers['directory.testConnection']({ profileId: okta.id }), 'network')).message).toMatch(/Okta sandbox tenant could not start.*EADDRINUSE/)
    await expect(app.handlers['directory.testConnection']({ profileId: okta.id })).resolves.toMatchObject({ summary: expect.any(String) })
    expect(app.started).toEqual(['okta', 'okta'])
  })

  it("reconciles a Sandbox profile's unfinished change, starting its tenant with a new token", async () => {
    const dataDirectory = newDirectory()
    const secretStore = new MemorySecretStore()
    const first = await startApp(dataDirectory, { secretStore })
    const profile = await first.profileOf('okta')
    const page = await first.handlers['directory.list']({ profileId: profile.id, objectType: 'users', search: 'ACTIVE', pageSize: 1 })
    const user = page.items[0]!
    await stopAll()

    // The app stopped while suspending this user: the intent is on disk, its outcome is not.
    const journal = await Journal.open({ directory: dataDirectory, logger: createRecordingLogger(), profileExists: () => true })
    await journal.recordIntent({
      action: 'deprovision',
      profileId: profile.id,
      profileName: profile.name,
      connectorId: 'okta',
      target: { objectType: 'users', id: user.id, name: user.displayName },
      related: null,
      changes: [],
      snapshot: { userId: user.id, userName: user.secondary, displayName: user.displayName, status: 'ACTIVE', active: true, groups: [], mode: 'suspend', extra: {} },
      undoOf: null,
    })
    await journal.idle()

    // The keychain still holds the first run's token; the tenant refuses it once it starts again.
    const second = await startApp(dataDirectory, { secretStore })
    const [entry] = await second.handlers['journal.reconciled']({})
    expect(entry!.outcome).toMatchObject({ status: 'failed', reconciled: true, message: `${user.displayName} is still ACTIVE: the deprovision did not take effect.` })
    expect(second.started).toEqual(['okta'])
  })
})

describe('crash leftovers beside the sandbox files', () => {
  it('removes the temp files an interrupted save of settings.json or sandbox-profiles.json left, and nothing else', async () => {
    const dataDirectory = newDirectory()
    mkdirSync(join(dataDirectory, 'sandbox'), { recursive: true })
    const leftovers = [join(dataDirectory, '.settings.json.0123456789ab.tmp'), join(dataDirectory, 'sandbox', '.sandbox-profiles.json.ba9876543210.tmp')]
    const someoneElses = join(dataDirectory, '.settings.json.backup.tmp')
    for (const path of [...leftovers, someoneElses]) writeFileSync(path, '{"half":')

    await startApp(dataDirectory)

    expect(leftovers.filter((path) => existsSync(path))).toEqual([])
    expect(existsSync(someoneElses)).toBe(true)
  })
})

describe('turning sandbox profiles off', () => {
  it('LANYARD_SANDBOX=off makes no Sandbox profile and starts no tenant, and an existing one says why it will not connect', async () => {
    const dataDirectory = newDirectory()
    const secretStore = new MemorySecretStore()
    await startApp(dataDirectory, { secretStore })
    await stopAll()

    const off = await startApp(dataDirectory, { secretStore, env: { LANYARD_SANDBOX: 'off' } })
    const okta = await off.profileOf('okta')
    expect((await expectAppError(off.handlers['directory.list']({ profileId: okta.id, objectType: 'users', search: '', pageSize: 5 }), 'unsupported')).message).toMatch(/LANYARD_SANDBOX=off/)
    expect(off.started).toEqual([])
    expect((await off.handlers['app.info']({})).sandbox).toMatchObject({ enabled: false, switchedOffBy: 'LANYARD_SANDBOX' })

    const fresh = await startApp(newDirectory(), { env: { LANYARD_SANDBOX: 'off' } })
    expect(await fresh.handlers['profiles.list']({})).toEqual([])
    expect(fresh.started).toEqual([])
  })

  it('the setting is kept for the next start, stops the running tenants, and turned on again lets a use start one', async () => {
    const dataDirectory = newDirectory()
    const secretStore = new MemorySecretStore()
    const first = await startApp(dataDirectory, { secretStore })
    const okta = await first.profileOf('okta')
    await first.handlers['directory.testConnection']({ profileId: okta.id })

    expect(await first.handlers['app.setSandbox']({ enabled: false })).toMatchObject({ enabled: false, switchedOffBy: null })
    expect((await expectAppError(first.handlers['directory.testConnection']({ profileId: okta.id }), 'unsupported')).message).toMatch(/sandbox profiles are off: turn them on under Profiles/)
    expect(JSON.parse(readFileSync(join(dataDirectory, settingsFileName), 'utf8'))).toEqual({ sandboxProfiles: 'off' })
    await stopAll()

    const second = await startApp(dataDirectory, { secretStore })
    expect((await second.handlers['app.info']({})).sandbox.enabled).toBe(false)
    await expectAppError(second.handlers['directory.testConnection']({ profileId: okta.id }), 'unsupported')
    expect(second.started).toEqual([])

    expect((await second.handlers['app.setSandbox']({ enabled: true })).enabled).toBe(true)
    await expect(second.handlers['directory.testConnection']({ profileId: okta.id })).resolves.toMatchObject({ summary: expect.any(String) })
    expect(second.started).toEqual(['okta'])
  })
})
