import { describe, expect, it } from 'vitest'
import { settleLifecycle } from '../../../support/settleLifecycle'
import { coupaHarness } from './coupaSandboxHarness'

/** Settling an unfinished Coupa deprovision or undo: `active`, and every role and group of each kind. */
describe('Coupa: settling a deprovision or undo whose answer was lost', () => {
  it('settles the deactivation by the status, and an undo missing a role or account group as partial', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.fields.active === true && user.roleIds.length >= 2 && user.accountGroupIds.length > 0)!
    const id = String(person.id)
    const snapshot = await connector.readDeprovisionSnapshot(id)
    expect(await settleLifecycle(connector, 'deprovision', snapshot)).toMatchObject({ status: 'failed' })
    await connector.deprovision(id, snapshot)
    expect(await settleLifecycle(connector, 'deprovision', snapshot)).toMatchObject({ status: 'applied' })

    await connector.undoDeprovision(id, snapshot)
    const role = snapshot.groups.find((group) => group.objectType === 'roles')!
    const accountGroup = snapshot.groups.find((group) => group.objectType === 'account-groups')!
    await connector.removeMember('roles', role.id, id)
    await connector.removeMember('account-groups', accountGroup.id, id)
    const verdict = await settleLifecycle(connector, 'undoDeprovision', snapshot)
    expect(verdict.status).toBe('partial')
    expect(verdict.message).toContain(`Not back in ${role.name}.`)
    expect(verdict.message).toContain(`Not back in ${accountGroup.name}.`)
  })
})
