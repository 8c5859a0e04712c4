import type { RouteTable } from '../framework/RouteTable'
import type { Catalogues } from './CoupaDirectory'
import { CoupaError } from './coupaErrors'
import { listPage, normaliseName, parseListParameters, readJsonPath } from './coupaQuery'
import { renderAccountGroup, renderContentGroup, renderRole, renderUserGroup, type Json } from './coupaRepresentations'
import { objectBody, type CoupaContext, type CoupaHandler, type CoupaReply } from './coupaRouting'

/**
 * Coupa's read-only GraphQL endpoint, as far as a client needs it for the catalogues
 * (coupa-gotomeeting.md A.3): `POST /api/graphql` with `{"query":"…"}`, collections taking a
 * `query:` argument in REST filter syntax, e.g. `{ roles(query: "id[gt]=3") { id name description } }`.
 * This is how the role catalogue is read: Coupa has no `/api/roles` (A.5). Only scalar fields are
 * served (camelCase, e.g. `systemRole`), pages hold at most 50 like REST (clients page with
 * `id[gt]=<last id>`), and mutations are refused as Coupa refuses them. Errors come back as
 * `{"errors":[{"message"}]}` with status 200, as GraphQL servers answer.
 *
 * Coupa documents GraphQL for OAuth clients; the sandbox accepts the profile's API key here too,
 * since an API-key profile would otherwise have no way at all to list roles.
 */

const rootFields: Record<string, { kind: keyof Catalogues; render: (record: never, context: CoupaContext) => Json }> = {
  roles: { kind: 'roles', render: (role: Catalogues['roles'], context) => renderRole(role, context.directory, context.baseUrl) },
  businessGroups: { kind: 'contentGroups', render: (group: Catalogues['contentGroups'], context) => renderContentGroup(group, context.directory, context.baseUrl) },
  userGroups: { kind: 'userGroups', render: (group: Catalogues['userGroups'], context) => renderUserGroup(group, context.directory, context.baseUrl) },
  accountGroups: { kind: 'accountGroups', render: (group: Catalogues['accountGroups'], context) => renderAccountGroup(group, context.directory, context.baseUrl) },
}

export function addGraphqlRoutes(routes: RouteTable<CoupaHandler>): void {
  routes.add('POST', '/api/graphql', answerGraphql)
}

class GraphqlError extends Error {}

interface Field {
  name: string
  queryArgument: string
  selection: string[]
}

function answerGraphql(context: CoupaContext): CoupaReply {
  const query = objectBody(context).query
  try {
    if (typeof query !== 'string') throw new GraphqlError('No query string was present')
    const data: Json = {}
    for (const field of parseDocument(query)) data[field.name] = resolve(field, context)
    return { status: 200, body: { data } }
  } catch (error) {
    if (error instanceof GraphqlError) return { status: 200, body: { errors: [{ message: error.message }] } }
    if (error instanceof CoupaError) return { status: 200, body: { errors: [{ message: error.messages.join(' ') }] } }
    throw error
  }
}

function resolve(field: Field, context: CoupaContext): Json[] {
  const root = rootFields[field.name]
  if (!root) throw new GraphqlError(`Field '${field.name}' doesn't exist on type 'Query'`)
  const render = (record: Catalogues[typeof root.kind]) => root.render(record as never, context)
  const parameters = parseListParameters(new URLSearchParams(field.queryArgument))
  const records = listPage<Catalogues[typeof root.kind]>(context.directory.catalogue(root.kind), parameters, (record, path) => readJsonPath(render(record), path))
  return records.map((record) => {
    const json = render(record)
    const selected: Json = {}
    for (const name of field.selection) {
      const key = Object.keys(json).find((candidate) => normaliseName(candidate) === camelToHyphens(name))
      const value = key === undefined ? undefined : json[key]
      if (key === undefined || (typeof value === 'object' && value !== null)) throw new GraphqlError(`Field '${name}' doesn't exist on type '${typeName(field.name)}'`)
      selected[name] = value
    }
    return selected
  })
}

function camelToHyphens(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

function typeName(rootField: string): string {
  const singular = rootField.replace(/s$/, '')
  return singular.charAt(0).toUpperCase() + singular.slice(1)
}

/** `query Name { field(query: "…") { a b } … }` or `{ … }`; nothing else of GraphQL is needed here. */
function parseDocument(source: string): Field[] {
  const tokens = tokenize(source)
  let position = 0
  const peek = () => tokens[position]
  const next = () => {
    const token = tokens[position++]
    if (token === undefined) throw new GraphqlError('Unexpected end of document')
    return token
  }
  const expect = (wanted: string) => {
    const token = next()
    if (token !== wanted) throw new GraphqlError(`Parse error on "${token}": expected "${wanted}"`)
  }
  if (peek() === 'mutation') throw new GraphqlError('Mutations are not supported: the Coupa GraphQL API is read-only')
  if (peek() === 'query') {
    next()
    if (peek() !== '{') next()
  }
  expect('{')
  const fields: Field[] = []
  while (peek() !== '}') {
    const name = next()
    let queryArgument = ''
    if (peek() === '(') {
      next()
      while (peek() !== ')') {
        const argument = next()
        expect(':')
        const value = next()
        if (!value.startsWith('"')) throw new GraphqlError(`Argument '${argument}' takes a string`)
        if (argument !== 'query') throw new GraphqlError(`Field '${name}' doesn't accept argument '${argument}'`)
        queryArgument = JSON.parse(value) as string
      }
      next()
    }
    expect('{')
    const selection: string[] = []
    while (peek() !== '}') {
      const selected = next()
      if (!/^[_A-Za-z]\w*$/.test(selected)) throw new GraphqlError(`Parse error on "${selected}"`)
      if (peek() === '{') throw new GraphqlError(`Field '${selected}' is not served by this sandbox: select scalar fields only`)
      selection.push(selected)
    }
    next()
    fields.push({ name, queryArgument, selection })
  }
  return fields
}

function tokenize(source: string): string[] {
  const tokens: string[] = []
  const pattern = /\s+|,|#[^\n]*|([{}():])|("(?:[^"\\]|\\.)*")|([_A-Za-z][_0-9A-Za-z]*)|(.)/gy
  for (const match of source.matchAll(pattern)) {
    const token = match[1] ?? match[2] ?? match[3] ?? match[4]
    if (match[4] !== undefined) throw new GraphqlError(`Parse error on "${match[4]}"`)
    if (token !== undefined) tokens.push(token)
  }
  return tokens
}
