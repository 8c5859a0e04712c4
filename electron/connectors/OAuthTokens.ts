import { z } from 'zod'
import type { HttpClient } from '../http/types'
import type { Logger } from '../logging/Logger'
import { AppError } from '../errors/AppError'

const tokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.union([z.number().positive(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  refresh_token: z.string().min(1).nullish(),
  scope: z.string().nullish(),
})

export interface OAuthTokensOptions {
  /** The sign-in client: its base URL is the token endpoint's origin, its `authenticate` the client's (Basic, or nothing). */
  http: HttpClient
  /** The token endpoint's path on that origin. */
  path: string
  /** The form of a fresh sign-in (client credentials, a personal access token, a password). */
  signInForm: Readonly<Record<string, string>>
  logger: Logger
  /** The target's name in messages ("GoTo's sign-in answered …"). */
  targetName: string
  /** Marks sign-in failures (`details.signIn`), so a 401 of the sign-in is not taken for a rejected access token. */
  signInName: string
  /** What to check when the answer carries no token: "Check that the profile's Target URL is …". */
  noTokenHint: string
  /** When the answer gives no `expires_in`. */
  defaultLifetimeSeconds: number
  /** Renewed this long before expiry, at most a tenth of the token's life. */
  renewMarginMs: number
  now?: () => number
}

/**
 * A profile's OAuth tokens, in memory only: obtained with the sign-in form, renewed before the
 * access token expires or after the target rejects it, with the refresh token when one was issued
 * (a rotated one replaces it) and with the sign-in form again when there is none or it is refused.
 * Every token is registered with the logger as a secret the moment it arrives, so no log line or
 * error can carry one. One renewal at a time: requests that need a token while one is being
 * fetched wait for that one, so a session asks once per expiry, however many requests it sends.
 */
export class OAuthTokens {
  private accessToken: string | null = null
  private expiresAt = 0
  private renewBeforeMs = 0
  private refreshToken: string | null = null
  private renewing: Promise<string> | null = null
  private issued = 0
  private scope: string | null = null
  private readonly now: () => number

  constructor(private readonly options: OAuthTokensOptions) {
    this.now = options.now ?? Date.now
  }

  /** Counts the access tokens obtained: a rejected request renews only the token it was sent with. */
  get generation(): number {
    return this.issued
  }

  /** The scopes the last token answer granted (`scope`), or null when it said none. */
  get grantedScope(): string | null {
    return this.scope
  }

  /** A valid access token: the one held, unless it is about to expire. */
  current(): Promise<string> {
    if (this.accessToken && this.now() < this.expiresAt - this.renewBeforeMs) return Promise.resolve(this.accessToken)
    this.renewing ??= this.obtain().finally(() => (this.renewing = null))
    return this.renewing
  }

  /** The target answered 401 to a request sent with the token of `generation`: drop it, unless a newer one came since. */
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
        // A refresh token expires or is revoked: the sign-in form signs in afresh. Other failures
        // (the network, the rate limit) would fail that too, so they are reported as they are.
        if (!(error instanceof AppError && error.code === 'auth_failed')) throw error
        this.refreshToken = null
      }
    }
    return this.grant(this.options.signInForm)
  }

  private async grant(form: Readonly<Record<string, string>>): Promise<string> {
    const signIn = this.options.signInName
    let data: unknown
    try {
      // A token grant may be sent twice without harm: the first token is simply never used.
      data = (await this.options.http.request({ method: 'POST', path: this.options.path, form, idempotent: true })).data
    } catch (error: unknown) {
      if (!(error instanceof AppError)) throw error
      throw new AppError(error.code, error.message, { ...error.extra, details: { ...error.extra.details, signIn } })
    }
    const parsed = tokenAnswerSchema.safeParse(data)
    if (!parsed.success) throw new AppError('auth_failed', `${this.options.targetName}'s sign-in answered without an access token. ${this.options.noTokenHint}`, { details: { signIn } })
    const answer = parsed.data
    this.options.logger.registerSecret(answer.access_token)
    if (answer.refresh_token) {
      this.options.logger.registerSecret(answer.refresh_token)
      this.refreshToken = answer.refresh_token
    }
    const lifetimeMs = (answer.expires_in ?? this.options.defaultLifetimeSeconds) * 1000
    this.accessToken = answer.access_token
    this.expiresAt = this.now() + lifetimeMs
    this.renewBeforeMs = Math.min(this.options.renewMarginMs, lifetimeMs / 10)
    this.scope = answer.scope ?? this.scope
    this.issued++
    return answer.access_token
  }
}

/** The target rejected the access token (it expired early, or was revoked): not a failure of the sign-in itself. */
function rejectedToken(error: unknown): boolean {
  return error instanceof AppError && error.extra.details?.status === '401' && error.extra.details.signIn === undefined
}

/**
 * An API client that signs in first (outside the API client, so the sign-in's own failures are
 * reported as they are), then on a 401 renews the token once and sends the request once more: a
 * 401 means the request was turned away unprocessed, so even a POST may be sent again. A second
 * 401 is reported as it is.
 */
export function renewingOnRejection(api: HttpClient, tokens: OAuthTokens): HttpClient {
  return {
    async request(request) {
      await tokens.current()
      const generation = tokens.generation
      try {
        return await api.request(request)
      } catch (error: unknown) {
        if (!rejectedToken(error)) throw error
        await tokens.renewAfterRejection(generation)
        return api.request(request)
      }
    },
    close: () => api.close(),
  }
}
