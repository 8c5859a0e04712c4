import { describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../shared/contract'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { createTestServices } from '../../support/createTestServices'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { createOktaSandboxProfile } from '../../support/oktaSandboxProfile'
import { closeAfterEach } from '../../support/closeAfterEach'

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

describe('the request budget through the services', () => {
  it("publishes a profile's budget as budget.changed, as the Okta tenant's headers report it", async () => {
    const sandbox = await startOktaSandbox({ users: 10, rateLimits: 'documented' })
    running.push(sandbox)
    const services = await createTestServices(newDirectory())
    running.push(services)
    const profile = await createOktaSandboxProfile(services, sandbox)
    const person = sandbox.tenant.users()[0]!
    await services.handlers['directory.get']({ profileId: profile.id, objectType: 'users', objectId: person.id })
    // The throttle's trailing event: the state after the answer.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const budgets = services.events.filter((event) => event.event === 'budget.changed').map((event) => event.payload as EventPayload<'budget.changed'>)
    expect(budgets.length).toBeGreaterThan(0)
    expect(budgets.at(-1)).toMatchObject({ profileId: profile.id, family: 'user:read', limit: 1000, remaining: 999, queued: 0 })
    expect(Date.parse(budgets.at(-1)?.resetsAt ?? '')).toBeGreaterThan(Date.now())
  })
})
