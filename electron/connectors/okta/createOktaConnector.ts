import { okta } from '../../../shared/catalogue/okta'
import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import { networkOf } from '../networkOf'
import { createHttpClient } from '../../http/createHttpClient'
import type { HttpClientOptions } from '../../http/types'
import { AppError } from '../../errors/AppError'
import { usersAndGroups } from '../usersAndGroups'
import type { Connector, ConnectorSettings, CreatesObjects, DeletesObjects, Deprovisions, ManagesMemberships, ReadsMemberships, RunsAccountActions, UpdatesObjects } from '../Connector'
import { deprovision, deprovisionRefusal, deprovisionTakes, ownAccountCheck, readDeprovisionSnapshot, undoDeprovision } from './oktaDeprovision'
import { runOktaAccountAction } from './oktaAccountActions'
import { createOktaBudget, oktaBudgetFamily } from './oktaBudget'
import { describeOktaError, oktaRetryAfter } from './oktaErrors'
import { attributesToProfile } from './oktaMapping'
import { testConnection } from './oktaConnection'
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './oktaGroups'
import { addMember, listGroupsOf, listMembers, removeMember } from './oktaMemberships'
import type { OktaContext } from './oktaTypes'
import { createUser, deleteUser, getUser, listUsers, updateUser, usersWithEmails } from './oktaUsers'
import { sendingUnder } from '../writeSignal'

/** Okta declares every capability: creates, updates, deletes, memberships (from the group) and deprovision. */
export type OktaConnector = Connector & CreatesObjects & UpdatesObjects & DeletesObjects & ReadsMemberships & ManagesMemberships & Deprovisions & RunsAccountActions

/** Test seams: faster timeouts and retries than a real profile uses. */
export type OktaHttpTuning = Pick<HttpClientOptions, 'timeoutMs' | 'maxRetries' | 'backoff' | 'rateLimit' | 'concurrency' | 'budget' | 'network'>

function objectType(id: string): ObjectTypeDescriptor {
  const found = okta.objectTypes.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`The Okta descriptor has no ${id} object type`)
  return found
}

function required(settings: ConnectorSettings, value: string | undefined, label: string): string {
  if (value && value.trim() !== '') return value.trim()
  throw new AppError('invalid_input', `The profile "${settings.profileName}" has no ${label}. Edit the profile and fill it in.`)
}

function hostOf(settings: ConnectorSettings, url: string): string {
  try {
    return new URL(url).host
  } catch {
    throw new AppError(
      'invalid_input',
      `The profile "${settings.profileName}" has a Target URL that is not a web address. Edit the profile: it starts with https://.`,
    )
  }
}

/**
 * The Okta adapter: SSWS token, Link-header paging in hundreds, lifecycle-based deprovision.
 * Every operation checks what it can before the first request (formats, refused fields,
 * read-only groups, lifecycle preconditions) so a refusal never leaves a half-done change.
 */
export function createOktaConnector(settings: ConnectorSettings, tuning: OktaHttpTuning = {}): OktaConnector {
  const token = required(settings, settings.secrets.token, 'API token (Token)')
  const url = required(settings, settings.values.url, 'Target URL')
  const host = hostOf(settings, url)
  const budget = createOktaBudget(settings.onBudgetChanged)
  const http = createHttpClient({
    targetName: 'Okta',
    baseUrl: url,
    environment: settings.environment,
    authenticate: () => ({ Authorization: `SSWS ${token}` }),
    secrets: [token],
    logger: settings.logger,
    profileName: settings.profileName,
    retryAfter: (response) => oktaRetryAfter(response),
    describeError: describeOktaError,
    budget,
    budgetFamily: oktaBudgetFamily,
    retryWaits: settings.retryWaits,
    ...tuning,
    network: networkOf(settings, tuning.network),
  })
  const context: OktaContext = {
    http,
    users: objectType('users'),
    groups: objectType('groups'),
    paging: okta.paging,
    deprovisionMode: settings.values.deprovisionMode?.trim() || 'suspend',
    host,
  }
  /** The context of one write: its requests carry the write's signal, its steps check it. */
  const under = (signal: AbortSignal | undefined): OktaContext => (signal ? { ...context, http: sendingUnder(http, signal), signal } : context)

  return {
    descriptor: okta,
    testConnection: (signal) => testConnection(context, signal),
    ...usersAndGroups('Okta', {
      users: {
        list: (query, signal) => listUsers(context, query, signal),
        get: (id, signal) => getUser(context, id, signal),
        create: (attributes, options) => createUser(under(options.signal), attributes, options),
        update: (id, changes, options) => updateUser(under(options?.signal), id, changes),
        delete: (id, signal) => deleteUser(under(signal), id),
        refuseUnsendable: (attributes) => void attributesToProfile(context.users, attributes),
      },
      groups: {
        list: (query, signal) => listGroups(context, query, signal),
        get: (id, signal) => getGroup(context, id, signal),
        create: (attributes, options) => createGroup(under(options.signal), attributes),
        update: (id, changes, options) => updateGroup(under(options?.signal), id, changes),
        delete: (id, signal) => deleteGroup(under(signal), id),
        refuseUnsendable: (attributes) => void attributesToProfile(context.groups, attributes),
      },
    }),
    usersWithEmails: (emails, signal) => usersWithEmails(context, emails, signal),
    // Okta has one group-like type; the service has checked `groupType` against the descriptor.
    listMembers: (_groupType, groupId, page, signal) => listMembers(context, groupId, page, signal),
    listGroupsOf: (userId, _groupType, page, signal) => listGroupsOf(context, userId, page, signal),
    addMember: (_groupType, groupId, userId, signal, checked) => addMember(under(signal), groupId, userId, checked),
    removeMember: (_groupType, groupId, userId, signal, checked) => removeMember(under(signal), groupId, userId, checked),
    readDeprovisionSnapshot: (userId, signal) => readDeprovisionSnapshot(context, userId, signal),
    deprovisionTakes,
    deprovisionRefusal,
    ownAccount: ownAccountCheck(context),
    deprovision: (userId, snapshot, signal, alreadyDone) => deprovision(under(signal), userId, snapshot, alreadyDone),
    undoDeprovision: (userId, snapshot, signal) => undoDeprovision(under(signal), userId, snapshot),
    runAccountAction: (_objectType, userId, action, signal) => runOktaAccountAction(under(signal), userId, action, signal),
    close: () => {
      http.close()
      budget.close()
    },
  }
}
