import { describe, expect, it } from 'vitest'
import type { EventName, EventPayload } from '../../../shared/contract'
import type { ChangeProgress } from '../../../shared/changeProgress'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { createTestServices } from '../../support/createTestServices'
import { createOktaSandboxProfile } from '../../support/oktaSandboxProfile'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { closeAfterEach } from '../../support/closeAfterEach'

/*
 * Issue 15, "Work in progress is visible": a running deprovision or undo says which step runs now,
 * which are done, and when a request waits for the target's rate limit ("retry 1 of 5 in 1 s"), as
 * `changes.progress`; and the person can cancel it (`directory.cancelChange`), the journal then saying
 * how far it got. Against the Okta sandbox tenant with latency, so each step takes a while as it would.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

/** A deprovisioned person taken out of two groups since: undoing it is three steps ("Unsuspend", then "Add back to" each). */
async function setUp() {
  const sandbox = await startOktaSandbox({ users: 40, latencyMs: 20 })
  running.push(sandbox)
  let onProgress: ((progress: ChangeProgress) => void) | null = null
  const onEvent = (event: EventName, payload: EventPayload<EventName>) => {
    if (event === 'changes.progress') onProgress?.(payload as ChangeProgress)
  }
  const services = await createTestServices(newDirectory(), { onEvent })
  running.push(services)
  const profile = await createOktaSandboxProfile(services, sandbox)
  const { tenant } = sandbox
  const person = tenant.users().find((user) => user.status === 'ACTIVE' && tenant.groupsOf(user.id).filter((group) => group.type === 'OKTA_GROUP').length >= 2)!
  const deprovision = await services.handlers['directory.deprovision']({ profileId: profile.id, userId: person.id })
  const groupIds = tenant
    .groupsOf(person.id)
    .filter((group) => group.type === 'OKTA_GROUP')
    .map((group) => group.id)
    .slice(0, 2)
  for (const groupId of groupIds) await services.handlers['directory.removeMember']({ profileId: profile.id, groupType: 'groups', groupId, userId: person.id })
  const progressOf = (entryId: string) =>
    services.events.filter(({ event, payload }) => event === 'changes.progress' && (payload as ChangeProgress).entryId === entryId).map(({ payload }) => payload as ChangeProgress)
  const undo = () => services.handlers['journal.undo']({ entryId: deprovision.id }).catch((caught: unknown) => caught)
  const undoEntry = async () => (await services.handlers['journal.list']({ action: 'undoDeprovision' })).entries[0]!
  /** Cancels the running change through the contract the first time its progress matches. */
  const cancelWhen = (matches: (progress: ChangeProgress) => boolean) => {
    onProgress = (progress) => {
      if (!matches(progress)) return
      onProgress = null
      void services.handlers['directory.cancelChange']({ entryId: progress.entryId })
    }
  }
  return { sandbox, tenant, services, profile, person, deprovision, groupIds, progressOf, undo, undoEntry, cancelWhen }
}

const statuses = (progress: ChangeProgress) => progress.steps.map((step) => step.status).join(' ')

