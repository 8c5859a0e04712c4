import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider'
import { cognito } from '../../../shared/catalogue/cognito'
import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import { usersAndGroups } from '../usersAndGroups'
import type { Connector, ConnectorSettings, CreatesObjects, DeletesObjects, Deprovisions, ManagesMemberships, ReadsMemberships, RunsAccountActions, UpdatesObjects } from '../Connector'
import { runAccountAction } from './cognitoAccountActions'
import { createCognitoApi } from './cognitoApi'
import { describePool, testConnection } from './cognitoConnection'
import { createUser, plannedCreate } from './cognitoCreateUser'
import { deprovision, deprovisionRefusal, deprovisionTakes, ownAccount, readDeprovisionSnapshot, resendableSteps, undoDeprovision } from './cognitoDeprovision'
import { createGroup, deleteGroup, getGroup, listGroups, plannedGroupUpdate, updateGroup } from './cognitoGroups'
import { addMember, listGroupsOf, listMembers, removeMember } from './cognitoMemberships'
import { attributeSchema } from './cognitoSchema'
import { readCognitoSettings } from './cognitoSettings'
import { createCognitoBudget } from './cognitoBudget'
import { usersWithEmails } from './cognitoEmailLookup'
import { createCognitoTransport, type CognitoTransport, type CognitoTuning } from './cognitoTransport'
import type { CognitoContext } from './cognitoTypes'
import { deleteUser, getUser, listUsers, plannedUserUpdate, updateUser } from './cognitoUsers'
import { groupWrite } from './cognitoWrites'

export type { CognitoTuning } from './cognitoTransport'

/** Cognito declares every capability: creates, updates, deletes, memberships (from the group), deprovision and the account actions. */
export type CognitoConnector = Connector &
  CreatesObjects &
  UpdatesObjects &
  DeletesObjects &
  ReadsMemberships &
  ManagesMemberships &
  Deprovisions &
  RunsAccountActions

function objectType(id: string): ObjectTypeDescriptor {
  const found = cognito.objectTypes.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`The Cognito descriptor has no ${id} object type`)
  return found
}

/**
 * The Cognito adapter: Cognito's API signed and sent by Lanyard itself (cognitoWire.ts) with the
 * profile's static access key, token paging in pages of at most 60, creates and updates as named steps, and
 * disable + global sign-out as the deprovision. Ids are Cognito's own names: a user's Username,
 * a group's GroupName.
 */
export function createCognitoConnector(settings: ConnectorSettings, tuning: CognitoTuning = {}): CognitoConnector {
  const profile = readCognitoSettings(settings)
  const transport = createCognitoTransport(profile, settings.logger, settings.profileName, {
    budget: createCognitoBudget(settings.onBudgetChanged),
    retryWaits: settings.retryWaits,
    ...tuning,
  })
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
  /** The context of one write: its calls carry the write's signal, its steps check it. */
  const under = (signal: AbortSignal | undefined): CognitoContext => {
    if (!signal) return context
    const signalled: CognitoTransport = { ...transport, send: (operation, idempotent, run, options) => transport.send(operation, idempotent, run, { ...options, signal: options?.signal ?? signal }) }
    return { ...context, api: createCognitoApi(signalled, profile.userPoolId), signal }
  }

  return {
    descriptor: cognito,
    testConnection: (signal) => testConnection(context, signal),
    attributeSchema: (objectType) => attributeSchema(context, objectType),
    usersWithEmails: (emails, signal) => usersWithEmails(context, emails, signal),
    ...usersAndGroups('Cognito', {
      users: {
        list: (query, signal) => listUsers(context, query, signal),
        get: (id, signal) => getUser(context, id, signal),
        create: (attributes, options) => createUser(under(options.signal), attributes, options),
        update: (id, changes, options) => updateUser(under(options?.signal), id, changes, options),
        delete: (id, signal) => deleteUser(under(signal), id),
        refuseUnsendable: (attributes, current, create) => void (current ? plannedUserUpdate(context, attributes) : create && plannedCreate(context, attributes, create)),
      },
      groups: {
        list: (query, signal) => listGroups(context, query, signal),
        get: (id, signal) => getGroup(context, id, signal),
        create: (attributes, options) => createGroup(under(options.signal), attributes),
        update: (id, changes, options) => updateGroup(under(options?.signal), id, changes),
        delete: (id, signal) => deleteGroup(under(signal), id),
        refuseUnsendable: (attributes, current) => void (current ? plannedGroupUpdate(context, current.id, attributes) : groupWrite(context.groups, attributes)),
      },
    }),
    // Cognito has one group-like type; the service has checked `groupType` against the descriptor.
    listMembers: (_groupType, groupId, page, signal) => listMembers(context, groupId, page, signal),
    listGroupsOf: (userId, _groupType, page, signal) => listGroupsOf(context, userId, page, signal),
    addMember: (_groupType, groupId, userId, signal) => addMember(under(signal), groupId, userId),
    removeMember: (_groupType, groupId, userId, signal) => removeMember(under(signal), groupId, userId),
    readDeprovisionSnapshot: (userId, signal) => readDeprovisionSnapshot(context, userId, signal),
    deprovisionTakes,
    resendableSteps,
    deprovisionRefusal,
    ownAccount,
    deprovision: (userId, snapshot, signal, alreadyDone) => deprovision(under(signal), userId, snapshot, alreadyDone),
    undoDeprovision: (userId, snapshot, signal) => undoDeprovision(under(signal), userId, snapshot),
    // Users are the one type that declares account actions; the service has checked the action against the descriptor.
    runAccountAction: (_objectType, id, action, signal) => runAccountAction(under(signal), id, action),
    close: () => transport.close(),
  }
}
