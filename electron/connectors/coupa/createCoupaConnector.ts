import { coupa } from '../../../shared/catalogue/coupa'
import { parseCustomProperties } from '../../../shared/catalogue/customProperties'
import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import { networkOf } from '../networkOf'
import { createHttpClient } from '../../http/createHttpClient'
import type { HttpClientOptions } from '../../http/types'
import { AppError } from '../../errors/AppError'
import type { Connector, ConnectorSettings, CreatesObjects, Deprovisions, ManagesMemberships, ReadsMemberships, UpdatesObjects } from '../Connector'
import { createCoupaBudget } from './coupaBudget'
import { testConnection } from './coupaConnection'
import { deprovisionWarnings } from './coupaApprovals'
import { deprovision, deprovisionRefusal, deprovisionTakes, ownAccountOf, readDeprovisionSnapshot, undoDeprovision } from './coupaDeprovision'
import { describeCoupaError } from './coupaErrors'
import { getGroupLike, listGroupLikes } from './coupaGroups'
import { addMember, listGroupsOf, listMembers, removeMember } from './coupaMemberships'
import type { CoupaContext } from './coupaTypes'
import { createUser, getUser, listUsers, refuseUnsendableUser, usersWithEmails } from './coupaUsers'
import { updateUser } from './coupaUserUpdate'
import { sendingUnder } from '../writeSignal'
import { renewingOnRejection } from '../OAuthTokens'
import { coupaAuthOf, createCoupaTokens, describeCoupaSignInError, signInFacts } from './coupaSignIn'

/** Coupa creates and updates users, changes memberships from the user and deprovisions; it never deletes (soft delete only). */
export type CoupaConnector = Connector & CreatesObjects & UpdatesObjects & ReadsMemberships & ManagesMemberships & Deprovisions

/** Test seams: faster timeouts and retries than a real profile uses. */
export type CoupaHttpTuning = Pick<HttpClientOptions, 'timeoutMs' | 'maxRetries' | 'backoff' | 'rateLimit' | 'budget' | 'network'>

const pagesAtOnceChoices = ['1', '2', '4', '8']

function required(settings: ConnectorSettings, value: string | undefined, label: string): string {
  if (value && value.trim() !== '') return value.trim()
  throw new AppError('invalid_input', `The profile "${settings.profileName}" has no ${label}. Edit the profile and fill it in.`)
}

/** The instance's address; a pasted `…/api` is dropped, since every path starts with `/api`. */
function instanceUrl(settings: ConnectorSettings): URL {
  const text = required(settings, settings.values.url, 'Target URL')
  try {
    const url = new URL(text)
    url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/api$/i, '')
    return url
  } catch {
    throw new AppError(
      'invalid_input',
      `The profile "${settings.profileName}" has a Target URL that is not a web address. Edit the profile: it starts with https://.`,
    )
  }
}

function customPropertiesOf(settings: ConnectorSettings) {
  const { properties, errors } = parseCustomProperties(settings.values.customProperties ?? '')
  if (errors.length === 0) return properties
  throw new AppError('invalid_input', `The profile "${settings.profileName}" has custom properties Lanyard cannot read. ${errors.join(' ')} Edit the profile.`, {
    fields: { customProperties: errors.join(' ') },
  })
}

function pagesAtOnceOf(settings: ConnectorSettings): number {
  const value = settings.values.concurrency?.trim() || '4'
  if (pagesAtOnceChoices.includes(value)) return Number(value)
  throw new AppError('invalid_input', `The profile's "Pages fetched at once" holds "${value}": edit the profile and choose 1, 2, 4 or 8.`, {
    fields: { concurrency: 'Choose 1, 2, 4 or 8.' },
  })
}

function objectType(id: string): ObjectTypeDescriptor {
  const found = coupa.objectTypes.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`The Coupa descriptor has no ${id} object type`)
  return found
}

/**
 * The Coupa adapter: an OAuth client's token (client credentials, in memory only, see coupaSignIn)
 * in `Authorization: Bearer`, or a legacy API key in `X-COUPA-API-KEY`; `Accept: application/json`, offset
 * paging 50 rows a page (several in flight for a long list), user-centric memberships and
 * deprovision by `active=false`; no delete (soft delete only, A.1: deprovision takes someone out). Every refusal it can make from what it holds comes before the
 * first request, so a refusal never leaves a half-done change.
 */
