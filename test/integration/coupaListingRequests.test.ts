import { describe, expect, it } from 'vitest'
import { startCoupaSandbox } from '../../electron/sandbox/coupa/startCoupaSandbox'
import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { closeAfterEach } from '../support/closeAfterEach'
import { createTestServices } from '../support/createTestServices'
import { useTemporaryDirectories } from '../support/temporaryDirectory'

/*
 * Coupa reports no total: a list ends at its first short page, and with four pages in flight and
 * the next app page read ahead, Lanyard asks for pages past the end before it can know. How many of
 * those reach the tenant is what the target's rate limit pays: counted by the tenant itself, for a
 * list read to its end as "Jump to end" reads it (a first page of 100, then pages of 200).
 */
const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

describe('a Coupa list read to its end', () => {
  it.each([1234, 1000])('sends at most one request past the pages its %i users need', async (users) => {
    const sandbox = await startCoupaSandbox({ users })
    running.push(sandbox)
    const services = await createTestServices(newDirectory())
    running.push(services)
    const { values, secrets } = sandboxParameters('coupa', sandbox.url, sandbox.credentials)
    const profile = await services.handlers['profiles.create']({ connectorId: 'coupa', name: 'Coupa', environment: 'sandbox', values, secrets })
    const list = (cursor: string | null) =>
      services.handlers['directory.list']({ profileId: profile.id, objectType: 'users', search: '', pageSize: cursor ? 200 : 100, cursor, requestKey: 'users' })

    let page = await list(null)
    const before = sandbox.requestCount()
    let rows = 0
    while (page.nextCursor) {
      page = await list(page.nextCursor)
      rows += page.items.length
    }
    // The pages read ahead past the end are cancelled; any that went out has been answered by now.
    await new Promise((resolve) => setTimeout(resolve, 200))

    // 50 rows a Coupa page: the rows after the first app page, and one more page when they end on a full one.
    const needed = Math.floor(rows / 50) + 1
    const sent = sandbox.requestCount() - before
    expect(sent).toBeGreaterThanOrEqual(needed)
    expect(sent).toBeLessThanOrEqual(needed + 1)
  })
})
