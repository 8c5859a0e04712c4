import { describe, expect, it } from 'vitest'
import { userWrite } from '../../../../electron/connectors/coupa/coupaUserWrites'
import { userStatus, userToObject } from '../../../../electron/connectors/coupa/coupaUserMapping'
import { coupaUserSchema } from '../../../../electron/connectors/coupa/coupaTypes'
import { emptyFalseNote } from '../../../../electron/connectors/coupa/coupaCustomProperties'
import { AppError } from '../../../../electron/errors/AppError'
import { coupaTestContext, coupaUsers, fullCoupaUser } from './coupaTestContext'

const context = coupaTestContext()

function read(raw: Record<string, unknown>) {
  return userToObject(context, coupaUserSchema.parse(raw))
}

/** What each attribute row reads from `fullCoupaUser()`. */
const expectedAttributes: Record<string, unknown> = {
  id: '606',
  userName: 'test1@coupa.com',
  'name.givenName': 'test1',
  'name.familyName': 'user1',
  'name.formatted': 'test1 user1',
  displayName: 'test1 user1',
  'emails[0].value': 'test1@coupa.com',
  photos: 'https://acme.coupahost.com/avatar.jpg',
  'addresses.streetAddress': '28 Nevada Blvd',
  'addresses.locality': 'Laughlin',
  'addresses.region': 'NV',
  'addresses.postalCode': '89028',
  'addresses.country': 'United States',
  active: true,
  locale: 'en-US',
  preferredLanguage: 'en-US',
  'Extension.Manager.value': '12',
  'Extension.EmployeeNumber': 'E-606',
  'Extension.CostCenter': 'CC-100',
  'Extension.AuthenticationMethod': 'saml',
  'Extension.SsoIdentifier': 'test1@idp',
  'Extension.PurchasingUser': true,
  'Extension.ExpenseUser': false,
  'Extension.SourcingUser': true,
  'Extension.InventoryUser': false,
  'Extension.ContractsUser': true,
  'Extension.AnalyticsUser': false,
  'Extension.invoiceApprovalLimit': '1000.00',
  'Extension.invoiceSelfApprovalLimit': '100.00',
  'Extension.requisitionApprovalLimit': '2000.00',
  'Extension.requisitionSelfApprovalLimit': '200.00',
  'Extension.contractApprovalLimit': '3000.00',
  'Extension.contractSelfApprovalLimit': '300.00',
  'Extension.workConfirmationApprovalLimit': '400.00',
  'Extension.defaultChartOfAccountsName': 'US COA',
  'Extension.defaultAccountCode': 'CC-100',
  'Extension.Segment1': 'CC100',
  'Extension.Segment2': 'FIN',
  'Extension.defaultCurrency': 'USD',
  'Extension.defaultAddressLocationCode': 'HQ-1',
  'Extension.accountSecurityType': 2,
  'Extension.businessGroupSecurityType': 1,
  'Extension.mentionName': 'test1user1',
  'Extension.AccountGroups': ['North America Accounts'],
  'Extension.ApprovalGroups': ['Finance Approvers'],
  'meta.created': '2016-11-14T11:53:40-08:00',
  'meta.lastModified': '2016-11-15T09:00:00-08:00',
}

