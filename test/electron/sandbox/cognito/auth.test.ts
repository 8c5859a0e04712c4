import { describe, expect, it } from 'vitest'
import { cognitoClient, useCognitoSandbox } from './cognitoClient'

describe('Cognito sandbox: wire protocol and SigV4', () => {
  const startSandbox = useCognitoSandbox()

  it('answers a signed call with awsJson 1.1, a request id and epoch-second dates', async () => {
    const sandbox = await startSandbox()
    const answer = await cognitoClient(sandbox)('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/x-amz-json-1.1')
    expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/)
    const pool = answer.body.UserPool as { Id: string; CreationDate: number; Arn: string }
    expect(pool.Id).toBe(sandbox.credentials.userPoolId)
    expect(pool.Arn).toMatch(new RegExp(`^arn:aws:cognito-idp:eu-west-1:\\d{12}:userpool/${pool.Id}$`))
    expect(pool.CreationDate).toBeGreaterThan(1_500_000_000)
    expect(pool.CreationDate).toBeLessThan(2_000_000_000)
  })

  it('mints AWS-looking credentials at every start, keyed as the Cognito profile parameters', async () => {
    const first = await startSandbox()
    const second = await startSandbox()
    expect(Object.keys(first.credentials).sort()).toEqual(['accessKeyId', 'accessSecret', 'region', 'userPoolId'])
    expect(first.credentials.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/)
    expect(first.credentials.accessSecret).toHaveLength(40)
    expect(first.credentials.userPoolId).toMatch(/^eu-west-1_[0-9A-Za-z]{9}$/)
    expect(second.credentials.accessKeyId).not.toBe(first.credentials.accessKeyId)
    expect(second.credentials.accessSecret).not.toBe(first.credentials.accessSecret)
    expect(second.credentials.userPoolId).toBe(first.credentials.userPoolId)
  })

  it('refuses an unknown access key id with UnrecognizedClientException and the error type header', async () => {
    const sandbox = await startSandbox()
    const answer = await cognitoClient(sandbox)('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId }, { accessKeyId: 'AKIAUNKNOWNKEY000000' })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({
      __type: 'com.amazon.coral.service#UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    })
    expect(answer.headers.get('x-amzn-errortype')).toBe('UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/')
    expect(answer.headers.get('content-type')).toBe('application/x-amz-json-1.1')
  })

  it('refuses a request signed with the wrong secret with InvalidSignatureException', async () => {
    const sandbox = await startSandbox()
    const answer = await cognitoClient(sandbox)('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId }, { secretAccessKey: 'not-the-secret' })
    expect(answer.status).toBe(400)
    expect(answer.body.__type).toBe('com.amazon.coral.service#InvalidSignatureException')
    expect(answer.body.message).toMatch(/^The request signature we calculated does not match the signature you provided\./)
  })

  it('refuses a body other than the one the signature covers', async () => {
    const sandbox = await startSandbox()
    // The signer takes the payload hash from x-amz-content-sha256 when given: here, the empty body's.
    const emptyBodyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    const answer = await cognitoClient(sandbox)('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId }, { headers: { 'x-amz-content-sha256': emptyBodyHash } })
    expect(answer.status).toBe(400)
    expect(answer.body.__type).toBe('com.amazon.coral.service#InvalidSignatureException')
  })

  it('refuses an unsigned request with MissingAuthenticationTokenException', async () => {
    const sandbox = await startSandbox()
    const answer = await cognitoClient(sandbox)('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId }, { unsigned: true })
    expect(answer.status).toBe(400)
    expect(answer.body.__type).toBe('com.amazon.coral.service#MissingAuthenticationTokenException')
  })

  it('refuses an Authorization header without its parts with IncompleteSignatureException', async () => {
    const sandbox = await startSandbox()
    const answer = await cognitoClient(sandbox)('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId }, { unsigned: true, headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAX/20260101/eu-west-1/cognito-idp/aws4_request' } })
    expect(answer.body.__type).toBe('com.amazon.coral.service#IncompleteSignatureException')
    expect(answer.body.message).toContain("Authorization header requires 'Signature' parameter.")
    expect(answer.body.message).toContain("Authorization header requires 'SignedHeaders' parameter.")
    expect(answer.body.message).toContain("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
  })

  it('refuses a signature scoped to another region or service', async () => {
    const sandbox = await startSandbox()
    const call = cognitoClient(sandbox)
    const region = await call('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId }, { region: 'us-east-1' })
    expect(region.body).toMatchObject({ __type: 'com.amazon.coral.service#InvalidSignatureException', message: "Credential should be scoped to a valid region, not 'us-east-1'." })
    const service = await call('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId }, { service: 'cognito-identity' })
    expect(service.body.message).toBe("Credential should be scoped to correct service: 'cognito-idp'.")
  })

  it('refuses a signature more than five minutes old', async () => {
    const sandbox = await startSandbox()
    const answer = await cognitoClient(sandbox)('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId }, { signingDate: new Date(Date.now() - 6 * 60_000) })
    expect(answer.body.__type).toBe('com.amazon.coral.service#InvalidSignatureException')
    expect(answer.body.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/)
    const recent = await cognitoClient(sandbox)('DescribeUserPool', { UserPoolId: sandbox.credentials.userPoolId }, { signingDate: new Date(Date.now() - 4 * 60_000) })
    expect(recent.status).toBe(200)
  })

  it('answers an operation it does not know, or a request it cannot route, with UnknownOperationException', async () => {
    const sandbox = await startSandbox()
    const call = cognitoClient(sandbox)
    const unknown = await call('AdminResetEverything', { UserPoolId: sandbox.credentials.userPoolId })
    expect(unknown.status).toBe(400)
    expect(unknown.body.__type).toBe('com.amazon.coral.service#UnknownOperationException')
    const otherService = await call('ListUsers', { UserPoolId: sandbox.credentials.userPoolId }, { target: 'CognitoIdentityService.ListUsers' })
    expect(otherService.body.__type).toBe('com.amazon.coral.service#UnknownOperationException')
    const plainJson = await call('ListUsers', { UserPoolId: sandbox.credentials.userPoolId }, { headers: { 'content-type': 'text/plain' } })
    expect(plainJson.body.__type).toBe('com.amazon.coral.service#UnknownOperationException')
  })

  it('answers a body that is not JSON, or a member of the wrong type, with SerializationException', async () => {
    const sandbox = await startSandbox()
    const call = cognitoClient(sandbox)
    const garbled = await call('ListUsers', {}, { rawBody: '{"UserPoolId": ' })
    expect(garbled.status).toBe(400)
    expect(garbled.body.__type).toBe('com.amazon.coral.service#SerializationException')
    const wrongType = await call('ListUsers', { UserPoolId: sandbox.credentials.userPoolId, Limit: 'ten' })
    expect(wrongType.body).toEqual({ __type: 'com.amazon.coral.service#SerializationException', message: 'STRING_VALUE can not be converted to an Integer' })
  })

  it('answers constraint failures together as InvalidParameterException, without echoing sensitive values', async () => {
    const sandbox = await startSandbox()
    const call = cognitoClient(sandbox)
    const missing = await call('AdminGetUser', {})
    expect(missing.status).toBe(400)
    expect(missing.headers.get('x-amzn-errortype')).toBe('InvalidParameterException')
    expect(missing.body).toEqual({
      __type: 'InvalidParameterException',
      message: "2 validation errors detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; Value null at 'username' failed to satisfy constraint: Member must not be null",
    })
    const spaced = await call('AdminGetUser', { UserPoolId: 'not a pool', Username: 'has space' })
    expect(spaced.body.message).toBe(
      "2 validation errors detected: Value 'not a pool' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+; Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    )
  })

  it('answers another pool id with ResourceNotFoundException', async () => {
    const sandbox = await startSandbox()
    const answer = await cognitoClient(sandbox)('ListUsers', { UserPoolId: 'eu-west-1_Nope12345' })
    expect(answer.body).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool eu-west-1_Nope12345 does not exist.' })
  })
})
