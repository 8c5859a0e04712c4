import { describe, expect, it } from 'vitest'
import { checkIntent } from '../../../../electron/changes/checkIntent'
import { unfinishedIntent } from '../../../support/settleLifecycle'
import { oktaHarness } from './oktaSandboxHarness'

/**
 * Okta deletes a user in two steps (deactivate, then delete). A delete whose answer was lost
 * after the first step leaves the user DEPROVISIONED: settled as partial, not "not deleted".
 */
describe('Okta: settling a delete whose answer was lost', () => {
  async function deleteIntentFor(statusBefore: string | undefined) {
    const harness = await oktaHarness({}, {}, { deprovisionMode: 'deactivate' })
    const user = harness.tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace' })
    const intent = unfinishedIntent({
      action: 'delete',
      connectorId: 'okta',
      target: { objectType: 'users', id: user.id, name: 'Ada Lovelace' },
      ...(statusBefore !== undefined && { statusBefore }),
    })
    return { ...harness, user, intent }
  }

  it('settles a deactivated but not deleted user as partial, and an untouched one as failed', async () => {
    const { connector, user, intent } = await deleteIntentFor('ACTIVE')
    expect(await checkIntent(connector, intent)).toMatchObject({ status: 'failed' })
    await connector.deprovision(user.id, await connector.readDeprovisionSnapshot(user.id))

    expect(await checkIntent(connector, intent)).toEqual({
      status: 'partial',
      message: 'Ada Lovelace is still at the target, but DEPROVISIONED (was ACTIVE): the delete took effect only in part. Delete again to finish.',
    })
    await connector.delete('users', user.id)
    expect(await checkIntent(connector, intent)).toMatchObject({ status: 'applied' })
  })

  it('says it could not tell for a journal written before the status was recorded', async () => {
    const { connector, user, intent } = await deleteIntentFor(undefined)
    await connector.deprovision(user.id, await connector.readDeprovisionSnapshot(user.id))
    expect(await checkIntent(connector, intent)).toMatchObject({ status: 'undetermined' })
  })
})
