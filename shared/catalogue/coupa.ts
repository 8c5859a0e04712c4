import { deriveCoupaUserAttributes } from './coupaRules'
import { coupaNotes, describeCoupaUserValue } from './coupaWords'
import { operationCells, readOnly, readWrite } from './mappingRow'
import { caCertificateParameter } from './networkParameters'
import { coupaOAuthScopes } from './coupaScopes'
import type { ConnectorDescriptor, FieldRule, MappingRow, ObjectTypeDescriptor } from './types'

const deprovisionNote = 'Deprovision sets active to false; undo sets it back to true and restores the roles and groups it took away.'
const userGroupsInVersionOne = 'version 1: user-groups'
const approvalGroupsAlias = 'also called UserGroups; approval-groups[] or user-groups[] depending on the version'

const userMapping: readonly MappingRow[] = [
  readOnly('id', 'id'),
  readWrite('userName', 'login'),
  readWrite('name.givenName', 'firstname'),
  readWrite('name.familyName', 'lastname', 'misspelled "lastame" in the guide'),
  // Coupa computes fullname from the first and last names.
  readOnly('name.formatted', 'fullname'),
  readOnly('displayName', 'fullname'),
  readWrite('emails[0].value', 'email'),
  readOnly('photos', 'avatar-thumb-url'),
  readWrite('addresses.streetAddress', 'default-address.street1'),
  readWrite('addresses.locality', 'default-address.city'),
  readWrite('addresses.region', 'default-address.state'),
  readWrite('addresses.postalCode', 'default-address.postal-code'),
  readWrite('addresses.country', 'default-address.country.name'),
  readWrite('groups[].value', 'content-groups[].id', userGroupsInVersionOne),
  readWrite('groups[].display', 'content-groups[].name', userGroupsInVersionOne),
  readWrite('roles[].value', 'roles[].id'),
  readWrite('roles[].display', 'roles[].name'),
  readWrite('active', 'active'),
  readWrite('locale', 'default-locale'),
  readWrite('preferredLanguage', 'default-locale'),
  readWrite('Extension.Manager.value', 'manager.id'),
  readWrite('Extension.EmployeeNumber', 'employee-number'),
  readWrite('Extension.CostCenter', 'custom-fields.default-user-cost-center'),
  readWrite('Extension.AuthenticationMethod', 'authentication-method'),
  readWrite('Extension.SsoIdentifier', 'sso-identifier'),
  readWrite('Extension.PurchasingUser', 'purchasing-user'),
  readWrite('Extension.ExpenseUser', 'expense-user'),
  readWrite('Extension.SourcingUser', 'sourcing-user'),
  readWrite('Extension.InventoryUser', 'inventory-user'),
  readWrite('Extension.ContractsUser', 'contracts-user'),
  readWrite('Extension.AnalyticsUser', 'analytics-user'),
  readWrite('Extension.invoiceApprovalLimit', 'invoice-approval-limit'),
  readWrite('Extension.invoiceSelfApprovalLimit', 'invoice-self-approval-limit'),
  readWrite('Extension.requisitionApprovalLimit', 'requisition-approval-limit'),
  readWrite('Extension.requisitionSelfApprovalLimit', 'requisition-self-approval-limit'),
  readWrite('Extension.contractApprovalLimit', 'contract-approval-limit'),
  readWrite('Extension.contractSelfApprovalLimit', 'contract-self-approval-limit'),
  readWrite('Extension.workConfirmationApprovalLimit', 'work-confirmation-approval-limit'),
  readWrite('Extension.defaultChartOfAccountsName', 'default-account.name'),
  readWrite('Extension.defaultAccountCode', 'default-account.code'),
  // Written in a second step, after account-security-type and the account type name (see limitations).
  readWrite('Extension.Segment1', 'default-account.segment-1'),
  readWrite('Extension.Segment2', 'default-account.segment-2'),
  readWrite('Extension.defaultCurrency', 'default-currency'),
  readWrite('Extension.defaultAddressLocationCode', 'default-address.location-code'),
  readOnly('Extension.accountSecurityType', 'account-security-type', 'computed on create and update (see limitations)'),
  readWrite('Extension.businessGroupSecurityType', 'business-group-security-type'),
  readWrite('Extension.mentionName', 'mention-name'),
  readWrite('Extension.AccountGroups', 'account-groups[]'),
  readWrite('Extension.ApprovalGroups', 'approval-groups[]', approvalGroupsAlias),
  readWrite('Extension.ApprovalGroups', 'user-groups[]', approvalGroupsAlias),
  readOnly('meta.created', 'created-at'),
  readOnly('meta.lastModified', 'updated-at'),
]

