import { describe, expect, it } from 'vitest'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { createTestServices } from '../../support/createTestServices'
import { createOktaSandboxProfile } from '../../support/oktaSandboxProfile'
import { createRecordingLogger } from '../../support/recordingLogger'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { closeAfterEach } from '../../support/closeAfterEach'

/*
 * Writes take an AbortSignal (issue 12: a bulk job must be able to pause), against the Okta
 * sandbox tenant. Undo of a deprovision is the multi-step change: "Unsuspend", then "Add back to"
 * each group taken away since. The journal must say exactly what happened at the target: nothing
 * recorded when aborted before anything; the steps done, as partial, when aborted between steps;
 * pending (and settled by reading the target) when a request was already on its way.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

/** A suspended person, deprovisioned through the services, then taken out of two groups: undo has three steps. */
async function setUp() {
  const sandbox = await startOktaSandbox({ users: 40 })
  running.push(sandbox)
  const logger = createRecordingLogger()
  // Told of each request line the HTTP client logs, as it logs it: after the answer, before the caller goes on.
  let onLine: ((message: string) => void) | null = null
  const info = logger.info
  logger.info = (message, fields) => {
    info(message, fields)
    onLine?.(message)
  }
  const services = await createTestServices(newDirectory(), { logger })
  running.push(services)
  const profile = await createOktaSandboxProfile(services, sandbox)
  const { tenant } = sandbox
  const person = tenant.users().find((user) => user.status === 'ACTIVE' && tenant.groupsOf(user.id).filter((group) => group.type === 'OKTA_GROUP').length >= 2)!
  const groupsOf = () => tenant.groupsOf(person.id).filter((group) => group.type === 'OKTA_GROUP').map((group) => group.id).sort()
  const deprovision = await services.handlers['directory.deprovision']({ profileId: profile.id, userId: person.id })
  expect(deprovision.outcome.status).toBe('applied')
  const [first, second] = groupsOf()
  for (const groupId of [first!, second!]) await services.handlers['directory.removeMember']({ profileId: profile.id, groupType: 'groups', groupId, userId: person.id })
  const undos = async () => (await services.handlers['journal.list']({ action: 'undoDeprovision' })).entries
  const abortOn = (pattern: RegExp, controller: AbortController) => {
    onLine = (message) => {
      if (pattern.test(message)) controller.abort()
    }
  }
  return { sandbox, tenant, services, profile, person, groupsOf, deprovision, removed: [first!, second!], undos, abortOn }
}

describe('a write with an AbortSignal, against the Okta sandbox', () => {
  it('aborted before it starts: nothing is sent and nothing is journaled; the deprovision itself likewise', async () => {
    const { sandbox, tenant, services, profile, person, deprovision, undos } = await setUp()
    const controller = new AbortController()
    controller.abort()
    const sent = sandbox.requestCount()
    await expect(services.operations.deprovisions.undo(deprovision.id, { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' })
    const other = tenant.users().find((user) => user.status === 'ACTIVE' && user.id !== person.id)!
    await expect(services.operations.deprovisions.deprovision({ profileId: profile.id, userId: other.id }, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
      message: expect.stringMatching(/cancelled before it was sent/),
    })
    expect(sandbox.requestCount()).toBe(sent)
    expect(await undos()).toEqual([])
    expect((await services.handlers['journal.list']({ action: 'deprovision' })).entries).toHaveLength(1)
    expect(tenant.user(other.id)?.status).toBe('ACTIVE')
  })

  it('aborted after its reads, before the first step: no step is sent, and the journal records it failed, cancelled before anything was sent', async () => {
    const { tenant, services, person, deprovision, undos, abortOn } = await setUp()
    const controller = new AbortController()
    // The undo reads the user's groups before its first step.
    abortOn(/^GET \/api\/v1\/users\/[^/]+\/groups/, controller)
    const error = await services.operations.deprovisions.undo(deprovision.id, { signal: controller.signal }).catch((caught: unknown) => caught)
    // Identical reads are shared (electron/http/sharedReads.ts), so the abort may reach the undo while it
    // still waits for that read's answer, or just after, before its first step: nothing is sent either way.
    expect(error).toMatchObject({
      code: 'cancelled',
      message: expect.stringMatching(/cancelled before "Unsuspend .*"\. Nothing was sent\.|read was cancelled before its answer came/),
    })
    const [entry] = await undos()
    expect(entry?.outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/Nothing was sent|anything was sent: nothing was changed/) })
    expect(entry?.outcome.steps.every((step) => step.status === 'not_attempted')).toBe(true)
    expect(tenant.user(person.id)?.status).toBe('SUSPENDED')
    expect((await services.handlers['journal.get']({ entryId: deprovision.id })).undo).toMatchObject({ available: true })
  })

  it('aborted between steps: the steps done stay recorded (partial, each step reported) and the error names them', async () => {
    const { tenant, services, person, groupsOf, deprovision, removed, undos, abortOn } = await setUp()
    const controller = new AbortController()
    abortOn(/^POST \/api\/v1\/users\/[^/]+\/lifecycle\/unsuspend → 200/, controller)
    const error = await services.operations.deprovisions.undo(deprovision.id, { signal: controller.signal }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      code: 'partial_failure',
      message: expect.stringMatching(/cancelled before "Add back to .*"\. Done: "Unsuspend .*"\. Not sent: "Add back to .*", "Add back to .*"\./),
    })
    const [entry] = await undos()
    expect(entry?.outcome.status).toBe('partial')
    expect(entry?.outcome.steps.map((step) => step.status)).toEqual(['applied', 'not_attempted', 'not_attempted'])
    expect(tenant.user(person.id)?.status).toBe('ACTIVE')
    expect(groupsOf()).not.toContain(removed[0])
    expect(groupsOf()).not.toContain(removed[1])
  })

  it('aborted with a request on its way: the outcome is not known, so the entry stays pending and settling reads the target', async () => {
    const { sandbox, tenant, services, person, deprovision, undos } = await setUp()
    // The unsuspend reaches the tenant and is held there, unanswered, until the client gives up.
    sandbox.faults.script([{ kind: 'timeout', method: 'POST', path: /\/lifecycle\/unsuspend$/ }])
    const controller = new AbortController()
    const undo = services.operations.deprovisions.undo(deprovision.id, { signal: controller.signal }).catch((caught: unknown) => caught)
    while (!sandbox.faults.delivered().timeout) await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort()
    expect(await undo).toMatchObject({ code: 'cancelled', extra: { details: { sent: 'true' } } })
    const [entry] = await undos()
    expect(entry?.outcome).toMatchObject({ status: 'pending', message: expect.stringMatching(/not known/) })
    // The held request never reached the tenant's logic: settling finds the user still suspended.
    const settled = await services.handlers['journal.settle']({ entryId: entry!.id })
    expect(settled.outcome).toMatchObject({ reconciled: true })
    expect(settled.outcome.status).not.toBe('pending')
    expect(tenant.user(person.id)?.status).toBe('SUSPENDED')
  })
})
