import { lanyardRow, operationCells, readOnly, readWrite } from './mappingRow'
import { caCertificateParameter } from './networkParameters'
import type { ConnectorDescriptor } from './types'
import { oktaAccountActions } from './oktaAccountActions'

const suspendWords = 'Suspend signs the person out and blocks sign-in but keeps everything else, so undo is complete.'
const deactivateWords = 'Deactivate also removes their app assignments, which undo cannot bring back.'

/** Okta, from section 4 of the connector reference. */
export const okta: ConnectorDescriptor = {
  id: 'okta',
  label: 'Okta',
  summary: 'Users and groups of an Okta organisation, through the Okta management API with an API token.',
  extensionSchema: 'urn:lanyard:scim:schemas:extension:okta:2.0:User',
  objectIdsTravelIn: 'urlPath',
  parameters: [
    {
      key: 'token',
      label: 'Token',
      kind: 'secret',
      required: true,
      secret: true,
      help:
        'An Okta API token, created by an Okta administrator under Security › API › Tokens. ' +
        "It is kept in this computer's keychain and is never shown again.",
    },
    {
      key: 'url',
      label: 'Target URL',
      kind: 'url',
      required: true,
      secret: false,
      help: 'The address of your Okta organisation, as in the browser when you sign in to the Okta admin console.',
      placeholder: 'https://acme.okta.com',
    },
    {
      key: 'deprovisionMode',
      label: 'Deprovision by',
      kind: 'select',
      required: false,
      secret: false,
      origin: 'lanyard',
      defaultValue: 'suspend',
      options: [
        { value: 'suspend', label: 'Suspending (reversible; keeps app assignments)' },
        { value: 'deactivate', label: 'Deactivating (harder; Okta removes app assignments)', irreversible: true },
      ],
      help: `${suspendWords} ${deactivateWords}`,
    },
    caCertificateParameter,
  ],
  deprovisionEffects: { suspend: [suspendWords], deactivate: [suspendWords.replace(' but keeps everything else, so undo is complete.', '.'), deactivateWords] },
  objectTypes: [
    {
      id: 'users',
      referenceName: 'Users',
      label: 'Users',
      scimResource: 'User',
      operations: operationCells('POST | GET | GET | GET | PUT | DELETE | (lifecycle) | (lifecycle) | via group'),
      mandatoryFields: ['name.givenName', 'name.familyName', 'userName', 'emails[0].value', 'password'],
      searchHint: 'name, email, login or status',
      accountActions: oktaAccountActions,
      // `search` with `sw` (oktaSearch.ts): Okta compares without case but letter for letter, accents included.
      searchHelp: {
        matches: 'Okta matches the start of the first name, last name, email or login ("Ada Love" finds Ada Lovelace), or a status such as Suspended.',
        by: 'target',
        ignoresAccents: false,
        ignoresCase: true,
      },
      customAttributePrefix: 'Extension.Custom.',
      // Lengths and formats from okta-management.yaml `UserProfile` (okta.md §3.1): login and email
      // 5..100, firstName / lastName 1..50, primaryPhone ≤ 100, streetAddress ≤ 1024, city and state
      // ≤ 128, zipCode ≤ 50, countryCode ISO 3166-1 alpha 2, locale ISO 639-1 "_" ISO 3166-1 (en_US),
      // timezone an IANA name. The other attributes have no documented limit and get none here.
      fieldRules: {
        userName: { format: 'email', minLength: 5, maxLength: 100, note: 'Okta usernames are email addresses. Changing it alone changes only the username.' },
        'emails.value': { format: 'email', minLength: 5, maxLength: 100, note: 'Changing the email also changes the username to match.' },
        'name.givenName': { maxLength: 50 },
        'name.familyName': { maxLength: 50 },
        'phoneNumbers.value': { maxLength: 100 },
        'addresses.streetAddress': { maxLength: 1024 },
        'addresses.locality': { maxLength: 128 },
        'addresses.region': { maxLength: 128 },
        'addresses.postalCode': { maxLength: 50 },
        'addresses.country': { maxLength: 2, pattern: { matches: /^[A-Za-z]{2}$/, words: 'is a two-letter country code, such as GB or US.' } },
        locale: { format: 'locale' },
        timezone: { format: 'timeZone' },
        password: {
          updateRefused:
            'Okta passwords cannot be changed from Lanyard: Okta needs the old password to set a new one. ' +
            'Ask the person to use "Forgot password", or reset it in the Okta admin console.',
        },
      },
      mapping: [
        readOnly('id', 'id'),
        readWrite('userName', 'profile.login'),
        readWrite('displayName', 'profile.displayName'),
        readWrite('nickName', 'profile.nickName'),
        readWrite('name.givenName', 'profile.firstName'),
        readWrite('name.familyName', 'profile.lastName'),
        readWrite('name.middleName', 'profile.middleName'),
        readWrite('name.honorificPrefix', 'profile.honorificPrefix'),
        readWrite('name.honorificSuffix', 'profile.honorificSuffix'),
        readWrite('addresses.streetAddress', 'profile.streetAddress'),
        readWrite('addresses.locality', 'profile.city'),
        readWrite('addresses.region', 'profile.state'),
        readWrite('addresses.postalCode', 'profile.zipCode'),
        readWrite('addresses.country', 'profile.countryCode'),
        readWrite('emails.value', 'profile.email'),
        readWrite('phoneNumbers.value', 'profile.primaryPhone'),
        readWrite('userType', 'profile.userType'),
        readWrite('title', 'profile.title'),
        readWrite('preferredLanguage', 'profile.preferredLanguage'),
        readWrite('locale', 'profile.locale'),
        readWrite('timezone', 'profile.timezone'),
        // Memberships change through the group (membership is "via group"), so they are read-only here.
        readOnly('groups[].value', 'id', "on demand: the id of the user's groups"),
        readOnly('groups[].display', 'profile.name', "on demand: the profile.name of the user's groups"),
        readOnly('active', 'status == "ACTIVE"', 'changed only through deprovision and undo (the lifecycle)'),
        readWrite('Extension.EmployeeNumber', 'profile.employeeNumber'),
        readWrite('Extension.Division', 'profile.division'),
        readWrite('Extension.Department', 'profile.department'),
        readWrite('Extension.CostCenter', 'profile.costCenter'),
        readWrite('Extension.Organization', 'profile.organization'),
        readWrite('Extension.Manager.value', 'profile.managerId'),
        readWrite('Extension.Manager.DisplayName', 'profile.manager'),
        readOnly('meta.created', 'created'),
        readOnly('meta.lastModified', 'lastUpdated'),
        // Okta gives it in every user answer (list included); the reference's table leaves it out.
        lanyardRow(readOnly('meta.lastLogin', 'lastLogin', 'the last sign-in; empty until the first')),
      ],
    },
    {
      id: 'groups',
      referenceName: 'Groups',
      label: 'Groups',
      scimResource: 'Group',
      operations: operationCells('POST | GET | GET | GET | PUT | DELETE | – | – | POST create/add, DELETE remove'),
      mandatoryFields: ['displayName'],
      searchHint: 'name or type',
      searchHelp: { matches: 'Okta matches the start of the group name, or a type such as Okta group.', by: 'target', ignoresAccents: false, ignoresCase: true },
      customAttributePrefix: 'Extension.Custom.',
      mapping: [
        readOnly('id', 'id'),
        readWrite('displayName', 'profile.name'),
        readWrite('Extension.Description', 'profile.description'),
        // Okta sets the type (OKTA_GROUP, APP_GROUP, BUILT_IN) itself.
        readOnly('Extension.GroupType', 'type'),
        readWrite('members[].value', 'id', "the id of the group's users"),
        readOnly('members[].display', 'profile.displayName', "the profile.displayName of the group's users"),
        readOnly('meta.created', 'created'),
        readOnly('meta.lastModified', 'lastUpdated'),
      ],
    },
  ],
  paging: {
    style: 'cursor',
    maxPageSize: 200,
    step: 100,
    totalCount: false,
    notes:
      'Follow the next link of the Link header until there is none. Pages come in multiples of 100, ' +
      'so the app asks in hundreds and never shows more than was asked for.',
  },
  limitations: [
    "Paged reads return resources in multiples of 100 (asking for 325 gives 400): the app pages in the target's own steps and never shows more than was asked for.",
    'Deactivated (disabled) users can still be fetched.',
    'Passwords cannot be updated through the connector (the target needs the old one).',
    'userName must be an email address: validate before calling.',
    'Delete: older behaviour — the first delete deactivates, the second deletes for good; newer behaviour — delete always removes for good, deactivating first when needed. The app must make the irreversible step explicit and never delete when the user asked to deprovision.',
    'Changing the email also changes the username; changing the username alone changes only the username.',
  ],
  notes: [
    "Custom attributes: users and groups may carry custom attributes; a multi-valued custom attribute is shown in the connector's output as [value1;;value2;;value3] (string type only).",
    'The guides list no deprovision operation: deprovision is built on the Okta lifecycle (suspend / deactivate), and undo brings back the status and group memberships it took away.',
  ],
}
