import type { RouteTable } from '../framework/RouteTable'
import type { Catalogues, CoupaDirectory } from './CoupaDirectory'
import { coupaErrors } from './coupaErrors'
import { listPage, parseListParameters, readJsonPath } from './coupaQuery'
import { renderAccountGroup, renderContentGroup, renderUserGroup, type Json } from './coupaRepresentations'
import { shape, type CoupaContext, type CoupaHandler, type CoupaReply } from './coupaRouting'

/**
 * The group-like resources (coupa-gotomeeting.md A.5): content groups (`/api/business_groups`),
 * user groups (`/api/user_groups`, approval groups among them) and account groups, with the users'
 * paging and filters. Only GET is routed: the connector reference declares them read-only in the
 * target, so a write answers 405 with `Allow: GET`. Roles have no REST resource at all (no
 * `/api/roles` in the docs or in the R23–R39 swaggers): `/api/roles` is an unknown route (404),
 * and the role catalogue is read through GraphQL (graphqlRoutes.ts).
 */

interface CatalogueResource<Kind extends keyof Catalogues> {
  path: string
  kind: Kind
  /** The singular resource name errors are filed under. */
  resource: string
  render: (record: Catalogues[Kind], directory: CoupaDirectory, baseUrl: string) => Json
}

const resources = [
  { path: '/api/business_groups', kind: 'contentGroups', resource: 'business_group', render: renderContentGroup } satisfies CatalogueResource<'contentGroups'>,
  { path: '/api/user_groups', kind: 'userGroups', resource: 'user_group', render: renderUserGroup } satisfies CatalogueResource<'userGroups'>,
  { path: '/api/account_groups', kind: 'accountGroups', resource: 'account_group', render: renderAccountGroup } satisfies CatalogueResource<'accountGroups'>,
]

export function addCatalogueRoutes(routes: RouteTable<CoupaHandler>): void {
  for (const resource of resources) {
    routes.add('GET', resource.path, (context) => listRecords(context, resource as CatalogueResource<typeof resource.kind>))
    routes.add('GET', `${resource.path}/:id`, (context) => getRecord(context, resource as CatalogueResource<typeof resource.kind>))
  }
}

function listRecords<Kind extends keyof Catalogues>(context: CoupaContext, resource: CatalogueResource<Kind>): CoupaReply {
  const { directory, baseUrl } = context
  const parameters = parseListParameters(context.query)
  const render = (record: Catalogues[Kind]) => resource.render(record, directory, baseUrl)
  const page = listPage(directory.catalogue(resource.kind), parameters, (record, path) => readJsonPath(render(record), path))
  return { status: 200, body: page.map((record) => shape(context, render(record), false)) }
}

function getRecord<Kind extends keyof Catalogues>(context: CoupaContext, resource: CatalogueResource<Kind>): CoupaReply {
  const id = context.params.id ?? ''
  const record = /^\d+$/.test(id) ? context.directory.byId(resource.kind, Number(id)) : undefined
  if (!record) throw coupaErrors.notFound(resource.resource)
  return { status: 200, body: shape(context, resource.render(record, context.directory, context.baseUrl), false) }
}
