import { afterEach } from 'vitest'
import { startOktaSandbox, type RunningOktaSandbox } from '../../../../electron/sandbox/okta/startOktaSandbox'
import type { SandboxOptions } from '../../../../electron/sandbox/types'

/** A plain HTTP client for the tenant, so tests see exactly what goes over the wire. */

export interface OktaAnswer {
  status: number
  headers: Headers
  body: unknown
  /** `rel` → absolute URL, from every `Link` header. */
  links: Record<string, string>
}

export type Json = Record<string, unknown> & { id: string }

export interface OktaCall {
  (method: string, pathOrUrl: string, body?: unknown, headers?: Record<string, string>): Promise<OktaAnswer>
}

export function oktaClient(sandbox: RunningOktaSandbox, token: string | null = sandbox.credentials.token ?? ''): OktaCall {
  return async (method, pathOrUrl, body, headers = {}) => {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${sandbox.url}${pathOrUrl}`
    const response = await fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(token === null ? {} : { Authorization: `SSWS ${token}` }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown), links: parseLinks(response.headers.get('link')) }
  }
}

function parseLinks(header: string | null): Record<string, string> {
  const links: Record<string, string> = {}
  for (const match of (header ?? '').matchAll(/<([^>]+)>;\s*rel="([^"]+)"/g)) links[match[2] as string] = match[1] as string
  return links
}

/** Starts a tenant per test (closed after it). */
export function useOktaSandbox(): (options?: SandboxOptions) => Promise<RunningOktaSandbox> {
  const running: RunningOktaSandbox[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()))
  })
  return async (options = {}) => {
    const sandbox = await startOktaSandbox({ users: 30, ...options })
    running.push(sandbox)
    return sandbox
  }
}

/** Follows `next` links to the end, returning every item and the pages' sizes. */
export async function readAllPages(call: OktaCall, path: string): Promise<{ items: Json[]; pageSizes: number[]; answers: OktaAnswer[] }> {
  const items: Json[] = []
  const pageSizes: number[] = []
  const answers: OktaAnswer[] = []
  let next: string | undefined = path
  while (next) {
    const answer = await call('GET', next)
    if (answer.status !== 200) throw new Error(`GET ${next} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
    answers.push(answer)
    const page = answer.body as Json[]
    items.push(...page)
    pageSizes.push(page.length)
    next = answer.links.next
  }
  return { items, pageSizes, answers }
}

export const asList = (answer: OktaAnswer) => answer.body as Json[]
export const asObject = (answer: OktaAnswer) => answer.body as Json
export const logins = (users: Json[]) => users.map((user) => (user.profile as { login: string }).login)
