import { describe, expect, it } from 'vitest'
import { createCognitoConnector } from '../../../../electron/connectors/cognito/createCognitoConnector'
import { startCognitoSandbox } from '../../../../electron/sandbox/cognito/startCognitoSandbox'
import { createOktaConnector } from '../../../../electron/connectors/okta/createOktaConnector'
import type { NetworkOptions } from '../../../../electron/http/network/networkAgents'
import { startOktaSandbox, type RunningOktaSandbox } from '../../../../electron/sandbox/okta/startOktaSandbox'
import { closeAfterEach } from '../../../support/closeAfterEach'
import { createTestAuthority, startConnectProxy, startTlsFront, testNamesOnThisComputer, type TestAuthority } from '../../../support/corporateNetwork'
import { expectAppError } from '../../../support/expectAppError'
import { createRecordingLogger } from '../../../support/recordingLogger'

/**
 * An Okta sandbox tenant behind a corporate network: reachable only as https://okta.corp.test
 * through a CONNECT proxy (the name resolves nowhere else), with a certificate signed by the
 * organisation's own CA, as a TLS-inspecting gateway presents it.
 */
const host = 'okta.corp.test'
const authority: TestAuthority = createTestAuthority([host, 'direct.corp.test', 'cognito.corp.test'])

describe('Corporate networks: proxy and TLS inspection', () => {
  const running = closeAfterEach()

  async function corporateTenant() {
    const sandbox: RunningOktaSandbox = await startOktaSandbox({ users: 5 })
    running.push(sandbox)
    const front = await startTlsFront(authority, sandbox.url)
    running.push(front)
    const proxy = await startConnectProxy()
    running.push(proxy)
    const connect = (network: NetworkOptions, values: Record<string, string> = {}, name = host) => {
      const connector = createOktaConnector(
        {
          profileId: 'corp',
          profileName: 'Corporate Okta',
          environment: 'real',
          values: { url: `https://${name}:${front.port}`, ...values },
          secrets: sandbox.credentials,
          logger: createRecordingLogger(),
        },
        { maxRetries: 0, network },
      )
      running.push({ close: async () => connector.close() })
      return connector
    }
    return { sandbox, front, proxy, connect, token: sandbox.credentials.token! }
  }

  it('goes through the proxy HTTPS_PROXY names, in a CONNECT tunnel: the proxy never sees the token', async () => {
    const { proxy, connect, token, front } = await corporateTenant()
    const connector = connect({ resolveProxy: null, environment: { HTTPS_PROXY: proxy.url } }, { caCertificate: authority.caPem })
    const report = await connector.testConnection()
    expect(report.summary).toMatch(/^Connected to /)
    expect(proxy.tunnels).toEqual([`${host}:${front.port}`])
    expect(proxy.clearText()).toContain(`CONNECT ${host}:${front.port}`)
    expect(proxy.clearText()).not.toContain(token)
    expect(proxy.clearText()).not.toMatch(/authorization/i)
  })

  it("refuses the inspecting gateway's certificate without the organisation's CA, saying what to do", async () => {
    const { proxy, connect, front } = await corporateTenant()
    const connector = connect({ resolveProxy: null, environment: { HTTPS_PROXY: proxy.url } })
    const error = await expectAppError(connector.testConnection(), 'network')
    expect(error.message).toContain(`The certificate of ${host} is signed by an authority this computer does not trust`)
    expect(error.message).toContain("Add your organisation's CA certificate in the profile")
    expect(error.message).not.toMatch(/SELF_SIGNED|UNABLE_TO|_CERT/)
    expect(front.requests).toEqual([])
  })

  it('an untrusted certificate or a proxy refusal is not retried: trying again cannot help', async () => {
    const { proxy, sandbox, front } = await corporateTenant()
    const connector = createOktaConnector(
      { profileId: 'corp', profileName: 'Corporate Okta', environment: 'real', values: { url: `https://${host}:${front.port}` }, secrets: sandbox.credentials, logger: createRecordingLogger() },
      { backoff: { initialMs: 1, maxMs: 2 }, network: { resolveProxy: null, environment: { HTTPS_PROXY: proxy.url } } },
    )
    running.push({ close: async () => connector.close() })
    await expectAppError(connector.testConnection(), 'network')
    expect(proxy.tunnels).toHaveLength(1)
  })

  it("the system's proxy setting comes first: a PAC answer is followed over the environment", async () => {
    const { proxy, connect, front } = await corporateTenant()
    const asked: string[] = []
    const resolveProxy = async (url: string) => {
      asked.push(url)
      return `SOCKS5 socks.corp.test:1080; PROXY ${new URL(proxy.url).host}; DIRECT`
    }
    const connector = connect({ resolveProxy, environment: { HTTPS_PROXY: 'http://127.0.0.1:9' } }, { caCertificate: authority.caPem })
    await connector.testConnection()
    expect(asked[0]).toBe(`https://${host}:${front.port}/`)
    expect(proxy.tunnels).toEqual([`${host}:${front.port}`])
  })

  it('NO_PROXY is honoured: a listed host is reached directly, the proxy sees nothing', async () => {
    const { proxy, connect, front } = await corporateTenant()
    const environment = { HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost, .corp.test' }
    const connector = connect({ resolveProxy: null, environment, lookup: testNamesOnThisComputer }, { caCertificate: authority.caPem }, 'direct.corp.test')
    await connector.testConnection()
    expect(proxy.clearText()).toBe('')
    expect(front.requests.length).toBeGreaterThan(0)
  })

  it('a proxy that asks for a sign-in gets the credentials of its URL, and a missing one is named', async () => {
    const { connect } = await corporateTenant()
    const guarded = await startConnectProxy('help:desk')
    running.push(guarded)
    const refused = connect({ resolveProxy: null, environment: { HTTPS_PROXY: guarded.url } }, { caCertificate: authority.caPem })
    const error = await expectAppError(refused.testConnection(), 'network')
    expect(error.message).toContain('The proxy asks for a sign-in')
    const proxyWithCredentials = guarded.url.replace('http://', 'http://help:desk@')
    const accepted = connect({ resolveProxy: null, environment: { HTTPS_PROXY: proxyWithCredentials } }, { caCertificate: authority.caPem })
    await accepted.testConnection()
    expect(guarded.tunnels.length).toBe(1)
  })

  it("Cognito's signed calls go through the same proxy and trust the same profile CA", async () => {
    const sandbox = await startCognitoSandbox({ users: 3 })
    running.push(sandbox)
    const front = await startTlsFront(authority, sandbox.url)
    running.push(front)
    const proxy = await startConnectProxy()
    running.push(proxy)
    const { accessKeyId, accessSecret, region, userPoolId } = sandbox.credentials as Record<string, string>
    const connect = (values: Record<string, string>) => {
      const connector = createCognitoConnector(
        {
          profileId: 'corp-cognito',
          profileName: 'Corporate Cognito',
          environment: 'real',
          values: { accessKeyId: accessKeyId!, region: region!, userPoolId: userPoolId!, url: `https://cognito.corp.test:${front.port}`, ...values },
          secrets: { accessSecret: accessSecret! },
          logger: createRecordingLogger(),
        },
        { backoff: { initialMs: 1, maxMs: 2 }, network: { resolveProxy: null, environment: { HTTPS_PROXY: proxy.url } } },
      )
      running.push({ close: async () => connector.close() })
      return connector
    }
    const refused = await expectAppError(connect({}).testConnection(), 'network')
    expect(refused.message).toContain('The certificate of cognito.corp.test is signed by an authority this computer does not trust')
    expect(front.requests).toEqual([])
    expect(proxy.tunnels).toHaveLength(1)
    await connect({ caCertificate: authority.caPem }).testConnection()
    expect(front.requests.length).toBeGreaterThan(0)
    expect(proxy.tunnels.every((tunnel) => tunnel === `cognito.corp.test:${front.port}`)).toBe(true)
    expect(proxy.clearText()).not.toContain(accessSecret)
    expect(proxy.clearText()).not.toMatch(/authorization|x-amz/i)
  })
})
