import { z } from 'zod'
import type { HttpClient } from '../../http/types'
import type { Logger } from '../../logging/Logger'
import { AppError } from '../../errors/AppError'

/**
 * Where a profile signs in. The Admin API and GoTo's OAuth server live on two hosts (B.1): the real
 * API host `api.getgo.com` maps to the real token endpoint on `authentication.logmeininc.com`; any
 * other host (the sandbox tenant, a company proxy) serves the token endpoint itself, at
 * `<origin>/oauth/token`. So a profile never needs a second URL, and a profile pointed at a proxy
 * never sends its password to GoTo's host behind the proxy's back.
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

const tokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.union([z.number().positive(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  refresh_token: z.string().min(1).nullish(),
})

export interface SignInCredentials {
  username: string
  password: string
}

/**
 * The profile's OAuth tokens, in memory only: signed in with the password grant (the reference's
 * username and password parameters), renewed with the refresh token before the access token
 * expires or after GoTo rejects it, and with the password again when the refresh token is refused.
 * Every token is registered with the logger as a secret the moment it arrives. One renewal at a
 * time: requests that need a token while one is being fetched wait for that one.
 */
export class GoToTokens {
  private accessToken: string | null = null
  private expiresAt = 0
  private renewBeforeMs = 0
  private refreshToken: string | null = null
  private renewing: Promise<string> | null = null
  private issued = 0

  constructor(
    private readonly http: HttpClient,
    /** The token endpoint's path on the sign-in client's base URL. */
    private readonly path: string,
    private readonly credentials: SignInCredentials,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts the access tokens obtained: a rejected request renews only the token it was sent with. */
  get generation(): number {
    return this.issued
  }

  /** A valid access token: the one held, unless it is about to expire. */
  current(): Promise<string> {
    if (this.accessToken && this.now() < this.expiresAt - this.renewBeforeMs) return Promise.resolve(this.accessToken)
    this.renewing ??= this.obtain().finally(() => (this.renewing = null))
    return this.renewing
  }

  /** GoTo answered 401 to a request sent with the token of `generation`: drop it, unless a newer one came since. */
  renewAfterRejection(generation: number): Promise<string> {
    if (generation === this.issued) this.accessToken = null
    return this.current()
  }

  /** Forgets every token (the profile is closed). */
  forget(): void {
    this.accessToken = null
    this.refreshToken = null
  }

  private async obtain(): Promise<string> {
    if (this.refreshToken) {
      try {
        return await this.grant({ grant_type: 'refresh_token', refresh_token: this.refreshToken })
      } catch (error: unknown) {
        // A refresh token expires or is revoked: the password signs in afresh. Other failures
        // (the network, the rate limit) would fail that too, so they are reported as they are.
        if (!(error instanceof AppError && error.code === 'auth_failed')) throw error
        this.refreshToken = null
      }
    }
    return this.grant({ grant_type: 'password', username: this.credentials.username, password: this.credentials.password })
  }

  private async grant(form: Record<string, string>): Promise<string> {
    let data: unknown
    try {
      // A token grant may be sent twice without harm: the first token is simply never used.
      data = (await this.http.request({ method: 'POST', path: this.path, form, idempotent: true })).data
    } catch (error: unknown) {
      if (!(error instanceof AppError)) throw error
      // Marked, so that a 401 of the sign-in itself is not taken for an expired access token.
      throw new AppError(error.code, error.message, { ...error.extra, details: { ...error.extra.details, signIn: 'GoTo token endpoint' } })
    }
    const parsed = tokenAnswerSchema.safeParse(data)
    if (!parsed.success) {
      throw new AppError(
        'auth_failed',
        "GoTo's sign-in answered without an access token. Check that the profile's Target URL is the GoTo Admin API.",
        { details: { signIn: 'GoTo token endpoint' } },
      )
    }
    const answer = parsed.data
    this.logger.registerSecret(answer.access_token)
    if (answer.refresh_token) {
      this.logger.registerSecret(answer.refresh_token)
      this.refreshToken = answer.refresh_token
    }
    const lifetimeMs = (answer.expires_in ?? defaultLifetimeSeconds) * 1000
    this.accessToken = answer.access_token
    this.expiresAt = this.now() + lifetimeMs
    this.renewBeforeMs = Math.min(renewMarginMs, lifetimeMs / 10)
    this.issued++
    return answer.access_token
  }
}
