import { AdminListGroupsForUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll } from 'vitest'
import type { SandboxProfileAccess } from './sandboxProfile'

/**
 * Each sandbox tenant asked through its OWN API, as that application's admin would check it (never
 * through Lanyard). `TenantAccess` is a tenant's profile parameters, plain and secret alike, keyed
 * as the connector's descriptor keys them (what `npm run sandbox` prints).
 */
export type TenantAccess = Readonly<Record<string, string>>

/** A sandbox profile's plain values and keychain secrets together, as its tenant's API is asked with them. */
export function tenantAccess(access: Pick<SandboxProfileAccess, 'values' | 'secrets'>): TenantAccess {
  return { ...access.values, ...access.secrets }
}

/** A JSON request; an answer other than 200 fails the test with the path, the status and what the target said. */
export type Ask = <T>(path: string, init?: { method?: string; body?: unknown }) => Promise<T>

export async function askJson<T>(url: URL, headers: Record<string, string>, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { Accept: 'application/json', ...headers, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  if (response.status !== 200) throw new Error(`${url.pathname} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

/*
 * The tenant is read when asked, not when the asker is made: a file makes its askers while it is
 * being collected, before its beforeAll has started the tenant, and a restart may give it a new token.
 */

/** Okta with the profile's API token (SSWS). */
export function oktaApi(access: () => TenantAccess): Ask {
  return (path, init) => askJson(new URL(path, access().url), { Authorization: `SSWS ${access().token}` }, init)
}

/** Coupa with the profile's OAuth client (client credentials), taken on the first request: GraphQL answers only such tokens. */
export function coupaApi(access: () => TenantAccess): Ask {
  let token: Promise<string> | undefined
  return async (path, init) => {
    token ??= coupaToken(access())
    return askJson(new URL(path, access().url), { Authorization: `Bearer ${await token}` }, init)
  }
}

async function coupaToken(access: TenantAccess): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: access.clientId!, client_secret: access.clientSecret!, scope: access.scopes ?? '' })
  const response = await fetch(new URL('/oauth2/token', access.url), { method: 'POST', body: form })
  if (response.status !== 200) throw new Error(`Coupa's token endpoint answered ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { access_token: string }).access_token
}

/** GoTo with a token of the asker's own, taken on the first request, as GoTo's admin tools sign in. */
export function goToApi(access: () => TenantAccess): Ask {
  let token: Promise<string> | undefined
  return async (path, init) => {
    token ??= goToToken(access())
    return askJson(new URL(path, access().url), { Authorization: `Bearer ${await token}` }, init)
  }
}

/** A token of the test's own from the tenant's OAuth endpoint (the password grant). */
export async function goToToken(access: TenantAccess): Promise<string> {
  const basic = Buffer.from(`${access.clientId}:${access.clientSecret}`).toString('base64')
  const response = await fetch(new URL('/oauth/token', access.url), {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'password', username: access.username!, password: access.password! }).toString(),
  })
  if (response.status !== 200) throw new Error(`GoTo's token endpoint answered ${response.status}`)
  return ((await response.json()) as { access_token: string }).access_token
}

/** An AWS SDK client for the tenant's user pool, as an AWS admin would use; the caller destroys it. */
export function cognitoClient(access: TenantAccess): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: access.region!,
    endpoint: access.url!,
    credentials: { accessKeyId: access.accessKeyId!, secretAccessKey: access.accessSecret! },
  })
}

export interface CognitoPool {
  /** The client, made once the tenant runs (in beforeAll). */
  readonly aws: CognitoIdentityProviderClient
  readonly userPoolId: string
  /** The user's group names, sorted, as the pool answers them. */
  groupsOf(username: string): Promise<string[]>
}

/** The file's Cognito pool, asked with the AWS SDK: the client is made before its tests and destroyed after them. */
export function useCognitoPool(access: () => TenantAccess): CognitoPool {
  let aws: CognitoIdentityProviderClient | undefined
  beforeAll(() => {
    aws = cognitoClient(access())
  })
  afterAll(() => aws?.destroy())
  const pool: CognitoPool = {
    get aws() {
      if (!aws) throw new Error('the Cognito pool is asked before its tenant started')
      return aws
    },
    get userPoolId() {
      return access().userPoolId!
    },
    async groupsOf(username) {
      const listed = await pool.aws.send(new AdminListGroupsForUserCommand({ UserPoolId: pool.userPoolId, Username: username, Limit: 60 }))
      return (listed.Groups ?? []).map((group) => group.GroupName!).sort()
    },
  }
  return pool
}

/** What the tests read of an Okta user and group, as Okta's API answers them. */
export interface OktaUser {
  id: string
  status: string
  profile: { firstName: string; lastName: string; login: string }
}
export interface OktaGroup {
  id: string
  type: string
  profile: { name: string }
}

/** What every test reads of a Coupa user; a test adds the fields it checks. */
export interface CoupaUser {
  id: number
  login: string
  firstname: string
  lastname: string
  active: boolean
}

/** What every test reads of a GoTo user; a test adds the fields it checks. */
export interface GoToUser {
  key: string
  email: string
  firstName: string
  lastName: string
  status: string
}
