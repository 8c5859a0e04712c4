import { randomBytes } from 'node:crypto'

/**
 * The OAuth server's memory: which access and refresh tokens it issued and until when. Held in
 * memory only: tokens never reach the state file, and a restart (with its new client secret and
 * password) invalidates them all, as a real password change would.
 */

/** GoTo access tokens live 60 minutes (coupa-gotomeeting.md B.1). */
export const defaultTokenLifetimeSeconds = 3600

export interface IssuedTokens {
  accessToken: string
  refreshToken: string | undefined
  expiresIn: number
}

export class GoToTokenIssuer {
  private readonly accessTokens = new Map<string, number>()
  private readonly refreshTokens = new Set<string>()
  private lifetimeSeconds = defaultTokenLifetimeSeconds
  private grants = 0

  constructor(private readonly now: () => number = Date.now) {}

  /** Applies to tokens issued from now on; what `expires_in` then says. */
  setLifetime(seconds: number): void {
    if (!(Number.isFinite(seconds) && seconds > 0)) throw new RangeError(`A token lifetime is a number of seconds above 0, not ${seconds}.`)
    this.lifetimeSeconds = seconds
  }

  /** Every access token issued so far stops working (refresh tokens still do). */
  expireAll(): void {
    const past = this.now() - 1
    for (const token of this.accessTokens.keys()) this.accessTokens.set(token, past)
  }

  /** Successful grants (password and refresh) since start. */
  grantCount(): number {
    return this.grants
  }

  /** A password grant: a new access token and a new refresh token. */
  grantForPassword(): IssuedTokens {
    const refreshToken = newToken()
    this.refreshTokens.add(refreshToken)
    return { ...this.issueAccessToken(), refreshToken }
  }

  /**
   * A refresh grant, or undefined when the refresh token is unknown. GoTo answers a new
   * `refresh_token` only when it rotates one (B.1); the sandbox does not rotate, so the answer has
   * none and the same refresh token keeps working.
   */
  grantForRefresh(refreshToken: string): IssuedTokens | undefined {
    if (!this.refreshTokens.has(refreshToken)) return undefined
    return { ...this.issueAccessToken(), refreshToken: undefined }
  }

  isValid(accessToken: string): boolean {
    const expiresAt = this.accessTokens.get(accessToken)
    return expiresAt !== undefined && this.now() < expiresAt
  }

  private issueAccessToken(): { accessToken: string; expiresIn: number } {
    const accessToken = newToken()
    this.accessTokens.set(accessToken, this.now() + this.lifetimeSeconds * 1000)
    this.grants++
    return { accessToken, expiresIn: this.lifetimeSeconds }
  }
}

/**
 * Shaped like GoTo's tokens (`eyJ…`, a JWT), but opaque: the signature is random bytes and
 * clients must not read anything from it. From the OS's randomness, never the seed.
 */
function newToken(): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url')
  const payload = Buffer.from(JSON.stringify({ jti: randomBytes(12).toString('hex') })).toString('base64url')
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`
}
