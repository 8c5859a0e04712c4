import { describe, expect, it } from 'vitest'
import { createCoupaConnector } from '../../../electron/connectors/coupa/createCoupaConnector'
import { connectorFactories } from '../../../electron/connectors/registry'
import { startCoupaSandbox, type RunningCoupaSandbox } from '../../../electron/sandbox/coupa/startCoupaSandbox'
import { createTestServices } from '../../support/createTestServices'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { closeAfterEach } from '../../support/closeAfterEach'
import { sandboxParameters } from '../../../electron/services/sandboxProfiles'

/*
 * The whole main-process path — contract handlers, directory service, journal, the real Coupa
 * adapter and HTTP client — against the Coupa sandbox instance: deprovision, undo after a
 * restart, user-centric membership changes and a partial change finished from the journal.
 */

const newDirectory = useTemporaryDirectories()
/** The registry's factories, with Coupa's retries made fast so failing steps do not wait for production backoffs. */
const factories = { ...connectorFactories, coupa: (settings: Parameters<typeof createCoupaConnector>[0]) => createCoupaConnector(settings, { backoff: { initialMs: 5, maxMs: 20 } }) }
const running = closeAfterEach()

async function setUp(dataDirectory = newDirectory(), existing?: RunningCoupaSandbox) {
  const sandbox = existing ?? (await startCoupaSandbox({ users: 40 }))
  if (!existing) running.push(sandbox)
  const services = await createTestServices(dataDirectory, { connectorFactories: factories })
  running.push(services)
  const profile = await services.handlers['profiles.create']({
    connectorId: 'coupa',
    name: 'Coupa Sandbox',
    environment: 'sandbox',
    // As the app's Sandbox profile is made: the OAuth client (GraphQL, so roles, is for OAuth clients only).
    ...sandboxParameters('coupa', sandbox.url, sandbox.credentials),
  })
  const { tenant } = sandbox
  const person = tenant.users().find((user) => user.fields.active === true && user.roleIds.length >= 2 && user.contentGroupIds.length > 0 && user.accountGroupIds.length > 0)!
  const id = String(person.id)
  return { sandbox, tenant, services, handlers: services.handlers, profile, person, id, dataDirectory }
}

