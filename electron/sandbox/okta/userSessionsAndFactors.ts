import type { RouteTable } from '../framework/RouteTable'
import { noContent, ok, type OktaContext, type OktaHandler, type OktaReply } from './oktaRouting'

/*
 * A user's sessions and MFA factors (okta-management.yaml `revokeUserSessions`, `listFactors`):
 * `DELETE /api/v1/users/{id}/sessions` answers 204 for any user (Okta documents no status it
 * refuses), and `GET …/factors` lists what is enrolled, which is how an admin sees that
 * reset_factors worked. Okta has no API that lists a user's sessions, so neither has the sandbox.
 */
export function addSessionAndFactorRoutes(routes: RouteTable<OktaHandler>): void {
  routes.add('DELETE', '/api/v1/users/:userId/sessions', revokeSessions).add('GET', '/api/v1/users/:userId/factors', listFactors)
}

function revokeSessions(context: OktaContext): OktaReply {
  context.directory.requireUser(context.params.userId ?? '')
  return noContent()
}

function listFactors(context: OktaContext): OktaReply {
  const user = context.directory.requireUser(context.params.userId ?? '')
  const self = `${context.baseUrl}/api/v1/users/${user.id}/factors`
  return ok(
    (user.factors ?? []).map((factorType, index) => ({
      id: `ufs${user.id.slice(3, 12)}${index}`,
      factorType,
      provider: 'OKTA',
      vendorName: 'OKTA',
      status: 'ACTIVE',
      created: user.activated ?? user.created,
      lastUpdated: user.activated ?? user.created,
      _links: { self: { href: `${self}/ufs${user.id.slice(3, 12)}${index}`, hints: { allow: ['GET', 'DELETE'] } } },
    })),
  )
}
