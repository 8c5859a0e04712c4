import { afterEach, describe, expect, it } from 'vitest'
import { capabilityMethods, connectorMethods, hasCapability, implementedCapabilities, requireCapability } from '../../../electron/connectors/capabilities'
import type { Connector, ConnectorSettings } from '../../../electron/connectors/Connector'
import { connectorFactories } from '../../../electron/connectors/registry'
import { withReadAhead } from '../../../electron/connectors/withReadAhead'
import { capabilitiesOf, connectorIds, getDescriptor, type ConnectorId } from '../../../shared/catalogue'
import { expectAppError } from '../../support/expectAppError'
import { FakeDirectory } from '../../support/fakeConnector'
import { createRecordingLogger } from '../../support/recordingLogger'

/*
 * Each adapter implements exactly the capability interfaces its descriptor declares: a capability
 * the descriptor declares but the adapter lacks would fail at the first click, and one the adapter
 * has but the descriptor does not declare (GoTo's addMember that only threw) is dead code that
 * pretends. Building an adapter sends nothing, so no tenant is needed.
 */

const address = 'http://127.0.0.1:9'

function settingsFor(connectorId: ConnectorId): ConnectorSettings {
  const common = { profileId: 'p', profileName: `${connectorId} test`, environment: 'sandbox' as const, logger: createRecordingLogger() }
  switch (connectorId) {
    case 'okta':
      return { ...common, values: { url: address }, secrets: { token: 'token' } }
    case 'coupa':
      return { ...common, values: { url: address }, secrets: { apiKey: 'key' } }
    case 'gotomeeting':
      return {
        ...common,
        values: { url: `${address}/admin/rest/v1/`, username: 'admin@acme.com', clientId: 'client-1', accountKey: '1234567890' },
        secrets: { password: 'password', clientSecret: 'secret' },
      }
    case 'cognito':
      return { ...common, values: { url: address, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEf123' }, secrets: { accessSecret: 'secret' } }
  }
}

const open: Connector[] = []
afterEach(() => {
  while (open.length > 0) open.pop()?.close()
})

async function build(connectorId: ConnectorId): Promise<Connector> {
  const connector = await connectorFactories[connectorId]!(settingsFor(connectorId))
  open.push(connector)
  return connector
}

/** Every capability method the connector has, whether or not its capability is complete. */
function capabilityMethodsPresent(connector: Connector): string[] {
  const record = connector as unknown as Record<string, unknown>
  return Object.values(capabilityMethods)
    .flat()
    .filter((method) => typeof record[method] === 'function')
    .sort()
}

function declaredMethods(connectorId: ConnectorId): string[] {
  return capabilitiesOf(getDescriptor(connectorId))
    .adapter.flatMap((capability) => [...capabilityMethods[capability]])
    .sort()
}

describe.each(connectorIds)('the %s adapter', (connectorId) => {
  it('implements exactly the capabilities its descriptor declares, no more, no less', async () => {
    const connector = await build(connectorId)
    expect(implementedCapabilities(connector).sort()).toEqual([...capabilitiesOf(getDescriptor(connectorId)).adapter].sort())
    // No stray method of a capability it does not have (half a capability counts as more).
    expect(capabilityMethodsPresent(connector)).toEqual(declaredMethods(connectorId))
    // Nor any method outside the interfaces, which a wrapper such as withReadAhead would not pass on.
    const methods = Object.entries(connector).filter(([, value]) => typeof value === 'function').map(([name]) => name)
    expect(methods.filter((name) => !connectorMethods.includes(name))).toEqual([])
  })

  it('keeps exactly those capabilities behind the read-ahead wrapper', async () => {
    const connector = withReadAhead(await build(connectorId))
    expect(capabilityMethodsPresent(connector)).toEqual(declaredMethods(connectorId))
  })
})

describe.each(connectorIds)('the fake %s connector of the service tests', (connectorId) => {
  it('has its descriptor’s capabilities, as the real adapter does', () => {
    const connector = new FakeDirectory().factory(connectorId)(settingsFor(connectorId))
    expect(capabilityMethodsPresent(connector)).toEqual(declaredMethods(connectorId))
  })
})

describe('the capability guards', () => {
  it('narrow to the capability when every method of it is there', async () => {
    const connector = await build('okta')
    expect(hasCapability(connector, 'managesMemberships')).toBe(true)
    expect(requireCapability(connector, 'deletesObjects')).toBe(connector)
  })

  it('refuse a capability the adapter lacks as unsupported, naming the target', async () => {
    const connector = await build('gotomeeting')
    expect(hasCapability(connector, 'managesMemberships')).toBe(false)
    const error = await expectAppError(Promise.resolve().then(() => requireCapability(connector, 'managesMemberships')), 'unsupported')
    expect(error.message).toBe('GoToMeeting cannot change memberships from Lanyard.')
  })
})