describe('Coupa user mapping, driven by the descriptor rows', () => {
  it('reads every attribute row of the descriptor from its native field', () => {
    const attributes = read(fullCoupaUser()).attributes
    const rows = coupaUsers.mapping.filter((row) => !row.scim.includes('[]'))
    for (const row of rows) {
      expect(Object.hasOwn(expectedAttributes, row.scim), `no expectation for ${row.scim}`).toBe(true)
      expect(attributes[row.scim], `${row.scim} ← ${row.native}`).toEqual(expectedAttributes[row.scim])
    }
  })

  it('writes every writable row back to the native field it was read from', () => {
    const attributes = read(fullCoupaUser()).attributes
    const writable = coupaUsers.mapping.filter((row) => row.access !== 'readOnly' && !row.scim.includes('[]'))
    const given = Object.fromEntries(writable.map((row) => [row.scim, attributes[row.scim]!]))
    const write = userWrite(context, given)
    expect(write.body).toEqual({
      login: 'test1@coupa.com',
      firstname: 'test1',
      lastname: 'user1',
      email: 'test1@coupa.com',
      'default-address': { street1: '28 Nevada Blvd', city: 'Laughlin', state: 'NV', 'postal-code': '89028', country: { name: 'United States' }, 'location-code': 'HQ-1' },
      active: true,
      'default-locale': 'en-US',
      manager: { id: 12 },
      'employee-number': 'E-606',
      'custom-fields': { 'default-user-cost-center': 'CC-100' },
      'authentication-method': 'saml',
      'sso-identifier': 'test1@idp',
      'purchasing-user': true,
      'expense-user': false,
      'sourcing-user': true,
      'inventory-user': false,
      'contracts-user': true,
      'analytics-user': false,
      'invoice-approval-limit': { amount: '1000.00' },
      'invoice-self-approval-limit': { amount: '100.00' },
      'requisition-approval-limit': { amount: '2000.00' },
      'requisition-self-approval-limit': { amount: '200.00' },
      'contract-approval-limit': { amount: '3000.00' },
      'contract-self-approval-limit': { amount: '300.00' },
      'work-confirmation-approval-limit': { amount: '400.00' },
      'default-account': { 'account-type': { name: 'US COA' }, code: 'CC-100' },
      'default-currency': { code: 'USD' },
      'business-group-security-type': 1,
      'mention-name': 'test1user1',
    })
    // The segments go in a second request, after the rest.
    expect(write.segments).toEqual({ 'segment-1': 'CC100', 'segment-2': 'FIN' })
    expect(Object.fromEntries([...write.arrays].map(([key, value]) => [key, value.names]))).toEqual({
      'account-groups': ['North America Accounts'],
      'approval-groups': ['Finance Approvers'],
    })
  })

  it('reads approval groups from user-groups when the answer has no approval-groups (the older guides)', () => {
    const { 'approval-groups': _dropped, ...older } = fullCoupaUser()
    expect(read(older).attributes['Extension.ApprovalGroups']).toEqual(['Finance Approvers', 'Team Blue'])
  })

  it('names each approval limit beside its amount', () => {
    expect(read(fullCoupaUser()).attributeNotes?.['Extension.invoiceApprovalLimit']).toBe('Coupa approval limit "USD 1,000.00 Invoice".')
  })

  it('shows active and inactive users with Coupa\'s own word and a badge', () => {
    expect(read(fullCoupaUser()).status).toEqual(userStatus(true))
    const inactive = read({ ...fullCoupaUser(), active: false })
    expect(inactive.status).toEqual({ label: 'inactive', tone: 'danger', active: false })
    expect(inactive.attributes.active).toBe(false)
    expect(inactive.displayName).toBe('test1 user1')
    expect(inactive.secondary).toBe('test1@coupa.com')
  })

  it('empties a field by sending null, never by leaving it out', () => {
    const write = userWrite(context, { 'Extension.SsoIdentifier': null, 'addresses.country': null, 'Extension.Manager.value': null })
    expect(write.body).toEqual({ 'sso-identifier': null, 'default-address': { country: null }, manager: null })
  })

  it('reads and writes the chart of accounts name as the default account\'s account type, never the account\'s own name', () => {
    const { 'default-account': account, ...rest } = fullCoupaUser()
    const renamed = read({ ...rest, 'default-account': { ...(account as object), name: 'Chart-looking label' } })
    expect(renamed.attributes['Extension.defaultChartOfAccountsName']).toBe('US COA')
    const untyped = read({ ...rest, 'default-account': { ...(account as object), 'account-type': null } })
    expect(untyped.attributes).not.toHaveProperty('Extension.defaultChartOfAccountsName')
    expect(userWrite(context, { 'Extension.defaultChartOfAccountsName': 'Europe COA' }).body).toEqual({ 'default-account': { 'account-type': { name: 'Europe COA' } } })
    // No name is no chart: the reference itself is emptied.
    expect(userWrite(context, { 'Extension.defaultChartOfAccountsName': null }).body).toEqual({ 'default-account': { 'account-type': null } })
  })

  it('refuses to empty a yes/no flag, which Coupa cannot hold empty', () => {
    expect(() => userWrite(context, { 'Extension.PurchasingUser': null })).toThrow(/cannot be emptied in Coupa/)
    expect(() => userWrite(context, { active: null })).toThrow(AppError)
  })

  it('refuses two different values for locale and preferredLanguage, which are one Coupa field', () => {
    expect(userWrite(context, { locale: 'de', preferredLanguage: 'de' }).body).toEqual({ 'default-locale': 'de' })
    expect(() => userWrite(context, { locale: 'de', preferredLanguage: 'fr' })).toThrow(/same Coupa field \(default-locale\)/)
  })

  it('refuses an approval limit that is not an amount, and a read-only attribute', () => {
    expect(() => userWrite(context, { 'Extension.invoiceApprovalLimit': 'lots' })).toThrow(/is an amount/)
    expect(() => userWrite(context, { 'Extension.accountSecurityType': 1 })).toThrow(/set by Coupa/)
  })
})

describe('Coupa custom properties, from the profile', () => {
  it('reads string and boolean properties from custom-fields, and the top level for older answers', () => {
    const object = read(fullCoupaUser())
    expect(object.attributes['Extension.Custom.cost_center']).toBe('CC-100')
    expect(object.attributes['Extension.Custom.new_user']).toBe(true)
    const { 'custom-fields': _fields, ...topLevel } = fullCoupaUser()
    const older = read({ ...topLevel, cost_center: 'CC-7', 'new-user': false })
    expect(older.attributes['Extension.Custom.cost_center']).toBe('CC-7')
    expect(older.attributes['Extension.Custom.new_user']).toBe(false)
    expect(older.attributeNotes?.['Extension.Custom.new_user']).toBeUndefined()
  })

  it('shows a boolean that came back empty as false, and says why beside it', () => {
    const object = read({ ...fullCoupaUser(), 'custom-fields': { cost_center: null, new_user: null } })
    expect(object.attributes['Extension.Custom.new_user']).toBe(false)
    expect(object.attributeNotes?.['Extension.Custom.new_user']).toBe(emptyFalseNote)
    expect(object.attributes).not.toHaveProperty('Extension.Custom.cost_center')
  })

  it('writes them under custom-fields, booleans typed as text too', () => {
    const write = userWrite(context, { 'Extension.Custom.cost_center': 'CC-9', 'Extension.Custom.new_user': 'false', 'Extension.CostCenter': 'CC-9' })
    expect(write.body).toEqual({ 'custom-fields': { 'default-user-cost-center': 'CC-9', cost_center: 'CC-9', new_user: false } })
  })

  it('refuses a property the profile does not declare, and a boolean that is not true or false', () => {
    expect(() => userWrite(context, { 'Extension.Custom.region': 'EU' })).toThrow(/not one of this profile's custom properties \(cost_center, new_user\)/)
    expect(() => userWrite(context, { 'Extension.Custom.new_user': 'maybe' })).toThrow(/takes true or false/)
  })
})
