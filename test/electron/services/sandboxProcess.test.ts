import { describe, expect, it } from 'vitest'
import type { ConnectorId } from '../../../shared/catalogue/types'
import { launchNodeSandbox, type SandboxChild } from '../../../electron/sandbox/process/launchSandboxProcess'
import { openAppSandboxes } from '../../../electron/services/appSandboxes'
import { createTestServices } from '../../support/createTestServices'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { createRecordingLogger } from '../../support/recordingLogger'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { closeAfterEach } from '../../support/closeAfterEach'

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

/** A child of this test that has ended: `kill(pid, 0)` finds no such process. */
function isGone(pid: number | undefined): boolean {
  try {
    process.kill(pid!, 0)
    return false
  } catch {
    return true
  }
}

/**
 * The app as both doors start it, with the tenants in the sandbox process (Node's fork of
 * sandboxProcessMain.ts, as the preview starts it): every process launched is kept, with how it ended.
 */
async function startApp(dataDirectory = newDirectory()) {
  const logger = createRecordingLogger()
  const launched: { child: SandboxChild; ended?: string }[] = []
  const launchSandbox = () => {
    const child = launchNodeSandbox()
    const record: { child: SandboxChild; ended?: string } = { child }
    child.onExit((how) => (record.ended = how))
    launched.push(record)
    return child
  }
  const sandboxes = await openAppSandboxes({ dataDirectory, env: { LANYARD_SANDBOX_USERS: '20' }, logger, launchSandbox })
  running.push(sandboxes)
  const services = await createTestServices(dataDirectory, { secretStore: new MemorySecretStore(), logger, sandboxes })
  running.push(services)
  const profileOf = async (connectorId: ConnectorId) => (await services.handlers['profiles.list']({})).find((profile) => profile.connectorId === connectorId)!
  const listUsers = async (connectorId: ConnectorId) =>
    services.handlers['directory.list']({ profileId: (await profileOf(connectorId)).id, objectType: 'users', search: '', pageSize: 5 })
  return { ...services, sandboxes, logger, launched, profileOf, listUsers }
}

describe('the sandbox tenants run in a process of their own', () => {
  it("a Sandbox profile's first use starts one sandbox process, outside this one, and the profile follows its tenant", { timeout: 60_000 }, async () => {
    const app = await startApp()
    expect(app.launched).toEqual([])

    expect((await app.listUsers('okta')).items).toHaveLength(5)
    expect((await app.listUsers('coupa')).items).toHaveLength(5)

    // Both tenants in the one process, which is not this one.
    expect(app.launched).toHaveLength(1)
    expect(app.launched[0]!.child.pid).not.toBe(process.pid)
    const okta = await app.handlers['profiles.get']({ profileId: (await app.profileOf('okta')).id })
    expect(okta.values.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    // The token came over IPC: registered with the logger (so no line can carry it), and in no line.
    const token = (await app.secretStore.get(okta.id, 'token'))!
    expect(app.logger.secrets).toContain(token)
    expect(JSON.stringify(app.logger.lines)).not.toContain(token)
  })

  it('a crash of the sandbox process is logged clearly, and the next use starts the tenant again with a new token', { timeout: 60_000 }, async () => {
    const app = await startApp()
    await app.listUsers('okta')
    const okta = await app.profileOf('okta')
    const firstToken = await app.secretStore.get(okta.id, 'token')
    const first = app.launched[0]!

    first.child.kill()
    await expect.poll(() => app.logger.lines.filter((line) => line.level === 'error').map((line) => [line.message, line.fields?.reason ?? line.fields?.how])).toEqual([
      ['sandbox process stopped unexpectedly', 'ended by SIGKILL'],
      ['sandbox tenant stopped; its next use starts it again', 'the sandbox process stopped unexpectedly (ended by SIGKILL)'],
    ])

    expect((await app.listUsers('okta')).items).toHaveLength(5)
    expect(app.launched).toHaveLength(2)
    expect(app.launched[1]!.child.pid).not.toBe(first.child.pid)
    expect(await app.secretStore.get(okta.id, 'token')).not.toBe(firstToken)
  })

  it('turning sandbox profiles off ends the process, and so does closing the app', { timeout: 60_000 }, async () => {
    const app = await startApp()
    await app.listUsers('gotomeeting')
    await app.handlers['app.setSandbox']({ enabled: false })
    expect(app.launched[0]!.ended).toBe('exit code 0')
    expect(isGone(app.launched[0]!.child.pid)).toBe(true)

    await app.handlers['app.setSandbox']({ enabled: true })
    await app.listUsers('gotomeeting')
    expect(app.launched).toHaveLength(2)
    await app.close()
    await app.sandboxes.close()
    expect(app.launched[1]!.ended).toBe('exit code 0')
    // No process was killed for not ending, and none stopped "unexpectedly".
    expect(app.logger.lines.filter((line) => line.level === 'error')).toEqual([])
  })
})
