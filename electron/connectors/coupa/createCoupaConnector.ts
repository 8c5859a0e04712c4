import { coupa } from '../../../shared/catalogue/coupa'
import { parseCustomProperties } from '../../../shared/catalogue/customProperties'
import type { ObjectTypeDescriptor } from '../../../shared/catalogue/types'
import { createHttpClient } from '../../http/createHttpClient'
import type { HttpClientOptions } from '../../http/types'
import { AppError } from '../../errors/AppError'
import type { Connector, ConnectorSettings, CreatesObjects, Deprovisions, ManagesMemberships, ReadsMemberships, UpdatesObjects } from '../Connector'
import { createCoupaBudget } from './coupaBudget'
import { testConnection } from './coupaConnection'
import { deprovisionWarnings } from './coupaApprovals'
import { deprovision, deprovisionRefusal, deprovisionTakes, readDeprovisionSnapshot, undoDeprovision } from './coupaDeprovision'
import { describeCoupaError } from './coupaErrors'
import { getGroupLike, listGroupLikes } from './coupaGroups'
import { addMember, listGroupsOf, listMembers, removeMember } from './coupaMemberships'
import type { CoupaContext } from './coupaTypes'
import { createUser, getUser, listUsers, refuseUnsendableUser } from './coupaUsers'
import { updateUser } from './coupaUserUpdate'
import { sendingUnder } from '../writeSignal'

/** Coupa creates and updates users, changes memberships from the user and deprovisions; it never deletes (soft delete only). */
export type CoupaConnector = Connector & CreatesObjects & UpdatesObjects & ReadsMemberships & ManagesMemberships & Deprovisions

/** Test seams: faster timeouts and retries than a real profile uses. */
export type CoupaHttpTuning = Pick<HttpClientOptions, 'timeoutMs' | 'maxRetries' | 'backoff' | 'rateLimit' | 'budget'>

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
 * The Coupa adapter: the API key in `X-COUPA-API-KEY` with `Accept: application/json`, offset
 * paging 50 rows a page (several in flight for a long list), user-centric memberships and
 * deprovision by `active=false`; no delete (soft delete only, A.1: deprovision takes someone out). Every refusal it can make from what it holds comes before the
 * first request, so a refusal never leaves a half-done change.
 */
export function createCoupaConnector(settings: ConnectorSettings, tuning: CoupaHttpTuning = {}): CoupaConnector {
  const apiKey = required(settings, settings.secrets.apiKey, 'API key')
  const url = instanceUrl(settings)
  const pagesAtOnce = pagesAtOnceOf(settings)
  const budget = createCoupaBudget(settings.onBudgetChanged)
  const http = createHttpClient({
    targetName: 'Coupa',
    baseUrl: url.toString(),
    environment: settings.environment,
    authenticate: () => ({ 'X-COUPA-API-KEY': apiKey }),
    secrets: [apiKey],
    logger: settings.logger,
    profileName: settings.profileName,
    describeError: describeCoupaError,
    // As many requests in flight as the list may read pages at once: one profile, one budget.
    concurrency: pagesAtOnce,
    budget,
    ...tuning,
  })
  const context: CoupaContext = {
    http,
    users: objectType('users'),
    objectTypes: new Map(coupa.objectTypes.map((type) => [type.id, type])),
    customProperties: customPropertiesOf(settings),
    pagesAtOnce,
    host: url.host,
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
    listMembers: (groupType, groupId, page, signal) => listMembers(context, groupType, groupId, page, signal),
    listGroupsOf: (userId, groupType, page, signal) => listGroupsOf(context, userId, groupType, page, signal),
    addMember: (groupType, groupId, userId, signal) => addMember(under(signal), groupType, groupId, userId),
    removeMember: (groupType, groupId, userId, signal) => removeMember(under(signal), groupType, groupId, userId),
    readDeprovisionSnapshot: (userId, signal) => readDeprovisionSnapshot(context, userId, signal),
    deprovisionTakes,
    deprovisionRefusal,
    deprovision: (userId, snapshot, signal) => deprovision(under(signal), userId, snapshot),
    undoDeprovision: (userId, snapshot, signal) => undoDeprovision(under(signal), userId, snapshot),
    deprovisionWarnings: (userId, signal) => deprovisionWarnings(context, userId, signal),
    close: () => {
      http.close()
      budget.close()
    },
  }
}
