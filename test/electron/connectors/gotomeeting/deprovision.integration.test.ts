import { describe, expect, it } from 'vitest'
import type { DeprovisionSnapshot } from '../../../../electron/connectors/Connector'
import { expectAppError } from '../../../support/expectAppError'
import { behindLanyardsBack, goToHarness } from './goToSandboxHarness'

async function withAdminRoles() {
  const harness = await goToHarness()
  const { tenant } = harness
  const person = tenant.users().find((user) => user.key !== tenant.adminUser.key && user.adminRoles.length > 0 && user.groupKey !== null)!
  return { ...harness, person }
}

describe('GoToMeeting connector: deprovision and undo', () => {
  it('snapshots the licences (with names), admin roles and group, and suspends by taking licences and roles away', async () => {
    const { connector, tenant, person } = await withAdminRoles()
    const snapshot = await connector.readDeprovisionSnapshot(person.key)
    const names = new Map(tenant.licenses().map((license) => [license.key, license.description]))
    expect(snapshot).toMatchObject({
      userId: person.key,
      userName: person.email,
      displayName: `${person.firstName} ${person.lastName}`,
      status: 'ACTIVE',
      active: true,
      mode: 'suspend',
      groups: [{ id: person.groupKey, name: tenant.groups().find((group) => group.key === person.groupKey)!.name }],
      extra: { licenses: person.licenseKeys.map((key) => ({ key, name: names.get(key) })), adminRoles: person.adminRoles, roleSets: [] },
    })

    const steps = await connector.deprovision(person.key, snapshot)
    expect(steps.map((step) => [step.name, step.status])).toEqual([
      [`Remove ${snapshot.displayName}'s admin roles (${person.adminRoles.join(', ')})`, 'applied'],
      [`Remove ${snapshot.displayName}'s licences (${person.licenseKeys.map((key) => names.get(key)).join(', ')})`, 'applied'],
    ])
    expect(tenant.user(person.key)).toMatchObject({ status: 'SUSPENDED', licenseKeys: [], adminRoles: [], groupKey: person.groupKey })
    expect((await connector.get('users', person.key)).status).toEqual({ label: 'SUSPENDED', tone: 'warning', active: false })
  })

  it('undoes from a snapshot read back after a restart, and puts the user back in the group they were moved out of', async () => {
    const { connector, connect, tenant, sandbox, person } = await withAdminRoles()
    const snapshot = JSON.parse(JSON.stringify(await connector.readDeprovisionSnapshot(person.key))) as DeprovisionSnapshot
    await connector.deprovision(person.key, snapshot)
    const elsewhere = tenant.groups().find((group) => group.key !== person.groupKey)!
    expect((await behindLanyardsBack(sandbox, 'PUT', `groups/${elsewhere.key}/users/${person.key}`)).status).toBe(204)

    const steps = await connect().undoDeprovision(person.key, snapshot)
    expect(steps.map((step) => step.status)).toEqual(['applied', 'applied', 'applied'])
    expect(steps[2]?.name).toBe(`Put ${snapshot.displayName} back in ${snapshot.groups[0]!.name}`)
    expect(tenant.user(person.key)).toMatchObject({ status: 'ACTIVE', licenseKeys: person.licenseKeys, adminRoles: person.adminRoles, groupKey: person.groupKey })
    const again = await connector.undoDeprovision(person.key, snapshot)
    expect(again).toEqual([expect.objectContaining({ status: 'applied', message: expect.stringContaining('nothing to change') })])
  })

  it('keeps licences given since the deprovision when it gives the old ones back', async () => {
    const { connector, tenant, sandbox, person } = await withAdminRoles()
    const snapshot = await connector.readDeprovisionSnapshot(person.key)
    await connector.deprovision(person.key, snapshot)
    const other = tenant.licenses().find((license) => !person.licenseKeys.includes(license.key))!
    await behindLanyardsBack(sandbox, 'PUT', `users/${person.key}`, { licenseKeys: [other.key] })
    await connector.undoDeprovision(person.key, snapshot)
    expect(new Set(tenant.user(person.key)!.licenseKeys)).toEqual(new Set([other.key, ...person.licenseKeys]))
  })

  it('refuses to deprovision a user who is already suspended, changing nothing', async () => {
    const { connector, tenant, person } = await withAdminRoles()
    await connector.deprovision(person.key, await connector.readDeprovisionSnapshot(person.key))
    const error = await expectAppError(connector.deprovision(person.key, await connector.readDeprovisionSnapshot(person.key)), 'conflict')
    expect(error.message).toContain('already SUSPENDED')
    expect(tenant.user(person.key)?.status).toBe('SUSPENDED')
  })

  it('reports a deprovision that stopped half-way step by step, and undo gives back what was taken', async () => {
    const { connector, sandbox, tenant, person } = await withAdminRoles()
    const snapshot = await connector.readDeprovisionSnapshot(person.key)
    sandbox.faults.script([{ kind: 'server_error', method: 'PUT', path: new RegExp(`/users/${person.key}$`), after: 1 }])
    const error = await expectAppError(connector.deprovision(person.key, snapshot), 'partial_failure')
    expect(error.extra.steps?.map((step) => step.status)).toEqual(['applied', 'failed'])
    expect(error.extra.details).toMatchObject({ status: '500', failedStep: expect.stringContaining('licences') })
    expect(tenant.user(person.key)).toMatchObject({ adminRoles: [], licenseKeys: person.licenseKeys })
    await connector.undoDeprovision(person.key, snapshot)
    expect(tenant.user(person.key)).toMatchObject({ status: 'ACTIVE', adminRoles: person.adminRoles })
  })
})
