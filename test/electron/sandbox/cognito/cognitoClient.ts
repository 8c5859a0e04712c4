import { SignatureV4 } from '@smithy/signature-v4'
import { afterEach } from 'vitest'
import { startCognitoSandbox, type RunningCognitoSandbox } from '../../../../electron/sandbox/cognito/startCognitoSandbox'
import type { SandboxOptions } from '../../../../electron/sandbox/types'
import { NodeSha256 } from '../../../support/nodeSha256'

/**
 * A plain HTTP client for the Cognito tenant, so tests see exactly what goes over the wire.
 * Requests are signed by the AWS SDK's own SigV4 signer (`@smithy/signature-v4`, which the
 * Cognito client uses), not by the tenant's verifier: a signing bug in either would show.
 */

export interface CognitoAnswer {
  status: number
  headers: Headers
  body: Record<string, unknown>
}

export interface CallOptions {
  accessKeyId?: string
  secretAccessKey?: string
  region?: string
  service?: string
  signingDate?: Date
  /** Send without any Authorization header. */
  unsigned?: boolean
  /** Replaces the JSON-encoded input as the body (signed as sent). */
  rawBody?: string
  headers?: Record<string, string>
  target?: string
}

export type CognitoCall = (operation: string, input?: Record<string, unknown>, options?: CallOptions) => Promise<CognitoAnswer>

export function cognitoClient(sandbox: RunningCognitoSandbox): CognitoCall {
  return async (operation, input = {}, options = {}) => {
    const url = new URL(sandbox.url)
    const body = options.rawBody ?? JSON.stringify(input)
    const request = {
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': options.target ?? `AWSCognitoIdentityProviderService.${operation}`,
        ...options.headers,
      } as Record<string, string>,
      body,
    }
    const signer = new SignatureV4({
      credentials: {
        accessKeyId: options.accessKeyId ?? sandbox.credentials.accessKeyId ?? '',
        secretAccessKey: options.secretAccessKey ?? sandbox.credentials.accessSecret ?? '',
      },
      region: options.region ?? sandbox.credentials.region ?? '',
      service: options.service ?? 'cognito-idp',
      sha256: NodeSha256,
    })
    const signed = options.unsigned ? request : await signer.sign(request, { signingDate: options.signingDate })
    const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name.toLowerCase() !== 'host'))
    const response = await fetch(`${sandbox.url}/`, { method: 'POST', headers, body })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) }
  }
}

/** Starts a tenant per test (closed after it). */
export function useCognitoSandbox(): (options?: SandboxOptions) => Promise<RunningCognitoSandbox> {
  const running: RunningCognitoSandbox[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()))
  })
  return async (options = {}) => {
    const sandbox = await startCognitoSandbox({ users: 30, ...options })
    running.push(sandbox)
    return sandbox
  }
}

/** Calls and expects 200, returning the body (the failure message shows the error answered). */
export function expectOk(call: CognitoCall): (operation: string, input?: Record<string, unknown>) => Promise<Record<string, unknown>> {
  return async (operation, input) => {
    const answer = await call(operation, input)
    if (answer.status !== 200) throw new Error(`${operation} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
    return answer.body
  }
}

export type UserJson = { Username: string; Attributes: { Name: string; Value: string }[]; Enabled: boolean; UserStatus: string; UserCreateDate: number; UserLastModifiedDate: number }
export type GroupJson = { GroupName: string; UserPoolId: string; Description?: string; Precedence?: number; RoleArn?: string; CreationDate: number; LastModifiedDate: number }

export const attributeOf = (user: { Attributes?: { Name: string; Value: string }[]; UserAttributes?: { Name: string; Value: string }[] }, name: string) =>
  (user.Attributes ?? user.UserAttributes ?? []).find((attribute) => attribute.Name === name)?.Value
