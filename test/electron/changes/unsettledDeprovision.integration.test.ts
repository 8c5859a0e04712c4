import { describe, expect, it } from 'vitest'
import type { CallName } from '../../../shared/contract'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { invokeContract } from '../../../electron/services/invokeContract'
import { closeAfterEach } from '../../support/closeAfterEach'
import { createOktaSandboxProfile } from '../../support/oktaSandboxProfile'
import { startRecordedServices } from '../../support/createTestServices'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

/*
 * Issue 15, "Unknown outcomes are settled now": the Okta sandbox suspends the person and drops
 * its answer (fault injection, lost_answer). The failure must not say both "It may have been
 * carried out anyway" and "Nothing else was changed; try again"; the journal answers which
 * change of this user is unsettled; a second deprovision is refused before anything is sent; and
 * Check now settles it, telling every view of the user to read it again.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

async function lostSuspend() {
  const sandbox = await startOktaSandbox({ users: 10 })
  running.push(sandbox)
  // Background settling waits long enough that the test decides when the check runs.
  const { logger, services } = await startRecordedServices(newDirectory(), running, { settlingBackoff: { firstMs: 60_000, maxMs: 60_000, attempts: 1 } })
  const call = (name: CallName, input: unknown) => invokeContract(services.handlers, name, input, logger)
  const profile = await createOktaSandboxProfile(services, sandbox)
  const person = sandbox.tenant.users().find((user) => user.status === 'ACTIVE' && !/admin|auditor|read-only/i.test(String(user.profile.login)))!
  sandbox.faults.script([{ kind: 'lost_answer', method: 'POST', path: /\/lifecycle\/suspend$/ }])
  const first = await call('directory.deprovision', { profileId: profile.id, userId: person.id })
  return { sandbox, services, call, profile, person, first, logger }
}

describe('a deprovision whose answer was lost', () => {
  it('says the outcome is not known, without also saying "nothing else was changed; try again"', async () => {
    const { first, sandbox, person } = await lostSuspend()

    expect(sandbox.tenant.user(person.id)?.status).toBe('SUSPENDED')
    expect(first).toMatchObject({ ok: false, error: { code: 'network', details: { entryId: expect.any(String) } } })
    const message = first.ok ? '' : first.error.message
    expect(message).toMatch(/not known/)
    expect(message).not.toMatch(/try again/i)
  })

  it('is found as unsettled for the user, refuses a second deprovision before sending anything, and Check now settles it', async () => {
    const { call, profile, person, first, services, logger } = await lostSuspend()
    const entryId = first.ok ? '' : first.error.details!.entryId!

    expect(await call('journal.unsettledFor', { profileId: profile.id, userId: person.id })).toMatchObject({
      ok: true,
      value: { id: entryId, action: 'deprovision', outcome: { status: 'pending' } },
    })
    const sentBefore = logger.lines.length
    const second = await call('directory.deprovision', { profileId: profile.id, userId: person.id })
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', details: { entryId } } })
    expect(second.ok ? '' : second.error.message).toMatch(/not settled yet.*Check now/)
    // Not even the snapshot's reads: the journal alone refuses it.
    expect(logger.lines.slice(sentBefore).filter((line) => line.fields !== undefined && 'attempt' in line.fields)).toEqual([])
    expect((await services.handlers['journal.list']({ action: 'deprovision' })).entries).toHaveLength(1)

    const eventsBefore = services.events.length
    expect(await call('journal.settle', { entryId })).toMatchObject({ ok: true, value: { outcome: { status: 'applied' } } })
    expect(services.events.slice(eventsBefore)).toContainEqual({
      event: 'directory.changed',
      payload: { profileId: profile.id, objectType: 'users', ids: [person.id] },
    })
    expect(await call('journal.unsettledFor', { profileId: profile.id, userId: person.id })).toEqual({ ok: true, value: null })
  })
})
