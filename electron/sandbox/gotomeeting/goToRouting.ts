import type { RouteParams } from '../framework/RouteTable'
import type { SandboxRequest } from '../framework/sandboxHttp'
import type { GoToAccountDirectory } from './GoToAccountDirectory'
import { goToErrors } from './goToErrors'
import { isWellFormedKey, parseJsonLosslessly } from './goToKeys'
import type { GoToGroupRecord, GoToUserRecord } from './goToRecords'

/** What an Admin API route handler gets. */
export interface GoToContext {
  request: SandboxRequest
  params: RouteParams
  query: URLSearchParams
  directory: GoToAccountDirectory
  /** The request's JSON body (long integers kept exact); GoTo's 400 when it is not JSON. */
  body(): unknown
}

export interface GoToReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type GoToHandler = (context: GoToContext) => GoToReply

export const ok = (body: unknown): GoToReply => ({ status: 200, body })
export const noContent = (): GoToReply => ({ status: 204 })

export function createContext(fields: Omit<GoToContext, 'body'>): GoToContext {
  return {
    ...fields,
    body: () => {
      if (fields.request.bodyTooLarge) throw goToErrors.invalidRequest('The request body is too large.')
      if (fields.request.bodyText.trim() === '') return undefined
      try {
        return parseJsonLosslessly(fields.request.bodyText)
      } catch {
        throw goToErrors.invalidRequest('The request body is not valid JSON.')
      }
    },
  }
}

/** The body as an object; anything else (an array, a string, nothing) is 400 invalid.request. */
export function objectBody(context: GoToContext): Record<string, unknown> {
  const body = context.body()
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw goToErrors.invalidRequest('The request body must be a JSON object.')
  return body as Record<string, unknown>
}

/**
 * The path's account must be the one the token's admin manages. A key that is not a number fails
 * behind the gateway like a bad user key does (502); a number that is not this account is 404.
 */
export function requireAccount(context: GoToContext): void {
  const key = context.params.accountKey ?? ''
  if (!isWellFormedKey(key)) throw goToErrors.badGateway()
  if (key !== context.directory.account.key) throw goToErrors.accountNotFound(key)
}

/** The user named by the path: 502 for a malformed key (the documented quirk), 404 user.not.found for an unknown one. */
export function requireUser(context: GoToContext): GoToUserRecord {
  requireAccount(context)
  const key = context.params.userKey ?? ''
  if (!isWellFormedKey(key)) throw goToErrors.badGateway()
  const user = context.directory.userByKey(key)
  if (!user) throw goToErrors.userNotFound(key)
  return user
}

/** Group keys are the same kind of number, so a malformed one fails the same way. */
export function requireGroup(context: GoToContext): GoToGroupRecord {
  requireAccount(context)
  const key = context.params.groupKey ?? ''
  if (!isWellFormedKey(key)) throw goToErrors.badGateway()
  const group = context.directory.groupByKey(key)
  if (!group) throw goToErrors.groupNotFound(key)
  return group
}