/** Groups, roles, user groups and account groups are read-only in Coupa and share one mapping. */
const groupLikeMapping: readonly MappingRow[] = [
  readOnly('id', 'id'),
  readOnly('displayName', 'name'),
  readOnly('meta.created', 'created-at'),
  readOnly('meta.lastModified', 'updated-at'),
]

function readOnlyGroupLike(id: string, referenceName: string, label: string): ObjectTypeDescriptor {
  return {
    id,
    referenceName,
    label,
    scimResource: 'Group',
    operations: operationCells('– | GET | GET | GET | – | – | – | – | via user'),
    mandatoryFields: [],
    searchHint: 'part of the name',
    searchHelp: { matches: 'Coupa matches part of the name.', by: 'target', ignoresAccents: false, ignoresCase: true },
    mapping: groupLikeMapping,
  }
}

const notClearable = 'Coupa cannot empty a yes/no flag: set it to No instead.'

/*
 * Lengths and formats from coupa-gotomeeting.md A.4's user element table: login string(255), CSV
 * minimum 2; email string(255); firstname / lastname string(40); employee-number, sso-identifier,
 * mention-name, authentication-method string(255); default-locale string(10), `en`, `en-US`…;
 * business-group-security-type enum 0, 1; approval limits are ApprovalLimit amounts, decimal
 * strings such as "0.00" (A.3: "Decimals (amounts) are strings"); default-currency a Currency code.
 */
const text255 = { maxLength: 255 }
const approvalLimitRules: Record<string, FieldRule> = Object.fromEntries(
  ['invoice', 'invoiceSelf', 'requisition', 'requisitionSelf', 'contract', 'contractSelf', 'workConfirmation'].map((name) => [
    `Extension.${name}ApprovalLimit`,
    { format: 'currencyAmount', note: coupaNotes.approvalLimit },
  ]),
)

/** The licence flags and `active`: Coupa takes true or false, never an empty value. */
const flagRules: Record<string, FieldRule> = Object.fromEntries(
  ['active', ...['Purchasing', 'Expense', 'Sourcing', 'Inventory', 'Contracts', 'Analytics'].map((name) => `Extension.${name}User`)].map((path) => [
    path,
    { format: 'boolean', note: path === 'active' ? 'Deprovision and undo change this for you, with a journal record.' : notClearable },
  ]),
)

