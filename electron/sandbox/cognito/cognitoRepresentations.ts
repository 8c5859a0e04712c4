import { epochSeconds, type CognitoGroupRecord, type CognitoUserRecord } from './cognitoRecords'

/** What Cognito answers for its records: `UserType`, AdminGetUser's shape and `GroupType` (cognito.md §3). */

export interface AttributeType {
  Name: string
  Value: string
}

export interface UserType {
  Username: string
  Attributes: AttributeType[]
  UserCreateDate: number
  UserLastModifiedDate: number
  Enabled: boolean
  UserStatus: string
}

/** `sub` first, then the rest in the order they were set. `only` trims to AttributesToGet. */
export function attributeList(user: CognitoUserRecord, only?: readonly string[]): AttributeType[] {
  const names = Object.keys(user.attributes).sort((left, right) => (left === 'sub' ? -1 : right === 'sub' ? 1 : 0))
  return names.filter((name) => !only || only.includes(name)).map((name) => ({ Name: name, Value: user.attributes[name] as string }))
}

export function userType(user: CognitoUserRecord, only?: readonly string[]): UserType {
  return {
    Username: user.username,
    Attributes: attributeList(user, only),
    UserCreateDate: epochSeconds(user.created),
    UserLastModifiedDate: epochSeconds(user.lastModified),
    Enabled: user.enabled,
    UserStatus: user.status,
  }
}

/** AdminGetUser names the list `UserAttributes`; MFA fields are absent (no MFA in the sandbox pool). */
export function adminGetUserResponse(user: CognitoUserRecord) {
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    UserCreateDate: epochSeconds(user.created),
    UserLastModifiedDate: epochSeconds(user.lastModified),
    Enabled: user.enabled,
    UserStatus: user.status,
  }
}

/** Description, RoleArn and Precedence are left out when not set, as AWS omits null members. */
export function groupType(group: CognitoGroupRecord, userPoolId: string) {
  return {
    GroupName: group.name,
    UserPoolId: userPoolId,
    ...(group.description !== null ? { Description: group.description } : {}),
    ...(group.roleArn !== null ? { RoleArn: group.roleArn } : {}),
    ...(group.precedence !== null ? { Precedence: group.precedence } : {}),
    LastModifiedDate: epochSeconds(group.lastModified),
    CreationDate: epochSeconds(group.created),
  }
}
