import { RouteTable } from '../framework/RouteTable'
import { randomAlphanumerics, type Random } from '../framework/random'
import type { AnsweredFaultKind, SandboxAnswer, SandboxRequest, SandboxTarget } from '../framework/sandboxHttp'
import { addGroupRoutes } from './groupRoutes'
import { addMembershipRoutes } from './membershipRoutes'
import type { OktaDirectory } from './OktaDirectory'
import { errorBody, OktaError, oktaErrors } from './oktaErrors'
import { rateLimitBucket, rateLimitHeaders, type OktaRateLimiter, type RateLimitState } from './oktaRateLimits'
import { createContext, type OktaHandler, type OktaReply } from './oktaRouting'
import { addOrgRoutes } from './orgRoutes'
import { addLifecycleRoutes } from './userLifecycle'
import { addSessionAndFactorRoutes } from './userSessionsAndFactors'
import { addUserRoutes } from './userRoutes'

export interface OktaTargetOptions {
  directory: OktaDirectory
  adminToken: string
  /** Counts every request in its bucket (see oktaRateLimiterFor). */
  limiter: OktaRateLimiter
  random: Random
  /** Known only once the server listens. */
  baseUrl: () => string
  /** Called after a write succeeded (persistence). */
  changed: () => void
}

/**
 * The Okta tenant as the framework's server sees it. Per request: authenticate (SSWS), count it
 * in its rate-limit bucket, route, refuse writes to the read-only token, run the handler. Every
 * answer carries `Content-Type: application/json`, `X-Okta-Request-Id` and the rate-limit headers.
 */
export function createOktaTarget(options: OktaTargetOptions): SandboxTarget {
  const { directory, random } = options
  const { limiter } = options
  const routes = new RouteTable<OktaHandler>()
  addOrgRoutes(routes)
  addUserRoutes(routes)
  addLifecycleRoutes(routes)
  addSessionAndFactorRoutes(routes)
  addGroupRoutes(routes)
  addMembershipRoutes(routes)

  const answer = (reply: OktaReply, limits: RateLimitState): SandboxAnswer => ({
    status: reply.status,
    body: reply.body,
    headers: {
      'Content-Type': 'application/json',
      'X-Okta-Request-Id': randomAlphanumerics(random, 27),
      ...rateLimitHeaders(limits),
      ...reply.headers,
    },
  })
  const failure = (error: OktaError, limits: RateLimitState): SandboxAnswer =>
    answer({ status: error.status, body: errorBody(error, `oae${randomAlphanumerics(random, 22)}`) }, limits)

  const actorFor = (request: SandboxRequest): { userId: string; readOnly: boolean } => {
    const header = request.headers.authorization ?? ''
    const match = /^SSWS(?:\s+(\S*))?\s*$/i.exec(header)
    // A missing or garbled header, or another scheme, is 403 E0000005 (okta.md §1.1 and the §9 checklist).
    if (!match) throw oktaErrors.invalidSession()
    const token = match[1] ?? ''
    if (token === '') throw oktaErrors.invalidToken()
    if (token === options.adminToken) return { userId: directory.adminUserId, readOnly: false }
    if (token === directory.readOnlyToken) return { userId: directory.readOnlyAdminUserId, readOnly: true }
    throw oktaErrors.invalidToken()
  }

  return {
    handle(request) {
      const bucket = rateLimitBucket(request.method, request.path)
      let limits: RateLimitState = limiter.peek(bucket)
      try {
        const actor = actorFor(request)
        limits = limiter.take(bucket)
        if (!limits.allowed) throw oktaErrors.rateLimited()
        const match = routes.match(request.method, request.path)
        if (match.kind === 'not_found') throw oktaErrors.pathNotFound()
        if (match.kind === 'method_not_allowed') throw oktaErrors.methodNotAllowed()
        const writes = request.method !== 'GET' && request.method !== 'HEAD'
        if (writes && actor.readOnly) throw oktaErrors.forbidden()
        // Before the handler: a write that fails part-way may still have changed something.
        if (writes) directory.written()
        const reply = match.handler(
          createContext({ request, params: match.params, query: request.query, directory, baseUrl: options.baseUrl(), actorUserId: actor.userId, random }),
        )
        if (writes) options.changed()
        return answer(reply, limits)
      } catch (error) {
        if (error instanceof OktaError) return failure(error, limits)
        throw error
      }
    },
    answerFault(kind: AnsweredFaultKind, request) {
      const errors = { rate_limit: oktaErrors.rateLimited, server_error: oktaErrors.internal, bad_gateway: oktaErrors.badGateway, unavailable: oktaErrors.unavailable }
      const bucket = rateLimitBucket(request.method, request.path)
      return failure(errors[kind](), kind === 'rate_limit' ? limiter.faultState(bucket) : limiter.peek(bucket))
    },
  }
}