/** Coupa, from section 2 of the connector reference. */
export const coupa: ConnectorDescriptor = {
  id: 'coupa',
  label: 'Coupa',
  summary: 'Users of a Coupa instance and their roles and groups, through the Coupa API with an OAuth client (or a legacy API key).',
  extensionSchema: 'urn:lanyard:scim:schemas:extension:coupa:2.0:User',
  objectIdsTravelIn: 'urlPath',
  parameters: [
    {
      key: 'authMethod',
      label: 'Sign in with',
      kind: 'select',
      required: true,
      secret: false,
      origin: 'lanyard',
      defaultValue: 'oauth',
      // Profiles saved before this choice existed signed in with an API key, and still do.
      valueWhenAbsent: 'apiKey',
      options: [
        { value: 'oauth', label: 'OAuth client credentials (recommended)' },
        { value: 'apiKey', label: 'API key (legacy)' },
      ],
      help:
        'Coupa has deprecated API keys: new integrations use an OAuth2/OpenID Connect client with the client-credentials grant, ' +
        'made under Setup › Integrations › OAuth2/OpenID Connect Clients. Only OAuth clients can read roles (through Coupa GraphQL).',
    },
    {
      key: 'clientId',
      label: 'Client identifier',
      kind: 'text',
      required: true,
      secret: false,
      origin: 'lanyard',
      appliesWhen: { key: 'authMethod', values: ['oauth'] },
      help: "The OAuth client's Identifier, shown by Coupa when the client is saved.",
    },
    {
      key: 'clientSecret',
      label: 'Client secret',
      kind: 'secret',
      required: true,
      secret: true,
      origin: 'lanyard',
      appliesWhen: { key: 'authMethod', values: ['oauth'] },
      help: "The OAuth client's Secret. It is kept in this computer's keychain and is never shown again.",
    },
    {
      key: 'scopes',
      label: 'Scopes',
      kind: 'text',
      required: true,
      secret: false,
      origin: 'lanyard',
      appliesWhen: { key: 'authMethod', values: ['oauth'] },
      defaultValue: coupaOAuthScopes.join(' '),
      help:
        'The scopes Lanyard asks for, separated by spaces; the client must have been given them in Coupa. ' +
        'Test connection says which were granted and what a missing one turns off.',
    },
    {
      key: 'apiKey',
      label: 'API key',
      kind: 'secret',
      required: true,
      secret: true,
      appliesWhen: { key: 'authMethod', values: ['apiKey'] },
      help:
        'A Coupa API key (40 characters), made by a Coupa administrator under Setup › API Keys. Deprecated by Coupa. ' +
        "It is kept in this computer's keychain and is never shown again.",
    },
    {
      key: 'url',
      label: 'Target URL',
      kind: 'url',
      required: true,
      secret: false,
      help: 'The address of your Coupa instance, as in the browser when you sign in to Coupa.',
      placeholder: 'https://acme.coupahost.com',
    },
    {
      key: 'customProperties',
      label: 'Custom properties',
      kind: 'customProperties',
      // Only version 1 of the connector reads them; most instances need none.
      required: false,
      secret: false,
      help:
        'Extra Coupa user fields to show and edit, written as name|type pairs separated by ";", ' +
        'where type is string or boolean. Each becomes a single-valued, optional attribute of the ' +
        'Coupa extension, returned by default. Leave empty if you need none. Used by version 1 only.',
      placeholder: 'cost_center|string;new_user|boolean;',
    },
    {
      key: 'concurrency',
      label: 'Pages fetched at once',
      kind: 'select',
      required: false,
      secret: false,
      origin: 'lanyard',
      defaultValue: '4',
      options: [
        { value: '1', label: '1 (gentlest on the instance)' },
        { value: '2', label: '2' },
        { value: '4', label: '4 (recommended)' },
        { value: '8', label: '8 (fastest; may meet Coupa\'s rate limit)' },
      ],
      help:
        'Coupa hands out users 50 at a time. Long lists ask for several of those pages at once; ' +
        'Coupa allows about 25 requests a second, and Lanyard waits when it says to slow down.',
    },
    caCertificateParameter,
  ],
  deprovisionEffects: { default: [deprovisionNote] },
  objectTypes: [
    {
      id: 'users',
      referenceName: 'Users',
      label: 'Users',
      scimResource: 'User',
      operations: operationCells('POST | GET | GET | GET | PUT (PATCH for granular update) | – | PUT | PUT | PUT/PATCH: roles, groups, user-groups, account-groups (user-centric)'),
      absentOperationNotes: { delete: 'soft delete only' },
      mandatoryFields: ['userName', 'emails[0].value', 'name.givenName', 'name.familyName'],
      // Coupa's filters cannot be OR'd, so the text's shape picks the field (coupaSearch.ts).
      searchHint: 'login, email, first and last name, or active / inactive',
      // Coupa's filters cannot be OR'd: the shape of the text picks one (coupaSearch.ts).
      searchHelp: {
        matches:
          'Coupa matches one field, chosen by what you type: part of the email (with @), the start of first and last name (two words), ' +
          'part of the login (one word), or active / inactive.',
        by: 'target',
        ignoresAccents: false,
        ignoresCase: true,
      },
      customAttributePrefix: 'Extension.Custom.',
      fieldRules: {
        ...flagRules,
        ...approvalLimitRules,
        userName: { minLength: 2, ...text255 },
        'emails[0].value': { format: 'email', ...text255 },
        'name.givenName': { maxLength: 40 },
        'name.familyName': { maxLength: 40 },
        'Extension.EmployeeNumber': text255,
        'Extension.SsoIdentifier': text255,
        'Extension.mentionName': text255,
        // A.4: "coupa_credentials, ldap, saml (case-sensitive)".
        'Extension.AuthenticationMethod': { oneOf: ['coupa_credentials', 'ldap', 'saml'], ...text255 },
        // Both rows write default-locale: string(10), a language or language-COUNTRY.
        locale: { format: 'languageTag', maxLength: 10 },
        preferredLanguage: { format: 'languageTag', maxLength: 10 },
        'Extension.defaultCurrency': { format: 'currencyCode' },
        'Extension.businessGroupSecurityType': { format: 'integer', min: 0, max: 1 },
        'Extension.Segment1': { note: coupaNotes.segment },
        'Extension.Segment2': { note: coupaNotes.segment },
        'Extension.defaultChartOfAccountsName': { note: coupaNotes.chartOfAccounts },
        'Extension.AccountGroups': { note: 'Account group names, one a line.' },
        'Extension.ApprovalGroups': { note: 'Approval group names, one a line.' },
      },
      derive: deriveCoupaUserAttributes,
      // The panel's Account groups and Approval groups sections hold these (issue 15: listed twice, edited twice).
      shownAsMemberships: ['Extension.AccountGroups', 'Extension.ApprovalGroups'],
      describeValue: describeCoupaUserValue,
      mapping: userMapping,
    },
    readOnlyGroupLike('groups', 'Groups (content groups)', 'Content groups'),
    readOnlyGroupLike('roles', 'Roles', 'Roles'),
    readOnlyGroupLike('user-groups', 'UserGroups (approval groups)', 'Approval groups'),
    readOnlyGroupLike('account-groups', 'AccountGroups', 'Account groups'),
  ],
  paging: {
    style: 'offset',
    maxPageSize: 50,
    totalCount: false,
    notes: 'Pages by limit (at most 50) and offset; there is no total, and the end is an empty or short page.',
  },
  limitations: [
    'Pages are at most 50 objects; no total count is returned ("totalResults" unsupported): paging is by offset/index, and the end is an empty or short page.',
    'Soft delete only: inactive users are still returned by get and list. The app shows them as deactivated (filterable), and "delete" is not offered.',
    'Updating default-account.segment-1/2 is a second step after all other attributes (they require account-security-type and the default account type name to be set first).',
    'account-security-type is computed on create/update: 2 if the default account type name is set and account-groups is not empty; 1 if the name is set and account-groups is empty; unchanged if the name is not set.',
    'A PUT updates only the attributes it carries: an attribute cannot be emptied by leaving it out of the body.',
    'Custom attributes: string and boolean only; a boolean custom attribute set to false may come back empty.',
    'Account-, Approval- and User-group endpoints are read-only in the target.',
  ],
  notes: [
    'Custom properties (version 1 only) become attributes of the enterprise extension: readWrite, returned by default, not required, single-valued.',
    deprovisionNote,
    'Lanyard signs in with an OAuth client (client credentials, POST /oauth2/token; 24-hour tokens, kept in memory and asked for again before they expire) or, for older profiles, with an API key in X-COUPA-API-KEY. Coupa serves GraphQL, and so the role catalogue, to OAuth clients only.',
  ],
}
