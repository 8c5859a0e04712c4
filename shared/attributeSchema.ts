import { z } from 'zod'
import { profileIdSchema } from './profiles'

/**
 * A target's own attribute schema, where it has one (a Cognito pool's SchemaAttributes, from
 * DescribeUserPool): which attributes exist, which must be given on create, which may change after
 * it, and their limits. The create and edit forms are built from it; a target without one uses the
 * descriptor alone (`directory.attributeSchema` answers null).
 */
export interface SchemaAttribute {
  /** The SCIM path the attribute is read and written under (`name.givenName`, `Extension.Custom.custom:department`). */
  path: string
  /** The target's own name (`given_name`, `custom:department`). */
  name: string
  type: 'String' | 'Number' | 'Boolean' | 'DateTime'
  /** Must be given when the object is created. */
  required: boolean
  /** May change after the create; an immutable attribute is set on create only. */
  mutable: boolean
  minLength?: number
  maxLength?: number
  min?: number
  max?: number
}

export interface AttributeSchema {
  attributes: SchemaAttribute[]
}

export const attributeSchemaInput = profileIdSchema.extend({ objectType: z.string().regex(/^[a-z][a-zA-Z-]*$/, 'Not an object type') })
export type AttributeSchemaInput = z.infer<typeof attributeSchemaInput>