describe('changes.progress, against the Okta sandbox', () => {
  it('says each step as it starts and ends, and the rate-limit wait of the step it is in; never a secret', async () => {
    const { sandbox, services, profile, person, deprovision, progressOf, undo, undoEntry } = await setUp()
    // The deprovision itself: one step, "Suspend …", reported running then applied.
    const deprovisionSteps = progressOf(deprovision.id)
    expect(deprovisionSteps[0]).toMatchObject({ entryId: deprovision.id, profileId: profile.id, objectId: person.id, steps: [], retry: null })
    expect(deprovisionSteps.map(statuses)).toEqual(['', 'pending', 'running', 'applied'])
    expect(deprovisionSteps.at(-1)?.steps[0]?.name).toMatch(/^Suspend /)

    // Okta answers the unsuspend with a 429 once: the step waits, says so, and is sent again.
    sandbox.faults.script([{ kind: 'rate_limit', method: 'POST', path: /\/lifecycle\/unsuspend$/ }])
    await undo()
    const entry = await undoEntry()
    expect(entry.outcome.status).toBe('applied')
    const events = progressOf(entry.id)
    const sequence = events.map((progress) => `${statuses(progress)}${progress.retry ? ` | ${progress.retry.reason} ${progress.retry.attempt} of ${progress.retry.of}` : ''}`)
    expect(sequence).toEqual([
      '',
      'pending pending pending',
      'running pending pending',
      'running pending pending | rate_limit 1 of 5',
      'running pending pending',
      'applied pending pending',
      'applied running pending',
      'applied applied pending',
      'applied applied running',
      'applied applied applied',
    ])
    expect(events[3]?.retry?.waitMs).toBeGreaterThan(0)
    expect(events.at(-1)?.steps.map((step) => step.name)).toEqual(entry.outcome.steps.map((step) => step.name))
    // The token is the one secret here: in no progress event, not even in pieces of a header.
    const everyProgress = JSON.stringify(services.events.filter(({ event }) => event === 'changes.progress'))
    expect(everyProgress).not.toContain(sandbox.credentials.token!)
    expect(everyProgress).not.toMatch(/SSWS|authorization/i)
  })

  it('cancelled before its first step: nothing is sent, and the entry says so', async () => {
    const { tenant, person, undo, undoEntry, cancelWhen } = await setUp()
    cancelWhen((progress) => progress.steps.length === 0)
    expect(await undo()).toMatchObject({ code: 'cancelled' })
    const entry = await undoEntry()
    expect(entry.outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/Nothing was sent|anything was sent: nothing was changed|before its answer came/) })
    expect(tenant.user(person.id)?.status).toBe('SUSPENDED')
  })

  it('cancelled between steps: the steps done stay recorded as partial, the rest never sent', async () => {
    const { tenant, person, groupIds, undo, undoEntry, cancelWhen } = await setUp()
    cancelWhen((progress) => statuses(progress) === 'applied pending pending')
    expect(await undo()).toMatchObject({ code: 'partial_failure', message: expect.stringMatching(/cancelled before "Add back to .*"\. Done: "Unsuspend .*"/) })
    const entry = await undoEntry()
    expect(entry.outcome.status).toBe('partial')
    expect(entry.outcome.steps.map((step) => step.status)).toEqual(['applied', 'not_attempted', 'not_attempted'])
    expect(tenant.user(person.id)?.status).toBe('ACTIVE')
    const groupsNow = tenant.groupsOf(person.id).map((group) => group.id)
    for (const groupId of groupIds) expect(groupsNow).not.toContain(groupId)
  })

  it('cancelled while waiting out a 429: the refused request was not carried out, so nothing was changed', async () => {
    const { sandbox, tenant, person, undo, undoEntry, cancelWhen } = await setUp()
    sandbox.faults.script([{ kind: 'rate_limit', method: 'POST', path: /\/lifecycle\/unsuspend$/ }])
    cancelWhen((progress) => progress.retry !== null)
    expect(await undo()).toMatchObject({ code: 'cancelled' })
    const entry = await undoEntry()
    expect(entry.outcome.status).toBe('failed')
    expect(entry.outcome.steps.map((step) => step.status)).toEqual(['failed', 'not_attempted', 'not_attempted'])
    expect(tenant.user(person.id)?.status).toBe('SUSPENDED')
  })

  it('cancelled with a request on its way: the outcome is not known, so the entry stays pending to be settled', async () => {
    const { sandbox, services, undo, undoEntry } = await setUp()
    // The unsuspend reaches the tenant and is held there, unanswered, until the client gives up.
    sandbox.faults.script([{ kind: 'timeout', method: 'POST', path: /\/lifecycle\/unsuspend$/ }])
    const undoing = undo()
    while (!sandbox.faults.delivered().timeout) await new Promise((resolve) => setTimeout(resolve, 5))
    const runningNow = services.events.filter(({ event }) => event === 'changes.progress').at(-1)!.payload as ChangeProgress
    expect(statuses(runningNow)).toBe('running pending pending')
    await services.handlers['directory.cancelChange']({ entryId: runningNow.entryId })
    expect(await undoing).toMatchObject({ code: 'cancelled', extra: { details: { sent: 'true' } } })
    expect((await undoEntry()).outcome).toMatchObject({ status: 'pending', message: expect.stringMatching(/not known/) })
  })

  it('cancelling a change that has finished does nothing: its entry already says how it ended', async () => {
    const { services, deprovision } = await setUp()
    await expect(services.handlers['directory.cancelChange']({ entryId: deprovision.id })).resolves.toBeNull()
    expect((await services.handlers['journal.get']({ entryId: deprovision.id })).outcome.status).toBe('applied')
  })
})
