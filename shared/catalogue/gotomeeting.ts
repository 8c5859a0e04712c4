import { operationCells, readOnly, readWrite } from './mappingRow'
import { caCertificateParameter } from './networkParameters'
import type { ConnectorDescriptor } from './types'

const deprovisionNotes = [
  'Deprovision suspends the user; undo brings back the status and whatever the suspension took away.',
  'GoTo has no suspend flag: a user with no licence and no admin role is suspended. Lanyard deprovisions by removing the licences and admin roles, and remembers which, so undo gives exactly those back.',
]

const derivedName = 'firstName + " " + lastName'

/** The first known limitation: GoTo keeps no created or last-modified dates. */
const notProvidedDates = [
  { scim: 'meta.created', label: 'Created' },
  { scim: 'meta.lastModified', label: 'Last modified' },
]

/** GoToMeeting, from section 1 of the connector reference. */
export const gotomeeting: ConnectorDescriptor = {
  id: 'gotomeeting',
  label: 'GoToMeeting',
  summary: 'Users and groups of a GoTo account, through the GoTo Admin API with an OAuth client.',
  extensionSchema: 'urn:lanyard:scim:schemas:extension:gotomeeting:2.0:User',
  objectIdsTravelIn: 'urlPath',
  // The older guide lists only username, client id, client secret and target URL; the newer one
  // adds password and account key. GoTo has since closed the password grant to new clients, so a
  // personal access token is the default and username and password apply only to the password grant.
  parameters: [
    {
      key: 'grantType',
      label: 'Sign in with',
      kind: 'select',
      required: true,
      secret: false,
      origin: 'lanyard',
      defaultValue: 'personalAccessToken',
      // Profiles saved before this choice existed signed in with the password grant, and still do.
      valueWhenAbsent: 'password',
      options: [
        { value: 'personalAccessToken', label: 'Personal access token (recommended)' },
        { value: 'password', label: 'Username and password (older OAuth clients)' },
      ],
      help:
        'GoTo no longer offers the password grant to new OAuth clients. A personal access token, made by the administrator ' +
        'in their GoTo account settings for this OAuth client, signs Lanyard in without their password.',
    },
    {
      key: 'personalAccessToken',
      label: 'Personal access token',
      kind: 'secret',
      required: true,
      secret: true,
      origin: 'lanyard',
      appliesWhen: { key: 'grantType', values: ['personalAccessToken'] },
      help: "A GoTo administrator's personal access token for the OAuth client below. It is kept in this computer's keychain and is never shown again.",
    },
    {
      key: 'username',
      label: 'Username',
      kind: 'email',
      required: true,
      secret: false,
      appliesWhen: { key: 'grantType', values: ['password'] },
      help: 'The email address of a GoTo account administrator that Lanyard signs in as.',
      placeholder: 'admin@acme.com',
    },
    {
      key: 'password',
      label: 'Password',
      kind: 'secret',
      required: true,
      secret: true,
      appliesWhen: { key: 'grantType', values: ['password'] },
      help: "That administrator's GoTo password. It is kept in this computer's keychain and is never shown again.",
    },
    {
      key: 'clientId',
      label: 'Client Id',
      kind: 'text',
      required: true,
      secret: false,
      help: 'The id of the OAuth client registered for Lanyard in the GoTo Developer Center.',
    },
    {
      key: 'clientSecret',
      label: 'Client Secret',
      kind: 'secret',
      required: true,
      secret: true,
      help: "The secret of that OAuth client. It is kept in this computer's keychain and is never shown again.",
    },
    {
      key: 'accountKey',
      label: 'Account key',
      kind: 'text',
      required: true,
      secret: false,
      help: 'The key of the GoTo account to manage, shown in the GoTo Admin Center (a long number).',
    },
    {
      key: 'url',
      label: 'Target URL',
      kind: 'url',
      required: true,
      secret: false,
      help: 'The address of the GoTo Admin API. Keep the default unless GoTo support gave you another one.',
      placeholder: 'https://api.getgo.com/admin/rest/v1/',
      defaultValue: 'https://api.getgo.com/admin/rest/v1/',
    },
    caCertificateParameter,
  ],
  deprovisionEffects: { default: deprovisionNotes },
  objectTypes: [
    {
      id: 'users',
      referenceName: 'Users',
      label: 'Users',
      scimResource: 'User',
      operations: operationCells('POST | GET | GET | GET | PUT | DELETE | PUT | PUT | –'),
      mandatoryFields: ['emails[0].value', 'name.givenName', 'name.familyName'],
      searchHint: 'part of the email, first or last name, "first last", or the key',
      searchHelp: {
        matches: 'GoToMeeting matches part of the email, first name or last name, the start of first and last name for two words ("Ada Love"), or the user key.',
        by: 'target',
        ignoresAccents: false,
        ignoresCase: true,
      },
      fieldRules: {
        userName: { format: 'email', note: 'In GoToMeeting the username is the email address: changing one changes both.' },
        'emails[0].value': { format: 'email', note: 'Also the username: GoToMeeting signs people in with their email.' },
        // B.3: GoTo's formats are undocumented; its SCIM API validates "locale … ISO-639 / ISO-3166"
        // (Java's en_US) and "timezone must be a valid timezone" (an IANA name). GoTo always keeps both.
        locale: { format: 'locale', clearRefused: 'GoTo always keeps a locale: choose one instead of clearing it.', note: 'A language and a country, like en_US.' },
        timezone: {
          format: 'timeZone',
          clearRefused: 'GoTo always keeps a time zone: choose one instead of clearing it.',
          note: 'A time zone name, like Europe/London.',
        },
      },
      notProvided: notProvidedDates,
      mapping: [
        readOnly('id', 'key'),
        readWrite('userName', 'email'),
        readWrite('name.givenName', 'firstName'),
        readWrite('name.familyName', 'lastName'),
        readOnly('name.formatted', derivedName, 'read-only, derived'),
        readOnly('displayName', derivedName, 'read-only, derived'),
        readWrite('emails[0].value', 'email'),
        readWrite('locale', 'locale'),
        readWrite('timezone', 'timeZone'),
        // Group membership operations are not supported by the target (see limitations).
        readOnly('groups[].value', 'groupKey'),
        readOnly('groups[].display', 'groupName'),
      ],
      licences: true,
    },
    {
      id: 'groups',
      referenceName: 'Groups',
      label: 'Groups',
      scimResource: 'Group',
      operations: operationCells('POST | GET | GET | GET | PUT | DELETE | – | – | –'),
      absentOperationNotes: { membership: 'not supported' },
      mandatoryFields: ['displayName'],
      searchHint: 'part of the name',
      searchHelp: { matches: 'GoToMeeting matches part of the group name.', by: 'target', ignoresAccents: false, ignoresCase: true },
      notProvided: notProvidedDates,
      mapping: [
        readOnly('id', 'key'),
        readWrite('displayName', 'name'),
        readOnly('members[].value', 'userKeys[]'),
      ],
    },
  ],
  paging: {
    style: 'offset',
    // The Admin API does not document its largest page; 1000 is what working clients use.
    maxPageSize: 1000,
    totalCount: true,
    notes: 'Pages by pageSize and a 0-based offset; each page reports toIndex and the total.',
  },
  limitations: [
    'Users and groups carry no created / last-modified dates (show "not provided by target").',
    'Creating a user that already exists answers 201 (no duplicate error): the app must detect that the "created" user is an existing one and say so, not report a new account.',
    'Group membership operations are not supported: members are shown read-only.',
    'Getting a user by an invalid alphanumeric id answers 502 instead of 404: the connector treats that case as "not found".',
    'Creating a user with the email of a deleted user re-activates the deleted user instead of creating a new one: the app warns before such a create.',
  ],
  notes: [
    'The older guide lists only name, username, client id, client secret and target URL.',
    ...deprovisionNotes,
    'Lanyard signs in with a personal access token (grant_type=personal_access_token), or with the username and password (OAuth password grant) for older OAuth clients; access tokens last 60 minutes and are renewed with the refresh token GoTo issues. With the Target URL https://api.getgo.com/… it signs in at authentication.logmeininc.com; with any other address, at that address\'s /oauth/token.',
    'A user created through Lanyard gets a GoTo Meeting licence of the account (the plain one before bundles) and GoTo\'s invitation email.',
  ],
}
