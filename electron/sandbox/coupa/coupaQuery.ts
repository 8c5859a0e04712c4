import { coupaErrors } from './coupaErrors'

/**
 * Coupa's index query (coupa-gotomeeting.md A.3, Coupa's "API Operators" and "Querying Options"):
 * `limit` (at most 50, default 50), `offset`, `order_by` + `dir`, and any other parameter is a
 * filter `<attribute>[<association>…][<operator>]=<value>`. Attribute names may use `-` or `_`
 * (`employee_number` = `employee-number`); collections are filtered by their plural
 * (`roles[name]=Buyer`) and match when any member does.
 */

export const pageSizeLimit = 50

export const operators = ['contains', 'starts_with', 'ends_with', 'gt', 'lt', 'gt_or_eq', 'lt_or_eq', 'not_eq', 'in', 'not_in', 'blank'] as const
type Operator = (typeof operators)[number] | 'eq'

export interface Filter {
  /** The attribute path, e.g. `['roles', 'name']`. */
  path: string[]
  operator: Operator
  value: string
  /** The parameter as sent, for error messages. */
  parameter: string
}

export interface ListParameters {
  limit: number
  offset: number
  orderBy: string | null
  descending: boolean
  filters: Filter[]
}

/** Reads an attribute path of an item: the value(s) found, or `unknown` when the attribute does not exist. */
export type PathReader<Item> = (item: Item, path: string[]) => unknown[] | 'unknown'

/**
 * An attribute of every item, in the items' order, as text in lower case (null when blank): what a
 * text filter compares. A resource that keeps one ready (`undefined` when it does not) spares a
 * scan of 100,000 users reading and lowering each one, so a narrow search costs about a broad one.
 */
export type TextColumns = (path: readonly string[]) => readonly (string | null)[] | undefined

/** Operators that compare text, and so can read a `TextColumns` column. */
const textOperators: ReadonlySet<Operator> = new Set(['contains', 'starts_with', 'ends_with'])

/** Parameters that shape the answer rather than filter it. */
const shapingParameters = new Set(['limit', 'offset', 'order_by', 'dir', 'fields', 'return_object'])

export function parseListParameters(query: URLSearchParams, rewrite: (filter: Filter) => Filter = (filter) => filter): ListParameters {
  const filters: Filter[] = []
  for (const [parameter, value] of query) {
    if (shapingParameters.has(parameter)) continue
    filters.push(rewrite(parseFilter(parameter, value)))
  }
  const dir = (query.get('dir') ?? 'asc').toLowerCase()
  if (dir !== 'asc' && dir !== 'desc') throw coupaErrors.badQuery(`dir is asc or desc, not "${query.get('dir')}".`)
  return {
    // A limit above 50 is capped, not refused: the doc gives 50 as the most a page holds and
    // clients (Workato's connector among them) treat a page shorter than they asked for as the end.
    limit: Math.min(wholeNumber(query, 'limit', pageSizeLimit, 1), pageSizeLimit),
    offset: wholeNumber(query, 'offset', 0, 0),
    orderBy: query.get('order_by') ? normaliseName(query.get('order_by') as string) : null,
    descending: dir === 'desc',
    filters,
  }
}

function wholeNumber(query: URLSearchParams, name: string, fallback: number, minimum: number): number {
  const text = query.get(name)
  if (text === null || text === '') return fallback
  if (!/^\d+$/.test(text) || Number(text) < minimum) throw coupaErrors.badQuery(`${name} must be a whole number of at least ${minimum}, not "${text}".`)
  return Number(text)
}

function parseFilter(parameter: string, value: string): Filter {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(parameter)
  if (!match) throw coupaErrors.badQuery(`"${parameter}" is not a query Coupa understands: write attribute[operator]=value.`)
  const segments = [match[1] as string, ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1] as string)]
  const last = segments[segments.length - 1] as string
  const isOperator = segments.length > 1 && (operators as readonly string[]).includes(last)
  const path = (isOperator ? segments.slice(0, -1) : segments).map(normaliseName)
  // An unknown operator (`login[like]`) reads as an attribute of a string, which answers 400 below.
  if (path.some((segment) => segment === '')) throw coupaErrors.badQuery(`"${parameter}" has an empty attribute name.`)
  const operator: Operator = isOperator ? (last as Operator) : 'eq'
  if (operator === 'blank' && !/^(true|false)$/i.test(value)) throw coupaErrors.badQuery(`${parameter} takes true or false, not "${value}".`)
  return { path, operator, value, parameter }
}

/** `Employee_Number` → `employee-number`: attribute names compare with `-` and `_` alike, any case. */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/_/g, '-')
}

/** Filters, orders and pages; without filters or ordering it only slices (the common, large case). */
export function listPage<Item extends { id: number }>(items: readonly Item[], parameters: ListParameters, read: PathReader<Item>, columns?: TextColumns): Item[] {
  let selected: readonly Item[] = items
  const orders = parameters.orderBy !== null || parameters.descending
  // Each filter's test made once: a narrow search reads every user (100,000 in the benches).
  const tests = parameters.filters.map((filter) => itemTest(filter, read, columns))
  const keeps = (item: Item, index: number) => tests.every((test) => test(item, index))
  // In id order a page is known once it is full: a broad search reads a page's worth, not every user.
  if (parameters.filters.length > 0 && !orders) return firstMatching(items, keeps, parameters.offset, parameters.limit)
  if (parameters.filters.length > 0) selected = items.filter(keeps)
  if (orders) selected = ordered(selected, parameters, read)
  return selected.slice(parameters.offset, parameters.offset + parameters.limit)
}

