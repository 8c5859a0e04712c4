import { describe, expect, it } from 'vitest'
import type { Attributes } from '../../../../shared/directory'
import { coupaHarness } from './coupaSandboxHarness'

/*
 * The chart of accounts name is the default account's account type (`default-account.account-type.name`):
 * the sandbox refuses segment 1 / 2 until the user has an account security type and a chart, as
 * Coupa does, so these run the two-step flow against that rule end to end.
 */

const segmented: Attributes = {
  'Extension.defaultChartOfAccountsName': 'Europe COA',
  'Extension.AccountGroups': ['Continental Europe Accounts'],
  'Extension.Segment1': 'CC-1100',
  'Extension.Segment2': 'ENG',
}

describe('Coupa chart of accounts and segments against the sandbox instance', () => {
  it('creates a user with a chart, account groups and segments: everything else first, then the segments', async () => {
    const { connector, tenant, requests, mark } = await coupaHarness()
    mark()
    const created = await connector.create(
      'users',
      { userName: 'ada.segments', 'emails[0].value': 'ada.segments@example.com', 'name.givenName': 'Ada', 'name.familyName': 'Segments', ...segmented },
      {},
    )
    expect(requests().map((request) => request.method)).toEqual(['POST', 'PUT', 'GET'])
    const [create, segments] = tenant.lastRequestBodies(2)
    expect(create?.body).toMatchObject({
      'default-account': { 'account-type': { name: 'Europe COA' } },
      'account-groups': [{ name: 'Continental Europe Accounts' }],
      'account-security-type': 2,
    })
    expect((create?.body as { 'default-account': object })['default-account']).toEqual({ 'account-type': { name: 'Europe COA' } })
    expect(segments).toMatchObject({ method: 'PUT', path: `/api/users/${created.id}`, body: { 'default-account': { 'segment-1': 'CC-1100', 'segment-2': 'ENG' } } })
    expect(created.attributes).toMatchObject({ ...segmented, 'Extension.accountSecurityType': 2 })
    expect(tenant.user(created.id)?.defaultAccount).toMatchObject({ 'segment-1': 'CC-1100', 'segment-2': 'ENG', accountTypeId: expect.any(Number) })
  })

  it('does not claim the user exists when the create itself was refused', async () => {
    const { connector, tenant } = await coupaHarness()
    const taken = tenant.users()[5]!
    const attempt = connector.create(
      'users',
      { userName: String(taken.fields.login), 'emails[0].value': 'someone.new@example.com', 'name.givenName': 'Some', 'name.familyName': 'One', ...segmented },
      {},
    )
    const error = await attempt.then(() => null, (failure: unknown) => failure as Error)
    expect(error?.message).toContain('Open that user, or choose another login. Nothing was created.')
    expect(error?.message).not.toContain('exists in Coupa')
  })

  it('gives an existing user without a chart a chart, account groups and segments, in two requests', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && user.fields.active === true && user.defaultAccount === null && user.accountGroupIds.length === 0)!
    expect(tenant.user(person.id)?.fields['account-security-type']).toBe(0)
    const updated = await connector.update('users', String(person.id), segmented)
    expect(tenant.lastRequestBodies(2).map((request) => request.body)).toEqual([
      { 'default-account': { 'account-type': { name: 'Europe COA' } }, 'account-groups': [{ name: 'Continental Europe Accounts' }], 'account-security-type': 2 },
      { 'default-account': { 'segment-1': 'CC-1100', 'segment-2': 'ENG' } },
    ])
    const read = await connector.get('users', String(person.id))
    expect(read.attributes).toMatchObject({ ...segmented, 'Extension.accountSecurityType': 2 })
    expect(updated.attributes).toEqual(read.attributes)
  })

  it('shows the chart a seeded user draws on, not the label of the account, read alone and in a list', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.defaultAccount?.accountTypeId != null)!
    const read = await connector.get('users', String(person.id))
    expect(read.attributes['Extension.defaultChartOfAccountsName']).toMatch(/ COA$/)
    expect(read.attributes['Extension.defaultChartOfAccountsName']).not.toBe(person.defaultAccount?.name)
    const listed = await connector.list('users', { search: String(person.fields.login), cursor: null, pageSize: 50 })
    const row = listed.items.find((item) => item.id === String(person.id))
    expect(row?.attributes['Extension.defaultChartOfAccountsName']).toBe(read.attributes['Extension.defaultChartOfAccountsName'])
  })

  it('takes the chart away by emptying the account type, and keeps the account', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && user.defaultAccount?.accountTypeId != null)!
    const updated = await connector.update('users', String(person.id), { 'Extension.defaultChartOfAccountsName': null })
    expect(tenant.lastRequestBodies(1)[0]?.body).toEqual({ 'default-account': { 'account-type': null } })
    expect(updated.attributes).not.toHaveProperty('Extension.defaultChartOfAccountsName')
    expect(tenant.user(person.id)?.defaultAccount).toMatchObject({ accountTypeId: null, code: person.defaultAccount?.code })
  })

  it('passes on Coupa\'s refusal of a chart it does not have, and then sends no segments', async () => {
    const { connector, tenant, requests, mark } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && user.defaultAccount === null)!
    mark()
    await expect(connector.update('users', String(person.id), { ...segmented, 'Extension.defaultChartOfAccountsName': 'Mars COA' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/account type is invalid \(name an existing chart of accounts\)/),
      extra: { steps: [{ status: 'failed' }, { status: 'not_attempted', writes: ['Extension.Segment1', 'Extension.Segment2'] }] },
    })
    expect(requests().filter((request) => request.method === 'PUT')).toHaveLength(1)
    expect(tenant.user(person.id)?.defaultAccount).toBeNull()
  })
})