describe('Coupa deprovision, undo and changes through the services', () => {
  it('journals a deprovision with every role and group, and undo after a restart brings back what went missing', async () => {
    const first = await setUp()
    const { handlers, profile, person, id, tenant } = first
    const entry = await handlers['directory.deprovision']({ profileId: profile.id, userId: id })
    expect(entry.outcome.status).toBe('applied')
    const kept = person.roleIds.length + person.contentGroupIds.length + person.userGroupIds.length + person.accountGroupIds.length
    expect(entry.summary).toBe(`Deactivated ${entry.target.name} (kept ${kept} groups on record)`)
    expect(entry.changes).toEqual([{ attribute: 'active', before: true, after: false }])
    expect(entry.recorded?.status).toBe('active')
    expect(entry.recorded?.groups).toEqual(expect.arrayContaining(tenant.rolesOf(person.id).map((role) => `${role.name} (role)`)))
    expect(entry.recorded?.groups).toHaveLength(kept)
    expect(tenant.user(person.id)?.fields.active).toBe(false)

    // Behind Lanyard's back, a role goes.
    const [lostRole] = person.roleIds
    await handlers['directory.removeMember']({ profileId: profile.id, groupType: 'roles', groupId: String(lostRole), userId: id })
    expect(tenant.rolesOf(person.id).map((role) => role.id)).not.toContain(lostRole)

    // A new set of services on the same data folder: the app after a restart.
    await first.services.close()
    const again = await createTestServices(first.dataDirectory, { secretStore: first.services.secretStore, connectorFactories: factories })
    running.push(again)
    const report = await again.handlers['journal.undo']({ entryId: entry.id })
    expect(report.differences).toEqual([])
    expect(report.entry.outcome.status).toBe('applied')
    expect(report.entry.outcome.steps.map((step) => step.name)).toEqual([`Reactivate ${entry.target.name}`, expect.stringMatching(/^Give back the role /)])
    expect(tenant.user(person.id)?.fields.active).toBe(true)
    expect(tenant.rolesOf(person.id).map((role) => role.id).sort()).toEqual([...person.roleIds].sort())
    expect(await again.handlers['journal.verify']({})).toMatchObject({ intact: true, problem: null })
  })

  it('records a failed deactivation exactly, with Coupa\'s request id', async () => {
    const { sandbox, handlers, profile, id, tenant, person } = await setUp()
    sandbox.faults.script([{ kind: 'server_error', method: 'PUT', times: 10 }])
    await expect(handlers['directory.deprovision']({ profileId: profile.id, userId: id })).rejects.toMatchObject({ extra: { steps: [{ status: 'failed' }] } })
    expect(tenant.user(person.id)?.fields.active).toBe(true)
    const [entry] = (await handlers['journal.list']({ action: 'deprovision' })).entries
    expect(entry?.outcome.details).toMatchObject({ status: '500', failedStep: expect.stringMatching(/^Deactivate /) })
    expect(entry?.outcome.details.requestId).toBeTruthy()
    expect(entry?.undo?.available).toBe(false)
  })

  it('changes memberships from the user side, journaled with both names', async () => {
    const { handlers, profile, id, tenant, person } = await setUp()
    const buyer = tenant.role('Buyer')!
    const hadBuyer = person.roleIds.includes(buyer.id)
    await handlers[hadBuyer ? 'directory.removeMember' : 'directory.addMember']({ profileId: profile.id, groupType: 'roles', groupId: String(buyer.id), userId: id })
    const [entry] = (await handlers['journal.list']({})).entries
    expect(entry).toMatchObject({ action: hadBuyer ? 'removeMember' : 'addMember', related: { objectType: 'roles', name: 'Buyer' }, target: { id } })
    expect(tenant.rolesOf(person.id).some((role) => role.id === buyer.id)).toBe(!hadBuyer)
  })

  it('finishes from the journal an update whose segment step failed', async () => {
    const { sandbox, handlers, profile, id, tenant, person } = await setUp()
    sandbox.faults.script([{ kind: 'server_error', method: 'PUT', after: 1, times: 10 }])
    await expect(
      handlers['directory.update']({ profileId: profile.id, objectType: 'users', objectId: id, changes: { 'name.familyName': 'Twostep', 'Extension.Segment1': 'SEG-1' } }),
    ).rejects.toMatchObject({ code: 'partial_failure' })
    const [partial] = (await handlers['journal.list']({ action: 'update' })).entries
    expect(partial?.outcome.status).toBe('partial')
    expect(partial?.outcome.steps.map((step) => step.status)).toEqual(['applied', 'failed'])
    sandbox.faults.clear()
    const finished = await handlers['journal.complete']({ entryId: partial!.id, choice: 'finish' })
    expect(finished.outcome.status).toBe('applied')
    expect(tenant.user(person.id)?.fields.lastname).toBe('Twostep')
    expect(tenant.user(person.id)?.defaultAccount?.['segment-1']).toBe('SEG-1')
  })

  const segmentedUser = {
    userName: 'grace.segments',
    'emails[0].value': 'grace.segments@example.com',
    'name.givenName': 'Grace',
    'name.familyName': 'Segments',
    'Extension.defaultChartOfAccountsName': 'North America COA',
    'Extension.AccountGroups': ['North America Accounts'],
    'Extension.Segment1': 'CC-2100',
    'Extension.Segment2': 'SLS',
  }

  it('journals a create with a chart of accounts, account groups and segments as one applied entry, and Coupa holds them all', async () => {
    const { handlers, profile, tenant } = await setUp()
    const created = await handlers['directory.create']({ profileId: profile.id, objectType: 'users', attributes: segmentedUser })
    const entries = (await handlers['journal.list']({})).entries
    expect(entries.map((entry) => [entry.action, entry.outcome.status])).toEqual([['create', 'applied']])
    // The two named steps are on record when both applied, as they are when one fails.
    expect(entries[0]?.outcome.steps.map((step) => [step.name, step.status])).toEqual([
      ['Create Grace Segments', 'applied'],
      [expect.stringMatching(/segment/i), 'applied'],
    ])
    expect(entries[0]?.changes.map((change) => change.attribute)).toEqual(expect.arrayContaining(Object.keys(segmentedUser)))
    // Two requests made it: everything but the segments, then the segments.
    expect(tenant.lastRequestBodies(2).map((request) => request.method)).toEqual(['POST', 'PUT'])
    expect(created.attributes).toMatchObject({ ...segmentedUser, 'Extension.accountSecurityType': 2 })
    expect(tenant.findUser('grace.segments')?.defaultAccount).toMatchObject({ 'segment-1': 'CC-2100', 'segment-2': 'SLS' })
  })

  it('journals a create whose segment step failed as one entry with its two named steps, and finishes it from the journal', async () => {
    const { sandbox, handlers, profile, tenant } = await setUp()
    sandbox.faults.script([{ kind: 'server_error', method: 'PUT', times: 10 }])
    await expect(handlers['directory.create']({ profileId: profile.id, objectType: 'users', attributes: segmentedUser })).rejects.toMatchObject({ code: 'partial_failure' })
    const [partial, ...others] = (await handlers['journal.list']({})).entries
    expect(others).toEqual([])
    expect(partial?.outcome.status).toBe('partial')
    expect(partial?.outcome.steps.map((step) => [step.name, step.status, step.writes])).toEqual([
      ['Create Grace Segments', 'applied', expect.arrayContaining(['Extension.defaultChartOfAccountsName', 'Extension.AccountGroups'])],
      ["Set Grace Segments's default account segments", 'failed', ['Extension.Segment1', 'Extension.Segment2']],
    ])
    const user = tenant.findUser('grace.segments')!
    expect(user.fields['account-security-type']).toBe(2)
    expect(user.defaultAccount).toMatchObject({ 'segment-1': null, accountTypeId: expect.any(Number) })

    // Coupa takes the segments now: step 1 set the chart where Coupa looks for it.
    sandbox.faults.clear()
    const finished = await handlers['journal.complete']({ entryId: partial!.id, choice: 'finish' })
    expect(finished.outcome.status).toBe('applied')
    expect(tenant.findUser('grace.segments')?.defaultAccount).toMatchObject({ 'segment-1': 'CC-2100', 'segment-2': 'SLS' })
  })
})
