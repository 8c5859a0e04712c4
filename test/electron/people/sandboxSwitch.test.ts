import { describe, expect, it } from 'vitest'
import { openAppSandboxes, type TenantStarter } from '../../../electron/services/appSandboxes'
import { afterTest } from '../../support/connectorHarness'
import { createTestServices } from '../../support/createTestServices'
import { oktaProfile, validValues } from '../../support/profileInputs'
import { createRecordingLogger } from '../../support/recordingLogger'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()

describe('people search and the sandbox switch', () => {
  it("asks Lanyard's Sandbox profiles only while sandbox profiles are on, and other sandbox-environment profiles always", async () => {
    const dataDirectory = newDirectory()
    const logger = createRecordingLogger()
    // No tenant starts here: the search's answers are not what this test is about.
    const startTenant: TenantStarter = async () => {
      throw new Error('no tenant in this test')
    }
    const sandboxes = await openAppSandboxes({ dataDirectory, env: { LANYARD_SANDBOX_USERS: '20' }, logger, startTenant })
    afterTest(() => sandboxes.close())
    const services = await createTestServices(dataDirectory, { logger, sandboxes })
    afterTest(() => services.close())
    const own = await services.handlers['profiles.create']({ ...oktaProfile('My test org', { token: 'SSWS-test-token-1234567890' }), environment: 'sandbox', values: { ...validValues.okta, url: 'http://127.0.0.1:9' } })
    const sandboxProfileIds = (await services.handlers['app.info']({})).sandbox.profileIds
    expect(sandboxProfileIds).toHaveLength(4)

    const asked = async () => (await services.handlers['people.search']({ search: 'dana', profileSet: 'sandbox', searchKey: 'k' })).profiles.map((profile) => profile.profileId)
    expect((await asked()).sort()).toEqual([...sandboxProfileIds, own.id].sort())

    await services.handlers['app.setSandbox']({ enabled: false })
    expect(await asked()).toEqual([own.id])
  })
})
