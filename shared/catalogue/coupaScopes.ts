/*
 * The OAuth scopes a Coupa profile asks for (coupa-gotomeeting.md A.2: Coupa's scopes are
 * `service.object.right`; the same sets Okta Workflows and baton-coupa ask for), and what Lanyard
 * cannot do without each. Which scope guards content groups and account groups is not documented:
 * `core.common.*` and `core.accounting.*` are inferred, as the sandbox tenant enforces them.
 */

export interface CoupaScopeUse {
  scope: string
  /** What stops working without it, after "Without it, Lanyard cannot …". */
  disables: string
}

export const coupaScopeUses: readonly CoupaScopeUse[] = [
  { scope: 'core.user.read', disables: 'list, search or open users' },
  { scope: 'core.user.write', disables: "create or change users, deprovision or undo, or change a user's roles and groups" },
  { scope: 'core.user_group.read', disables: 'list user groups' },
  { scope: 'core.user_group.write', disables: 'change user group memberships' },
  { scope: 'core.common.read', disables: 'list roles (read through Coupa GraphQL) or content groups' },
  { scope: 'core.accounting.read', disables: 'list account groups' },
]

/** What a new Coupa profile asks for: everything above. */
export const coupaOAuthScopes: readonly string[] = coupaScopeUses.map((use) => use.scope)

/** A scope field's text as a list: split on spaces or commas (Coupa's own screens show them comma-separated). */
export function parseScopes(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((scope) => scope !== ''))]
}
