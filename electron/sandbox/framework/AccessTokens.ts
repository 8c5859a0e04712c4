import { randomBytes } from 'node:crypto'

/**
 * An OAuth server's memory of the access tokens it issued: until when each works and which scopes
 * it carries. Held in memory only: tokens never reach a state file, and a restart (with its new
 * client secret) invalidates them all, as a real secret change would. The GoTo and Coupa tenants
 * both issue through one of these.
 */
export class AccessTokens {
  private readonly tokens = new Map<string, { expiresAt: number; scopes: readonly string[] }>()
  private lifetimeSeconds: number
  private issued = 0

  constructor(
    defaultLifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lifetimeSeconds = defaultLifetimeSeconds
  }

  /** Applies to tokens issued from now on; what `expires_in` then says. */
  setLifetime(seconds: number): void {
    if (!(Number.isFinite(seconds) && seconds > 0)) throw new RangeError(`A token lifetime is a number of seconds above 0, not ${seconds}.`)
    this.lifetimeSeconds = seconds
  }

  /** Every access token issued so far stops working. */
  expireAll(): void {
    const past = this.now() - 1
    for (const token of this.tokens.values()) token.expiresAt = past
  }

  /** Access tokens issued since start (one per successful grant). */
  count(): number {
    return this.issued
  }

  issue(scopes: readonly string[] = []): { accessToken: string; expiresIn: number } {
    const accessToken = newOpaqueJwt()
    this.tokens.set(accessToken, { expiresAt: this.now() + this.lifetimeSeconds * 1000, scopes: [...scopes] })
    this.issued++
    return { accessToken, expiresIn: this.lifetimeSeconds }
  }

  /** The scopes of a token that still works; undefined for an unknown or expired one. */
  scopesOf(accessToken: string): readonly string[] | undefined {
    const token = this.tokens.get(accessToken)
    return token !== undefined && this.now() < token.expiresAt ? token.scopes : undefined
  }

  isValid(accessToken: string): boolean {
    return this.scopesOf(accessToken) !== undefined
  }
}

/**
 * Shaped like the targets' tokens (`eyJ…`, a JWT), but opaque: the signature is random bytes and
 * clients must not read anything from it. From the OS's randomness, never the seed.
 */
export function newOpaqueJwt(): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url')
  const payload = Buffer.from(JSON.stringify({ jti: randomBytes(12).toString('hex') })).toString('base64url')
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`
}
