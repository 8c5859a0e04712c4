import { timingSafeEqual } from 'node:crypto'
import { coupaOAuthScopes } from '../../../shared/catalogue/coupaScopes'
import { AccessTokens } from '../framework/AccessTokens'
import type { SandboxAnswer, SandboxRequest } from '../framework/sandboxHttp'

/** Coupa's tokens last 24 hours: "expires_in 86,399 seconds" (coupa-gotomeeting.md A.2). */
export const coupaTokenLifetimeSeconds = 86_399

/** The token endpoint's path (A.2: the prose docs and every connector use it, not the swagger's `/oauth2/access_tokens`). */
export const coupaTokenPath = '/oauth2/token'

/** Scopes an instance knows besides Lanyard's (A.2): asking for one is fine, it is just not needed. */
const otherKnownScopes = ['core.common.write', 'core.accounting.write', 'core.business_entity.read', 'core.business_entity.write', 'openid', 'email', 'profile', 'login', 'offline_access']

/** Who is calling: the legacy API key, or an OAuth access token with its scopes. */
export type CoupaCaller = { kind: 'apiKey' } | { kind: 'oauth'; scopes: readonly string[] }

/**
 * The instance's OAuth server for one client-credentials client (A.2): `POST /oauth2/token`, form
 * body `grant_type=client_credentials&scope=…`, the client in the body (`client_id`,
 * `client_secret`, as Coupa's guide shows) or in HTTP Basic (as baton-coupa sends it). It grants the
 * requested scopes the client was given (all of Lanyard's unless a test takes some away), answers
 * `{access_token, token_type, expires_in: 86399, scope}` and no refresh token: a client asks again.
 * Tokens live in memory only; the client secret is new at every start.
 */
export class CoupaOAuthServer {
  readonly tokens = new AccessTokens(coupaTokenLifetimeSeconds)
  private clientScopes: readonly string[] = coupaOAuthScopes

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  /** The scopes an administrator gave the client in Coupa (Setup › OAuth2/OpenID Connect Clients). */
  setClientScopes(scopes: readonly string[]): void {
    this.clientScopes = [...scopes]
  }

  /** The caller a bearer header names, or undefined when it names no working token. */
  callerOf(accessToken: string): CoupaCaller | undefined {
    const scopes = this.tokens.scopesOf(accessToken)
    return scopes && { kind: 'oauth', scopes }
  }

  answerTokenRequest(request: SandboxRequest): SandboxAnswer {
    if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST.')
    const contentType = String(request.headers['content-type'] ?? '')
    if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) return oauthError(400, 'invalid_request', 'Send the form as application/x-www-form-urlencoded.')
    const form = new URLSearchParams(request.bodyText)
    const client = clientOf(request.headers.authorization, form)
    if (!client || client.id !== this.clientId || !sameText(client.secret, this.clientSecret)) {
      return oauthError(401, 'invalid_client', 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.')
    }
    const grantType = form.get('grant_type')
    if (!grantType) return oauthError(400, 'invalid_request', 'The request is missing a required parameter: grant_type.')
    if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.')
    const requested = (form.get('scope') ?? '').split(/\s+/).filter((scope) => scope !== '')
    const unknown = requested.filter((scope) => !coupaOAuthScopes.includes(scope) && !otherKnownScopes.includes(scope))
    if (unknown.length > 0) return oauthError(400, 'invalid_scope', `The requested scope is invalid, unknown, or malformed: ${unknown.join(' ')}.`)
    const granted = requested.length === 0 ? this.clientScopes : requested.filter((scope) => this.clientScopes.includes(scope))
    if (granted.length === 0) return oauthError(400, 'invalid_scope', 'The client was given none of the requested scopes.')
    const issued = this.tokens.issue(granted)
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Pragma: 'no-cache' },
      body: { access_token: issued.accessToken, token_type: 'bearer', expires_in: issued.expiresIn, scope: granted.join(' ') },
    }
  }
}

function clientOf(header: string | undefined, form: URLSearchParams): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '')
  if (match) {
    const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return colon === -1 ? undefined : { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) }
  }
  const id = form.get('client_id')
  const secret = form.get('client_secret')
  return id !== null && secret !== null ? { id, secret } : undefined
}

/** RFC 6749 §5.2's error answer (Coupa documents no other). */
function oauthError(status: number, error: string, description: string): SandboxAnswer {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="Coupa"' } : {}) },
    body: { error, error_description: description },
  }
}

function sameText(given: string, expected: string): boolean {
  const left = Buffer.from(given)
  const right = Buffer.from(expected)
  return left.length === right.length && timingSafeEqual(left, right)
}
