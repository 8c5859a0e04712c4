import type { HttpClient } from '../../http/types'
import type { Logger } from '../../logging/Logger'
import { OAuthTokens } from '../OAuthTokens'

/**
 * Where a profile signs in. The Admin API and GoTo's OAuth server live on two hosts (B.1): the real
 * API host `api.getgo.com` maps to the real token endpoint on `authentication.logmeininc.com`; any
 * other host (the sandbox tenant, a company proxy) serves the token endpoint itself, at
 * `<origin>/oauth/token`. So a profile never needs a second URL, and a profile pointed at a proxy
 * never sends its password or token to GoTo's host behind the proxy's back.
 */
export const realApiHost = 'api.getgo.com'
export const realTokenEndpoint = 'https://authentication.logmeininc.com/oauth/token'

export function tokenEndpointFor(targetUrl: URL): URL {
  if (targetUrl.hostname.toLowerCase() === realApiHost) return new URL(realTokenEndpoint)
  return new URL('/oauth/token', targetUrl.origin)
}

/** GoTo's access tokens live 60 minutes when the answer does not say (B.1). */
const defaultLifetimeSeconds = 3600
/** Renewed this long before it expires (a tenth of its life for short-lived tokens). */
const renewMarginMs = 60_000

/** How a GoTo profile signs in: a personal access token (the default) or the older password grant. */
export type GoToSignIn = { grantType: 'personalAccessToken'; personalAccessToken: string } | { grantType: 'password'; username: string; password: string }

function signInForm(signIn: GoToSignIn): Record<string, string> {
  if (signIn.grantType === 'personalAccessToken') return { grant_type: 'personal_access_token', pat: signIn.personalAccessToken }
  return { grant_type: 'password', username: signIn.username, password: signIn.password }
}

/**
 * The profile's GoTo tokens (see OAuthTokens): signed in with the personal access token or the
 * password, renewed with the refresh token GoTo issues (a rotated one replaces the old), and with
 * the sign-in again when the refresh token is refused.
 */
export class GoToTokens extends OAuthTokens {
  constructor(http: HttpClient, path: string, signIn: GoToSignIn, logger: Logger, now?: () => number) {
    super({
      http,
      path,
      signInForm: signInForm(signIn),
      logger,
      targetName: 'GoTo',
      signInName: 'GoTo token endpoint',
      noTokenHint: "Check that the profile's Target URL is the GoTo Admin API.",
      defaultLifetimeSeconds,
      renewMarginMs,
      now,
    })
  }
}
