import { lanyardRow, operationCells, readOnly, readWrite, writeOnly } from './mappingRow'
import { caCertificateParameter } from './networkParameters'
import { cognitoAccountActions } from './cognitoActions'
import { cognitoRegions } from './regions'
import type { ConnectorDescriptor, FieldPattern } from './types'

/** Why a Cognito deprovision is never refused as the profile's own account (the other targets refuse theirs). */
export const cognitoOwnAccountNote =
  'Cognito profiles sign in with IAM access keys, which are not users of the pool: no pool user is the account Lanyard signs in with, so deprovisioning one can never lock Lanyard out.'
const deprovisionNote = 'Deprovision disables the user (and signs them out); undo enables the user again and brings back the group memberships it took away.'

/*
 * Field rules from cognito.md §3 (the AWS model's shapes): UsernameType and GroupNameType are
 * 1..128 characters of [\p{L}\p{M}\p{S}\p{N}\p{P}]+, i.e. letters, marks, symbols, numbers and
 * punctuation (no spaces, tabs or invisible characters); AttributeValueType ≤ 2048; PasswordType
 * ≤ 256 of [\S]+; Description ≤ 2048; RoleArn 20..2048 of ArnType; Precedence 0..2^31-1.
 */
const noSpaces = (example: string): FieldPattern => ({
  matches: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  words: `has no spaces, tabs or invisible characters: join the words with a hyphen or an underscore, e.g. ${example}.`,
})
/** cognito.md §3 AttributeType: Value max=2048. */
const attributeValue = { maxLength: 2048 }

/*
 * Every user pool has Cognito's standard (OpenID Connect) attributes; the reference's table maps
 * only email and phone_number. Without rows the rest read as the pool's custom attributes ("CUSTOM":
 * given name, locale, even sub) and the forms offered none of them, so a user created without a name
 * could never get one. Each has its SCIM place; the pool's own schema (DescribeUserPool) says which
 * are required and which may change after the create (see cognitoSchema.ts).
 * `name.fullName` holds the pool's `name`: SCIM's name.formatted is the reference's Username row.
 */
const standardAttributeRows = [
  readWrite('name.fullName', 'name'),
  readWrite('name.givenName', 'given_name'),
  readWrite('name.familyName', 'family_name'),
  readWrite('name.middleName', 'middle_name'),
  readWrite('nickName', 'nickname'),
  readWrite('preferredUsername', 'preferred_username'),
  readWrite('profileUrl', 'profile'),
  readWrite('photos[0].value', 'picture'),
  readWrite('website', 'website'),
  readWrite('gender', 'gender'),
  readWrite('birthdate', 'birthdate'),
  readWrite('timezone', 'zoneinfo'),
  readWrite('locale', 'locale'),
  readWrite('addresses[0].formatted', 'address'),
  // Set by Cognito: the user's id for ever, and when their attributes last changed (seconds since 1970).
  readOnly('meta.sub', 'sub'),
  readOnly('meta.attributesUpdated', 'updated_at'),
].map(lanyardRow)

