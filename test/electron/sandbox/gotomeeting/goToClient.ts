import { afterEach } from 'vitest'
import { startGoToMeetingSandbox, type RunningGoToMeetingSandbox } from '../../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import type { SandboxOptions } from '../../../../electron/sandbox/types'

/** A plain HTTP client for the GoTo tenant, so tests see exactly what goes over the wire. */

export interface GoToAnswer {
  status: number
  headers: Headers
  /** Parsed JSON; undefined for an empty body. */
  body: unknown
  text: string
}

export type Json = Record<string, unknown>

export interface GoToCall {
  /** `path` is relative to the Admin API base (`me`, `accounts/…`) unless it starts with `/` or `http`. */
  (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<GoToAnswer>
}

/** The server's root (`http://127.0.0.1:port`), where the token endpoint lives. */
export function serverRoot(sandbox: RunningGoToMeetingSandbox): string {
  return new URL(sandbox.url).origin
}

export async function send(url: string, init: RequestInit): Promise<GoToAnswer> {
  const response = await fetch(url, init)
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown), text }
}

/** `POST /oauth/token` with the form given and, unless `basic` is null, the sandbox's client in HTTP Basic. */
export function tokenRequest(sandbox: RunningGoToMeetingSandbox, form: Record<string, string>, options: { basic?: string | null; path?: string } = {}): Promise<GoToAnswer> {
  const basic = options.basic === undefined ? `${sandbox.credentials.clientId}:${sandbox.credentials.clientSecret}` : options.basic
  return send(`${serverRoot(sandbox)}${options.path ?? '/oauth/token'}`, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(basic === null ? {} : { Authorization: `Basic ${Buffer.from(basic).toString('base64')}` }),
    },
    body: new URLSearchParams(form).toString(),
  })
}

/** A password grant with the sandbox's own credentials; returns the whole token answer. */
export async function signIn(sandbox: RunningGoToMeetingSandbox): Promise<Json & { access_token: string; refresh_token: string }> {
  const { username, password } = sandbox.credentials
  const answer = await tokenRequest(sandbox, { grant_type: 'password', username: username ?? '', password: password ?? '' })
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}: ${answer.text}`)
  return answer.body as Json & { access_token: string; refresh_token: string }
}

export function goToClient(sandbox: RunningGoToMeetingSandbox, accessToken: string | null): GoToCall {
  return (method, path, body, headers = {}) => {
    const url = path.startsWith('http') ? path : path.startsWith('/') ? `${serverRoot(sandbox)}${path}` : `${sandbox.url}${path}`
    return send(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(accessToken === null ? {} : { Authorization: `Bearer ${accessToken}` }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
  }
}

/** A tenant per test (closed after it), signed in: `call` carries a valid bearer token. */
export function useGoToMeetingSandbox(): (options?: SandboxOptions) => Promise<{ sandbox: RunningGoToMeetingSandbox; call: GoToCall; users: string }> {
  const running: RunningGoToMeetingSandbox[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()))
  })
  return async (options = {}) => {
    const sandbox = await startGoToMeetingSandbox({ users: 40, ...options })
    running.push(sandbox)
    const token = await signIn(sandbox)
    return { sandbox, call: goToClient(sandbox, token.access_token), users: `accounts/${sandbox.credentials.accountKey}/users` }
  }
}

export const asObject = (answer: GoToAnswer) => answer.body as Json
export const asList = (answer: GoToAnswer) => answer.body as { results: Json[]; fromIndex: number; toIndex: number; total: number }

/** The Admin API's error body, with its one error. */
export function adminError(answer: GoToAnswer): { incidentId: string; code: string; value: string } {
  const body = answer.body as { incidentId: string; errors: { code: string; value: string }[] }
  return { incidentId: body.incidentId, code: body.errors[0]?.code ?? '', value: body.errors[0]?.value ?? '' }
}

/** A filter in the query, spaces as `%20` (GoTo refuses `+`). */
export function filterQuery(filter: string): string {
  return `filter=${encodeURIComponent(filter)}`
}
