import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider'
import { cognito } from '../../../shared/catalogue/cognito'
import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import { AppError } from '../../services/AppError'
import type { Connector, ConnectorSettings } from '../Connector'
import { createCognitoApi } from './cognitoApi'
import { describePool, testConnection } from './cognitoConnection'
import { createUser } from './cognitoCreateUser'
import { deprovision, readDeprovisionSnapshot, undoDeprovision } from './cognitoDeprovision'
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './cognitoGroups'
import { addMember, listGroupsOf, listMembers, removeMember } from './cognitoMemberships'
import { readCognitoSettings } from './cognitoSettings'
import { createCognitoTransport, type CognitoTuning } from './cognitoTransport'
import type { CognitoContext } from './cognitoTypes'
import { deleteUser, getUser, listUsers, updateUser } from './cognitoUsers'

export type { CognitoTuning } from './cognitoTransport'

function objectType(id: string): ObjectTypeDescriptor {
  const found = cognito.objectTypes.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`The Cognito descriptor has no ${id} object type`)
  return found
}

/**
 * The Cognito adapter: the AWS SDK v3 client (SigV4, typed exceptions) with the profile's static
 * access key, token paging in pages of at most 60, creates and updates as named steps, and
 * disable + global sign-out as the deprovision. Ids are Cognito's own names: a user's Username,
 * a group's GroupName.
 */
export function createCognitoConnector(settings: ConnectorSettings, tuning: CognitoTuning = {}): Connector {
  const profile = readCognitoSettings(settings)
  const transport = createCognitoTransport(profile, settings.logger, settings.profileName, tuning)
  const api = createCognitoApi(transport, profile.userPoolId)
  let pool: Promise<UserPoolType> | null = null
  const context: CognitoContext = {
    api,
    userPoolId: profile.userPoolId,
    region: profile.region,
    accessKeyId: profile.accessKeyId,
    users: objectType('users'),
    groups: objectType('groups'),
    poolSettings: () => {
      const reading = pool ?? describePool(api)
      pool = reading
      reading.catch(() => {
        if (pool === reading) pool = null
      })
      return reading
    },
  }

  function unsupported(type: string): Promise<never> {
    return Promise.reject(new AppError('unsupported', `Cognito profiles have users and groups, not "${type}".`))
  }

  return {
    descriptor: cognito,
    testConnection: (signal) => testConnection(context, signal),
    list: (type, query, signal) =>
      type === 'users' ? listUsers(context, query, signal) : type === 'groups' ? listGroups(context, query, signal) : unsupported(type),
    get: (type, id, signal) => (type === 'users' ? getUser(context, id, signal) : type === 'groups' ? getGroup(context, id, signal) : unsupported(type)),
    create: (type, attributes, options) =>
      type === 'users' ? createUser(context, attributes, options) : type === 'groups' ? createGroup(context, attributes) : unsupported(type),
    update: (type, id, changes, options) =>
      type === 'users' ? updateUser(context, id, changes, options) : type === 'groups' ? updateGroup(context, id, changes) : unsupported(type),
    delete: (type, id) => (type === 'users' ? deleteUser(context, id) : type === 'groups' ? deleteGroup(context, id) : unsupported(type)),
    // Cognito has one group-like type; the service has checked `groupType` against the descriptor.
    listMembers: (_groupType, groupId, page, signal) => listMembers(context, groupId, page, signal),
    listGroupsOf: (userId, _groupType, page, signal) => listGroupsOf(context, userId, page, signal),
    addMember: (_groupType, groupId, userId) => addMember(context, groupId, userId),
    removeMember: (_groupType, groupId, userId) => removeMember(context, groupId, userId),
    readDeprovisionSnapshot: (userId) => readDeprovisionSnapshot(context, userId),
    deprovision: (userId, snapshot) => deprovision(context, userId, snapshot),
    undoDeprovision: (userId, snapshot) => undoDeprovision(context, userId, snapshot),
    close: () => transport.close(),
  }
}
