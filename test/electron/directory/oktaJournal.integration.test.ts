import { describe, expect, it } from 'vitest'
import { startOktaSandbox, type RunningOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { createTestServices } from '../../support/createTestServices'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { createOktaSandboxProfile } from '../../support/oktaSandboxProfile'
import { closeAfterEach } from '../../support/closeAfterEach'

/*
 * The whole main-process path — contract handlers, directory service, journal, the real Okta
 * adapter and HTTP client — against the Okta sandbox tenant. What the journal says after a
 * failure must be exactly what happened at the target.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

async function setUp(dataDirectory = newDirectory(), existing?: RunningOktaSandbox) {
  const sandbox = existing ?? (await startOktaSandbox({ users: 40 }))
  if (!existing) running.push(sandbox)
  const services = await createTestServices(dataDirectory)
  running.push(services)
  const profile = await createOktaSandboxProfile(services, sandbox)
  const { tenant } = sandbox
  const person = tenant.users().find((user) => user.status === 'ACTIVE' && tenant.groupsOf(user.id).length >= 3)!
  const groupsOf = () => tenant.groupsOf(person.id).filter((group) => group.type === 'OKTA_GROUP').map((group) => group.id).sort()
  return { sandbox, tenant, services, handlers: services.handlers, profile, person, groupsOf, dataDirectory }
}

describe('deprovision and undo through the services, against the Okta sandbox', () => {
  it('journals a deprovision with its snapshot, and undo after a restart restores status and groups', async () => {
    const first = await setUp()
    const { handlers, profile, person, tenant, groupsOf } = first
    const [removed, ...kept] = groupsOf()
    await handlers['directory.removeMember']({ profileId: profile.id, groupType: 'groups', groupId: removed!, userId: person.id })

    const entry = await handlers['directory.deprovision']({ profileId: profile.id, userId: person.id })
    expect(entry.outcome.status).toBe('applied')
    // What the Activity view and both undo confirmations show: SCIM's change, and what was kept for undo.
    expect(entry.changes).toEqual([{ attribute: 'active', before: true, after: false }])
    // Every group but the built-in Everyone, which no one is ever taken out of.
    const recordedNames = tenant.groupsOf(person.id).filter((group) => group.type !== 'BUILT_IN').map((group) => group.profile.name)
    expect(entry.recorded).toEqual({ status: 'ACTIVE', groups: expect.arrayContaining(recordedNames) })
    expect(entry.recorded?.groups).toHaveLength(recordedNames.length)
    expect(tenant.user(person.id)?.status).toBe('SUSPENDED')

    // A new set of services on the same data folder: the app after a restart.
    await first.services.close()
    const again = await createTestServices(first.dataDirectory, { secretStore: first.services.secretStore })
    running.push(again)
    const report = await again.handlers['journal.undo']({ entryId: entry.id })

    expect(report.differences).toEqual([])
    expect(report.entry.outcome.status).toBe('applied')
    expect(tenant.user(person.id)?.status).toBe('ACTIVE')
    expect(groupsOf()).toEqual([...kept].sort())
    const verification = await again.handlers['journal.verify']({})
    expect(verification).toMatchObject({ intact: true, problem: null })
  })

  it('records exactly what happened when the suspend itself fails', async () => {
    const { sandbox, handlers, profile, person, tenant } = await setUp()
    sandbox.faults.script([{ kind: 'server_error', method: 'POST', path: /\/lifecycle\/suspend$/ }])

    await expect(handlers['directory.deprovision']({ profileId: profile.id, userId: person.id })).rejects.toMatchObject({
      extra: { steps: [{ status: 'failed' }] },
    })
    expect(tenant.user(person.id)?.status).toBe('ACTIVE')
    const [entry] = (await handlers['journal.list']({ action: 'deprovision' })).entries
    expect(entry?.outcome.steps).toEqual([expect.objectContaining({ status: 'failed' })])
    expect(entry?.outcome.details).toMatchObject({ status: '500', failedStep: expect.stringMatching(/^Suspend /) })
    expect(entry?.outcome.details.requestId).toBeTruthy()
    expect(entry?.undo?.available).toBe(false)
  })

  it('records a partial undo step by step, and a second undo finishes the job', async () => {
    const { sandbox, handlers, profile, person, tenant, groupsOf } = await setUp()
    const before = groupsOf()
    const entry = await handlers['directory.deprovision']({ profileId: profile.id, userId: person.id })
    // Take the person out of every group behind Lanyard's back, then break re-adding one of them.
    for (const groupId of before) tenant.removeMember(groupId, person.id)
    sandbox.faults.script([{ kind: 'server_error', method: 'PUT', path: new RegExp(`/groups/${before[1]}/users/`), times: 10 }])

    await expect(handlers['journal.undo']({ entryId: entry.id })).rejects.toMatchObject({ code: 'partial_failure' })
    const [undo] = (await handlers['journal.list']({ action: 'undoDeprovision' })).entries
    expect(undo?.outcome.status).toBe('partial')
    expect(undo?.outcome.steps.map((step) => step.status)).toContain('applied')
    expect(undo?.outcome.steps.map((step) => step.status)).not.toEqual(
      undo?.outcome.steps.map(() => 'applied'),
    )

    sandbox.faults.clear()
    const finished = await handlers['journal.undo']({ entryId: entry.id })
    expect(finished.differences).toEqual([])
    expect(tenant.user(person.id)?.status).toBe('ACTIVE')
    expect(groupsOf()).toEqual(before)
  })
})
