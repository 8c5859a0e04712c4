import { gotomeeting } from '../../../shared/catalogue/gotomeeting'
import { chosenValue } from '../../../shared/catalogue/parameterChoice'
import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import { networkOf } from '../networkOf'
import { createHttpClient } from '../../http/createHttpClient'
import type { HttpClientOptions } from '../../http/types'
import { AppError } from '../../errors/AppError'
import { usersAndGroups } from '../usersAndGroups'
import type { Connector, ConnectorSettings, CreatesObjects, DeletesObjects, Deprovisions, ManagesLicences, ReadsMemberships, UpdatesObjects } from '../Connector'
import { planLicenceChange, readUserLicences, setLicences } from './goToLicenceChanges'
import { createGoToBudget, goToAdminFamily, goToSignInFamily } from './goToBudget'
import { createGoToApi } from './goToApi'
import { testConnection } from './goToConnection'
import { checkCreateUser } from './goToCreateCheck'
import { deprovision, deprovisionRefusal, deprovisionTakes, ownAccountCheck, readDeprovisionSnapshot, undoDeprovision } from './goToDeprovision'
import { describeGoToError, describeGoToSignInError, goToRetryAfter } from './goToErrors'
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './goToGroups'
import { parseJsonLosslessly } from './goToJson'
import { attributesToNative } from './goToMapping'
import { listGroupsOf, listMembers } from './goToMemberships'
import { GoToTokens, tokenEndpointFor, type GoToSignIn } from './GoToTokens'
import { isWellFormedKey, type GoToContext } from './goToTypes'
import { checkUserFields } from './goToUserFields'
import { createUser, deleteUser, getUser, listUsers, updateUser, usersWithEmails } from './goToUsers'
import { sendingUnder } from '../writeSignal'

/** GoToMeeting shows memberships but cannot change them (a limitation of its API): no `ManagesMemberships`. */
export type GoToMeetingConnector = Connector & CreatesObjects & UpdatesObjects & DeletesObjects & ReadsMemberships & Deprovisions & ManagesLicences

/** Test seams: faster timeouts and retries than a real profile uses. */
export type GoToHttpTuning = Pick<HttpClientOptions, 'timeoutMs' | 'maxRetries' | 'backoff' | 'rateLimit' | 'concurrency' | 'budget' | 'network'>

function objectType(id: string): ObjectTypeDescriptor {
  const found = gotomeeting.objectTypes.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`The GoToMeeting descriptor has no ${id} object type`)
  return found
}

function required(settings: ConnectorSettings, value: string | undefined, label: string): string {
  if (value && value.trim() !== '') return value.trim()
  throw new AppError('invalid_input', `The profile "${settings.profileName}" has no ${label}. Edit the profile and fill it in.`)
}

function targetUrlOf(settings: ConnectorSettings): URL {
  const url = required(settings, settings.values.url, 'Target URL')
  try {
    return new URL(url)
  } catch {
    throw new AppError(
      'invalid_input',
      `The profile "${settings.profileName}" has a Target URL that is not a web address. Edit the profile: it is usually https://api.getgo.com/admin/rest/v1/.`,
    )
  }
}

/** The profile's sign-in: a personal access token by default; a profile saved before that choice uses its password. */
function signInOf(settings: ConnectorSettings): GoToSignIn {
  const grantType = chosenValue(gotomeeting, settings.values, 'grantType')
  if (grantType === 'personalAccessToken') {
    return { grantType, personalAccessToken: required(settings, settings.secrets.personalAccessToken, 'Personal access token') }
  }
  if (grantType === 'password') {
    return { grantType, username: required(settings, settings.values.username, 'Username'), password: required(settings, settings.secrets.password, 'Password') }
  }
  throw new AppError('invalid_input', `The profile "${settings.profileName}" signs in with "${grantType}", which GoTo profiles do not know: edit the profile and choose how it signs in.`, {
    fields: { grantType: 'Choose a personal access token or username and password.' },
  })
}

/**
 * The GoToMeeting adapter: the GoTo Admin API with an OAuth token (personal access token or password grant, refreshed in
 * memory), offset paging with totals, keys kept as strings, suspension as "no licence, no admin
 * role" (see goToDeprovision), memberships shown read-only.
 */
