import { afterEach, describe, expect, it } from 'vitest'
import { Journal } from '../../../electron/journal/Journal'
import { startAppSandboxes, type AppSandboxes } from '../../../electron/services/appSandboxes'
import type { Services } from '../../../electron/services/createServices'
import { createTestServices } from '../../support/createTestServices'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { createRecordingLogger } from '../../support/recordingLogger'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()
const running: { close(): Promise<unknown> }[] = []
afterEach(async () => {
  while (running.length > 0) await running.pop()?.close()
})

/** The app's start-up as the shell does it: the tenants, then the services with their Sandbox profiles. */
async function startApp(dataDirectory: string, secretStore: MemorySecretStore): Promise<{ services: Services; sandboxes: AppSandboxes }> {
  const logger = createRecordingLogger()
  const sandboxes = await startAppSandboxes({ dataDirectory, env: { LANYARD_SANDBOX_USERS: '20' }, logger })
  running.push(sandboxes)
  const services = await createTestServices(dataDirectory, { secretStore, logger, sandboxes })
  running.push(services)
  return { services, sandboxes }
}

describe('start-up with the sandbox tenants', () => {
  it("reconciles a Sandbox profile's unfinished change with the tenant's new token", async () => {
    const dataDirectory = newDirectory()
    const secretStore = new MemorySecretStore()
    const first = await startApp(dataDirectory, secretStore)
    const [profile] = await first.services.handlers['profiles.list']({})
    const page = await first.services.handlers['directory.list']({ id: profile!.id, objectType: 'users', search: 'ACTIVE', pageSize: 1 })
    const user = page.items[0]!
    while (running.length > 0) await running.pop()?.close()

    // The app stopped while suspending this user: the intent is on disk, its outcome is not.
    const journal = await Journal.open({ directory: dataDirectory, logger: createRecordingLogger(), profileExists: () => true })
    await journal.recordIntent({
      action: 'deprovision',
      profileId: profile!.id,
      profileName: profile!.name,
      connectorId: 'okta',
      target: { objectType: 'users', id: user.id, name: user.displayName },
      related: null,
      changes: [],
      snapshot: { userId: user.id, userName: user.secondary, displayName: user.displayName, status: 'ACTIVE', active: true, groups: [], mode: 'suspend', extra: {} },
      undoOf: null,
    })
    await journal.idle()

    // Every start mints a new tenant token; reconciliation must not read the tenant with the old one.
    const second = await startApp(dataDirectory, secretStore)
    const [entry] = await second.services.handlers['journal.reconciled']({})
    expect(entry!.outcome).toMatchObject({ status: 'failed', reconciled: true, message: `${user.displayName} is still ACTIVE: the deprovision did not take effect.` })
  })
})
