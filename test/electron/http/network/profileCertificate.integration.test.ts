import { describe, expect, it } from 'vitest'
import { closeAfterEach } from '../../../support/closeAfterEach'
import { createTestAuthority, startTlsFront, testNamesOnThisComputer } from '../../../support/corporateNetwork'
import { expectAppError } from '../../../support/expectAppError'
import { coupaHarness } from '../../connectors/coupa/coupaSandboxHarness'
import { goToHarness } from '../../connectors/gotomeeting/goToSandboxHarness'

/**
 * The profile's CA certificate is a parameter of every connector (Okta and Cognito are in
 * corporateNetwork.integration.test.ts): Coupa and GoTo behind an HTTPS front whose certificate the
 * organisation's CA signed, refused without the CA in the profile and accepted with it.
 */
const authority = createTestAuthority(['coupa.corp.test', 'goto.corp.test'])
const network = { resolveProxy: null, environment: {}, lookup: testNamesOnThisComputer }

describe("A profile's CA certificate, for every connector", () => {
  const running = closeAfterEach()

  it('Coupa', async () => {
    const { sandbox, connect } = await coupaHarness({ users: 3 })
    const front = await startTlsFront(authority, sandbox.url)
    running.push(front)
    const url = `https://coupa.corp.test:${front.port}`
    const refused = await expectAppError(connect({ url }, undefined, { maxRetries: 0, network }).testConnection(), 'network')
    expect(refused.message).toContain('The certificate of coupa.corp.test is signed by an authority this computer does not trust')
    expect(front.requests).toEqual([])
    await connect({ url, caCertificate: authority.caPem }, undefined, { network }).testConnection()
    expect(front.requests.length).toBeGreaterThan(0)
  })

  it('GoTo, its sign-in included', async () => {
    const { sandbox, connect } = await goToHarness({ users: 3 })
    const front = await startTlsFront(authority, new URL(sandbox.url).origin)
    running.push(front)
    const url = `https://goto.corp.test:${front.port}${new URL(sandbox.url).pathname}`
    const refused = await expectAppError(connect({ url }, undefined, { maxRetries: 0, network }).testConnection(), 'network')
    expect(refused.message).toContain('The certificate of goto.corp.test is signed by an authority this computer does not trust')
    await connect({ url, caCertificate: authority.caPem }, undefined, { network }).testConnection()
    expect(front.requests.some((request) => request.startsWith('POST') && request.includes('token'))).toBe(true)
  })
})
