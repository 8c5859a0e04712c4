import type { ConnectorId } from '../../../shared/catalogue/types'
import type { CallName, EventName, EventPayload } from '../../../shared/contract'
import type { OffboardProgress, PeopleResults } from '../../../shared/people'
import { startCognitoSandbox, type RunningCognitoSandbox } from '../../../electron/sandbox/cognito/startCognitoSandbox'
import { startCoupaSandbox, type RunningCoupaSandbox } from '../../../electron/sandbox/coupa/startCoupaSandbox'
import { startGoToMeetingSandbox, type RunningGoToMeetingSandbox } from '../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { startOktaSandbox, type RunningOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { sandboxParameters } from '../../../electron/services/sandboxProfiles'
import { invokeContract } from '../../../electron/services/invokeContract'
import { afterTest } from '../../support/connectorHarness'
import { createTestServices } from '../../support/createTestServices'
import type { SecretStore } from '../../../electron/secrets/SecretStore'
import type { ServiceOptions } from '../../../electron/services/createServices'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { createRecordingLogger } from '../../support/recordingLogger'
import { cognitoClient, expectOk } from '../sandbox/cognito/cognitoClient'
import { coupaClient } from '../sandbox/coupa/coupaClient'
import { goToClient, signIn } from '../sandbox/gotomeeting/goToClient'
import { oktaClient } from '../sandbox/okta/oktaClient'

/*
 * The four sandbox tenants, and Lanyard's services over one data folder with a sandbox profile for
 * each: what the People tests run against. `restart()` is new services over the same folder and
 * keychain (the tenants keep running, as a real target would).
 */

export interface Tenants {
  okta: RunningOktaSandbox
  cognito: RunningCognitoSandbox
  coupa: RunningCoupaSandbox
  gotomeeting: RunningGoToMeetingSandbox
}

export const connectorOrder: ConnectorId[] = ['okta', 'cognito', 'coupa', 'gotomeeting']

export async function startTenants(): Promise<Tenants> {
  const [okta, cognito, coupa, gotomeeting] = await Promise.all([
    startOktaSandbox({ users: 40 }),
    startCognitoSandbox({ users: 40 }),
    startCoupaSandbox({ users: 40 }),
    startGoToMeetingSandbox({ users: 40 }),
  ])
  const tenants = { okta, cognito, coupa, gotomeeting }
  afterTest(() => Promise.all(Object.values(tenants).map((tenant) => tenant.close())).then(() => undefined))
  return tenants
}

/** Services over `dataDirectory`; every event main emits is kept in `events`. */
export async function startPeopleServices(dataDirectory: string, secretStore: SecretStore = new MemorySecretStore(), options: Pick<ServiceOptions, 'jobsClock'> = {}) {
  const logger = createRecordingLogger()
  const services = await createTestServices(dataDirectory, { secretStore, logger, ...options })
  afterTest(() => services.close())
  const call = (name: CallName, input: unknown) => invokeContract(services.handlers, name, input, logger)
  const eventsOf = <E extends EventName>(event: E) => services.events.filter((emitted) => emitted.event === event).map((emitted) => emitted.payload as EventPayload<E>)
  return { ...services, secretStore, logger, call, eventsOf, dataDirectory }
}

export type PeopleServices = Awaited<ReturnType<typeof startPeopleServices>>

/** A sandbox profile per tenant, in `connectorOrder`; returns their ids by connector. */
export async function addSandboxProfiles(services: PeopleServices, tenants: Tenants): Promise<Record<ConnectorId, string>> {
  const ids: Partial<Record<ConnectorId, string>> = {}
  for (const connectorId of connectorOrder) {
    const tenant = tenants[connectorId]
    const { values, secrets } = sandboxParameters(connectorId, tenant.url, tenant.credentials)
    const profile = await services.handlers['profiles.create']({ connectorId, name: `${connectorId} sandbox`, environment: 'sandbox', values, secrets })
    ids[connectorId] = profile.id
  }
  return ids as Record<ConnectorId, string>
}

export function resultsOf(services: PeopleServices, searchId: string): PeopleResults[] {
  return services.eventsOf('people.results').filter((results) => results.searchId === searchId)
}

export function progressOf(services: PeopleServices, operationId: string): OffboardProgress[] {
  return services.eventsOf('people.offboardProgress').filter((progress) => progress.operationId === operationId)
}

