import { describe, expect, it } from 'vitest'
import { settleLifecycle } from '../../../support/settleLifecycle'
import { oktaHarness } from './oktaSandboxHarness'

/** Settling an unfinished Okta deprovision or undo: the status, and every group of the snapshot. */
describe('Okta: settling a deprovision or undo whose answer was lost', () => {
  async function personInTwoGroups(values: Record<string, string> = {}) {
    const harness = await oktaHarness({}, {}, values)
    const user = harness.tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace' })
    const groups = [harness.tenant.addGroup({ name: 'Analysts' }), harness.tenant.addGroup({ name: 'Engines' })]
    for (const group of groups) harness.tenant.addMember(group.id, user.id)
    const snapshot = await harness.connector.readDeprovisionSnapshot(user.id)
    return { ...harness, user, groups, snapshot }
  }

  it('settles a deactivation by the status, whatever happened to the groups', async () => {
    const { connector, user, snapshot } = await personInTwoGroups({ deprovisionMode: 'deactivate' })
    expect(await settleLifecycle(connector, 'deprovision', snapshot)).toMatchObject({ status: 'failed' })
    await connector.deprovision(user.id, snapshot)
    expect(await settleLifecycle(connector, 'deprovision', snapshot)).toMatchObject({ status: 'applied', message: 'Ada Lovelace is DEPROVISIONED (was ACTIVE): the deprovision took effect.' })
  })

  it('settles an undo that brought the status back but not every group as partial, naming the group', async () => {
    const { connector, tenant, user, groups, snapshot } = await personInTwoGroups()
    await connector.deprovision(user.id, snapshot)
    expect(await settleLifecycle(connector, 'undoDeprovision', snapshot)).toMatchObject({ status: 'failed' })
    await connector.undoDeprovision(user.id, snapshot)
    tenant.removeMember(groups[0]!.id, user.id)

    expect(await settleLifecycle(connector, 'undoDeprovision', snapshot)).toEqual({
      status: 'partial',
      message: 'The undo of Ada Lovelace took effect only in part: Not back in Analysts.',
    })
    tenant.addMember(groups[0]!.id, user.id)
    expect(await settleLifecycle(connector, 'undoDeprovision', snapshot)).toMatchObject({ status: 'applied' })
  })
})
