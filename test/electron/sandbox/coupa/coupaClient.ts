import { afterEach } from 'vitest'
import { startCoupaSandbox, type CoupaSandboxOptions, type RunningCoupaSandbox } from '../../../../electron/sandbox/coupa/startCoupaSandbox'

/** A plain HTTP client for the Coupa tenant, so tests see exactly what goes over the wire. */

export interface CoupaAnswer {
  status: number
  headers: Headers
  body: unknown
}

export type Json = Record<string, unknown>
export type CoupaUserJson = Json & { id: number; login: string }

export type CoupaCall = (method: string, path: string, body?: unknown, headers?: Record<string, string | null>) => Promise<CoupaAnswer>

/** Sends the API key and `Accept: application/json` unless a header is given as null. */
export function coupaClient(sandbox: RunningCoupaSandbox): CoupaCall {
  return async (method, path, body, headers = {}) => {
    const merged: Record<string, string | null> = {
      'X-COUPA-API-KEY': sandbox.credentials.apiKey ?? '',
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    }
    const sent = Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null))
    const response = await fetch(`${sandbox.url}${path}`, { method, headers: sent, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
  }
}

/** `POST /oauth2/token` with the sandbox's client in the form body (as Coupa's guide shows); the answer as sent. */
export async function tokenRequest(sandbox: RunningCoupaSandbox, form: Record<string, string>, headers: Record<string, string> = {}): Promise<CoupaAnswer> {
  const response = await fetch(`${sandbox.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
}

/** An access token of the sandbox's OAuth client for `scope` (default: the scopes a profile asks for). */
export async function accessToken(sandbox: RunningCoupaSandbox, scope = sandbox.credentials.scopes!): Promise<string> {
  const { clientId, clientSecret } = sandbox.credentials
  const answer = await tokenRequest(sandbox, { grant_type: 'client_credentials', client_id: clientId!, client_secret: clientSecret!, scope })
  if (answer.status !== 200) throw new Error(`token request answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return (answer.body as { access_token: string }).access_token
}

/** `coupaClient` signed in with an OAuth access token instead of the API key. */
export function coupaOAuthClient(sandbox: RunningCoupaSandbox, token: string): CoupaCall {
  const call = coupaClient(sandbox)
  return (method, path, body, headers = {}) => call(method, path, body, { 'X-COUPA-API-KEY': null, Authorization: `Bearer ${token}`, ...headers })
}

/** Starts a tenant per test (closed after it); 40 users unless told. */
export function useCoupaSandbox(): (options?: CoupaSandboxOptions) => Promise<RunningCoupaSandbox> {
  const running: RunningCoupaSandbox[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()))
  })
  return async (options = {}) => {
    const sandbox = await startCoupaSandbox({ users: 40, ...options })
    running.push(sandbox)
    return sandbox
  }
}

export const asList = (answer: CoupaAnswer) => answer.body as CoupaUserJson[]
export const asObject = (answer: CoupaAnswer) => answer.body as CoupaUserJson
export const names = (records: unknown) => (records as { name: string }[]).map((record) => record.name)

/** A new user's mandatory fields. */
export const newUser = (login: string, extra: Json = {}): Json => ({ login, email: `${login}@example.com`, firstname: 'Ada', lastname: 'Lovelace', ...extra })

export async function createUser(call: CoupaCall, body: Json): Promise<CoupaUserJson> {
  const answer = await call('POST', '/api/users', body)
  if (answer.status !== 201) throw new Error(`create answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return asObject(answer)
}
