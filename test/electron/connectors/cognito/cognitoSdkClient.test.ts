import { CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { dropSdkLogging } from '../../../../electron/connectors/cognito/cognitoTransport'

/** A client whose every call answers one ListUsers page, recording what its SDK logger is given. */
function clientAnsweringAPage() {
  // What the logger middleware logs: the call with its output, after the copy that masks it.
  const logged: unknown[] = []
  const ignore = () => undefined
  const record = (entry: unknown) => void (typeof entry === 'object' && entry !== null && 'output' in entry && logged.push(entry))
  const page = { Users: [{ Username: 'ada', Attributes: [{ Name: 'email', Value: 'ada@example.com' }], Enabled: true, UserStatus: 'CONFIRMED' }], PaginationToken: 'next' }
  const client = new CognitoIdentityProviderClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example' },
    endpoint: 'http://127.0.0.1:9',
    logger: { debug: ignore, info: record, warn: ignore, error: ignore },
    requestHandler: {
      handle: async () => ({
        response: { statusCode: 200, reason: 'OK', headers: { 'content-type': 'application/x-amz-json-1.1' }, body: new TextEncoder().encode(JSON.stringify(page)) },
      }),
    },
  })
  return { client, logged }
}

describe("the Cognito profile's AWS SDK client", () => {
  it("answers a page without the SDK's logger copying it: Lanyard logs each call itself (issue 14: a second copy of every page)", async () => {
    const { client, logged } = clientAnsweringAPage()
    dropSdkLogging(client)
    const answer = await client.send(new ListUsersCommand({ UserPoolId: 'eu-west-1_abc', Limit: 60 }))
    expect(answer.Users?.map((user) => user.Username)).toEqual(['ada'])
    expect(answer.PaginationToken).toBe('next')
    expect(logged).toEqual([])
  })

  it('the same client logs the page when the SDK logger stays in (so the test above can fail)', async () => {
    const { client, logged } = clientAnsweringAPage()
    await client.send(new ListUsersCommand({ UserPoolId: 'eu-west-1_abc', Limit: 60 }))
    expect(logged).toHaveLength(1)
  })
})
