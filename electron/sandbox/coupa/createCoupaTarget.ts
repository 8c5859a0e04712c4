import { randomUUID, timingSafeEqual } from 'node:crypto'
import { RouteTable } from '../framework/RouteTable'
import type { AnsweredFaultKind, SandboxAnswer, SandboxRequest, SandboxTarget } from '../framework/sandboxHttp'
import { addCatalogueRoutes } from './catalogueRoutes'
import type { CoupaDirectory } from './CoupaDirectory'
import { CoupaError, coupaErrors, errorBody } from './coupaErrors'
import type { CoupaRateLimiter } from './CoupaRateLimiter'
import { coupaTokenPath, type CoupaCaller, type CoupaOAuthServer } from './CoupaOAuthServer'
import type { CoupaHandler } from './coupaRouting'
import { checkScope } from './coupaScopeGuard'
import { EmbeddedRecords } from './EmbeddedRecords'
import { addGraphqlRoutes } from './graphqlRoutes'
import { addUserRoutes } from './userRoutes'

export interface RecordedRequest {
  method: string
  path: string
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown
}

export interface CoupaTargetOptions {
  directory: CoupaDirectory
  apiKey: string
  /** The instance's OAuth client and the tokens it was issued. */
  oauth: CoupaOAuthServer
  /** The API user the key belongs to. */
  apiUserId: number
  limiter: CoupaRateLimiter
  /** Known only once the server listens. */
  baseUrl: () => string
  /** Called after a write succeeded (persistence). */
  changed: () => void
  /** Called with every write's body, served or refused (tests check what a client sent). */
  recordWrite: (request: RecordedRequest) => void
}

/**
 * The Coupa instance as the framework's server sees it. `POST /oauth2/token` hands out OAuth tokens
 * (CoupaOAuthServer). Per API request, in order: the caller, by `Authorization: Bearer` or the
 * legacy `X-COUPA-API-KEY` (401), the token's scopes (403, coupaScopeGuard), the rate limit when on (429), `Accept: application/json` (406), a JSON
 * body for writes (415), then the route (404 unknown path, 405 unsupported method).
 */
export function createCoupaTarget(options: CoupaTargetOptions): SandboxTarget {
  const { directory } = options
  const routes = new RouteTable<CoupaHandler>()
  addUserRoutes(routes)
  addCatalogueRoutes(routes)
  addGraphqlRoutes(routes)
  const expectedKey = Buffer.from(options.apiKey)
  const embedded = new EmbeddedRecords(directory, options.baseUrl)

  const answer = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxAnswer => ({
    status,
    body,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': randomUUID(), ...headers },
  })
  const failure = (error: CoupaError) => answer(error.status, errorBody(error), error.headers)

  const authenticate = (request: SandboxRequest): CoupaCaller => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
    if (bearer) {
      const caller = options.oauth.callerOf(bearer[1] as string)
      if (!caller) throw coupaErrors.invalidToken()
      return caller
    }
    const header = request.headers['x-coupa-api-key']
    const key = Buffer.from(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''))
    if (key.length !== expectedKey.length || !timingSafeEqual(key, expectedKey)) throw coupaErrors.unauthorized()
    return { kind: 'apiKey' }
  }

  const checkFormats = (request: SandboxRequest) => {
    if (!/application\/json/i.test(request.headers.accept ?? '')) throw coupaErrors.notAcceptable()
    const contentType = request.headers['content-type'] ?? ''
    if (request.bodyText.trim() !== '' && !/application\/json/i.test(contentType)) throw coupaErrors.unsupportedMediaType()
  }

  return {
    handle(request) {
      const writes = request.method !== 'GET' && request.method !== 'HEAD'
      if (request.path.replace(/\/+$/, '') === coupaTokenPath) return options.oauth.answerTokenRequest(request)
      try {
        checkScope(authenticate(request), request.method, request.path)
        if (!options.limiter.take()) throw coupaErrors.rateLimited()
        if (writes) options.recordWrite({ method: request.method, path: request.path, body: parsedOrText(request.bodyText) })
        checkFormats(request)
        const match = routes.match(request.method, request.path)
        if (match.kind === 'not_found') throw coupaErrors.noRoute(request.method, request.path)
        if (match.kind === 'method_not_allowed') throw coupaErrors.methodNotAllowed(request.method, match.allowed)
        const reply = match.handler({ request, params: match.params, query: request.query, directory, baseUrl: options.baseUrl(), actorUserId: options.apiUserId, embedded })
        if (writes && request.path !== '/api/graphql') options.changed()
        return answer(reply.status, reply.body, reply.headers)
      } catch (error) {
        if (error instanceof CoupaError) return failure(error)
        throw error
      }
    },
    answerFault(kind: AnsweredFaultKind) {
      const errors = { rate_limit: coupaErrors.rateLimited, server_error: coupaErrors.internal, bad_gateway: coupaErrors.badGateway, unavailable: coupaErrors.unavailable }
      return failure(errors[kind]())
    },
  }
}

function parsedOrText(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
