import type { RouteParams } from '../framework/RouteTable'
import { readJsonBody, type SandboxRequest } from '../framework/sandboxHttp'
import type { CoupaDirectory } from './CoupaDirectory'
import { coupaErrors } from './coupaErrors'
import type { Json } from './coupaRepresentations'
import type { EmbeddedRecords } from './EmbeddedRecords'
import { fieldsProjection, type AttributeSource } from './fieldsProjection'

/** What a Coupa route handler gets. */
export interface CoupaContext {
  request: SandboxRequest
  params: RouteParams
  query: URLSearchParams
  directory: CoupaDirectory
  /** The tenant's own address (avatar URLs are absolute). */
  baseUrl: string
  /** The API user the key belongs to: changes are attributed to it (Coupa's "Get Started with the API"). */
  actorUserId: number
  /** The catalogue records users embed, rendered once and shared between answers. */
  embedded: EmbeddedRecords
}

export interface CoupaReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type CoupaHandler = (context: CoupaContext) => CoupaReply

/** The body as a JSON object (`{}` when none was sent); anything else is a 400. */
export function objectBody(context: CoupaContext): Record<string, unknown> {
  const body = readJsonBody(context.request)
  if (!body.ok) throw coupaErrors.malformedBody(body.reason === 'too_large' ? 'The request body is too large.' : undefined)
  if (body.value === undefined) return {}
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
    throw coupaErrors.malformedBody('The body must be one JSON object, without a root wrapper (e.g. {"firstname":"Ada"}).')
  }
  return body.value as Record<string, unknown>
}

/**
 * Shapes an answered record per A.3's `return_object` and `fields`:
 * `return_object=limited` keeps the id, `shallow` keeps scalars and the id/name/login/code of
 * one-deep associations, `none` (writes only) sends an empty body; `fields=["id",{"roles":["name"]}]`
 * keeps the named attributes (snake_case or hyphenated; answered keys stay hyphenated).
 */
export function shape(context: CoupaContext, json: Json, write: boolean): unknown {
  const returnObject = context.query.get('return_object')
  if (returnObject === 'none' && write) return undefined
  if (returnObject === 'limited') return { id: json.id }
  if (returnObject === 'shallow') return shallow(json)
  const fields = context.query.get('fields')
  return fields ? fieldsProjection(fields).project(json) : json
}

/**
 * `shape` for every record of one request, decided once: with `fields`, only the selected
 * attributes of each record are rendered. `shapeRecords(…)(item)` answers what
 * `shape(context, source.whole(item), write)` does.
 */
export function shapeRecords<Item>(context: CoupaContext, source: AttributeSource<Item>, write: boolean): (item: Item) => unknown {
  const returnObject = context.query.get('return_object')
  if (returnObject === 'none' && write) return () => undefined
  if (returnObject === 'limited') return (item) => ({ id: source.attribute(item, 'id') })
  if (returnObject === 'shallow') return (item) => shallow(source.whole(item))
  const fields = context.query.get('fields')
  if (!fields) return (item) => source.whole(item)
  const projection = fieldsProjection(fields)
  return (item) => projection.projectRecord(item, source)
}

function shallow(json: Json): Json {
  const reduce = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value
    const record = value as Json
    const kept: Json = { id: record.id }
    for (const key of ['name', 'login', 'code']) if (key in record) kept[key] = record[key]
    return kept
  }
  return Object.fromEntries(Object.entries(json).map(([key, value]) => [key, Array.isArray(value) ? value.map(reduce) : reduce(value)]))
}
