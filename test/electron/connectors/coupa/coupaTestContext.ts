import { coupa } from '../../../../shared/catalogue/coupa'
import { parseCustomProperties } from '../../../../shared/catalogue/customProperties'
import type { CoupaContext } from '../../../../electron/connectors/coupa/coupaTypes'
import type { HttpClient } from '../../../../electron/http/types'

export const coupaUsers = coupa.objectTypes.find((type) => type.id === 'users')!

/** A context for the mapping and paging units: no network unless `http` is given. */
export function coupaTestContext(http?: Partial<HttpClient>, pagesAtOnce = 4): CoupaContext {
  return {
    http: { request: () => Promise.reject(new Error('no network in this test')), close: () => undefined, ...http },
    users: coupaUsers,
    objectTypes: new Map(coupa.objectTypes.map((type) => [type.id, type])),
    customProperties: parseCustomProperties('cost_center|string;new_user|boolean;').properties,
    pagesAtOnce,
    host: 'acme.coupahost.com',
  }
}

/** A Coupa user as A.4's sample answers one, with every mapped attribute set. */
export function fullCoupaUser(): Record<string, unknown> {
  return {
    id: 606,
    'created-at': '2016-11-14T11:53:40-08:00',
    'updated-at': '2016-11-15T09:00:00-08:00',
    login: 'test1@coupa.com',
    email: 'test1@coupa.com',
    firstname: 'test1',
    lastname: 'user1',
    fullname: 'test1 user1',
    active: true,
    'avatar-thumb-url': 'https://acme.coupahost.com/avatar.jpg',
    'default-locale': 'en-US',
    'employee-number': 'E-606',
    'authentication-method': 'saml',
    'sso-identifier': 'test1@idp',
    'purchasing-user': true,
    'expense-user': false,
    'sourcing-user': true,
    'inventory-user': false,
    'contracts-user': true,
    'analytics-user': false,
    'account-security-type': 2,
    'business-group-security-type': 1,
    'mention-name': 'test1user1',
    manager: { id: 12, login: 'boss' },
    'default-address': { 'location-code': 'HQ-1', street1: '28 Nevada Blvd', city: 'Laughlin', state: 'NV', 'postal-code': '89028', country: { id: 223, code: 'US', name: 'United States' } },
    'default-account': { name: 'CC-100 Finance', code: 'CC-100', 'segment-1': 'CC100', 'segment-2': 'FIN', 'account-type': { id: 1, name: 'US COA' } },
    'default-currency': { id: 1, code: 'USD', decimals: 2 },
    'invoice-approval-limit': { id: 1, name: 'USD 1,000.00 Invoice', amount: '1000.00' },
    'invoice-self-approval-limit': { id: 2, name: 'USD 100.00 Invoice', amount: '100.00' },
    'requisition-approval-limit': { id: 3, name: 'USD 2,000.00 Requisition', amount: '2000.00' },
    'requisition-self-approval-limit': { id: 4, name: 'USD 200.00 Requisition', amount: '200.00' },
    'contract-approval-limit': { id: 5, name: 'USD 3,000.00 Contract', amount: '3000.00' },
    'contract-self-approval-limit': { id: 6, name: 'USD 300.00 Contract', amount: '300.00' },
    'work-confirmation-approval-limit': { id: 7, name: 'USD 400.00 Work Confirmation', amount: '400.00' },
    roles: [{ id: 3, name: 'User' }, { id: 5, name: 'Buyer' }],
    'content-groups': [{ id: 1, name: 'Everyone' }],
    'user-groups': [{ id: 8, name: 'Finance Approvers' }, { id: 9, name: 'Team Blue' }],
    'approval-groups': [{ id: 8, name: 'Finance Approvers' }],
    'account-groups': [{ id: 4, name: 'North America Accounts' }],
    'custom-fields': { 'default-user-cost-center': 'CC-100', cost_center: 'CC-100', new_user: true },
  }
}
