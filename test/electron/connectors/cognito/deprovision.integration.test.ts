import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { cognitoHarness, type CognitoHarness } from './cognitoSandboxHarness'

/** An enabled, CONFIRMED person in at least two groups. */
function personInGroups({ tenant }: CognitoHarness): string {
  return tenant.users().find((user) => user.enabled && user.status === 'CONFIRMED' && tenant.groupsOf(user.username).length >= 2)!.username
}

describe('Cognito connector: deprovision and undo', () => {
  it('snapshots the status, Enabled and every group, all pages of them', async () => {
    const harness = await cognitoHarness()
    const person = personInGroups(harness)
    const snapshot = await harness.connector.readDeprovisionSnapshot(person)
    expect(snapshot).toEqual({
      userId: person,
      userName: person,
      displayName: person,
      status: 'CONFIRMED',
      active: true,
      groups: harness.tenant.groupsOf(person).map((group) => ({ id: group.name, name: group.name })),
      mode: 'disable',
      extra: { enabled: true, userStatus: 'CONFIRMED' },
    })
  })

  it('disables the user and signs them out everywhere, as two steps, keeping their groups', async () => {
    const harness = await cognitoHarness()
    const { connector, tenant } = harness
    const person = personInGroups(harness)
    const groupsBefore = tenant.groupsOf(person)
    const snapshot = await connector.readDeprovisionSnapshot(person)
    const steps = await connector.deprovision(person, snapshot)
    expect(steps).toEqual([
      { name: `Disable ${person}`, status: 'applied' },
      { name: `Sign ${person} out everywhere`, status: 'applied' },
    ])
    expect(tenant.enabled(person)).toBe(false)
    expect(tenant.signOutCount(person)).toBe(1)
    expect(tenant.groupsOf(person)).toEqual(groupsBefore)
    expect((await connector.get('users', person)).status).toEqual({ label: 'Disabled (CONFIRMED)', tone: 'danger', active: false })
  })

  it('refuses to deprovision a user who is already disabled, changing nothing', async () => {
    const { connector, tenant, calls, mark } = await cognitoHarness()
    const disabled = tenant.users().find((user) => !user.enabled)!.username
    const snapshot = await connector.readDeprovisionSnapshot(disabled)
    mark()
    await expectAppError(connector.deprovision(disabled, snapshot), 'conflict')
    expect(calls()).toEqual([])
  })

  it('reports a partial deprovision when the sign-out fails after the disable', async () => {
    const harness = await cognitoHarness()
    const { connector, sandbox, tenant } = harness
    const person = personInGroups(harness)
    const snapshot = await connector.readDeprovisionSnapshot(person)
    sandbox.faults.script([{ kind: 'server_error', after: 1, times: 10 }])
    const error = await expectAppError(connector.deprovision(person, snapshot), 'partial_failure')
    expect(error.extra.steps?.map((step) => step.status)).toEqual(['applied', 'failed'])
    expect(error.extra.details).toMatchObject({ failedStep: `Sign ${person} out everywhere`, targetCode: 'InternalErrorException' })
    expect(tenant.enabled(person)).toBe(false)
  })

  it('undoes: enables the user again and adds back every group removed since, then has nothing left to do', async () => {
    const harness = await cognitoHarness()
    const { connector, tenant } = harness
    const person = personInGroups(harness)
    const before = tenant.groupsOf(person).map((group) => group.name)
    const snapshot = await connector.readDeprovisionSnapshot(person)
    await connector.deprovision(person, snapshot)
    // Someone takes the person out of two groups while they are deprovisioned.
    for (const group of before.slice(0, 2)) tenant.removeMember(group, person)

    const steps = await connector.undoDeprovision(person, snapshot)
    expect(steps).toEqual([
      { name: `Enable ${person}`, status: 'applied' },
      ...before.slice(0, 2).map((group) => ({ name: `Add back to ${group}`, status: 'applied' })),
    ])
    expect(tenant.enabled(person)).toBe(true)
    expect(tenant.groupsOf(person).map((group) => group.name).sort()).toEqual([...before].sort())
    expect(await connector.undoDeprovision(person, snapshot)).toEqual([{ name: `Enable ${person}`, status: 'applied', message: `${person} is already enabled: nothing to change.` }])
  })

  it('undo says which group no longer exists and still brings back the rest', async () => {
    const harness = await cognitoHarness()
    const { connector, tenant } = harness
    const person = personInGroups(harness)
    const [gone, kept] = tenant.groupsOf(person).map((group) => group.name)
    const snapshot = await connector.readDeprovisionSnapshot(person)
    await connector.deprovision(person, snapshot)
    await connector.delete('groups', gone!)
    tenant.removeMember(kept!, person)
    const error = await expectAppError(connector.undoDeprovision(person, snapshot), 'partial_failure')
    expect(error.extra.steps).toEqual([
      { name: `Enable ${person}`, status: 'applied' },
      { name: `Add back to ${gone}`, status: 'failed', message: expect.stringContaining(`"${gone}" no longer exists`) },
      { name: `Add back to ${kept}`, status: 'applied' },
    ])
  })

  it('undo refuses to add back past 25 groups, naming the limit', async () => {
    const harness = await cognitoHarness()
    const { connector, tenant } = harness
    const person = personInGroups(harness)
    const [removed] = tenant.groupsOf(person).map((group) => group.name)
    const snapshot = await connector.readDeprovisionSnapshot(person)
    await connector.deprovision(person, snapshot)
    tenant.removeMember(removed!, person)
    for (let index = tenant.groupsOf(person).length; index < 25; index++) {
      tenant.addGroup({ name: `meanwhile-${index}` })
      tenant.addMember(`meanwhile-${index}`, person)
    }
    const error = await expectAppError(connector.undoDeprovision(person, snapshot), 'partial_failure')
    expect(error.extra.steps?.[1]).toMatchObject({ name: `Add back to ${removed}`, status: 'failed', message: expect.stringContaining('already in 25 groups') })
  })
})
