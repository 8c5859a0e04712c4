import type { AttributeType, UserType } from '@aws-sdk/client-cognito-identity-provider'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { booleanAttributes, isActive, mappedPoolAttributes, userFromListing, userStatus, userToObject, type CognitoUser } from '../../../../electron/connectors/cognito/cognitoMapping'
import { readMappedAttributes } from '../../../../electron/connectors/descriptorMapping'
import type { MappingRow, ObjectTypeDescriptor } from '../../../../shared/catalogue/types'
import { cognito } from '../../../../shared/catalogue/cognito'
import type { Attributes, DirectoryObject } from '../../../../shared/directory'

const users = cognito.objectTypes.find((type) => type.id === 'users')!

/**
 * The mapping as it was before it was made cheap (issue 14): the attributes copied into a typed
 * record, then into a view with the Username and the dates as ISO text, read by the generic row
 * mapper. Kept here, unchanged, as the reference the fast mapping must match output for output.
 */
function referenceUserToObject(descriptor: ObjectTypeDescriptor, user: CognitoUser): DirectoryObject {
  const typed = (name: string, value: string) => (booleanAttributes.has(name) && (value === 'true' || value === 'false') ? value === 'true' : value)
  const typedAttributes: Record<string, string | boolean> = {}
  for (const [name, value] of Object.entries(user.attributes)) typedAttributes[name] = typed(name, value)
  const view = {
    ...typedAttributes,
    Username: user.username,
    UserAttributes: typedAttributes,
    UserCreateDate: user.created?.toISOString(),
    UserLastModifiedDate: user.lastModified?.toISOString(),
  }
  const attributes: Attributes = { ...readMappedAttributes(descriptor.mapping, view), active: isActive(user) }
  const prefix = descriptor.customAttributePrefix
  if (prefix) {
    const mapped = mappedPoolAttributes(descriptor.mapping)
    for (const [name, value] of Object.entries(user.attributes)) if (!mapped.has(name)) attributes[`${prefix}${name}`] = value
  }
  const { name, given_name: given, family_name: family } = user.attributes
  const fullName = name?.trim() || [given, family].filter((part) => part && part.trim() !== '').join(' ')
  return {
    id: user.username,
    objectType: descriptor.id,
    // Issue 15: the Name column shows the person's name (the username when there is none), the Username column the username.
    displayName: fullName || user.username,
    secondary: user.username,
    status: userStatus(user),
    attributes,
    readOnlyReason: null,
  }
}

// Names that collide with the view's own keys, the typed booleans, the names shown, and the pool's own.
const attributeName = fc.constantFrom(
  'sub', 'email', 'email_verified', 'phone_number', 'phone_number_verified', 'name', 'given_name', 'family_name', 'custom:department',
  'custom:cost_centre', 'Username', 'UserAttributes', 'UserCreateDate', 'locale', '0', '12', 'constructor', 'toString',
)
const attributeValue = fc.oneof(fc.constantFrom('true', 'false', '', '  ', 'TRUE', 'Ada', 'ada@example.com'), fc.string({ maxLength: 12 }))
const attribute: fc.Arbitrary<AttributeType> = fc.record({ Name: attributeName, Value: attributeValue }, { requiredKeys: ['Name'] })
const date = fc.option(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }), { nil: undefined })
const listedUser: fc.Arbitrary<UserType> = fc.record(
  {
    Username: fc.string({ minLength: 1, maxLength: 10 }),
    Attributes: fc.array(attribute, { maxLength: 12 }),
    UserCreateDate: date,
    UserLastModifiedDate: date,
    Enabled: fc.boolean(),
    UserStatus: fc.constantFrom('CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'UNCONFIRMED', 'COMPROMISED', 'RESET_REQUIRED', 'EXTERNAL_PROVIDER', 'UNKNOWN'),
  },
  { requiredKeys: ['Username'] },
)

// Rows a descriptor could add: plain paths into the view, and paths that read nothing.
const extraRow: fc.Arbitrary<MappingRow> = fc
  .constantFrom(
    'UserAttributes.given_name', 'given_name', 'locale', 'UserAttributes', 'Username.length', 'UserCreateDate', 'UserAttributes.email_verified.x',
    'email_verified', 'UserAttributes.UserAttributes', 'sub', 'UserLastModifiedDate.x', 'constructor', 'UserAttributes.toString',
  )
  .chain((native) => fc.record({ scim: fc.constantFrom('Extension.extra', 'name.givenName', 'locale', 'active', 'Extension.Custom.sub'), native: fc.constant(native) }))
  .map(({ scim, native }) => ({ scim, native, access: 'readOnly' }) as MappingRow)

describe('the Cognito user mapping, made cheap, maps exactly as before', () => {
  it('gives the same object, key order included, for every user of a generated page', () => {
    fc.assert(
      fc.property(fc.array(listedUser, { minLength: 1, maxLength: 60 }), (page) => {
        for (const row of page) {
          const user = userFromListing(row)
          expect(JSON.stringify(userToObject(users, user))).toBe(JSON.stringify(referenceUserToObject(users, user)))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('reads any plain row a descriptor adds as the generic row mapper did', () => {
    fc.assert(
      fc.property(fc.array(extraRow, { maxLength: 4 }), fc.option(fc.constantFrom('Extension.Custom.', 'X.'), { nil: undefined }), listedUser, (extra, prefix, row) => {
        const descriptor: ObjectTypeDescriptor = { ...users, customAttributePrefix: prefix, mapping: [...users.mapping, ...extra] }
        const user = userFromListing(row)
        expect(JSON.stringify(userToObject(descriptor, user))).toBe(JSON.stringify(referenceUserToObject(descriptor, user)))
      }),
      { numRuns: 300 },
    )
  })
})
