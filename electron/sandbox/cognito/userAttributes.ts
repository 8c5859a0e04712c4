import { cognitoErrors } from './cognitoErrors'
import type { Attribute } from './RequestReader'

/**
 * The pool's attribute schema: Cognito's standard attributes plus the sandbox pool's two custom
 * ones. `email` is required (the pool signs in with an email alias, and Lanyard's mapping makes
 * it mandatory); `sub` is immutable and set by Cognito alone.
 */

export interface SchemaAttribute {
  Name: string
  AttributeDataType: 'String' | 'Boolean' | 'Number' | 'DateTime'
  DeveloperOnlyAttribute: boolean
  Mutable: boolean
  Required: boolean
  StringAttributeConstraints?: { MinLength: string; MaxLength: string }
}

const stringAttribute = (Name: string, Required = false, Mutable = true, MaxLength = '2048'): SchemaAttribute => ({
  Name,
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: false,
  Mutable,
  Required,
  StringAttributeConstraints: { MinLength: Name === 'sub' ? '1' : '0', MaxLength },
})
const booleanAttribute = (Name: string): SchemaAttribute => ({ Name, AttributeDataType: 'Boolean', DeveloperOnlyAttribute: false, Mutable: true, Required: false })

export const poolSchema: readonly SchemaAttribute[] = [
  stringAttribute('sub', false, false),
  stringAttribute('name'),
  stringAttribute('given_name'),
  stringAttribute('family_name'),
  stringAttribute('middle_name'),
  stringAttribute('nickname'),
  stringAttribute('preferred_username'),
  stringAttribute('profile'),
  stringAttribute('picture'),
  stringAttribute('website'),
  stringAttribute('email', true),
  booleanAttribute('email_verified'),
  stringAttribute('gender'),
  stringAttribute('birthdate', false, true, '10'),
  stringAttribute('zoneinfo'),
  stringAttribute('locale'),
  stringAttribute('phone_number'),
  booleanAttribute('phone_number_verified'),
  stringAttribute('address'),
  { Name: 'updated_at', AttributeDataType: 'Number', DeveloperOnlyAttribute: false, Mutable: true, Required: false },
  stringAttribute('custom:department', false, true, '256'),
  stringAttribute('custom:employee_id', false, true, '32'),
]

const schemaByName = new Map(poolSchema.map((attribute) => [attribute.Name, attribute]))

/** Cognito's email check is loose (one `@`, something either side); so is this one. */
const emailFormat = /^[^\s@]+@[^\s@]+$/
/** E.164: `+` then 1–15 digits, no spaces. */
const phoneFormat = /^\+[0-9]{1,15}$/

/** Which call is writing: messages differ between create ("Attributes did not conform…") and update ("Invalid user attributes…"). */
export type AttributeWrite = 'create' | 'update'

/** Checks names against the schema and values against their formats; throws Cognito's error for the first problem. */
export function checkAttributes(attributes: readonly Attribute[], write: AttributeWrite): void {
  const fail = (name: string, reason: string) =>
    cognitoErrors.invalidParameter(write === 'create' ? `Attributes did not conform to the schema: ${name}: ${reason}` : `Invalid user attributes: user.${name}: ${reason}`)
  for (const { Name: name, Value: value } of attributes) {
    const schema = schemaByName.get(name)
    if (!schema) throw fail(name, 'Attribute does not exist in the schema.')
    if (!schema.Mutable) throw fail(name, 'Attribute cannot be updated. (changing an immutable attribute)')
    if (value === '') continue
    const maximum = Number(schema.StringAttributeConstraints?.MaxLength ?? 2048)
    if ([...value].length > maximum) throw fail(name, `String must be no longer than ${maximum} characters`)
    if (name === 'email' && !emailFormat.test(value)) throw cognitoErrors.invalidParameter('Invalid email address format.')
    if (name === 'phone_number' && !phoneFormat.test(value)) throw cognitoErrors.invalidParameter('Invalid phone number format.')
    if (schema.AttributeDataType === 'Boolean' && value !== 'true' && value !== 'false') throw fail(name, 'Attribute value must be true or false.')
  }
}

/** Required attributes a user would lack after the change (create: what is given; update: blanks remove). */
export function missingRequired(attributes: Record<string, string>): string | undefined {
  return poolSchema.find((schema) => schema.Required && !attributes[schema.Name])?.Name
}

export function requiredAttributeError(name: string) {
  return cognitoErrors.invalidParameter(`Attributes did not conform to the schema: ${name}: The attribute is required`)
}

/** The attributes ListUsers may filter on (cognito.md §3, "Searchable"). */
export const searchableAttributes = ['username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'cognito:user_status', 'status', 'sub'] as const