export function createGoToMeetingConnector(settings: ConnectorSettings, tuning: GoToHttpTuning = {}): GoToMeetingConnector {
  const signIn = signInOf(settings)
  const clientId = required(settings, settings.values.clientId, 'Client Id')
  const clientSecret = required(settings, settings.secrets.clientSecret, 'Client Secret')
  const accountKey = required(settings, settings.values.accountKey, 'Account key')
  if (!isWellFormedKey(accountKey)) {
    throw new AppError('invalid_input', `The profile "${settings.profileName}" has an Account key that is not a number. Copy the account's key (a long number) from the GoTo Admin Center.`, {
      fields: { accountKey: 'A GoTo account key is a long number.' },
    })
  }
  const targetUrl = targetUrlOf(settings)
  const tokenEndpoint = tokenEndpointFor(targetUrl)
  const clientCredentials = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')
  // Both clients refuse http:// for a real profile (and off this computer for a sandbox) before
  // authenticating: the sign-in's form carries the token or password, its header the client secret.
  const budget = createGoToBudget(settings.onBudgetChanged)
  const common = { logger: settings.logger, profileName: settings.profileName, environment: settings.environment, budget, retryWaits: settings.retryWaits, ...tuning, network: networkOf(settings, tuning.network) }
  const signInSecret = signIn.grantType === 'password' ? signIn.password : signIn.personalAccessToken
  const signInClient = createHttpClient({
    ...common,
    targetName: 'GoTo',
    baseUrl: tokenEndpoint.origin,
    // The OAuth client authenticates with HTTP Basic (client_secret_basic, B.1).
    authenticate: () => ({ Authorization: `Basic ${clientCredentials}` }),
    secrets: [signInSecret, clientSecret, clientCredentials],
    describeError: (response) => describeGoToSignInError(response, signIn.grantType),
    budgetFamily: () => goToSignInFamily,
  })
  const tokens = new GoToTokens(signInClient, tokenEndpoint.pathname, signIn, settings.logger)
  const admin = createHttpClient({
    ...common,
    targetName: 'GoTo',
    baseUrl: targetUrl.toString(),
    authenticate: async () => ({ Authorization: `Bearer ${await tokens.current()}` }),
    secrets: [signInSecret, clientSecret, clientCredentials],
    retryAfter: goToRetryAfter,
    describeError: describeGoToError,
    parseJson: parseJsonLosslessly,
    budgetFamily: () => goToAdminFamily,
  })
  const context: GoToContext = {
    api: createGoToApi(admin, tokens),
    users: objectType('users'),
    groups: objectType('groups'),
    accountKey,
    signInHost: tokenEndpoint.host,
  }
  /** The context of one write: its requests carry the write's signal, its steps check it. */
  const under = (signal: AbortSignal | undefined): GoToContext => (signal ? { ...context, api: sendingUnder(context.api, signal), signal } : context)

  return {
    descriptor: gotomeeting,
    testConnection: (signal) => testConnection(context, signal),
    usersWithEmails: (emails, signal) => usersWithEmails(context, emails, signal),
    ...usersAndGroups('GoToMeeting', {
      users: {
        list: (query, signal) => listUsers(context, query, signal),
        get: (id, signal) => getUser(context, id, signal),
        create: (attributes, options) => createUser(under(options.signal), attributes),
        update: (id, changes, options) => updateUser(under(options?.signal), id, changes),
        delete: (id, signal) => deleteUser(under(signal), id),
        refuseUnsendable: (attributes) => checkUserFields(context.users, attributesToNative(context.users, attributes)),
      },
      groups: {
        list: (query, signal) => listGroups(context, query, signal),
        get: (id, signal) => getGroup(context, id, signal),
        create: (attributes, options) => createGroup(under(options.signal), attributes),
        update: (id, changes, options) => updateGroup(under(options?.signal), id, changes),
        delete: (id, signal) => deleteGroup(under(signal), id),
        refuseUnsendable: (attributes) => void attributesToNative(context.groups, attributes),
      },
    }),
    checkCreate: (type, attributes) => (type === 'users' ? checkCreateUser(context, attributes) : Promise.resolve([])),
    // GoToMeeting has one group-like type; the service has checked `groupType` against the descriptor.
    listMembers: (_groupType, groupId, page, signal) => listMembers(context, groupId, page, signal),
    listGroupsOf: (userId, _groupType, page, signal) => listGroupsOf(context, userId, page, signal),
    readDeprovisionSnapshot: (userId, signal) => readDeprovisionSnapshot(context, userId, signal),
    deprovisionTakes,
    deprovisionRefusal,
    ownAccount: ownAccountCheck(context),
    deprovision: (userId, snapshot, signal, alreadyDone) => deprovision(under(signal), userId, snapshot, alreadyDone),
    undoDeprovision: (userId, snapshot, signal) => undoDeprovision(under(signal), userId, snapshot),
    readLicences: (userId, signal) => readUserLicences(context, userId, signal),
    planLicenceChange: (userId, licenseKey, change, signal) => planLicenceChange(context, userId, licenseKey, change, signal),
    setLicences: (userId, licenseKeys, signal) => setLicences(under(signal), userId, licenseKeys),
    close() {
      tokens.forget()
      admin.close()
      signInClient.close()
      budget.close()
    },
  }
}
