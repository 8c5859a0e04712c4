import { describe, expect, it } from 'vitest'
import { settleLifecycle } from '../../../support/settleLifecycle'
import { cognitoHarness } from './cognitoSandboxHarness'

/** Settling an unfinished Cognito deprovision or undo: Enabled (in the status) and every group. */
describe('Cognito: settling a deprovision or undo whose answer was lost', () => {
  it('settles the disable by the status, as partial since the sign-out cannot be read, and an undo missing a group as partial', async () => {
    const { connector, tenant } = await cognitoHarness()
    const person = tenant.users().find((user) => user.enabled && user.status === 'CONFIRMED' && tenant.groupsOf(user.username).length >= 2)!.username
    const snapshot = await connector.readDeprovisionSnapshot(person)
    await connector.deprovision(person, snapshot)
    // Disabled reads back; the global sign-out leaves nothing to read, so the deprovision is not called done (finishing sends it again).
    expect(await settleLifecycle(connector, 'deprovision', snapshot)).toMatchObject({
      status: 'partial',
      message:
        `${person} is Disabled (CONFIRMED) (was CONFIRMED), but whether "Sign ${person} out everywhere" happened cannot be read back from the target. ` +
        'Finishing the deprovision sends it again (harmless if it was done); nothing else is sent twice.',
    })

    await connector.undoDeprovision(person, snapshot)
    const lost = snapshot.groups[1]!
    await connector.removeMember('groups', lost.id, person)
    expect(await settleLifecycle(connector, 'undoDeprovision', snapshot)).toEqual({
      status: 'partial',
      message: `The undo of ${person} took effect only in part: Not back in ${lost.name}.`,
    })
  })
})
