import { afterEach, describe, expect, it } from 'vitest'
import { createCognitoApi } from '../../../../electron/connectors/cognito/cognitoApi'
import { createCognitoBudget } from '../../../../electron/connectors/cognito/cognitoBudget'
import { readCognitoSettings } from '../../../../electron/connectors/cognito/cognitoSettings'
import { cognitoEndpoint } from '../../../../electron/connectors/cognito/cognitoWire'
import { createCognitoTransport, type CognitoTuning } from '../../../../electron/connectors/cognito/cognitoTransport'
import type { Environment } from '../../../../shared/profiles'
import { createRecordingLogger } from '../../../support/recordingLogger'
import { expectAppError } from '../../../support/expectAppError'
import { startCognitoSandbox } from '../../../../electron/sandbox/cognito/startCognitoSandbox'
import { afterTest } from '../../../support/connectorHarness'
import { startCountingProxy } from '../../../support/countingProxy'
import { startLocalServer, type LocalServer, type Reply } from '../../http/localServer'
import { sandboxValues } from './cognitoSandboxHarness'

/*
 * Cognito's calls as they go on the wire and come back, without the AWS SDK (cognitoWire.ts),
 * against a loopback server of the test's own: the request's shape and signature header, the
 * answer's timestamps, and the AWS JSON protocol's two ways of naming an error.
 */

const secret = 'wJalrXUtnFEMI-K7MDENG-example-secret'
let server: LocalServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

async function apiAnswering(reply: (count: number) => Reply, environment: Environment = 'sandbox') {
  server = await startLocalServer((_request, count) => reply(count))
  const logger = createRecordingLogger()
  const settings = readCognitoSettings({
    profileId: 'profile-1',
    profileName: 'Wire Cognito',
    environment,
    values: { accessKeyId: 'AKIAWIRETEST00000001', region: 'eu-west-1', userPoolId: 'eu-west-1_Wire1', url: server.url },
    secrets: { accessSecret: secret },
    logger,
  })
  const transport = createCognitoTransport(settings, logger, 'Wire Cognito', { maxRetries: 1, backoff: { initialMs: 1, maxMs: 1 }, timeoutMs: 5_000 })
  return { api: createCognitoApi(transport, settings.userPoolId), close: () => transport.close() }
}

const page = { Users: [{ Username: 'ada', Attributes: [{ Name: 'email', Value: 'ada@example.com' }], UserCreateDate: 1.7e9, UserLastModifiedDate: 1700000123.456, Enabled: true, UserStatus: 'CONFIRMED' }] }

