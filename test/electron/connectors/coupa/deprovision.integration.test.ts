import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { coupaHarness } from './coupaSandboxHarness'

type Tenant = Awaited<ReturnType<typeof coupaHarness>>['tenant']

/** An active user with memberships of every kind. */
function wellConnected(tenant: Tenant) {
  return tenant.users().find((user) => user.fields.active === true && user.roleIds.length >= 2 && user.contentGroupIds.length > 0 && user.userGroupIds.length > 0 && user.accountGroupIds.length > 0)!
}

describe('Coupa deprovision and undo against the sandbox instance', () => {
  it('keeps status and every role and group in the snapshot, typed by kind', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = wellConnected(tenant)
    const snapshot = await connector.readDeprovisionSnapshot(String(person.id))
    expect(snapshot).toMatchObject({ userId: String(person.id), userName: person.fields.login, status: 'active', active: true, mode: 'deactivate' })
    const byType = (type: string) => snapshot.groups.filter((group) => group.objectType === type).map((group) => Number(group.id))
    expect(byType('roles')).toEqual(person.roleIds)
    expect(byType('groups')).toEqual(person.contentGroupIds)
    expect(byType('user-groups')).toEqual(person.userGroupIds)
    expect(byType('account-groups')).toEqual(person.accountGroupIds)
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot)
  })

  it('deprovisions with active=false, and undo with active=true', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = wellConnected(tenant)
    const snapshot = await connector.readDeprovisionSnapshot(String(person.id))
    const steps = await connector.deprovision(String(person.id), snapshot)
    expect(steps).toEqual([{ name: `Deactivate ${snapshot.displayName}`, status: 'applied' }])
    expect(tenant.lastRequestBodies(1)[0]?.body).toEqual({ active: false })
    expect(tenant.user(person.id)?.fields.active).toBe(false)

    const undo = await connector.undoDeprovision(String(person.id), snapshot)
    expect(undo).toEqual([{ name: `Reactivate ${snapshot.displayName}`, status: 'applied' }])
    expect(tenant.lastRequestBodies(1)[0]?.body).toEqual({ active: true })
    expect(tenant.user(person.id)?.fields.active).toBe(true)
  })

  it('gives back on undo every role and group that went missing since', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = wellConnected(tenant)
    const snapshot = await connector.readDeprovisionSnapshot(String(person.id))
    await connector.deprovision(String(person.id), snapshot)
    // Someone takes memberships away behind Lanyard's back.
    const [lostRole] = person.roleIds
    await connector.removeMember('roles', String(lostRole), String(person.id))
    await connector.removeMember('groups', String(person.contentGroupIds[0]), String(person.id))
    await connector.removeMember('account-groups', String(person.accountGroupIds[0]), String(person.id))

    const steps = await connector.undoDeprovision(String(person.id), snapshot)
    expect(steps.every((step) => step.status === 'applied')).toBe(true)
    expect(steps.map((step) => step.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^Give back the role /), expect.stringMatching(/^Add back to the content group /)]))
    const after = tenant.user(person.id)!
    expect(after.fields.active).toBe(true)
    expect([...after.roleIds].sort()).toEqual([...person.roleIds].sort())
    expect([...after.contentGroupIds].sort()).toEqual([...person.contentGroupIds].sort())
    expect([...after.accountGroupIds].sort()).toEqual([...person.accountGroupIds].sort())
  })

  it('refuses to deprovision a user who is already inactive, changing nothing', async () => {
    const { connector, tenant, requests, mark } = await coupaHarness()
    const person = wellConnected(tenant)
    tenant.setActive(person.id, false)
    const snapshot = await connector.readDeprovisionSnapshot(String(person.id))
    expect(snapshot).toMatchObject({ status: 'inactive', active: false })
    mark()
    await expectAppError(connector.deprovision(String(person.id), snapshot), 'conflict')
    expect(requests()).toEqual([])
  })

  it('reports an undo step that failed, and a second undo finishes', async () => {
    const { connector, tenant, sandbox } = await coupaHarness()
    const person = wellConnected(tenant)
    const snapshot = await connector.readDeprovisionSnapshot(String(person.id))
    await connector.deprovision(String(person.id), snapshot)
    await connector.removeMember('groups', String(person.contentGroupIds[0]), String(person.id))
    sandbox.faults.script([{ kind: 'server_error', method: 'PUT', path: /\/business_groups\/\d+\/add$/, times: 10 }])
    const error = await expectAppError(connector.undoDeprovision(String(person.id), snapshot), 'partial_failure')
    expect(error.extra.steps?.map((step) => step.status)).toEqual(['applied', 'failed'])
    sandbox.faults.clear()
    const finished = await connector.undoDeprovision(String(person.id), snapshot)
    expect(finished.map((step) => step.status)).toEqual(['applied', 'applied'])
    expect(finished[0]?.message).toMatch(/Already active/)
    expect(tenant.user(person.id)?.contentGroupIds.sort()).toEqual([...person.contentGroupIds].sort())
  })
})