/** The `limit` matches after the first `offset`, in the items' order. */
function firstMatching<Item>(items: readonly Item[], keeps: (item: Item, index: number) => boolean, offset: number, limit: number): Item[] {
  const page: Item[] = []
  let skipped = 0
  for (let index = 0; index < items.length && page.length < limit; index++) {
    const item = items[index]!
    if (!keeps(item, index)) continue
    if (skipped < offset) skipped++
    else page.push(item)
  }
  return page
}

function ordered<Item extends { id: number }>(items: readonly Item[], parameters: ListParameters, read: PathReader<Item>): Item[] {
  const orderBy = parameters.orderBy ?? 'id'
  const keyed = items.map((item) => {
    const values = read(item, [orderBy])
    if (values === 'unknown') throw coupaErrors.badQuery(`order_by "${orderBy}" is not an attribute of this resource.`)
    return { item, key: values[0] ?? null }
  })
  keyed.sort((left, right) => compareValues(left.key, right.key) || left.item.id - right.item.id)
  if (parameters.descending) keyed.reverse()
  return keyed.map((entry) => entry.item)
}

/** Whether the item (at that index of the list) passes the filter: from a column when there is one, else from its values. */
function itemTest<Item>(filter: Filter, read: PathReader<Item>, columns: TextColumns | undefined): (item: Item, index: number) => boolean {
  const column = textOperators.has(filter.operator) ? columns?.(filter.path) : undefined
  if (column) {
    const wanted = comparand(filter.value)
    return (_item, index) => {
      const text = column[index]
      return text !== null && text !== undefined && textHolds(text, filter.operator, wanted.lower)
    }
  }
  const holds = filterTest(filter)
  return (item) => holds(read(item, filter.path))
}

/** Whether an item's values pass the filter; what it compares with is lowered once, not per item. */
function filterTest(filter: Filter): (values: unknown[] | 'unknown') => boolean {
  const wanted = comparand(filter.value)
  const options = filter.value.split(',').map((option) => comparand(option.trim()))
  const holds = (value: unknown, operator: Operator) => (operator === 'in' ? options.some((option) => test(value, 'eq', option)) : test(value, operator, wanted))
  return (values) => {
    if (values === 'unknown') throw coupaErrors.badQuery(`Unknown attribute in "${filter.parameter}": check the name against the resource's fields.`)
    const present = values.filter((value) => value !== null && value !== undefined && value !== '')
    if (filter.operator === 'blank') return /^true$/i.test(filter.value) === (present.length === 0)
    if (filter.operator === 'not_eq') return !present.some((value) => holds(value, 'eq'))
    if (filter.operator === 'not_in') return !present.some((value) => holds(value, 'in'))
    return present.some((value) => holds(value, filter.operator))
  }
}

/** A filter's value as given and in lower case: text compares ignoring case, numbers as numbers. */
interface Comparand {
  raw: string
  lower: string
}

function comparand(raw: string): Comparand {
  return { raw, lower: raw.toLowerCase() }
}

/** The text operators, on text already in lower case. */
function textHolds(text: string, operator: Operator, target: string): boolean {
  if (operator === 'contains') return text.includes(target)
  if (operator === 'starts_with') return text.startsWith(target)
  return operator === 'ends_with' && text.endsWith(target)
}

/** A column's entry for a value: its text in lower case, or null when blank (as the filters skip it). */
export function columnText(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value).toLowerCase()
}

function test(value: unknown, operator: Operator, wanted: Comparand): boolean {
  const text = String(value).toLowerCase()
  const target = wanted.lower
  if (textOperators.has(operator)) return textHolds(text, operator, target)
  switch (operator) {
    case 'eq':
      return typeof value === 'number' ? value === Number(wanted.raw) : text === target
    case 'gt':
      return compareValues(value, wanted.raw) > 0
    case 'lt':
      return compareValues(value, wanted.raw) < 0
    case 'gt_or_eq':
      return compareValues(value, wanted.raw) >= 0
    case 'lt_or_eq':
      return compareValues(value, wanted.raw) <= 0
    default:
      return false
  }
}

/** Numbers as numbers, datetimes as instants (a bare date is midnight UTC, A.3), the rest as text. */
function compareValues(left: unknown, right: unknown): number {
  if (left === null || left === undefined) return right === null || right === undefined ? 0 : -1
  if (right === null || right === undefined) return 1
  if (typeof left === 'number' || typeof right === 'number') {
    const [a, b] = [Number(left), Number(right)]
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b
  }
  const dateLike = /^\d{4}-\d{2}-\d{2}/
  if (typeof left === 'string' && typeof right === 'string' && dateLike.test(left) && dateLike.test(right)) {
    const [a, b] = [Date.parse(left), Date.parse(right)]
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b
  }
  const [a, b] = [String(left).toLowerCase(), String(right).toLowerCase()]
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Walks a path through answered JSON: objects by key (matching `-`/`_` and case alike), arrays by
 * looking into every member. `unknown` when an object lacks the key.
 */
export function readJsonPath(json: unknown, path: string[]): unknown[] | 'unknown' {
  // The attribute itself (`email[contains]=…`): read for every item a scan passes, so without copies.
  if (path.length === 0) return Array.isArray(json) ? json : [json]
  let current: unknown[] = [json]
  for (const segment of path) {
    const next: unknown[] = []
    for (const value of current.flatMap((item) => (Array.isArray(item) ? item : [item]))) {
      if (value === null || value === undefined) continue
      if (typeof value !== 'object') return 'unknown'
      const key = Object.keys(value).find((candidate) => normaliseName(candidate) === segment)
      if (key === undefined) return 'unknown'
      next.push((value as Record<string, unknown>)[key])
    }
    current = next
  }
  return current.flatMap((item) => (Array.isArray(item) ? item : [item]))
}
