import { SignatureV4 } from '@smithy/signature-v4'
import { describe, expect, it } from 'vitest'
import { createSigner } from '../../../../electron/connectors/cognito/signatureV4'
import { NodeSha256 } from '../../../support/nodeSha256'

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }

/** What the AWS SDK's own signer writes for the same request at the same moment. */
async function sdkSignature(host: string, body: string, target: string, at: Date): Promise<string> {
  const signer = new SignatureV4({ credentials, region: 'eu-west-1', service: 'cognito-idp', sha256: NodeSha256, applyChecksum: false })
  const signed = await signer.sign(
    { method: 'POST', protocol: 'https:', hostname: host, path: '/', query: {}, body, headers: { host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target } },
    { signingDate: at },
  )
  return signed.headers.authorization as string
}

describe("Lanyard's AWS Signature Version 4 for Cognito", () => {
  const sign = createSigner({ ...credentials, region: 'eu-west-1', service: 'cognito-idp' })
  const request = (host: string, body: string, target: string) => ({
    method: 'POST',
    path: '/',
    headers: { host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body,
  })

  it.each([
    ['a ListUsers page', 'cognito-idp.eu-west-1.amazonaws.com', '{"UserPoolId":"eu-west-1_abc","Limit":60}', 'AWSCognitoIdentityProviderService.ListUsers', '2026-12-07T12:34:56.789Z'],
    ['a body in UTF-8 beyond ASCII, on a port', '127.0.0.1:9229', '{"Username":"zoë","Name":"名前"}', 'AWSCognitoIdentityProviderService.AdminGetUser', '2027-01-01T00:00:00.000Z'],
    ['an empty body, a second before midnight', 'cognito-idp.eu-west-1.amazonaws.com', '', 'AWSCognitoIdentityProviderService.DescribeUserPool', '2026-12-31T23:59:59.999Z'],
  ])('signs %s as the AWS SDK does', async (_name, host, body, target, at) => {
    const moment = new Date(at)
    const ours = sign(request(host, body, target), moment.getTime())
    expect(ours.authorization).toBe(await sdkSignature(host, body, target, moment))
    expect(ours.amzDate).toBe(at.replace(/[-:]/g, '').replace(/\.\d{3}/, ''))
  })

  it('derives the signing key again when the day changes (a signature from the day before would be refused)', async () => {
    const before = new Date('2026-12-07T23:59:59.000Z')
    const after = new Date('2026-12-08T00:00:01.000Z')
    const body = '{"UserPoolId":"eu-west-1_abc"}'
    const host = 'cognito-idp.eu-west-1.amazonaws.com'
    const target = 'AWSCognitoIdentityProviderService.ListUsers'
    expect(sign(request(host, body, target), before.getTime()).authorization).toBe(await sdkSignature(host, body, target, before))
    expect(sign(request(host, body, target), after.getTime()).authorization).toBe(await sdkSignature(host, body, target, after))
  })
})
