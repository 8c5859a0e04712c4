import { describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../shared/contract'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { createTestServices } from '../../support/createTestServices'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { createOktaSandboxProfile } from '../../support/oktaSandboxProfile'
import { closeAfterEach } from '../../support/closeAfterEach'

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

describe("a profile's retry waits through the services", () => {
  it('publishes each wait of a list read (no change around it) as retries.changed, then its end', async () => {
    const sandbox = await startOktaSandbox({ users: 10 })
    running.push(sandbox)
    const services = await createTestServices(newDirectory())
    running.push(services)
    const profile = await createOktaSandboxProfile(services, sandbox)
    sandbox.faults.script([{ kind: 'unavailable', method: 'GET', path: /\/api\/v1\/users$/ }])

    const listed = await services.handlers['directory.list']({ profileId: profile.id, objectType: 'users', search: '', pageSize: 20 })

    expect(listed.items).toHaveLength(sandbox.tenant.users().length)
    const waits = services.events.filter((event) => event.event === 'retries.changed').map((event) => event.payload as EventPayload<'retries.changed'>)
    expect(waits).toEqual([
      { profileId: profile.id, waiting: 1, retry: { attempt: 1, of: 3, waitMs: expect.any(Number) as number, reason: 'server_busy' } },
      { profileId: profile.id, waiting: 0, retry: null },
    ])
  })
})
