import { describe, expect, it } from 'vitest'
import { coupa } from '../../../../shared/catalogue/coupa'
import type { Attributes } from '../../../../shared/directory'
import { emptyFalseNote } from '../../../../electron/connectors/coupa/coupaCustomProperties'
import { expectAppError } from '../../../support/expectAppError'
import { coupaHarness } from './coupaSandboxHarness'

type Tenant = Awaited<ReturnType<typeof coupaHarness>>['tenant']

function withAccountType(tenant: Tenant, accountGroups: boolean) {
  return tenant.users().find((user) => user.fields.active === true && user.defaultAccount?.accountTypeId != null && (user.accountGroupIds.length > 0) === accountGroups)!
}

describe('Coupa user rules against the sandbox instance', () => {
  it('writes every writable mapping row and reads the same values back', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = withAccountType(tenant, true)
    const manager = tenant.users().find((user) => user.id !== person.id && user.fields.active === true)!
    const values: Attributes = {
      userName: 'round.trip',
      'name.givenName': 'Round',
      'name.familyName': 'Trip',
      'emails[0].value': 'round.trip@example.com',
      'addresses.streetAddress': '1 Unter den Linden',
      'addresses.locality': 'Berlin',
      'addresses.region': 'BE',
      'addresses.postalCode': '10117',
      'addresses.country': 'Germany',
      locale: 'de',
      preferredLanguage: 'de',
      'Extension.Manager.value': String(manager.id),
      'Extension.EmployeeNumber': 'RT-1',
      'Extension.CostCenter': 'CC-9999',
      'Extension.AuthenticationMethod': 'ldap',
      'Extension.SsoIdentifier': 'round.trip@idp',
      'Extension.PurchasingUser': false,
      'Extension.ExpenseUser': true,
      'Extension.SourcingUser': true,
      'Extension.InventoryUser': true,
      'Extension.ContractsUser': false,
      'Extension.AnalyticsUser': true,
      'Extension.invoiceApprovalLimit': '1234.00',
      'Extension.invoiceSelfApprovalLimit': '12.00',
      'Extension.requisitionApprovalLimit': '2345.00',
      'Extension.requisitionSelfApprovalLimit': '23.00',
      'Extension.contractApprovalLimit': '3456.00',
      'Extension.contractSelfApprovalLimit': '34.00',
      'Extension.workConfirmationApprovalLimit': '45.00',
      'Extension.defaultChartOfAccountsName': 'Europe COA',
      'Extension.defaultAccountCode': 'RT-ACC',
      'Extension.Segment1': 'RT-S1',
      'Extension.Segment2': 'RT-S2',
      'Extension.defaultCurrency': 'EUR',
      'Extension.defaultAddressLocationCode': 'DE-BER',
      'Extension.businessGroupSecurityType': 0,
      'Extension.mentionName': 'roundtrip',
      'Extension.AccountGroups': ['Continental Europe Accounts', 'Technology Cost Centers'],
      'Extension.ApprovalGroups': ['Capex Approvers'],
      active: true,
    }
    const writable = coupa.objectTypes[0]!.mapping.filter((row) => row.access !== 'readOnly' && !row.scim.includes('[]'))
    expect(writable.map((row) => row.scim).filter((scim) => !(scim in values))).toEqual([])
    const updated = await connector.update('users', String(person.id), values)
    const read = await connector.get('users', String(person.id))
    // The arrays were added to (Coupa merges a non-empty array): what was there before stays.
    for (const [path, value] of Object.entries(values)) {
      expect(read.attributes[path], path).toEqual(Array.isArray(value) ? expect.arrayContaining(value) : value)
    }
    expect(updated.attributes['Extension.accountSecurityType']).toBe(2)
  })

  it('sets segment 1 and 2 in a second step, after the other changes', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = withAccountType(tenant, true)
    await connector.update('users', String(person.id), { 'name.familyName': 'Segmented', 'Extension.Segment1': 'S-1', 'Extension.Segment2': 'S-2' })
    const [first, second] = tenant.lastRequestBodies(2)
    expect(first?.body).toEqual({ lastname: 'Segmented' })
    expect(second?.body).toEqual({ 'default-account': { 'segment-1': 'S-1', 'segment-2': 'S-2' } })
    expect(tenant.user(person.id)?.defaultAccount).toMatchObject({ 'segment-1': 'S-1', 'segment-2': 'S-2' })
  })

  it('reports the two segment steps exactly when the second one fails', async () => {
    const { connector, tenant, sandbox } = await coupaHarness()
    const person = withAccountType(tenant, true)
    sandbox.faults.script([{ kind: 'server_error', method: 'PUT', after: 1, times: 10 }])
    const error = await expectAppError(connector.update('users', String(person.id), { 'name.familyName': 'Halfway', 'Extension.Segment1': 'S-9' }), 'partial_failure')
    expect(error.extra.steps?.map((step) => [step.status, step.writes])).toEqual([
      ['applied', ['name.familyName']],
      ['failed', ['Extension.Segment1']],
    ])
    expect(tenant.user(person.id)?.fields.lastname).toBe('Halfway')
  })

  it('refuses segments without a chart of accounts name, before any request', async () => {
    const { connector, tenant, requests, mark } = await coupaHarness()
    const person = tenant.users().find((user) => user.fields.active === true && user.defaultAccount === null && user.id > 2)!
    mark()
    const error = await expectAppError(connector.update('users', String(person.id), { 'Extension.Segment1': 'S-1' }), 'invalid_input')
    expect(error.extra.fields).toHaveProperty('Extension.Segment1')
    expect(requests().map((request) => request.method)).toEqual(['GET'])
  })

  it('computes the account security type: 1 without account groups, 2 with them', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.id > 2 && user.defaultAccount === null && user.accountGroupIds.length === 0)!
    expect(tenant.user(person.id)?.fields['account-security-type']).toBe(0)
    await connector.update('users', String(person.id), { 'Extension.defaultChartOfAccountsName': 'North America COA' })
    expect(tenant.lastRequestBodies(1)[0]?.body).toEqual({ 'default-account': { 'account-type': { name: 'North America COA' } }, 'account-security-type': 1 })
    const updated = await connector.update('users', String(person.id), { 'Extension.AccountGroups': ['North America Accounts'] })
    expect(tenant.lastRequestBodies(1)[0]?.body).toEqual({ 'account-groups': [{ name: 'North America Accounts' }], 'account-security-type': 2 })
    expect(updated.attributes['Extension.accountSecurityType']).toBe(2)
  })

  it('takes an account group away in two named steps: clear, then set the rest', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = tenant.users().find((user) => user.accountGroupIds.length >= 2 && user.defaultAccount?.accountTypeId != null)!
    const names = (await connector.get('users', String(person.id))).attributes['Extension.AccountGroups'] as string[]
    const [dropped, ...kept] = names
    await connector.update('users', String(person.id), { 'Extension.AccountGroups': kept })
    expect(tenant.lastRequestBodies(2).map((request) => request.body)).toEqual([{ 'account-groups': [] }, { 'account-groups': kept.map((name) => ({ name })) }])
    const after = await connector.get('users', String(person.id))
    expect(after.attributes['Extension.AccountGroups']).toEqual(kept)
    expect(after.attributes['Extension.AccountGroups']).not.toContain(dropped)
  })

  it('writes custom properties both ways, and shows a false that came back empty as false with the reason', async () => {
    const { connector, tenant } = await coupaHarness()
    const person = withAccountType(tenant, true)
    const on = await connector.update('users', String(person.id), { 'Extension.Custom.new_user': true, 'Extension.Custom.cost_center': 'CC-42' })
    expect(tenant.lastRequestBodies(1)[0]?.body).toEqual({ 'custom-fields': { new_user: true, cost_center: 'CC-42' } })
    expect(on.attributes['Extension.Custom.new_user']).toBe(true)
    expect(on.attributes['Extension.Custom.cost_center']).toBe('CC-42')
    const off = await connector.update('users', String(person.id), { 'Extension.Custom.new_user': false })
    expect(tenant.user(person.id)?.customFields.new_user).toBe(false)
    expect(off.attributes['Extension.Custom.new_user']).toBe(false)
    expect(off.attributeNotes?.['Extension.Custom.new_user']).toBe(emptyFalseNote)
  })
})
