import type {
  AdminAddUserToGroupCommandInput,
  AdminCreateUserCommandInput,
  AdminCreateUserCommandOutput,
  AdminGetUserCommandOutput,
  AdminListGroupsForUserCommandInput,
  AdminListGroupsForUserCommandOutput,
  AdminRemoveUserFromGroupCommandInput,
  AdminSetUserPasswordCommandInput,
  AdminUpdateUserAttributesCommandInput,
  CreateGroupCommandInput,
  CreateGroupCommandOutput,
  DescribeUserPoolCommandOutput,
  GetGroupCommandOutput,
  ListGroupsCommandInput,
  ListGroupsCommandOutput,
  ListUsersCommandInput,
  ListUsersCommandOutput,
  ListUsersInGroupCommandInput,
  ListUsersInGroupCommandOutput,
  UpdateGroupCommandInput,
  UpdateGroupCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider'
import { answerWith, createdUserDates, groupDates, groupsDates, poolDates, userDates, usersDates, type Output } from './cognitoOutputs'
import type { CallOptions, CognitoTransport } from './cognitoTransport'

/** A request without its `UserPoolId`: the profile's pool is added to every call. */
type InPool<Input> = Omit<Input, 'UserPoolId'>

/**
 * The 20 Cognito operations the adapter uses, each with the pool added and its retry class
 * decided here, in one place. Idempotent (sent again after a network failure or a server fault):
 * reads, and changes whose repetition changes nothing (membership, enable / disable, sign-out,
 * attribute and group updates). Never sent twice: creates (an invitation resent too), deletes, AdminResetUserPassword (another code) and AdminSetUserPassword (a
 * pool with password history would refuse the same password the second time). Reads go through
 * `transport.read`, so identical ones in flight at once are sent once.
 */
export function createCognitoApi(transport: CognitoTransport, userPoolId: string) {
  const pool = { UserPoolId: userPoolId }
  const user = (username: string) => ({ ...pool, Username: username })
  const group = (groupName: string) => ({ ...pool, GroupName: groupName })
  const read = <Input extends object, Result>(operation: string, input: Input, shape: (output: Output) => Result, options?: CallOptions) =>
    transport.read(operation, input, (wire, request, abortSignal) => wire.call(operation, request, abortSignal).then(shape), options)
  const send = <Result>(operation: string, idempotent: boolean, input: object, shape: (output: Output) => Result, options?: CallOptions) =>
    transport.send(operation, idempotent, (wire, abortSignal) => wire.call(operation, input, abortSignal).then(shape), options)
  const done = answerWith<object>()
  return {
    describeUserPool: (options?: CallOptions) => read('DescribeUserPool', pool, poolDates<DescribeUserPoolCommandOutput>, options),
    listUsers: (input: InPool<ListUsersCommandInput>, options?: CallOptions) => read('ListUsers', { ...pool, ...input }, usersDates<ListUsersCommandOutput>, options),
    getUser: (username: string, options?: CallOptions) => read('AdminGetUser', user(username), userDates<AdminGetUserCommandOutput>, options),
    createUser: (input: InPool<AdminCreateUserCommandInput>, options?: CallOptions) =>
      send('AdminCreateUser', false, { ...pool, ...input }, createdUserDates<AdminCreateUserCommandOutput>, options),
    updateUserAttributes: (input: InPool<AdminUpdateUserAttributesCommandInput>, options?: CallOptions) =>
      send('AdminUpdateUserAttributes', true, { ...pool, ...input }, done, options),
    setUserPassword: (input: InPool<AdminSetUserPasswordCommandInput>, options?: CallOptions) => send('AdminSetUserPassword', false, { ...pool, ...input }, done, options),
    // Never sent twice: each call sends the person another code.
    resetUserPassword: (username: string, options?: CallOptions) => send('AdminResetUserPassword', false, user(username), done, options),
    deleteUser: (username: string, options?: CallOptions) => send('AdminDeleteUser', false, user(username), done, options),
    disableUser: (username: string, options?: CallOptions) => send('AdminDisableUser', true, user(username), done, options),
    enableUser: (username: string, options?: CallOptions) => send('AdminEnableUser', true, user(username), done, options),
    globalSignOut: (username: string, options?: CallOptions) => send('AdminUserGlobalSignOut', true, user(username), done, options),
    createGroup: (input: InPool<CreateGroupCommandInput>, options?: CallOptions) => send('CreateGroup', false, { ...pool, ...input }, groupDates<CreateGroupCommandOutput>, options),
    getGroup: (groupName: string, options?: CallOptions) => read('GetGroup', group(groupName), groupDates<GetGroupCommandOutput>, options),
    updateGroup: (input: InPool<UpdateGroupCommandInput>, options?: CallOptions) => send('UpdateGroup', true, { ...pool, ...input }, groupDates<UpdateGroupCommandOutput>, options),
    deleteGroup: (groupName: string, options?: CallOptions) => send('DeleteGroup', false, group(groupName), done, options),
    listGroups: (input: InPool<ListGroupsCommandInput>, options?: CallOptions) => read('ListGroups', { ...pool, ...input }, groupsDates<ListGroupsCommandOutput>, options),
    listUsersInGroup: (input: InPool<ListUsersInGroupCommandInput>, options?: CallOptions) =>
      read('ListUsersInGroup', { ...pool, ...input }, usersDates<ListUsersInGroupCommandOutput>, options),
    listGroupsForUser: (input: InPool<AdminListGroupsForUserCommandInput>, options?: CallOptions) =>
      read('AdminListGroupsForUser', { ...pool, ...input }, groupsDates<AdminListGroupsForUserCommandOutput>, options),
    addUserToGroup: (input: InPool<AdminAddUserToGroupCommandInput>, options?: CallOptions) => send('AdminAddUserToGroup', true, { ...pool, ...input }, done, options),
    removeUserFromGroup: (input: InPool<AdminRemoveUserFromGroupCommandInput>, options?: CallOptions) =>
      send('AdminRemoveUserFromGroup', true, { ...pool, ...input }, done, options),
  }
}

export type CognitoApi = ReturnType<typeof createCognitoApi>
