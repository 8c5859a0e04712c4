import { afterEach, describe, expect, it } from 'vitest'
import type { Connector } from '../../../electron/connectors/Connector'
import { connectorFactories } from '../../../electron/connectors/registry'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { Environment } from '../../../shared/profiles'
import { expectAppError } from '../../support/expectAppError'
import { createRecordingLogger } from '../../support/recordingLogger'
import { startLocalServer, type LocalServer } from '../http/localServer'

/*
 * A profile saved by an older Lanyard (or edited by hand) may still hold a real tenant on http://.
 * Every connector must refuse to use it before a credential leaves: the Okta token, the Coupa API
 * key, GoTo's password and client secret (the token request) and Cognito's signed SDK calls. The
 * server is a loopback one that records every request it gets, so "received nothing" proves
 * nothing went out; the sandbox control shows the same server does see what a connector sends.
 */

const canary = 'CANARY-plain-http-7d1e'

function profileFor(connectorId: ConnectorId, url: string): { values: Record<string, string>; secrets: Record<string, string> } {
  switch (connectorId) {
    case 'okta':
      return { values: { url }, secrets: { token: canary } }
    case 'coupa':
      return { values: { url }, secrets: { apiKey: canary } }
    case 'gotomeeting':
      return {
        values: { url: `${url}/admin/rest/v1/`, username: 'admin@acme.com', clientId: 'client-1', accountKey: '1234567890' },
        secrets: { password: canary, clientSecret: `${canary}-client` },
      }
    case 'cognito':
      return { values: { url, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEf123' }, secrets: { accessSecret: canary } }
  }
}

const open: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (open.length > 0) await open.pop()?.()
})

async function recordingServer(): Promise<LocalServer> {
  const server = await startLocalServer(() => ({ status: 403, body: { message: 'forbidden' } }))
  open.push(() => server.close())
  return server
}

async function connect(connectorId: ConnectorId, environment: Environment, url: string): Promise<Connector> {
  const { values, secrets } = profileFor(connectorId, url)
  const factory = connectorFactories[connectorId]!
  const connector = await factory({ profileId: 'p', profileName: `${connectorId} old`, environment, values, secrets, logger: createRecordingLogger() })
  open.push(() => connector.close())
  return connector
}

const connectorIds = ['okta', 'coupa', 'gotomeeting', 'cognito'] as const

describe.each(connectorIds)('the %s connector on plain http://', (connectorId) => {
  it('refuses a real profile on http:// before sending anything, and says what to change', async () => {
    const server = await recordingServer()
    const connector = await connect(connectorId, 'real', server.url)

    const error = await expectAppError(connector.testConnection(), 'invalid_input')

    expect(error.message).toContain("This profile's address uses http://; real tenants need https://.")
    expect(error.message).toContain(`Edit the profile "${connectorId} old" and change its address to start with https://.`)
    expect(error.message).not.toContain(canary)
    expect(server.received).toEqual([])
  })

  it('refuses reads too, not only the connection test', async () => {
    const server = await recordingServer()
    const connector = await connect(connectorId, 'real', server.url)
    await expectAppError(connector.list('users', { search: '', pageSize: 10 }), 'invalid_input')
    expect(server.received).toEqual([])
  })

  it('refuses a sandbox profile on http:// to another computer', async () => {
    const connector = await connect(connectorId, 'sandbox', 'http://tenant.lanyard-test.invalid')
    const error = await expectAppError(connector.testConnection(), 'invalid_input')
    expect(error.message).toContain('http:// is only for a sandbox tenant on this computer')
  })

  it('(control) does send a sandbox profile request over http:// to this computer, with its credential', async () => {
    const server = await recordingServer()
    const connector = await connect(connectorId, 'sandbox', server.url)

    await connector.testConnection().catch(() => undefined)

    expect(server.received.length).toBeGreaterThan(0)
    const first = server.received[0]!
    const carried = `${JSON.stringify(first.headers)} ${first.body}`
    if (connectorId === 'gotomeeting') expect(first.url).toBe('/oauth/token')
    if (connectorId === 'cognito') expect(first.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\//)
    else expect(carried).toContain(canary)
  })
})
