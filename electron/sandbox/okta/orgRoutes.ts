import type { RouteTable } from '../framework/RouteTable'
import { renderOrg, renderUser } from './oktaRepresentations'
import { ok, type OktaHandler } from './oktaRouting'
import { entityTag } from './userRoutes'

/** What a "test connection" reads: the org's settings and the token's own admin user. */
export function addOrgRoutes(routes: RouteTable<OktaHandler>): void {
  routes
    .add('GET', '/api/v1/org', (context) => ok(renderOrg(context.directory.org, context.baseUrl)))
    .add('GET', '/api/v1/users/me', (context) => {
      const user = context.directory.requireUser(context.actorUserId)
      return ok(renderUser(user, context.baseUrl), { ETag: entityTag(user) })
    })
}
