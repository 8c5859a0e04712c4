import type { SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider'
import type { SchemaAttribute } from '../../../shared/attributeSchema'
import type { MappingRow, ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import { poolAttributeOf } from './cognitoMapping'
import type { CognitoContext } from './cognitoTypes'

/*
 * The pool's own attribute schema (DescribeUserPool SchemaAttributes) as the forms use it: each
 * attribute under the SCIM path Lanyard reads and writes it by (a standard one under its row, a
 * custom one under the custom prefix), with whether the pool requires it on create, whether it may
 * change afterwards, and its limits. The pool is read once per connector (`poolSettings`), so
 * opening forms again sends nothing.
 */

const attributeTypes = new Set<SchemaAttribute['type']>(['String', 'Number', 'Boolean', 'DateTime'])

function pathsByPoolName(rows: readonly MappingRow[]): Map<string, string> {
  const paths = new Map<string, string>()
  for (const row of rows) {
    const name = poolAttributeOf(row.native)
    if (name !== undefined && !paths.has(name)) paths.set(name, row.scim)
  }
  return paths
}

/** Cognito sends its limits as text ("2048"); an absent or unreadable one is no limit. */
function limit(text: string | undefined): number | undefined {
  const value = text === undefined ? Number.NaN : Number(text)
  return Number.isFinite(value) ? value : undefined
}

export function schemaAttributesOf(users: ObjectTypeDescriptor, schema: readonly SchemaAttributeType[]): SchemaAttribute[] {
  const paths = pathsByPoolName(users.mapping)
  const prefix = users.customAttributePrefix ?? 'Extension.Custom.'
  const attributes: SchemaAttribute[] = []
  for (const attribute of schema) {
    // Developer-only attributes are written by the app's own client, never by an admin.
    if (!attribute.Name || attribute.DeveloperOnlyAttribute) continue
    const type = attributeTypes.has(attribute.AttributeDataType as SchemaAttribute['type']) ? (attribute.AttributeDataType as SchemaAttribute['type']) : 'String'
    const strings = attribute.StringAttributeConstraints
    const numbers = attribute.NumberAttributeConstraints
    const limits = {
      minLength: limit(strings?.MinLength),
      maxLength: limit(strings?.MaxLength),
      min: limit(numbers?.MinValue),
      max: limit(numbers?.MaxValue),
    }
    attributes.push({
      path: paths.get(attribute.Name) ?? `${prefix}${attribute.Name}`,
      name: attribute.Name,
      type,
      required: attribute.Required === true,
      mutable: attribute.Mutable !== false,
      ...Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined && !(value === 0 && false))),
    })
  }
  return attributes
}

/** The users' schema from the pool's settings; groups have none of their own. */
export async function attributeSchema(context: CognitoContext, objectType: string): Promise<SchemaAttribute[] | null> {
  if (objectType !== context.users.id) return null
  return schemaAttributesOf(context.users, (await context.poolSettings()).SchemaAttributes ?? [])
}
