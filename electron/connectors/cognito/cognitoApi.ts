import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
  type AdminAddUserToGroupCommandInput,
  type AdminCreateUserCommandInput,
  type AdminListGroupsForUserCommandInput,
  type AdminRemoveUserFromGroupCommandInput,
  type AdminSetUserPasswordCommandInput,
  type AdminUpdateUserAttributesCommandInput,
  type CreateGroupCommandInput,
  type ListGroupsCommandInput,
  type ListUsersCommandInput,
  type ListUsersInGroupCommandInput,
  type UpdateGroupCommandInput,
} from '@aws-sdk/client-cognito-identity-provider'
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
  return {
    describeUserPool: (options?: CallOptions) =>
      transport.read('DescribeUserPool', pool, (client, request, abortSignal) => client.send(new DescribeUserPoolCommand(request), { abortSignal }), options),
    listUsers: (input: InPool<ListUsersCommandInput>, options?: CallOptions) =>
      transport.read('ListUsers', { ...pool, ...input }, (client, request, abortSignal) => client.send(new ListUsersCommand(request), { abortSignal }), options),
    getUser: (username: string, options?: CallOptions) =>
      transport.read('AdminGetUser', user(username), (client, request, abortSignal) => client.send(new AdminGetUserCommand(request), { abortSignal }), options),
    createUser: (input: InPool<AdminCreateUserCommandInput>, options?: CallOptions) =>
      transport.send('AdminCreateUser', false, (client, abortSignal) => client.send(new AdminCreateUserCommand({ ...pool, ...input }), { abortSignal }), options),
    updateUserAttributes: (input: InPool<AdminUpdateUserAttributesCommandInput>, options?: CallOptions) =>
      transport.send(
        'AdminUpdateUserAttributes',
        true,
        (client, abortSignal) => client.send(new AdminUpdateUserAttributesCommand({ ...pool, ...input }), { abortSignal }),
        options,
      ),
    setUserPassword: (input: InPool<AdminSetUserPasswordCommandInput>, options?: CallOptions) =>
      transport.send('AdminSetUserPassword', false, (client, abortSignal) => client.send(new AdminSetUserPasswordCommand({ ...pool, ...input }), { abortSignal }), options),
    // Never sent twice: each call sends the person another code.
    resetUserPassword: (username: string, options?: CallOptions) =>
      transport.send('AdminResetUserPassword', false, (client, abortSignal) => client.send(new AdminResetUserPasswordCommand(user(username)), { abortSignal }), options),
    deleteUser: (username: string, options?: CallOptions) =>
      transport.send('AdminDeleteUser', false, (client, abortSignal) => client.send(new AdminDeleteUserCommand(user(username)), { abortSignal }), options),
    disableUser: (username: string, options?: CallOptions) =>
      transport.send('AdminDisableUser', true, (client, abortSignal) => client.send(new AdminDisableUserCommand(user(username)), { abortSignal }), options),
    enableUser: (username: string, options?: CallOptions) =>
      transport.send('AdminEnableUser', true, (client, abortSignal) => client.send(new AdminEnableUserCommand(user(username)), { abortSignal }), options),
    globalSignOut: (username: string, options?: CallOptions) =>
      transport.send('AdminUserGlobalSignOut', true, (client, abortSignal) => client.send(new AdminUserGlobalSignOutCommand(user(username)), { abortSignal }), options),
    createGroup: (input: InPool<CreateGroupCommandInput>, options?: CallOptions) =>
      transport.send('CreateGroup', false, (client, abortSignal) => client.send(new CreateGroupCommand({ ...pool, ...input }), { abortSignal }), options),
    getGroup: (groupName: string, options?: CallOptions) =>
      transport.read('GetGroup', group(groupName), (client, request, abortSignal) => client.send(new GetGroupCommand(request), { abortSignal }), options),
    updateGroup: (input: InPool<UpdateGroupCommandInput>, options?: CallOptions) =>
      transport.send('UpdateGroup', true, (client, abortSignal) => client.send(new UpdateGroupCommand({ ...pool, ...input }), { abortSignal }), options),
    deleteGroup: (groupName: string, options?: CallOptions) =>
      transport.send('DeleteGroup', false, (client, abortSignal) => client.send(new DeleteGroupCommand(group(groupName)), { abortSignal }), options),
    listGroups: (input: InPool<ListGroupsCommandInput>, options?: CallOptions) =>
      transport.read('ListGroups', { ...pool, ...input }, (client, request, abortSignal) => client.send(new ListGroupsCommand(request), { abortSignal }), options),
    listUsersInGroup: (input: InPool<ListUsersInGroupCommandInput>, options?: CallOptions) =>
      transport.read('ListUsersInGroup', { ...pool, ...input }, (client, request, abortSignal) => client.send(new ListUsersInGroupCommand(request), { abortSignal }), options),
    listGroupsForUser: (input: InPool<AdminListGroupsForUserCommandInput>, options?: CallOptions) =>
      transport.read(
        'AdminListGroupsForUser',
        { ...pool, ...input },
        (client, request, abortSignal) => client.send(new AdminListGroupsForUserCommand(request), { abortSignal }),
        options,
      ),
    addUserToGroup: (input: InPool<AdminAddUserToGroupCommandInput>, options?: CallOptions) =>
      transport.send('AdminAddUserToGroup', true, (client, abortSignal) => client.send(new AdminAddUserToGroupCommand({ ...pool, ...input }), { abortSignal }), options),
    removeUserFromGroup: (input: InPool<AdminRemoveUserFromGroupCommandInput>, options?: CallOptions) =>
      transport.send(
        'AdminRemoveUserFromGroup',
        true,
        (client, abortSignal) => client.send(new AdminRemoveUserFromGroupCommand({ ...pool, ...input }), { abortSignal }),
        options,
      ),
  }
}

export type CognitoApi = ReturnType<typeof createCognitoApi>