/** Waits until `ready` holds, checking between turns of the event loop (no timing is asserted). */
export async function until(ready: () => boolean, what: string, turns = 2000): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    if (ready()) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`Never happened: ${what}`)
}

export const person = { givenName: 'Dana', familyName: 'Offboardtest', email: 'dana.offboardtest@example.com' }

/**
 * The same person in all four tenants, set up through each tenant's own handle or API, with
 * something each deprovision takes or keeps: an Okta and a Cognito group, a Coupa role besides
 * User, and a GoTo licence and admin role. Returns each account's user id.
 */
export async function addPersonEverywhere(tenants: Tenants): Promise<Record<ConnectorId, string>> {
  const okta = tenants.okta.tenant.addUser({ firstName: person.givenName, lastName: person.familyName, login: person.email })
  tenants.okta.tenant.addGroup({ name: 'Offboarding Engineers' })
  tenants.okta.tenant.addMember('Offboarding Engineers', okta.id)

  const cognito = tenants.cognito.tenant.addUser({
    username: 'dana.offboardtest',
    email: person.email,
    attributes: { given_name: person.givenName, family_name: person.familyName },
    status: 'CONFIRMED',
  })
  tenants.cognito.tenant.addGroup({ name: 'offboarding-engineers' })
  tenants.cognito.tenant.addMember('offboarding-engineers', cognito.username)

  const coupa = tenants.coupa.tenant.addUser({ login: 'dana.offboardtest', email: person.email, firstname: person.givenName, lastname: person.familyName, roles: [{ name: 'User' }, { name: 'Buyer' }] })

  const goTo = tenants.gotomeeting
  const call = goToClient(goTo, (await signIn(goTo)).access_token)
  const users = `accounts/${goTo.credentials.accountKey}/users`
  const licence = goTo.tenant.licenses()[0]!
  const created = await call('POST', users, { users: [{ email: person.email, firstName: person.givenName, lastName: person.familyName }], licenseKeys: [licence.key] })
  const goToKey = String((created.body as { key: string }[])[0]!.key)
  await call('PUT', `${users}/${goToKey}`, { adminRoles: ['MANAGE_ACCOUNT'] })
  goTo.tenant.signIn(goToKey)

  return { okta: okta.id, cognito: cognito.username, coupa: String(coupa.id), gotomeeting: goToKey }
}

/** One account's status and memberships, read through the target's own API (not through Lanyard). */
export async function stateAtTarget(tenants: Tenants, connectorId: ConnectorId, userId: string): Promise<Record<string, unknown>> {
  if (connectorId === 'okta') {
    const call = oktaClient(tenants.okta)
    const user = (await call('GET', `/api/v1/users/${userId}`)).body as { status: string }
    const groups = (await call('GET', `/api/v1/users/${userId}/groups`)).body as { profile: { name: string } }[]
    return { status: user.status, groups: groups.map((group) => group.profile.name).sort() }
  }
  if (connectorId === 'cognito') {
    const call = expectOk(cognitoClient(tenants.cognito))
    const pool = tenants.cognito.tenant.userPoolId
    const user = await call('AdminGetUser', { UserPoolId: pool, Username: userId })
    const groups = (await call('AdminListGroupsForUser', { UserPoolId: pool, Username: userId })).Groups as { GroupName: string }[]
    return { enabled: user.Enabled, status: user.UserStatus, groups: groups.map((group) => group.GroupName).sort() }
  }
  if (connectorId === 'coupa') {
    const user = (await coupaClient(tenants.coupa)('GET', `/api/users/${userId}`)).body as Record<string, unknown>
    const namesIn = (key: string) => ((user[key] as { name: string }[] | null) ?? []).map((item) => item.name).sort()
    return { active: user.active, roles: namesIn('roles'), contentGroups: namesIn('content-groups'), userGroups: namesIn('user-groups') }
  }
  const goTo = tenants.gotomeeting
  const call = goToClient(goTo, (await signIn(goTo)).access_token)
  const user = (await call('GET', `accounts/${goTo.credentials.accountKey}/users/${userId}`)).body as Record<string, unknown>
  return { status: user.status, licenseKeys: user.licenseKeys, adminRoles: user.adminRoles, groupKey: user.groupKey ?? null }
}
