import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  paginateListUsers,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import type { RunningCognitoSandbox } from '../../../../electron/sandbox/cognito/startCognitoSandbox'
import { useCognitoSandbox } from './cognitoClient'

/** The AWS SDK v3 client Lanyard's connector uses, pointed at the tenant with an endpoint override. */
function sdkClient(sandbox: RunningCognitoSandbox, secretAccessKey = sandbox.credentials.accessSecret ?? '') {
  return new CognitoIdentityProviderClient({
    endpoint: sandbox.url,
    region: sandbox.credentials.region,
    credentials: { accessKeyId: sandbox.credentials.accessKeyId ?? '', secretAccessKey },
    maxAttempts: 1,
  })
}

describe('Cognito sandbox: the AWS SDK v3 client', () => {
  const startSandbox = useCognitoSandbox()

  it('signs, parses dates and reads every filtered user across short pages with its paginator', async () => {
    const sandbox = await startSandbox({ users: 150 })
    const client = sdkClient(sandbox)
    // A status is scanned a window at a time (names are indexed and answer in full pages): short pages, as AWS may send.
    const wanted = sandbox.tenant.users().filter((user) => user.enabled).map((user) => user.username)
    expect(wanted.length).toBeGreaterThan(0)
    const found: string[] = []
    const pageSizes: number[] = []
    for await (const page of paginateListUsers({ client, pageSize: 60 }, { UserPoolId: sandbox.credentials.userPoolId, Filter: 'status = "Enabled"' })) {
      pageSizes.push(page.Users?.length ?? 0)
      found.push(...(page.Users ?? []).map((user) => user.Username ?? ''))
      expect(page.Users?.[0]?.UserCreateDate ?? new Date()).toBeInstanceOf(Date)
    }
    expect(found).toEqual(wanted)
    expect(pageSizes).toHaveLength(3)
  })

  it('raises typed exceptions the SDK recognises, by name', async () => {
    const sandbox = await startSandbox({ users: 3 })
    const client = sdkClient(sandbox)
    const pool = { UserPoolId: sandbox.credentials.userPoolId }
    await expect(client.send(new AdminGetUserCommand({ ...pool, Username: 'nobody' }))).rejects.toBeInstanceOf(UserNotFoundException)
    await expect(client.send(new AdminAddUserToGroupCommand({ ...pool, Username: sandbox.tenant.users()[0]?.username, GroupName: 'missing' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
    await expect(
      client.send(new AdminCreateUserCommand({ ...pool, Username: 'weak', TemporaryPassword: 'weak', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'weak@example.com' }] })),
    ).rejects.toMatchObject({ name: 'InvalidPasswordException', $metadata: { httpStatusCode: 400 } })
    await expect(sdkClient(sandbox, 'wrong').send(new AdminGetUserCommand({ ...pool, Username: 'weak' }))).rejects.toMatchObject({ name: 'InvalidSignatureException' })
  })
})