describe("Cognito's calls on the wire", () => {
  it('posts the input as AWS JSON 1.1 with the operation in X-Amz-Target, signed for the pool’s Region, the secret nowhere', async () => {
    const { api, close } = await apiAnswering(() => ({ status: 200, body: page, headers: { 'Content-Type': 'application/x-amz-json-1.1' } }))
    await api.listUsers({ Limit: 60 })
    close()
    const [request] = server!.received
    expect(request).toMatchObject({ method: 'POST', url: '/' })
    expect(JSON.parse(request!.body)).toEqual({ UserPoolId: 'eu-west-1_Wire1', Limit: 60 })
    expect(request!.headers).toMatchObject({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUsers' })
    expect(request!.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/)
    expect(request!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAWIRETEST00000001\/\d{8}\/eu-west-1\/cognito-idp\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    )
    expect(JSON.stringify(request)).not.toContain(secret)
  })

  it('reads timestamps (epoch seconds on the wire) as dates, as the SDK did', async () => {
    const { api, close } = await apiAnswering(() => ({ status: 200, body: page }))
    const answer = await api.listUsers({})
    close()
    expect(answer.Users?.[0]?.UserCreateDate).toEqual(new Date(1.7e9 * 1000))
    expect(answer.Users?.[0]?.UserLastModifiedDate?.toISOString()).toBe('2023-11-14T22:15:23.456Z')
  })

  it('names the exception from the body’s __type, namespace and all, with its message and request id', async () => {
    const { api, close } = await apiAnswering(() => ({
      status: 400,
      body: { __type: 'com.amazonaws.cognito.identity.idp.model#UserNotFoundException', message: 'User does not exist.' },
      headers: { 'x-amzn-RequestId': 'req-wire-1' },
    }))
    const error = await expectAppError(api.getUser('nobody'), 'not_found')
    close()
    expect(error.extra.details).toMatchObject({ targetCode: 'UserNotFoundException', targetMessage: 'User does not exist.', requestId: 'req-wire-1', status: '400', operation: 'AdminGetUser' })
  })

  it('names the exception from X-Amzn-ErrorType when the header carries it, and reads a capitalised Message', async () => {
    const { api, close } = await apiAnswering(() => ({
      status: 400,
      body: { Message: 'Group not found.' },
      headers: { 'X-Amzn-ErrorType': 'ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cognito/' },
    }))
    const error = await expectAppError(api.getGroup('missing'), 'not_found')
    close()
    expect(error.extra.details).toMatchObject({ targetCode: 'ResourceNotFoundException', targetMessage: 'Group not found.' })
  })

  it('sends a read again after a gateway’s HTML 502, and answers the page', async () => {
    const { api, close } = await apiAnswering((count) =>
      count === 1 ? { status: 502, raw: Buffer.from('<html>Bad Gateway</html>'), headers: { 'Content-Type': 'text/html' } } : { status: 200, body: page },
    )
    const answer = await api.listUsers({})
    close()
    expect(answer.Users?.map((user) => user.Username)).toEqual(['ada'])
    expect(server!.received).toHaveLength(2)
  })

  it.each([
    ['not JSON', { status: 200, raw: Buffer.from('<html>captive portal</html>'), headers: { 'Content-Type': 'text/html' } }],
    ['Users that is not a list', { status: 200, body: { Users: { Username: 'ada' } } }],
    ['a date that is not a number', { status: 200, body: { Users: [{ Username: 'ada', UserCreateDate: 'yesterday' }] } }],
  ] as const)('says Cognito had a problem answering when a 200 answer is %s, after sending a read again', async (_name, reply) => {
    const { api, close } = await apiAnswering(() => reply)
    const error = await expectAppError(api.listUsers({}), 'network')
    close()
    expect(error.message).toMatch(/^Cognito had a problem answering \(UnreadableAnswer\)/)
    expect(server!.received).toHaveLength(2)
  })

  it('never sends a create again after an unreadable answer: it may have been carried out', async () => {
    const { api, close } = await apiAnswering(() => ({ status: 200, raw: Buffer.from('not json'), headers: {} }))
    const error = await expectAppError(api.createUser({ Username: 'grace' }), 'network')
    close()
    expect(error.message).toMatch(/may have/i)
    expect(server!.received).toHaveLength(1)
  })

  it('sends to the pool’s regional endpoint (China’s regions under amazonaws.com.cn), or to the Target URL when the profile sets one', () => {
    expect(cognitoEndpoint({ region: 'eu-west-1', endpoint: undefined }).href).toBe('https://cognito-idp.eu-west-1.amazonaws.com/')
    expect(cognitoEndpoint({ region: 'cn-north-1', endpoint: undefined }).href).toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/')
    expect(cognitoEndpoint({ region: 'eu-west-1', endpoint: 'https://vpce-1.cognito-idp.eu-west-1.vpce.amazonaws.com' }).host).toBe('vpce-1.cognito-idp.eu-west-1.vpce.amazonaws.com')
  })

  it('refuses a real profile’s plain http:// address before signing or sending anything', async () => {
    const { api, close } = await apiAnswering(() => ({ status: 200, body: page }), 'real')
    const error = await expectAppError(api.listUsers({}), 'invalid_input')
    close()
    expect(error.message).toMatch(/http/)
    expect(server!.received).toEqual([])
  })

  /** A sandbox pool behind a counting proxy, and the API of a profile for it with `secret` and `tuning`; all closed after the test. */
  async function poolBehindProxy(secret: string | null, tuning: CognitoTuning) {
    const sandbox = await startCognitoSandbox({ users: 3 })
    afterTest(() => sandbox.close())
    const proxy = await startCountingProxy(sandbox.url, { keepHost: true })
    afterTest(() => proxy.close())
    const logger = createRecordingLogger()
    const settings = readCognitoSettings({
      profileId: 'profile-1',
      profileName: 'Proxied Cognito',
      environment: 'sandbox',
      values: { ...sandboxValues(sandbox), url: proxy.url },
      secrets: { accessSecret: secret ?? sandbox.credentials.accessSecret! },
      logger,
    })
    const transport = createCognitoTransport(settings, logger, 'Proxied Cognito', { maxRetries: 0, ...tuning })
    afterTest(() => transport.close())
    return { api: createCognitoApi(transport, settings.userPoolId), proxy, userPoolId: settings.userPoolId, logger }
  }

  it.each([
    ['10 minutes behind', -10 * 60_000],
    ['an hour ahead', 60 * 60_000],
  ])('signs with AWS’s time when this computer’s clock is %s: the refused call once more, as a second attempt counted and logged, then every call right first time', async (_name, skewMs) => {
    let countedSent = 0
    const budget = createCognitoBudget()
    const acquire = budget.acquire.bind(budget)
    budget.acquire = async (family, signal) => {
      const ticket = await acquire(family, signal)
      return { ...ticket, sending: () => (countedSent++, ticket.sending()) }
    }
    const { api, proxy, userPoolId, logger } = await poolBehindProxy(null, { clock: () => Date.now() + skewMs, budget })
    expect((await api.listUsers({})).Users).toHaveLength(3)
    expect((await api.describeUserPool()).UserPool?.Id).toBe(userPoolId)
    // The first ListUsers refused for its time and sent again; DescribeUserPool signed right at once.
    expect(proxy.seen).toEqual(['POST / ListUsers', 'POST / ListUsers', 'POST / DescribeUserPool'])
    // Each request on the wire spent the profile's quota and has its line in the log.
    expect(countedSent).toBe(3)
    expect(logger.lines.map((line) => line.message.replace(/\(\d+ ms/, '(…'))).toEqual([
      'Cognito ListUsers → InvalidSignatureException (…, attempt 1)',
      'Cognito ListUsers → ok (…, attempt 2)',
      'Cognito DescribeUserPool → ok (…, attempt 1)',
    ])
  })

  it('sends a call refused for a bad signature only once when the clocks agree: the secret is wrong, not the time', async () => {
    const { api, proxy } = await poolBehindProxy('not-the-secret', {})
    await expectAppError(api.listUsers({}), 'auth_failed')
    expect(proxy.seen).toEqual(['POST / ListUsers'])
  })
})