/** AWS Cognito user pools, from section 3 of the connector reference. */
export const cognito: ConnectorDescriptor = {
  id: 'cognito',
  label: 'AWS Cognito',
  summary: 'Users and groups of one Amazon Cognito user pool, through the AWS API with an IAM access key.',
  extensionSchema: 'urn:lanyard:scim:schemas:extension:cognito:2.0:User',
  objectIdsTravelIn: 'requestBody',
  parameters: [
    {
      key: 'accessKeyId',
      label: 'AccessKey Id',
      kind: 'text',
      required: true,
      secret: false,
      help: 'The access key id of an AWS IAM user allowed to manage this user pool. It starts with AKIA or ASIA.',
      placeholder: 'AKIAIOSFODNN7EXAMPLE',
    },
    {
      key: 'accessSecret',
      label: 'Access Secret',
      kind: 'secret',
      required: true,
      secret: true,
      help:
        'The secret access key that belongs to the access key id, shown once by AWS when the key was made. ' +
        "It is kept in this computer's keychain and is never shown again.",
    },
    {
      key: 'region',
      label: 'Region',
      kind: 'select',
      required: true,
      secret: false,
      help: 'The AWS Region that holds the user pool: the first part of the User Pool Id, before the underscore.',
      options: cognitoRegions,
    },
    {
      key: 'userPoolId',
      label: 'User Pool Id',
      kind: 'text',
      required: true,
      secret: false,
      help: 'The id of the user pool, shown in the AWS console under Amazon Cognito › User pools.',
      placeholder: 'eu-west-1_AbCdEf123',
    },
    {
      key: 'url',
      label: 'Target URL',
      // Optional: AWS derives the endpoint from the Region; this only overrides it (a VPC endpoint,
      // a sandbox tenant), as the reference says ("optional endpoint override").
      kind: 'url',
      required: false,
      secret: false,
      help: 'Leave empty to use the standard AWS address for the Region. Fill in only to reach the pool through another endpoint.',
      placeholder: 'https://cognito-idp.eu-west-1.amazonaws.com',
    },
    caCertificateParameter,
  ],
  // The offboarding plan shows these for every Cognito account: where the other targets refuse the profile's own account.
  deprovisionEffects: { default: [deprovisionNote, cognitoOwnAccountNote] },
  objectTypes: [
    {
      id: 'users',
      referenceName: 'Users',
      label: 'Users',
      scimResource: 'User',
      operations: operationCells('POST | GET | GET | GET | PUT | DELETE | PUT | PUT | via group'),
      mandatoryFields: ['userName', 'emails[0].value'],
      // Completes "Search users by …". The search also takes a status word (CONFIRMED, Enabled,
      // Disabled) and `attribute = "value"` / `^=` on any attribute ListUsers filters (cognitoSearch.ts).
      searchHint: 'the start of a username, email, phone or full name, or a status',
      // ListUsers filters one attribute, `^=` from its start, capitals and accents as stored (cognitoSearch.ts).
      searchHelp: {
        matches:
          'Cognito matches the start of one attribute, chosen by what you type: an email (with @), a phone (+ and digits), ' +
          'a full name (two words) or a username (one word), or a status such as Disabled.',
        by: 'target',
        ignoresAccents: false,
        ignoresCase: false,
      },
      // The new user's groups are steps of the create ("Add to <group>"), like the password.
      joinsGroupsOnCreate: true,
      // The pool's other attributes (given_name, custom:department…), as Extension.Custom.<attribute name>.
      customAttributePrefix: 'Extension.Custom.',
      customAttributeRule: attributeValue,
      fieldRules: {
        // cognito.md §3 UsernameType: min=1, max=128, pattern=[\p{L}\p{M}\p{S}\p{N}\p{P}]+.
        userName: {
          maxLength: 128,
          pattern: noSpaces('ada.lovelace'),
          note: 'Fixed once the user exists.',
          updateRefused: 'Cognito never changes a username once the user exists.',
        },
        // cognito.md §3 PasswordType: max=256, pattern=[\S]+.
        password: { maxLength: 256, pattern: { matches: /^\S+$/, words: 'has no spaces.' } },
        'emails[0].value': { format: 'email', ...attributeValue },
        // cognito.md §3: phone_number in E.164 (+ and digits), as the sandbox's and AWS's "Invalid phone number format".
        'phoneNumbers[0].value': { format: 'e164Phone', ...attributeValue, note: 'In international format: + and digits, e.g. +447700900123.' },
        active: {
          format: 'boolean',
          changedByActions: true,
          updateRefused: "Enable or disable an existing user with the panel's Enable… and Disable… buttons: each is confirmed and journaled.",
        },
        'Extension.email_verified': { format: 'boolean' },
        'Extension.phone_number_verified': { format: 'boolean' },
        'Extension.IsPasswordPermanent': {
          format: 'boolean',
          note: 'Ticked: the password is permanent and no invitation is sent. Otherwise it is temporary and must be changed at the first sign-in.',
        },
        // Every other standard attribute is an AttributeValueType too: at most 2,048 characters.
        ...Object.fromEntries(standardAttributeRows.filter((row) => row.access === 'readWrite').map((row) => [row.scim, attributeValue])),
        'Extension.DesiredDeliveryMediums': {
          note: "How the invitation goes out: EMAIL, SMS or EMAIL,SMS. Empty: SMS when a phone number is given (Cognito's default), otherwise EMAIL. Never shown again.",
          updateRefused: 'Delivery mediums only choose how the invitation goes out when the user is created.',
        },
      },
      mapping: [
        // Cognito has one name for a user: the Username, fixed at create.
        readOnly('id', 'Username'),
        readWrite('userName', 'Username'),
        readOnly('name.formatted', 'Username'),
        readOnly('displayName', 'Username'),
        readWrite('emails[0].value', 'UserAttributes.email'),
        readWrite('active', 'enabled and UserStatus', 'active when enabled and UserStatus is CONFIRMED'),
        readWrite('phoneNumbers[0].value', 'phone_number'),
        writeOnly('password', 'Password', 'write-only'),
        writeOnly('Extension.IsPasswordPermanent', 'Permanent', 'write-only'),
        writeOnly('Extension.DesiredDeliveryMediums', 'DesiredDeliveryMediums', 'write-only, default SMS, never returned'),
        readWrite('Extension.email_verified', 'UserAttributes.email_verified'),
        readWrite('Extension.phone_number_verified', 'UserAttributes.phone_number_verified'),
        readOnly('meta.created', 'UserCreateDate'),
        readOnly('meta.lastModified', 'UserLastModifiedDate'),
        ...standardAttributeRows,
      ],
      accountActions: cognitoAccountActions,
    },
    {
      id: 'groups',
      referenceName: 'Groups',
      label: 'Groups',
      scimResource: 'Group',
      operations: operationCells('POST | GET | GET | GET | PUT | DELETE | – | – | PUT (update membership)'),
      mandatoryFields: ['displayName'],
      // Cognito has no group search: Lanyard reads the groups and matches them itself.
      searchHint: 'part of the name or description',
      searchHelp: { matches: 'Lanyard reads the pool’s groups and finds your words anywhere in the name or description.', by: 'lanyard', ignoresAccents: true, ignoresCase: true },
      fieldRules: {
        // cognito.md §3 GroupNameType: min=1, max=128, pattern=[\p{L}\p{M}\p{S}\p{N}\p{P}]+.
        displayName: {
          maxLength: 128,
          pattern: noSpaces('help-desk'),
          note: 'Fixed once the group exists.',
          updateRefused: 'Cognito cannot rename a group: create a new group and move the members.',
        },
        // cognito.md §3 PrecedenceType: min=0 (GroupType: max 2^31-1); UpdateGroup cannot take one away.
        'Extension.Precedence': {
          format: 'integer',
          min: 0,
          max: 2 ** 31 - 1,
          clearRefused: 'Cognito cannot remove a precedence once set: give another number (0 wins over all others).',
          note: 'A whole number from 0; the lowest number wins when a user is in several groups with roles.',
        },
        // cognito.md §3 ArnType: min=20, max=2048, arn:partition:service:region:account:resource.
        'Extension.RoleArn': {
          minLength: 20,
          maxLength: 2048,
          pattern: {
            matches: /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/,
            words: 'is an IAM role ARN, such as arn:aws:iam::123456789012:role/help-desk.',
          },
          clearRefused: 'Cognito cannot remove a role ARN once set: give another role.',
        },
        // cognito.md §3 CreateGroup / UpdateGroup: Description ≤ 2048.
        'Extension.Description': { maxLength: 2048 },
      },
      mapping: [
        readOnly('id', 'GroupName'),
        readWrite('displayName', 'GroupName'),
        readWrite('members[].value', 'Users[].Username'),
        readOnly('members[].display', 'Users[].Username'),
        readWrite('Extension.Precedence', 'Precedence'),
        readWrite('Extension.RoleArn', 'RoleArn'),
        // CreateGroup and UpdateGroup take a Description; the reference's table has no row for it.
        lanyardRow(readWrite('Extension.Description', 'Description')),
        readOnly('meta.created', 'CreationDate'),
        readOnly('meta.lastModified', 'LastModifiedDate'),
      ],
    },
  ],
  paging: {
    style: 'token',
    maxPageSize: 60,
    totalCount: false,
    notes:
      'Follow the pagination token until it is absent; a page may hold fewer users than asked for, ' +
      'even none, while more remain.',
  },
  limitations: [
    'Create and update run in several steps (create, set password, add to groups…). A failure in any step is reported as a failure of the whole operation, but the steps that succeeded stay applied. The app must say exactly which steps succeeded and which did not, and offer to finish or roll back.',
    "A password that breaks the pool's policy returns an error, yet the user is created.",
    'DesiredDeliveryMediums is write-only and is not returned by get.',
    'A user can be a member of at most 25 groups: the app refuses the 26th before calling.',
  ],
  notes: [
    'One guide lists Deprovision / Undo deprovision under the Groups table; they act on users.',
    deprovisionNote,
  ],
}
