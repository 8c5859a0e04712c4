import { describe, expect, it } from 'vitest'
import { asObject, coupaClient, createUser, names, newUser, useCoupaSandbox } from './coupaClient'

describe('Coupa sandbox: roles and groups through the user', () => {
  const startSandbox = useCoupaSandbox()

  it('adds roles named by name or id to those the user has, and clears them all with an empty list', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const user = await createUser(call, newUser('ada.lovelace'))
    const buyer = sandbox.tenant.role('Buyer') as { id: number }
    const added = asObject(await call('PUT', `/api/users/${user.id}`, { roles: [{ id: buyer.id }, { name: 'ap clerk' }] }))
    expect(names(added.roles)).toEqual(['User', 'Buyer', 'AP Clerk'])
    expect(names(asObject(await call('PUT', `/api/users/${user.id}`, { roles: [{ name: 'Buyer' }] })).roles)).toEqual(['User', 'Buyer', 'AP Clerk'])
    // Coupa's own "remove a role": clear, then put back what should stay (two requests).
    expect(asObject(await call('PUT', `/api/users/${user.id}`, { roles: [] })).roles).toEqual([])
    expect(names(asObject(await call('PUT', `/api/users/${user.id}`, { roles: [{ name: 'User' }, { name: 'Buyer' }] })).roles)).toEqual(['User', 'Buyer'])
    expect(names(sandbox.tenant.rolesOf(user.id))).toEqual(['User', 'Buyer'])
  })

  it('treats a null association like an empty list, and leaves out of the body means unchanged', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const user = await createUser(call, newUser('ada.lovelace', { 'content-groups': [{ name: 'Everyone' }] }))
    expect(names(asObject(await call('PUT', `/api/users/${user.id}`, { firstname: 'Augusta' }))['content-groups'])).toEqual(['Everyone'])
    expect(asObject(await call('PUT', `/api/users/${user.id}`, { 'content-groups': null }))['content-groups']).toEqual([])
  })

  it('refuses an unknown role or group with 400, naming it, and keeps what the user had', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const user = await createUser(call, newUser('ada.lovelace'))
    for (const [body, message] of [
      [{ roles: [{ id: 999 }] }, 'Roles is invalid (no role with id 999)'],
      [{ 'user-groups': [{ name: 'Nope' }] }, 'User groups is invalid (no user group with name "Nope")'],
      [{ 'account-groups': [{ name: 'Nope' }] }, 'Account groups is invalid (no account group with name "Nope")'],
      [{ 'content-groups': 'Everyone' }, 'Content groups is invalid (send a list of {"id": …} or {"name": …})'],
    ] as const) {
      const answer = await call('PUT', `/api/users/${user.id}`, body)
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({ errors: { user: [message] } })
    }
    expect(names(sandbox.tenant.rolesOf(user.id))).toEqual(['User'])
  })

  it('shows approval groups as the approving user groups, refuses others there, and clears only those', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const user = await createUser(call, newUser('ada.lovelace', { 'user-groups': [{ name: 'VPN Users' }] }))
    const approving = asObject(await call('PUT', `/api/users/${user.id}`, { 'approval-groups': [{ name: 'Capex Approvers' }] }))
    expect(names(approving['user-groups'])).toEqual(['VPN Users', 'Capex Approvers'])
    expect(names(approving['approval-groups'])).toEqual(['Capex Approvers'])
    const refused = await call('PUT', `/api/users/${user.id}`, { 'approval-groups': [{ name: 'VPN Users' }] })
    expect(refused.body).toEqual({ errors: { user: ['Approval groups is invalid ("VPN Users" is a user group that cannot approve)'] } })
    const cleared = asObject(await call('PUT', `/api/users/${user.id}`, { 'approval-groups': [] }))
    expect([names(cleared['user-groups']), cleared['approval-groups']]).toEqual([['VPN Users'], []])
    const capex = sandbox.tenant.userGroup('Capex Approvers') as { id: number; canApprove: boolean }
    expect(capex.canApprove).toBe(true)
    expect(sandbox.tenant.membersOf('approvalGroups', capex.id).map((member) => member.id)).not.toContain(user.id)
  })

  it('adds and removes one content group with the business_groups add/remove actions', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const user = await createUser(call, newUser('ada.lovelace'))
    const legal = sandbox.tenant.contentGroup('Legal Documents') as { id: number }
    const added = await call('PUT', `/api/users/${user.id}/business_groups/${legal.id}/add`)
    expect([added.status, asObject(added).name]).toEqual([200, 'Legal Documents'])
    expect(names((await call('GET', `/api/users/${user.id}/business_groups`)).body)).toEqual(['Legal Documents'])
    expect(sandbox.tenant.membersOf('contentGroups', legal.id).map((member) => member.id)).toEqual([user.id])
    await call('PUT', `/api/users/${user.id}/business_groups/${legal.id}/remove`)
    expect((await call('GET', `/api/users/${user.id}/business_groups`)).body).toEqual([])
    const missing = await call('PUT', `/api/users/${user.id}/business_groups/999/add`)
    expect([missing.status, missing.body]).toEqual([404, { errors: { business_group: ['Record not found'] } }])
  })
})

