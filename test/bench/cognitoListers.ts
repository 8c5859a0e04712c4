import { CognitoIdentityProviderClient, paginateListUsers } from '@aws-sdk/client-cognito-identity-provider'
import { SignatureV4 } from '@smithy/signature-v4'
import { maxCognitoPage } from '../../electron/connectors/cognito/cognitoPaging'
import { NodeSha256 } from '../support/nodeSha256'
import type { Lister } from './rowCpuBench'

/*
 * Cognito's clients for rowCpuBench.ts, each in a fresh process as the others are: the AWS SDK's
 * own paginator, and a bare loop that signs each ListUsers with the SDK's SigV4 signer, sends it
 * with fetch and parses the answer, nothing else. Each is made on its first listing and kept.
 */

type Tenant = Record<string, string>

export function cognitoPeers(tenant: Tenant): Lister[] {
  return [
    { name: 'bare fetch', list: bareCognito(tenant) },
    { name: 'AWS SDK paginateListUsers', list: sdkCognito(tenant) },
  ]
}

function bareCognito(tenant: Tenant): () => Promise<number> {
  const url = new URL(tenant.url!)
  let signer: SignatureV4 | undefined
  const sign = (body: string) =>
    (signer ??= new SignatureV4({
      credentials: { accessKeyId: tenant.accessKeyId ?? '', secretAccessKey: tenant.accessSecret ?? '' },
      region: tenant.region ?? '',
      service: 'cognito-idp',
      sha256: NodeSha256,
    })).sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUsers' },
      body,
    })
  return async () => {
    let rows = 0
    let token: string | undefined
    do {
      const body = JSON.stringify({ UserPoolId: tenant.userPoolId, Limit: maxCognitoPage, ...(token === undefined ? {} : { PaginationToken: token }) })
      const { host: _host, ...headers } = (await sign(body)).headers
      const response = await fetch(url, { method: 'POST', headers, body })
      if (!response.ok) throw new Error(`ListUsers answered ${response.status}`)
      const page = JSON.parse(await response.text()) as { Users: unknown[]; PaginationToken?: string }
      rows += page.Users.length
      token = page.PaginationToken
    } while (token)
    return rows
  }
}

function sdkCognito(tenant: Tenant): () => Promise<number> {
  let client: CognitoIdentityProviderClient | undefined
  return async () => {
    client ??= new CognitoIdentityProviderClient({
      region: tenant.region,
      endpoint: tenant.url,
      credentials: { accessKeyId: tenant.accessKeyId ?? '', secretAccessKey: tenant.accessSecret ?? '' },
    })
    let rows = 0
    for await (const page of paginateListUsers({ client, pageSize: maxCognitoPage }, { UserPoolId: tenant.userPoolId })) rows += page.Users?.length ?? 0
    return rows
  }
}
