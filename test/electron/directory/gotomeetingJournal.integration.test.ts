import { describe, expect, it } from 'vitest'
import { startGoToMeetingSandbox } from '../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { AppError } from '../../../electron/errors/AppError'
import { createTestServices } from '../../support/createTestServices'
import { createGoToMeetingSandboxProfile } from '../../support/goToMeetingSandboxProfile'
import { behindLanyardsBack } from '../connectors/gotomeeting/goToSandboxHarness'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { closeAfterEach } from '../../support/closeAfterEach'

/*
 * The whole main-process path — contract handlers, directory service, journal, the real GoToMeeting
 * adapter with its sign-in and HTTP client — against the GoTo sandbox account.
 */

const newDirectory = useTemporaryDirectories()
const running = closeAfterEach()

async function setUp() {
  const sandbox = await startGoToMeetingSandbox({ users: 60 })
  running.push(sandbox)
  const dataDirectory = newDirectory()
  const services = await createTestServices(dataDirectory)
  running.push(services)
  const profile = await createGoToMeetingSandboxProfile(services, sandbox)
  const { tenant } = sandbox
  const person = tenant.users().find((user) => user.key !== tenant.adminUser.key && user.adminRoles.length > 0 && user.groupKey !== null)!
  const groupName = tenant.groups().find((group) => group.key === person.groupKey)!.name
  return { sandbox, tenant, services, handlers: services.handlers, profile, person, groupName, dataDirectory }
}

