import { describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { coupaHarness } from './coupaSandboxHarness'

describe('Coupa memberships, changed from the user', () => {
  it('gives a role with one update of the user, and takes it away in two steps: clear, then the rest', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && user.roleIds.length === 1)!
    const buyer = tenant.role('Buyer')!
    await connector.addMember('roles', String(buyer.id), String(person.id))
    expect(tenant.lastRequestBodies(1)[0]).toMatchObject({ method: 'PUT', path: `/api/users/${person.id}`, body: { roles: [{ id: buyer.id }] } })
    expect(tenant.rolesOf(person.id).map((role) => role.name).sort()).toEqual(['Buyer', 'User'])

    await connector.removeMember('roles', String(buyer.id), String(person.id))
    expect(tenant.lastRequestBodies(2).map((request) => request.body)).toEqual([{ roles: [] }, { roles: person.roleIds.map((id) => ({ id })) }])
    expect(tenant.rolesOf(person.id).map((role) => role.name)).toEqual(['User'])
  })

  it('reports exactly which step failed when the user is left without their other roles', async () => {
    const { connector, tenant, sandbox } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && user.roleIds.length >= 3)!
    const [removed, ...kept] = person.roleIds
    sandbox.faults.script([{ kind: 'server_error', method: 'PUT', after: 1, times: 10 }])
    const error = await expectAppError(connector.removeMember('roles', String(removed), String(person.id)), 'partial_failure')
    expect(error.extra.steps?.map((step) => step.status)).toEqual(['applied', 'failed'])
    expect(error.message).toMatch(/add back/)
    expect(tenant.rolesOf(person.id)).toEqual([])
    sandbox.faults.clear()
    for (const id of kept) await connector.addMember('roles', String(id), String(person.id))
    expect(tenant.rolesOf(person.id).map((role) => role.id).sort()).toEqual([...kept].sort())
  })

  it('adds and removes a content group with its own add and remove calls', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && !user.contentGroupIds.includes(tenant.contentGroup('Legal Documents')!.id))!
    const legal = tenant.contentGroup('Legal Documents')!
    await connector.addMember('groups', String(legal.id), String(person.id))
    expect(tenant.lastRequestBodies(1)[0]?.path).toBe(`/api/users/${person.id}/business_groups/${legal.id}/add`)
    expect(tenant.user(person.id)?.contentGroupIds).toContain(legal.id)
    await connector.removeMember('groups', String(legal.id), String(person.id))
    expect(tenant.lastRequestBodies(1)[0]?.path).toBe(`/api/users/${person.id}/business_groups/${legal.id}/remove`)
    expect(tenant.user(person.id)?.contentGroupIds).not.toContain(legal.id)
  })

  it('adds and removes account groups and approval groups through the user', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && user.accountGroupIds.length === 0 && user.userGroupIds.length > 0)!
    const accounts = tenant.accountGroup('Corporate Cost Centers')!
    const approvers = tenant.userGroup('Finance Approvers')!
    await connector.addMember('account-groups', String(accounts.id), String(person.id))
    await connector.addMember('user-groups', String(approvers.id), String(person.id))
    expect(tenant.user(person.id)?.accountGroupIds).toEqual([accounts.id])
    expect(tenant.user(person.id)?.userGroupIds).toContain(approvers.id)
    // The only account group: one clear is the whole removal (with the security type it makes, if any).
    await connector.removeMember('account-groups', String(accounts.id), String(person.id))
    expect(tenant.lastRequestBodies(1)[0]?.body).toMatchObject({ 'account-groups': [] })
    expect(tenant.user(person.id)?.accountGroupIds).toEqual([])
    await connector.removeMember('user-groups', String(approvers.id), String(person.id))
    expect(tenant.user(person.id)?.userGroupIds).toEqual(person.userGroupIds)
  })

  it('recomputes the account security type when an account group is added or the last one removed from the panel', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && user.defaultAccount?.accountTypeId != null && user.accountGroupIds.length === 0)!
    expect(tenant.user(person.id)?.fields['account-security-type']).toBe(1)
    const accounts = tenant.accountGroup('Corporate Cost Centers')!

    await connector.addMember('account-groups', String(accounts.id), String(person.id))
    expect(tenant.lastRequestBodies(1)[0]?.body).toEqual({ 'account-groups': [{ id: accounts.id }], 'account-security-type': 2 })
    expect(tenant.user(person.id)?.fields['account-security-type']).toBe(2)

    await connector.removeMember('account-groups', String(accounts.id), String(person.id))
    expect(tenant.lastRequestBodies(1)[0]?.body).toEqual({ 'account-groups': [], 'account-security-type': 1 })
    expect(tenant.user(person.id)?.fields['account-security-type']).toBe(1)
  })

  it('leaves the account security type alone for a user without a chart of accounts', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && user.defaultAccount === null && user.accountGroupIds.length === 0)!
    const accounts = tenant.accountGroup('Corporate Cost Centers')!
    await connector.addMember('account-groups', String(accounts.id), String(person.id))
    expect(tenant.lastRequestBodies(1)[0]?.body).toEqual({ 'account-groups': [{ id: accounts.id }] })
    expect(tenant.user(person.id)?.fields['account-security-type']).toBe(0)
  })

  it('changes nothing when removing a role the user does not have', async () => {
    const { connector, tenant, requests, mark } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && user.roleIds.length === 1)!
    mark()
    await connector.removeMember('roles', String(tenant.role('Admin')!.id), String(person.id))
    expect(requests().map((request) => request.method)).toEqual(['GET'])
  })
})
