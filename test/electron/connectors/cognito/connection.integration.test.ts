import { afterEach, describe, expect, it } from 'vitest'
import { expectAppError } from '../../../support/expectAppError'
import { cognitoHarness } from './cognitoSandboxHarness'

const environment = { ...process.env }
afterEach(() => {
  process.env = { ...environment }
})

describe('Cognito connector: test connection', () => {
  it("names the pool, how people sign in and the password policy, from DescribeUserPool", async () => {
    const { connector, tenant, sandbox, calls } = await cognitoHarness()
    tenant.setPasswordPolicy({ MinimumLength: 10, RequireSymbols: false })
    const report = await connector.testConnection()
    expect(report.summary).toBe(`Connected to the user pool lanyard-sandbox-people in ${tenant.region} with the access key ${sandbox.credentials.accessKeyId}`)
    expect(report.facts).toEqual(
      expect.arrayContaining([
        { label: 'User pool', value: `lanyard-sandbox-people (${tenant.userPoolId})` },
        { label: 'People sign in with', value: 'a username, or their verified email' },
        { label: 'Usernames', value: 'Not case-sensitive' },
        { label: 'Password policy', value: 'at least 10 characters, with an upper-case letter, a lower-case letter and a number' },
      ]),
    )
    expect(calls().map((call) => call.operation)).toEqual(['DescribeUserPool'])
  })

  it("uses the profile's access key only, never credentials from the environment", async () => {
    const { connect, sandbox } = await cognitoHarness()
    process.env.AWS_ACCESS_KEY_ID = sandbox.credentials.accessKeyId
    process.env.AWS_SECRET_ACCESS_KEY = sandbox.credentials.accessSecret
    process.env.AWS_REGION = 'us-east-1'
    await expectAppError(connect({}, { accessSecret: 'a-wrong-secret-in-the-profile' }).testConnection(), 'auth_failed')
  })

  it('refuses a profile whose pool id belongs to another Region before sending anything', async () => {
    const { connect, calls } = await cognitoHarness()
    expect(() => connect({ region: 'us-east-1' })).toThrow(/belongs to the Region eu-west-1/)
    expect(calls()).toEqual([])
  })
})
