import { afterEach, describe, expect, it } from 'vitest'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { createTestServices } from '../../support/createTestServices'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

/*
 * How many requests settling sends (issue 11, defect 10): one Check now of an unfinished Okta
 * deprovision reads the user and their groups — two requests — whatever else is pending.
 */

const newDirectory = useTemporaryDirectories()
const running: { close(): Promise<unknown> }[] = []
afterEach(async () => {
  while (running.length > 0) await running.pop()?.close()
})

describe('settling against the Okta sandbox', () => {
  it('sends exactly two requests for one Check now, and none for an entry already settled', async () => {
    const sandbox = await startOktaSandbox({ users: 40 })
    running.push(sandbox)
    // No background checks: the count is of the one check asked for.
    const services = await createTestServices(newDirectory(), { settlingBackoff: { firstMs: 1, maxMs: 1, attempts: 0 } })
    running.push(services)
    const profile = await services.handlers['profiles.create']({
      connectorId: 'okta',
      name: 'Okta Sandbox',
      environment: 'sandbox',
      values: { url: sandbox.url },
      secrets: { token: sandbox.credentials.token! },
    })
    const person = sandbox.tenant.users().find((user) => user.status === 'ACTIVE')!
    sandbox.faults.script([{ kind: 'reset', method: 'POST', path: new RegExp(`/users/${person.id}/lifecycle/suspend$`) }])
    await expect(services.handlers['directory.deprovision']({ id: profile.id, userId: person.id })).rejects.toMatchObject({ code: 'network' })
    const [entry] = await services.handlers['journal.list']({ action: 'deprovision' })
    expect(entry!.outcome.status).toBe('pending')

    const before = sandbox.requestCount()
    const settled = await services.handlers['journal.settle']({ entryId: entry!.id })
    expect(settled.outcome).toMatchObject({ status: 'failed', reconciled: true })
    expect(sandbox.requestCount() - before).toBe(2)
    await services.handlers['journal.settle']({ entryId: entry!.id })
    expect(sandbox.requestCount() - before).toBe(2)
  })
})