describe('GoToMeeting through the services, against the sandbox account', () => {
  it('journals a deprovision, and undo after a restart brings back licences, roles and the group', async () => {
    const first = await setUp()
    const { handlers, profile, person, tenant, groupName, sandbox } = first

    const entry = await handlers['directory.deprovision']({ profileId: profile.id, userId: person.key })
    expect(entry.outcome.status).toBe('applied')
    // What the snapshot holds for undo, licences and admin roles too, not only the group deactivation leaves alone.
    const licences = person.licenseKeys.length
    const roles = person.adminRoles.length
    const kept = [`1 group`, ...(licences ? [`${licences} licence${licences === 1 ? '' : 's'}`] : []), `${roles} admin role${roles === 1 ? '' : 's'}`]
    expect(entry.summary).toBe(`Suspended ${person.firstName} ${person.lastName} (kept ${kept.slice(0, -1).join(', ')} and ${kept.at(-1)} on record)`)
    expect(entry.changes).toEqual([{ attribute: 'active', before: true, after: false }])
    expect(entry.recorded).toEqual({ status: 'ACTIVE', groups: [groupName] })
    expect(tenant.user(person.key)).toMatchObject({ status: 'SUSPENDED', licenseKeys: [], adminRoles: [] })

    // Someone moves the suspended person to another group in the GoTo Admin Center.
    const elsewhere = tenant.groups().find((group) => group.key !== person.groupKey)!
    expect((await behindLanyardsBack(sandbox, 'PUT', `groups/${elsewhere.key}/users/${person.key}`)).status).toBe(204)

    // A new set of services on the same data folder: the app after a restart.
    await first.services.close()
    const again = await createTestServices(first.dataDirectory, { secretStore: first.services.secretStore })
    running.push(again)
    const report = await again.handlers['journal.undo']({ entryId: entry.id })
    expect(report.differences).toEqual([])
    expect(report.entry.outcome.status).toBe('applied')
    expect(report.entry.outcome.steps.map((step) => step.name)).toContain(`Put ${person.firstName} ${person.lastName} back in ${groupName}`)
    expect(tenant.user(person.key)).toMatchObject({ status: 'ACTIVE', licenseKeys: person.licenseKeys, adminRoles: person.adminRoles, groupKey: person.groupKey })
    expect(await again.handlers['journal.verify']({})).toMatchObject({ intact: true, problem: null })
  })

  it('settles an undo cut off by a reset after a partial deprovision as partial, and a second undo gives the roles back', async () => {
    const first = await setUp()
    const { handlers, profile, person, tenant, sandbox } = first
    const userPut = { method: 'PUT', path: new RegExp(`/users/${person.key}$`) }
    // The admin roles go, the licences step fails: a partial deprovision.
    sandbox.faults.script([{ kind: 'server_error', ...userPut, after: 1 }])
    await expect(handlers['directory.deprovision']({ profileId: profile.id, userId: person.key })).rejects.toMatchObject({ code: 'partial_failure' })
    expect(tenant.user(person.key)).toMatchObject({ status: 'ACTIVE', adminRoles: [], licenseKeys: person.licenseKeys })
    const [deprovision] = (await handlers['journal.list']({ action: 'deprovision' })).entries
    expect(deprovision).toMatchObject({ outcome: { status: 'partial' }, undo: { available: true } })

    // The undo's first request is cut off: nobody knows whether it happened.
    sandbox.faults.script([{ kind: 'reset', ...userPut }])
    await expect(handlers['journal.undo']({ entryId: deprovision!.id })).rejects.toMatchObject({ code: 'network' })
    await first.services.close()

    const again = await createTestServices(first.dataDirectory, { secretStore: first.services.secretStore })
    running.push(again)
    const [undo] = await again.handlers['journal.reconciled']({})
    expect(undo).toMatchObject({ action: 'undoDeprovision', outcome: { status: 'partial', reconciled: true } })
    expect(undo!.outcome.message).toContain(`The admin roles ${person.adminRoles.join(', ')} are not back.`)
    const [settledDeprovision] = (await again.handlers['journal.list']({ action: 'deprovision' })).entries
    expect(settledDeprovision!.undo).toEqual({ available: true, reason: null, undoneBy: null })

    const report = await again.handlers['journal.undo']({ entryId: deprovision!.id })
    expect(report).toMatchObject({ differences: [], entry: { outcome: { status: 'applied' } } })
    expect(tenant.user(person.key)).toMatchObject({ status: 'ACTIVE', adminRoles: person.adminRoles, licenseKeys: person.licenseKeys })
  })

  it('reports a create for an existing email as already existing, journaled as failed', async () => {
    const { handlers, profile, tenant } = await setUp()
    const existing = tenant.users().find((user) => user.key !== tenant.adminUser.key)!
    const before = tenant.count()
    const attributes = { 'emails[0].value': existing.email, 'name.givenName': 'Another', 'name.familyName': 'Person' }
    const check = await handlers['directory.checkCreate']({ profileId: profile.id, objectType: 'users', attributes })
    expect(check.warnings[0]).toContain('already has a GoTo account')

    const error = await handlers['directory.create']({ profileId: profile.id, objectType: 'users', attributes }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'conflict', extra: { details: { existingId: existing.key } } })
    expect((error as AppError).message).toContain('already existed')
    expect(tenant.count()).toBe(before)
    const [entry] = (await handlers['journal.list']({ action: 'create' })).entries
    expect(entry?.outcome.status).toBe('failed')
    expect(entry?.outcome.details).toMatchObject({ existingId: existing.key })
  })

  it('warns before a create brings back a deleted user, and journals the create', async () => {
    const { handlers, profile, tenant } = await setUp()
    const email = tenant.deletedEmails()[0]!
    const attributes = { 'emails[0].value': email, 'name.givenName': 'New', 'name.familyName': 'Hire' }
    const check = await handlers['directory.checkCreate']({ profileId: profile.id, objectType: 'users', attributes })
    expect(check.warnings).toEqual([expect.stringContaining('re-activate that old account')])
    const created = await handlers['directory.create']({ profileId: profile.id, objectType: 'users', attributes })
    expect(tenant.findUser(email)?.key).toBe(created.id)
    const [entry] = (await handlers['journal.list']({ action: 'create' })).entries
    expect(entry).toMatchObject({ outcome: { status: 'applied' }, target: { id: created.id } })
  })

  it('refuses a membership change before calling GoTo, saying members are read-only', async () => {
    const { handlers, profile, person, tenant, sandbox } = await setUp()
    const other = tenant.groups().find((group) => group.key !== person.groupKey)!
    const before = sandbox.requestCount()
    await expect(handlers['directory.addMember']({ profileId: profile.id, groupType: 'groups', groupId: other.key, userId: person.key })).rejects.toMatchObject({
      code: 'unsupported',
    })
    expect(sandbox.requestCount()).toBe(before)
    const groups = await handlers['directory.groupsOf']({ profileId: profile.id, objectType: 'users', objectId: person.key, pageSize: 10 })
    expect(groups.items.map((item) => item.id)).toEqual([person.groupKey])
  })
})
