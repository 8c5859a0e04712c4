import { RouteTable } from '../framework/RouteTable'
import type { Random } from '../framework/random'
import type { AnsweredFaultKind, SandboxAnswer, SandboxRequest, SandboxTarget } from '../framework/sandboxHttp'
import { addAccountRoutes } from './accountRoutes'
import type { GoToAccountDirectory } from './GoToAccountDirectory'
import { errorBody, GoToError, goToErrors } from './goToErrors'
import { createContext, type GoToHandler, type GoToReply } from './goToRouting'
import type { GoToTokenIssuer } from './GoToTokenIssuer'
import { addGroupRoutes } from './groupRoutes'
import { answerTokenRequest, tokenPaths, type TokenEndpointOptions } from './oauthTokenEndpoint'
import { addUserRoutes } from './userRoutes'

export interface GoToTargetOptions extends TokenEndpointOptions {
  directory: GoToAccountDirectory
  issuer: GoToTokenIssuer
  /** Incident and request ids: not from the seed, so they do not repeat across starts. */
  random: Random
  /** Admin API requests allowed per second; undefined for no limit (see startGoToMeetingSandbox). */
  requestsPerSecond: () => number | undefined
  /** Called after a write succeeded (persistence). */
  changed: () => void
  now?: () => number
}

/**
 * The GoTo tenant as the framework's server sees it: one server for the OAuth token endpoint and
 * the Admin API under `/admin/rest/v1/` (the real ones live on two hosts, B.1). Per Admin request:
 * check the bearer token, apply the optional per-second limit, route, run. Every answer with a
 * body is `application/json` and carries an `x-amzn-RequestId`, as GoTo's AWS gateway adds.
 */
export function createGoToMeetingTarget(options: GoToTargetOptions): SandboxTarget {
  const { directory, issuer, random } = options
  const now = options.now ?? Date.now
  const routes = new RouteTable<GoToHandler>()
  addAccountRoutes(routes)
  addUserRoutes(routes)
  addGroupRoutes(routes)
  const rateWindow = perSecondCounter(now)

  const answer = (reply: GoToReply): SandboxAnswer => ({
    status: reply.status,
    body: reply.body,
    headers: { ...(reply.body === undefined ? {} : { 'Content-Type': 'application/json' }), 'x-amzn-RequestId': requestId(random), ...reply.headers },
  })
  const failure = (error: GoToError): SandboxAnswer => answer({ status: error.status, body: errorBody(error, requestId(random)), headers: error.headers })

  const checkBearer = (request: SandboxRequest): void => {
    const header = request.headers.authorization
    // Verified live: no token at all is 403 InvalidToken; a wrong or expired one is 401 (brief, G8).
    if (header === undefined || header.trim() === '') throw goToErrors.invalidToken(403)
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match || !issuer.isValid(match[1] as string)) throw goToErrors.invalidToken(401)
  }

  const withinRateLimit = (): boolean => {
    const limit = options.requestsPerSecond()
    return limit === undefined || rateWindow(limit)
  }

  const serveAdmin = (request: SandboxRequest): SandboxAnswer => {
    checkBearer(request)
    if (!withinRateLimit()) throw goToErrors.rateLimited()
    const match = routes.match(request.method, request.path)
    if (match.kind === 'not_found') throw goToErrors.pathNotFound(request.path)
    if (match.kind === 'method_not_allowed') throw goToErrors.methodNotAllowed(request.method)
    const reply = match.handler(createContext({ request, params: match.params, query: request.query, directory }))
    if (request.method !== 'GET' && request.method !== 'HEAD') options.changed()
    return answer(reply)
  }

  return {
    handle(request) {
      try {
        if (tokenPaths.includes(request.path.replace(/\/+$/, ''))) return answer(answerTokenRequest(request, options))
        if (request.path.startsWith('/admin/rest/v1/')) return serveAdmin(request)
        throw goToErrors.pathNotFound(request.path)
      } catch (error) {
        if (error instanceof GoToError) return failure(error)
        throw error
      }
    },
    answerFault(kind: AnsweredFaultKind) {
      const errors = { rate_limit: goToErrors.rateLimited, server_error: goToErrors.internal, bad_gateway: goToErrors.badGateway, unavailable: goToErrors.unavailable }
      return failure(errors[kind]())
    },
  }
}

/** A UUID-shaped id (AWS request ids and GoTo incident ids look like this). */
function requestId(random: Random): string {
  const hex = (length: number) => Array.from({ length }, () => random.integer(16).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`
}

/**
 * GoTo's Admin API limit as the tenant counts it: requests per wall-clock second. The returned
 * function counts one request and says whether it is within `limit` for its second.
 */
export function perSecondCounter(now: () => number = Date.now): (limit: number) => boolean {
  let window = { second: 0, used: 0 }
  return (limit) => {
    const second = Math.floor(now() / 1000)
    if (window.second !== second) window = { second, used: 0 }
    window.used++
    return window.used <= limit
  }
}