export function createCoupaConnector(settings: ConnectorSettings, tuning: CoupaHttpTuning = {}): CoupaConnector {
  const auth = coupaAuthOf(settings)
  const url = instanceUrl(settings)
  const pagesAtOnce = pagesAtOnceOf(settings)
  const budget = createCoupaBudget(settings.onBudgetChanged)
  const secret = auth.kind === 'apiKey' ? auth.apiKey : auth.clientSecret
  // Both clients refuse http:// for a real profile (and off this computer for a sandbox) before
  // authenticating: the sign-in's form carries the client secret, every API request a token or key.
  // One network for both: the token request must pass the same proxy and trust the same CA as the API.
  const network = networkOf(settings, tuning.network)
  const common = { targetName: 'Coupa', baseUrl: url.toString(), environment: settings.environment, logger: settings.logger, profileName: settings.profileName, budget, retryWaits: settings.retryWaits }
  const signIn = auth.kind === 'oauth' ? createHttpClient({ ...common, authenticate: () => ({}), secrets: [secret], describeError: describeCoupaSignInError, ...tuning, network }) : null
  const tokens = auth.kind === 'oauth' && signIn ? createCoupaTokens(signIn, auth, settings.logger) : null
  const api = createHttpClient({
    ...common,
    authenticate: tokens ? async () => ({ Authorization: `Bearer ${await tokens.current()}` }) : () => ({ 'X-COUPA-API-KEY': secret }),
    secrets: [secret],
    describeError: (response) => describeCoupaError(response, auth.kind),
    // As many requests in flight as the list may read pages at once: one profile, one budget.
    concurrency: pagesAtOnce,
    ...tuning,
    network,
  })
  // An OAuth token is asked for once per session and per expiry, and once more after a 401.
  const http = tokens ? renewingOnRejection(api, tokens) : api
  const context: CoupaContext = {
    http,
    users: objectType('users'),
    objectTypes: new Map(coupa.objectTypes.map((type) => [type.id, type])),
    customProperties: customPropertiesOf(settings),
    pagesAtOnce,
    host: url.host,
    signInFacts: () => signInFacts(auth, tokens),
  }
  /** The context of one write: its requests carry the write's signal, its steps check it. */
  const under = (signal: AbortSignal | undefined): CoupaContext => (signal ? { ...context, http: sendingUnder(http, signal), signal } : context)

  function usersOnly(type: string, what: string): Promise<never> {
    return Promise.reject(new AppError('unsupported', `Coupa cannot ${what} ${type}: they are read-only in Coupa, changed from a user's panel.`))
  }

  return {
    descriptor: coupa,
    testConnection: (signal) => testConnection(context, signal),
    list: (type, query, signal) => (type === 'users' ? listUsers(context, query, signal) : listGroupLikes(context, type, query, signal)),
    get: (type, id, signal) => (type === 'users' ? getUser(context, id, signal) : getGroupLike(context, type, id, signal)),
    create: (type, attributes, options) => (type === 'users' ? createUser(under(options.signal), attributes, options) : usersOnly(type, 'create')),
    update: (type, id, changes, options) => (type === 'users' ? updateUser(under(options?.signal), id, changes, options) : usersOnly(type, 'change')),
    refuseUnsendable: (type, attributes, current) => (type === 'users' ? refuseUnsendableUser(context, attributes, current) : undefined),
    usersWithEmails: (emails, signal) => usersWithEmails(context, emails, signal),
    listMembers: (groupType, groupId, page, signal) => listMembers(context, groupType, groupId, page, signal),
    listGroupsOf: (userId, groupType, page, signal) => listGroupsOf(context, userId, groupType, page, signal),
    addMember: (groupType, groupId, userId, signal) => addMember(under(signal), groupType, groupId, userId),
    removeMember: (groupType, groupId, userId, signal) => removeMember(under(signal), groupType, groupId, userId),
    readDeprovisionSnapshot: (userId, signal) => readDeprovisionSnapshot(context, userId, signal),
    deprovisionTakes,
    deprovisionRefusal,
    ownAccount: ownAccountOf(context),
    deprovision: (userId, snapshot, signal, alreadyDone) => deprovision(under(signal), userId, snapshot, alreadyDone),
    undoDeprovision: (userId, snapshot, signal) => undoDeprovision(under(signal), userId, snapshot),
    deprovisionWarnings: (userId, signal) => deprovisionWarnings(context, userId, signal),
    close: () => {
      tokens?.forget()
      http.close()
      signIn?.close()
      budget.close()
    },
  }
}
