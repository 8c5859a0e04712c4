import { CoupaError } from './coupaErrors'
import type { CoupaCaller } from './CoupaOAuthServer'

/*
 * Which scope a request needs (coupa-gotomeeting.md A.2: scopes are `service.object.right`; the
 * swagger sets no per-operation security, so the content-group and account-group scopes are
 * inferred, as shared/catalogue/coupaScopes.ts says). Reads need `.read`, writes `.write`; a write
 * scope does not stand in for the read one. GraphQL is Coupa's set-up catalogue: `core.common.read`.
 */

const resourceScopes: readonly { prefix: RegExp; service: string }[] = [
  { prefix: /^\/api\/users(\/|$)/, service: 'core.user' },
  { prefix: /^\/api\/user_group(s|_memberships)(\/|$)/, service: 'core.user_group' },
  { prefix: /^\/api\/business_groups(\/|$)/, service: 'core.common' },
  { prefix: /^\/api\/account_groups(\/|$)/, service: 'core.accounting' },
]

/** The scope `method path` needs, or undefined when no scope guards it (an unknown route: 404 follows). */
export function requiredScope(method: string, path: string): string | undefined {
  if (path === '/api/graphql') return 'core.common.read'
  const resource = resourceScopes.find((candidate) => candidate.prefix.test(path))
  if (!resource) return undefined
  return `${resource.service}.${method === 'GET' || method === 'HEAD' ? 'read' : 'write'}`
}

/**
 * Refuses what the caller may not do: with an OAuth token, a request outside its scopes (403); with
 * the legacy API key, GraphQL, which Coupa serves to OAuth clients only (A.3, the GraphQL guide).
 * Coupa documents neither body; the tenant answers its usual error shape.
 */
export function checkScope(caller: CoupaCaller, method: string, path: string): void {
  if (caller.kind === 'apiKey') {
    if (path === '/api/graphql') {
      throw new CoupaError(403, 'authorization', ['GraphQL is available to OAuth clients only: API keys cannot use it. Sign in with an OAuth client (client credentials).'])
    }
    return
  }
  const scope = requiredScope(method, path)
  if (scope !== undefined && !caller.scopes.includes(scope)) {
    throw new CoupaError(403, 'authorization', [`The access token's scopes do not include ${scope}, which ${method} ${path} needs.`])
  }
}
