import type { AttributeType, DeliveryMediumType } from '@aws-sdk/client-cognito-identity-provider'
import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import type { AttributeValue, Attributes } from '../../../shared/directory'
import { fieldLabel } from '../../../shared/directoryValidation'
import { AppError } from '../../errors/AppError'
import { writeMappedAttributes } from '../descriptorMapping'
import { mappedPoolAttributes, poolAttributeOf } from './cognitoMapping'

/*
 * The SCIM attributes of a create or update, sorted into what each Cognito call takes: pool
 * attributes (AdminCreateUser / AdminUpdateUserAttributes), the username, the password and its
 * Permanent flag (AdminSetUserPassword), the delivery mediums (AdminCreateUser only) and `active`
 * (AdminEnableUser / AdminDisableUser). Driven by the descriptor's rows; anything that fits no
 * call is refused before a request is sent.
 */

export interface UserWrite {
  username?: string
  /** Pool attributes to set; an empty value removes the attribute (cognito.md §3). */
  attributes: AttributeType[]
  password?: string
  permanent?: boolean
  mediums?: DeliveryMediumType[]
  active?: boolean
}

export interface GroupWrite {
  name?: string
  description?: string
  precedence?: number
  roleArn?: string
}

function refuse(path: string, problem: string): never {
  throw new AppError('invalid_input', `Nothing was sent: ${problem}`, { fields: { [path]: problem } })
}

/** Cognito attribute values are strings: booleans as "true"/"false", null as "" (which removes). */
function attributeText(path: string, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'boolean' || typeof value === 'number') return String(value)
  return refuse(path, `${fieldLabel(path)} takes one value, not a list.`)
}

function flag(path: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'false') return value === 'true'
  return refuse(path, `${fieldLabel(path)} is either true or false.`)
}

/** `EMAIL`, `SMS`, `EMAIL,SMS`, `[EMAIL;;SMS]` or a list; nothing else (cognito.md §3 DeliveryMediumType). */
export function deliveryMediums(path: string, value: AttributeValue | undefined): DeliveryMediumType[] | undefined {
  if (value === null || value === undefined || value === '') return undefined
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.replace(/^\[|\]$/g, '').split(/;;|,|\s+/) : []
  const mediums = items.map((item) => item.trim().toUpperCase()).filter((item) => item !== '')
  if (mediums.length === 0 || mediums.some((medium) => medium !== 'EMAIL' && medium !== 'SMS')) {
    refuse(path, 'Delivery mediums are EMAIL, SMS or both (EMAIL,SMS).')
  }
  return [...new Set(mediums)] as DeliveryMediumType[]
}

export function userWrite(users: ObjectTypeDescriptor, attributes: Attributes): UserWrite {
  const { native, unmapped } = writeMappedAttributes(users.mapping, attributes)
  const write: UserWrite = { attributes: [] }
  const pathOfNative = (native: string) => users.mapping.find((row) => row.native === native)?.scim ?? native
  for (const [key, value] of Object.entries(native)) {
    if (key === 'UserAttributes' && value !== null && typeof value === 'object') {
      for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
        write.attributes.push({ Name: name, Value: attributeText(pathOfNative(`UserAttributes.${name}`), inner) })
      }
    } else if (key === 'Username') {
      write.username = attributeText(pathOfNative(key), value)
    } else if (key === 'Password') {
      write.password = typeof value === 'string' ? value : undefined
    } else if (key === 'Permanent') {
      write.permanent = flag(pathOfNative(key), value)
    } else if (key === 'DesiredDeliveryMediums') {
      write.mediums = deliveryMediums(pathOfNative(key), value as AttributeValue)
    } else if (poolAttributeOf(key)) {
      write.attributes.push({ Name: key, Value: attributeText(pathOfNative(key), value) })
    } else {
      throw new Error(`The Cognito user mapping has a row Lanyard cannot write: ${key}`)
    }
  }
  for (const path of unmapped) {
    if (path === 'active') {
      write.active = flag(path, attributes[path])
      continue
    }
    write.attributes.push({ Name: customAttributeName(users, path), Value: attributeText(path, attributes[path]) })
  }
  return write
}

/** `Extension.given_name` → `given_name`; a mapped attribute or `sub` under that prefix is refused. */
function customAttributeName(users: ObjectTypeDescriptor, path: string): string {
  const prefix = users.customAttributePrefix
  const name = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : ''
  if (name === '') return refuse(path, `${path} is not an attribute of Cognito users.`)
  if (mappedPoolAttributes(users.mapping).has(name)) return refuse(path, `${name} has its own field: change it there.`)
  if (name === 'sub') return refuse(path, 'sub is set by Cognito when the user is created and never changes.')
  return name
}

export function groupWrite(groups: ObjectTypeDescriptor, attributes: Attributes): GroupWrite {
  const { native, unmapped } = writeMappedAttributes(groups.mapping, attributes)
  const write: GroupWrite = {}
  if ('GroupName' in native) write.name = attributeText('displayName', native.GroupName)
  if ('Precedence' in native) write.precedence = precedence(native.Precedence)
  if ('RoleArn' in native) write.roleArn = roleArn(native.RoleArn)
  if ('Description' in native) write.description = attributeText('Extension.Description', native.Description)
  for (const path of unmapped) {
    refuse(path, `${path} is not an attribute of Cognito groups: a group has a name, a description, a precedence and a role ARN.`)
  }
  return write
}

const precedencePath = 'Extension.Precedence'
const roleArnPath = 'Extension.RoleArn'

/** A whole number from 0 (cognito.md §3 PrecedenceType); Cognito cannot take one away once set. */
function precedence(value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (value === null) refuse(precedencePath, 'Cognito cannot remove a precedence once set: give another number (0 wins over all others).')
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > 2 ** 31 - 1) {
    refuse(precedencePath, 'Precedence is a whole number from 0 (the highest priority) upwards.')
  }
  return number
}

/** An IAM role ARN (cognito.md §3 ArnType): `arn:aws:iam::<account>:role/<name>`. */
function roleArn(value: unknown): string {
  if (value === null) refuse(roleArnPath, 'Cognito cannot remove a role ARN once set: give another role.')
  const text = typeof value === 'string' ? value.trim() : ''
  if (!/^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/.test(text) || text.length < 20) {
    refuse(roleArnPath, 'Role ARN is an IAM role ARN, e.g. arn:aws:iam::123456789012:role/help-desk.')
  }
  return text
}
