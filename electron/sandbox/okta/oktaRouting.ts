import { readJsonBody, type SandboxRequest } from '../framework/sandboxHttp'
import type { RouteParams } from '../framework/RouteTable'
import type { Random } from '../framework/random'
import type { OktaDirectory } from './OktaDirectory'
import { oktaErrors } from './oktaErrors'

/** What an Okta route handler gets. */
export interface OktaContext {
  request: SandboxRequest
  params: RouteParams
  query: URLSearchParams
  directory: OktaDirectory
  /** The tenant's own address: every link the tenant answers with is absolute (okta.md §2.2). */
  baseUrl: string
  /** The admin user the token belongs to. */
  actorUserId: string
  random: Random
  /** The request's JSON body; throws Okta's 400 E0000003 when it is not JSON. */
  body(): unknown
}

export interface OktaReply {
  status: number
  body?: unknown
  headers?: Record<string, string | string[]>
}

export type OktaHandler = (context: OktaContext) => OktaReply

export function createContext(fields: Omit<OktaContext, 'body'>): OktaContext {
  return {
    ...fields,
    body: () => {
      const body = readJsonBody(fields.request)
      if (body.ok) return body.value
      throw oktaErrors.malformedBody(body.reason === 'too_large' ? 'The request body is too large.' : undefined)
    },
  }
}

export const ok = (body: unknown, headers?: Record<string, string | string[]>): OktaReply => ({ status: 200, body, headers })
export const noContent = (): OktaReply => ({ status: 204 })

/** The body as an object (or `{}` when none was sent); anything else is E0000003. */
export function objectBody(context: OktaContext): Record<string, unknown> {
  const body = context.body()
  if (body === undefined) return {}
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw oktaErrors.malformedBody('The body must be a JSON object.')
  return body as Record<string, unknown>
}

/** A boolean query parameter: `true`/`false` (any case); absent gives the default. */
export function booleanParameter(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name)
  if (value === null || value === '') return fallback
  if (/^true$/i.test(value)) return true
  if (/^false$/i.test(value)) return false
  throw oktaErrors.invalidRequest(`${name} must be true or false, not '${value}'`)
}

/** `value[key]` when value is a plain object; undefined otherwise (bodies are untrusted JSON). */
export function child(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined
}