describe('Coupa sandbox: default account segments in a second step', () => {
  const startSandbox = useCoupaSandbox()
  const segments = { 'segment-1': 'CC-1100', 'segment-2': 'ENG' }

  it('refuses segments in the request that first sets the account type and security type, then takes them in a second', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const user = await createUser(call, newUser('ada.lovelace'))
    const together = await call('PUT', `/api/users/${user.id}`, { 'account-security-type': 1, 'default-account': { 'account-type': { name: 'North America COA' }, ...segments } })
    expect(together.status).toBe(400)
    expect((asObject(together).errors as { user: string[] }).user[0]).toMatch(/^Default account segment-1 can't be set before the user's account security type and the default account's account type are set/)
    expect(sandbox.tenant.user(user.id)?.defaultAccount).toBeNull()
    const first = asObject(await call('PUT', `/api/users/${user.id}`, { 'account-security-type': 1, 'default-account': { name: 'Engineering', code: 'CC-1100-ENG', 'account-type': { name: 'North America COA' } } }))
    expect(first['default-account']).toMatchObject({ name: 'Engineering', 'segment-1': null, 'account-type': { name: 'North America COA' } })
    const second = asObject(await call('PUT', `/api/users/${user.id}`, { 'default-account': segments }))
    expect(second['default-account']).toMatchObject({ name: 'Engineering', code: 'CC-1100-ENG', ...segments, 'account-type': { name: 'North America COA' } })
  })

  it('refuses segments on create, and while the account security type is still 0', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    expect((await call('POST', '/api/users', newUser('ada.lovelace', { 'default-account': segments }))).status).toBe(400)
    const user = await createUser(call, newUser('ada.lovelace', { 'default-account': { 'account-type': { name: 'Europe COA' } } }))
    expect(asObject(await call('GET', `/api/users/${user.id}`))['account-security-type']).toBe(0)
    expect((await call('PUT', `/api/users/${user.id}`, { 'default-account': segments })).status).toBe(400)
    await call('PUT', `/api/users/${user.id}`, { 'account-security-type': 2 })
    expect((await call('PUT', `/api/users/${user.id}`, { 'default-account': segments })).status).toBe(200)
  })

  it('also takes the chart of accounts from the default-account-type of the user, never from the name of the account', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const user = await createUser(call, newUser('ada.lovelace', { 'account-security-type': 1, 'default-account': { name: 'North America COA' } }))
    expect((await call('PUT', `/api/users/${user.id}`, { 'default-account': segments })).status).toBe(400)
    const typed = asObject(await call('PUT', `/api/users/${user.id}`, { 'default-account-type': { name: 'North America COA' } }))
    expect(typed['default-account-type']).toMatchObject({ name: 'North America COA', currency: { code: 'USD' } })
    expect(asObject(await call('PUT', `/api/users/${user.id}`, { 'default-account': segments }))['default-account']).toMatchObject(segments)
  })

  it('refuses an unknown chart of accounts and an account security type outside 0–2', async () => {
    const sandbox = await startSandbox({ users: 0 })
    const call = coupaClient(sandbox)
    const user = await createUser(call, newUser('ada.lovelace'))
    const answer = await call('PUT', `/api/users/${user.id}`, { 'account-security-type': 7, 'default-account': { 'account-type': { name: 'Mars COA' } } })
    expect(answer.body).toEqual({
      errors: { user: ['Account security type is not included in the list', 'Default account account type is invalid (name an existing chart of accounts)'] },
    })
  })
})
