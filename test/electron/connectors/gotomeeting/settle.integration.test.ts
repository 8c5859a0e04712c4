import { describe, expect, it } from 'vitest'
import { settleLifecycle } from '../../../support/settleLifecycle'
import { behindLanyardsBack, goToHarness } from './goToSandboxHarness'

/*
 * Settling an unfinished GoTo deprovision or undo: GoTo's status is only a consequence of the
 * licences and roles (SUSPENDED once all are gone), so each of them is compared with the snapshot.
 */

async function personWithRolesAndLicences() {
  const harness = await goToHarness()
  const { tenant } = harness
  const person = tenant.users().find((user) => user.key !== tenant.adminUser.key && user.adminRoles.length > 0 && user.licenseKeys.length > 0)!
  const snapshot = await harness.connector.readDeprovisionSnapshot(person.key)
  return { ...harness, person, snapshot }
}

describe('GoToMeeting: settling a deprovision or undo whose answer was lost', () => {
  it('settles a deprovision whose admin-role step was carried out, and licence step not, as partial', async () => {
    const { connector, sandbox, person, snapshot } = await personWithRolesAndLicences()
    expect((await behindLanyardsBack(sandbox, 'PUT', `users/${person.key}`, { adminRoles: [] })).status).toBeLessThan(300)

    const verdict = await settleLifecycle(connector, 'deprovision', snapshot)
    expect(verdict.status).toBe('partial')
    expect(verdict.message).toContain(`the admin roles ${person.adminRoles.join(', ')} taken away`)
    expect(verdict.message).toContain('still holds the licences')
  })

  it('settles a deprovision as applied once licences and roles are all gone, and as failed when nothing went', async () => {
    const { connector, person, snapshot } = await personWithRolesAndLicences()
    expect(await settleLifecycle(connector, 'deprovision', snapshot)).toMatchObject({ status: 'failed', message: `${snapshot.displayName} is still ACTIVE: the deprovision did not take effect.` })
    await connector.deprovision(person.key, snapshot)
    expect(await settleLifecycle(connector, 'deprovision', snapshot)).toMatchObject({ status: 'applied', message: `${snapshot.displayName} is SUSPENDED (was ACTIVE): the deprovision took effect.` })
  })

  it('settles an undo that gave the licences back but not the admin roles as partial, though GoTo says ACTIVE', async () => {
    const { connector, sandbox, tenant, person, snapshot } = await personWithRolesAndLicences()
    await connector.deprovision(person.key, snapshot)
    await behindLanyardsBack(sandbox, 'PUT', `users/${person.key}`, { licenseKeys: person.licenseKeys })
    expect(tenant.user(person.key)?.status).toBe('ACTIVE')

    const verdict = await settleLifecycle(connector, 'undoDeprovision', snapshot)
    expect(verdict.status).toBe('partial')
    expect(verdict.message).toContain(`The admin roles ${person.adminRoles.join(', ')} are not back.`)

    await connector.undoDeprovision(person.key, snapshot)
    expect(await settleLifecycle(connector, 'undoDeprovision', snapshot)).toMatchObject({ status: 'applied' })
  })

  it('settles an undo that brought nothing back as failed', async () => {
    const { connector, person, snapshot } = await personWithRolesAndLicences()
    await connector.deprovision(person.key, snapshot)
    expect(await settleLifecycle(connector, 'undoDeprovision', snapshot)).toMatchObject({
      status: 'failed',
      message: `${snapshot.displayName} is SUSPENDED, not ACTIVE: the undo did not take effect.`,
    })
  })
})
