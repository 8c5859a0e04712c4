import { timingSafeEqual } from 'node:crypto'
import type { SandboxRequest } from '../framework/sandboxHttp'
import type { GoToAccountDirectory } from './GoToAccountDirectory'
import { goToErrors } from './goToErrors'
import type { GoToTokenIssuer, IssuedTokens } from './GoToTokenIssuer'
import type { GoToReply } from './goToRouting'

/** The token paths: today's `/oauth/token` and the legacy `/oauth/v2/token` of api.getgo.com (B.1, B.7). */
export const tokenPaths = ['/oauth/token', '/oauth/v2/token']

/** The only scope the Admin API needs ("Manage users across GoTo products", B.1). */
const adminScope = 'identity:'

export interface TokenEndpointOptions {
  directory: GoToAccountDirectory
  issuer: GoToTokenIssuer
  /** The administrator's sign-in and the OAuth client, as the tenant minted them at start. */
  username: string
  password: string
  clientSecret: string
  /** The administrator's personal access token for the OAuth client (new at every start, like the password). */
  personalAccessToken: string
}

/**
 * `POST /oauth/token`, form-encoded, with the client in HTTP Basic (RFC 6749 §2.3.1; GoTo's guides
 * use `client_secret_basic` only, so credentials in the body are not read). Grants:
 * - `personal_access_token` with `pat=` (what a desktop admin client uses now: GoTo closed the
 *   password grant to new OAuth clients);
 * - `password` (direct login: deprecated for new clients but still honoured for old ones, and the
 *   reference connector's way, since it has username and password parameters);
 * - `refresh_token` (rotated when the tenant is told to: `tenant.setRefreshTokenRotation`).
 * Each sign-in grant answers an access token (60 minutes) and a refresh token. Others
 * (`authorization_code` needs a browser) answer `unsupported_grant_type`.
 */
export function answerTokenRequest(request: SandboxRequest, options: TokenEndpointOptions): GoToReply {
  if (request.method !== 'POST') throw goToErrors.oauthMethodNotAllowed(request.method)
  if (!clientAuthenticated(request.headers.authorization, options.directory.clientId, options.clientSecret)) throw goToErrors.invalidClient()
  const contentType = String(request.headers['content-type'] ?? '')
  const form = /^application\/x-www-form-urlencoded\b/i.test(contentType) ? new URLSearchParams(request.bodyText) : new URLSearchParams()
  const grantType = form.get('grant_type')
  if (!grantType) throw goToErrors.invalidOAuthRequest('Missing grant type')
  if (grantType === 'password') return tokenReply(passwordGrant(form, options), options)
  if (grantType === 'personal_access_token') return tokenReply(personalAccessTokenGrant(form, options), options)
  if (grantType === 'refresh_token') {
    const refreshToken = form.get('refresh_token')
    if (!refreshToken) throw goToErrors.invalidOAuthRequest('Missing refresh token')
    const issued = options.issuer.grantForRefresh(refreshToken)
    if (!issued) throw goToErrors.invalidGrant('Invalid refresh token')
    return tokenReply(issued, options)
  }
  throw goToErrors.unsupportedGrantType(grantType)
}

function passwordGrant(form: URLSearchParams, options: TokenEndpointOptions): IssuedTokens {
  const username = form.get('username')
  const password = form.get('password')
  if (!username || password === null) throw goToErrors.invalidOAuthRequest('Missing username or password')
  // Sign-in names are emails: case does not matter; the password must match exactly.
  if (username.trim().toLowerCase() !== options.username.toLowerCase() || !sameText(password, options.password)) {
    throw goToErrors.invalidGrant('Bad credentials')
  }
  return options.issuer.grantForSignIn('password')
}

function personalAccessTokenGrant(form: URLSearchParams, options: TokenEndpointOptions): IssuedTokens {
  const pat = form.get('pat')
  if (!pat) throw goToErrors.invalidOAuthRequest('Missing pat')
  if (!sameText(pat, options.personalAccessToken)) throw goToErrors.invalidGrant('Invalid personal access token')
  return options.issuer.grantForSignIn('personal_access_token')
}

/**
 * `{access_token, token_type, refresh_token, expires_in, scope, principal}` (B.1), plus the legacy
 * host's `account_key` and `organizer_key` and the admin's names, which password-grant clients read.
 */
function tokenReply(issued: IssuedTokens, options: TokenEndpointOptions): GoToReply {
  const admin = options.directory.userByKey(options.directory.adminUserKey)
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    body: {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
      expires_in: issued.expiresIn,
      scope: adminScope,
      principal: options.username,
      account_key: options.directory.account.key,
      organizer_key: options.directory.adminUserKey,
      email: options.username,
      firstName: admin?.firstName ?? '',
      lastName: admin?.lastName ?? '',
    },
  }
}

function clientAuthenticated(header: string | undefined, clientId: string, clientSecret: string): boolean {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '')
  if (!match) return false
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon === -1) return false
  return decoded.slice(0, colon) === clientId && sameText(decoded.slice(colon + 1), clientSecret)
}

function sameText(given: string, expected: string): boolean {
  const left = Buffer.from(given)
  const right = Buffer.from(expected)
  return left.length === right.length && timingSafeEqual(left, right)
}
