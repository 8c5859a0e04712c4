import type { ConnectorId } from '../../../shared/catalogue/types'
import { sandboxParameters } from '../../../electron/services/sandboxProfiles'
import { afterTest } from '../../support/connectorHarness'
import { startCountingProxy, type CountingProxy, type ProxyAnswer } from '../../support/countingProxy'
import { addPersonEverywhere, startPeopleServices, startTenants, stateAtTarget } from './peopleHarness'

/*
 * One account of a person on a target whose deprovision runs as several steps (Cognito, GoTo), reached through a
 * counting proxy: what the tests of a deprovision that stops part-way, and of its finish, count on the wire.
 */

/** A target refusing a request as a server in trouble does, in each target's own words. */
export const serverError: Record<'cognito' | 'gotomeeting', ProxyAnswer> = {
  cognito: {
    status: 500,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'InternalErrorException' },
    body: JSON.stringify({ __type: 'InternalErrorException', message: 'Scripted: the step failed.' }),
  },
  gotomeeting: { status: 500, body: JSON.stringify({ errorCode: 'INTERNAL_ERROR', message: 'Scripted: the step failed.' }) },
}

/** The tenants, services over a new data folder (`dataDirectory`), and a sandbox profile of `connectorId` through the proxy. */
export async function throughProxy(connectorId: 'cognito' | 'gotomeeting', dataDirectory: string) {
  const tenants = await startTenants()
  const services = await startPeopleServices(dataDirectory)
  const tenant = tenants[connectorId]
  const server = new URL(tenant.url)
  const proxy = await startCountingProxy(server.origin, { keepHost: true })
  afterTest(() => proxy.close())
  const { values, secrets } = sandboxParameters(connectorId, `${proxy.url}${server.pathname}`, tenant.credentials)
  const profile = await services.handlers['profiles.create']({ connectorId, name: `${connectorId} sandbox`, environment: 'sandbox', values, secrets })
  const users = await addPersonEverywhere(tenants)
  const account = { profileId: profile.id, connectorId: connectorId as ConnectorId, userId: users[connectorId] }
  return { tenants, services, dataDirectory, proxy, account, before: await stateAtTarget(tenants, connectorId, account.userId) }
}

/** How many requests matching `pattern` reached the target. */
export const sent = (proxy: CountingProxy, pattern: RegExp) => proxy.seen.filter((line) => pattern.test(line)).length
