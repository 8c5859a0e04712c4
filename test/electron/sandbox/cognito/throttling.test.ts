import { describe, expect, it } from 'vitest'
import { CategoryThrottle } from '../../../../electron/sandbox/cognito/cognitoThrottling'
import { cognitoClient, useCognitoSandbox } from './cognitoClient'

describe('Cognito sandbox: throttling and faults', () => {
  const startSandbox = useCognitoSandbox()

  it('does not throttle until a category is turned on, then answers TooManyRequestsException beyond its rate', async () => {
    const sandbox = await startSandbox({ users: 5 })
    const call = cognitoClient(sandbox)
    const pool = { UserPoolId: sandbox.credentials.userPoolId }
    const user = sandbox.tenant.users()[0]?.username
    for (let index = 0; index < 10; index++) expect((await call('ListUsers', pool)).status).toBe(200)
    sandbox.tenant.throttle('UserList', 2)
    const statuses = []
    for (let index = 0; index < 4; index++) statuses.push((await call('ListUsers', pool)).status)
    expect(statuses).toEqual([200, 200, 400, 400])
    const throttled = await call('ListUsersInGroup', { ...pool, GroupName: 'engineering' })
    expect(throttled.body).toEqual({ __type: 'TooManyRequestsException', message: 'Too many requests' })
    expect(throttled.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException')
    // Other categories keep their own budget.
    expect((await call('AdminGetUser', { ...pool, Username: user })).status).toBe(200)
    sandbox.tenant.throttle('UserList', undefined)
    expect((await call('ListUsers', pool)).status).toBe(200)
  })

  it('throttles every category from the start with rateLimits: N, and at AWS\'s rates with documented', async () => {
    const limited = await startSandbox({ users: 1, rateLimits: 1 })
    const call = cognitoClient(limited)
    const pool = { UserPoolId: limited.credentials.userPoolId }
    const statuses = await Promise.all([call('DescribeUserPool', pool), call('DescribeUserPool', pool)]).then((answers) => answers.map((answer) => answer.status))
    expect(statuses.sort()).toEqual([200, 400])
    const documented = await startSandbox({ users: 1, rateLimits: 'documented' })
    const describePool = () => cognitoClient(documented)('DescribeUserPool', { UserPoolId: documented.credentials.userPoolId })
    // UserPoolRead: 15 a second.
    const answers = await Promise.all(Array.from({ length: 16 }, describePool))
    expect(answers.filter((answer) => answer.status === 400).map((answer) => answer.body.__type)).toEqual(['TooManyRequestsException'])
  })

  it('counts requests per one-second window', () => {
    let now = 10_000
    const throttle = new CategoryThrottle(() => now)
    throttle.set('UserCreation', 2)
    expect([throttle.take('UserCreation'), throttle.take('UserCreation'), throttle.take('UserCreation')]).toEqual([true, true, false])
    expect(throttle.take('UserRead')).toBe(true)
    now += 1001
    expect(throttle.take('UserCreation')).toBe(true)
    expect(() => throttle.set('UserAccountRead' as never, 1)).toThrow(/Unknown Cognito quota category/)
  })

  it('answers a rate_limit fault with the same TooManyRequestsException, and server faults with 5xx', async () => {
    const sandbox = await startSandbox({ users: 5 })
    const call = cognitoClient(sandbox)
    const pool = { UserPoolId: sandbox.credentials.userPoolId }
    sandbox.faults.script([{ kind: 'rate_limit' }, { kind: 'server_error' }, { kind: 'unavailable' }])
    const limited = await call('ListUsers', pool)
    expect([limited.status, limited.body.__type, limited.body.message]).toEqual([400, 'TooManyRequestsException', 'Too many requests'])
    const failed = await call('ListUsers', pool)
    expect([failed.status, failed.body.__type]).toEqual([500, 'InternalErrorException'])
    expect(failed.headers.get('x-amzn-requestid')).toBeTruthy()
    const unavailable = await call('ListUsers', pool)
    expect(unavailable.status).toBe(503)
    expect((await call('ListUsers', pool)).status).toBe(200)
    expect(sandbox.requestCount()).toBe(4)
  })

  it('adds latency to every answer', async () => {
    const sandbox = await startSandbox({ users: 1, latencyMs: 60 })
    const started = Date.now()
    await cognitoClient(sandbox)('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId })
    expect(Date.now() - started).toBeGreaterThanOrEqual(55)
  })
})
