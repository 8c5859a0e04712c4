import { AccessTokens, newOpaqueJwt } from '../framework/AccessTokens'

/**
 * The GoTo OAuth server's memory: access tokens (see AccessTokens) and the refresh tokens it
 * issued. In memory only: a restart (with its new client secret, password and personal access
 * token) invalidates them all, as a real password change would.
 */

/** GoTo access tokens live 60 minutes (coupa-gotomeeting.md B.1). */
export const defaultTokenLifetimeSeconds = 3600

/** The grants the tenant honours. */
export type GoToGrantType = 'personal_access_token' | 'password' | 'refresh_token'

export interface IssuedTokens {
  accessToken: string
  refreshToken: string | undefined
  expiresIn: number
}

export class GoToTokenIssuer {
  private readonly accessTokens: AccessTokens
  private readonly refreshTokens = new Set<string>()
  private rotating = false
  private readonly grantsByType = new Map<GoToGrantType, number>()

  constructor(now: () => number = Date.now) {
    this.accessTokens = new AccessTokens(defaultTokenLifetimeSeconds, now)
  }

  /** Applies to tokens issued from now on; what `expires_in` then says. */
  setLifetime(seconds: number): void {
    this.accessTokens.setLifetime(seconds)
  }

  /**
   * With rotation on, a refresh grant answers a new refresh token and the one it used stops
   * working (GoTo answers a new `refresh_token` when it rotates one, B.1). Off by default.
   */
  setRefreshTokenRotation(on: boolean): void {
    this.rotating = on
  }

  /** Every access token issued so far stops working (refresh tokens still do). */
  expireAll(): void {
    this.accessTokens.expireAll()
  }

  /** Successful grants since start, of one type or all. */
  grantCount(grantType?: GoToGrantType): number {
    return grantType === undefined ? this.accessTokens.count() : (this.grantsByType.get(grantType) ?? 0)
  }

  /** A password or personal-access-token grant: a new access token and a new refresh token. */
  grantForSignIn(grantType: Exclude<GoToGrantType, 'refresh_token'>): IssuedTokens {
    this.counted(grantType)
    return { ...this.issueAccessToken(), refreshToken: this.newRefreshToken() }
  }

  /**
   * A refresh grant, or undefined when the refresh token is unknown (or was rotated away). Without
   * rotation the answer has no `refresh_token` and the same one keeps working.
   */
  grantForRefresh(refreshToken: string): IssuedTokens | undefined {
    if (!this.refreshTokens.has(refreshToken)) return undefined
    this.counted('refresh_token')
    if (!this.rotating) return { ...this.issueAccessToken(), refreshToken: undefined }
    this.refreshTokens.delete(refreshToken)
    return { ...this.issueAccessToken(), refreshToken: this.newRefreshToken() }
  }

  isValid(accessToken: string): boolean {
    return this.accessTokens.isValid(accessToken)
  }

  private issueAccessToken(): { accessToken: string; expiresIn: number } {
    return this.accessTokens.issue(['identity:'])
  }

  private counted(grantType: GoToGrantType): void {
    this.grantsByType.set(grantType, this.grantCount(grantType) + 1)
  }

  private newRefreshToken(): string {
    const refreshToken = newOpaqueJwt()
    this.refreshTokens.add(refreshToken)
    return refreshToken
  }
}
