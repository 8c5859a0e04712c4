import { coupaErrors } from './coupaErrors'
import { normaliseName } from './coupaQuery'
import type { Json } from './coupaRepresentations'

/**
 * A.3's `fields` parameter: `["id","login",{"roles":["id","name"]}]` keeps the named attributes
 * (snake_case or hyphenated, any case; answered keys stay as they are), nested lists selecting
 * inside associations. Each distinct `fields` text is parsed and compiled once: a client pages a
 * list with the same text hundreds of times.
 */

type FieldSelection = (string | Record<string, FieldSelection>)[]

/** A record whose attribute names are known before it is rendered (a user): only the selected ones are rendered. */
export interface AttributeSource<Item> {
  /** Every attribute of the rendered record, in the order it is answered. */
  names: readonly string[]
  attribute(item: Item, name: string): unknown
  whole(item: Item): Json
}

export interface FieldsProjection {
  /** The selection applied to answered JSON (a list member by member). */
  project(value: unknown): unknown
  /** The same as `project(source.whole(item))`, rendering only what is selected. */
  projectRecord<Item>(item: Item, source: AttributeSource<Item>): unknown
}

/** One selected name, already normalised, and what is selected below it (null: the whole value). */
interface Step {
  name: string
  below: Node | null
}

interface Node {
  steps: Step[]
  /**
   * Projections of records already seen. Answers embed the same shared records (EmbeddedRecords)
   * in user after user, and rendered JSON is never changed, so a record's projection is too.
   */
  projected: WeakMap<object, Json>
  /** Per list of attribute names (AttributeSource.names): the answered key and what is below it, per step. */
  resolved: WeakMap<readonly string[], Resolved[]>
  /**
   * The keys of the last record projected here and how the steps resolved against them: records
   * side by side in a list (every user's address…) have the same keys, so the next one only
   * compares its keys with these.
   */
  last: { keys: readonly string[]; resolved: Resolved[] } | null
}

interface Resolved {
  key: string
  below: Node | null
}

const compiled = new Map<string, FieldsProjection>()
/** Distinct `fields` texts kept compiled; the oldest goes first. Clients use a handful. */
const compiledLimit = 64

export function fieldsProjection(text: string): FieldsProjection {
  const known = compiled.get(text)
  if (known) return known
  const projection = compile(text)
  if (compiled.size >= compiledLimit) compiled.delete(compiled.keys().next().value as string)
  compiled.set(text, projection)
  return projection
}

function compile(text: string): FieldsProjection {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  // Refused when a record is first shaped, as before compiling: an empty page answers [] whatever the text.
  if (!Array.isArray(parsed)) return refusing()
  const selection = parsed as FieldSelection
  // A selection that is not lists of names and {name: list} objects is applied exactly as written,
  // member by member, so even odd ones answer what they always did.
  if (!isWellFormed(selection)) {
    return { project: (value) => projectLiterally(value, selection), projectRecord: (item, source) => projectLiterally(source.whole(item), selection) }
  }
  const root = compileNode(selection)
  return {
    project: (value) => projectValue(value, root),
    projectRecord: (item, source) => {
      const projected: Json = {}
      for (const { key, below } of resolveAgainst(root, source.names)) {
        const value = source.attribute(item, key)
        projected[key] = below ? projectValue(value, below) : value
      }
      return projected
    },
  }
}

function refusing(): FieldsProjection {
  const refuse = (): never => {
    throw coupaErrors.badQuery('fields is a JSON list of attribute names, e.g. ["id","login",{"roles":["id","name"]}].')
  }
  return { project: refuse, projectRecord: refuse }
}

function isWellFormed(selection: unknown): selection is FieldSelection {
  if (!Array.isArray(selection)) return false
  return selection.every(
    (entry) => typeof entry === 'string' || (typeof entry === 'object' && entry !== null && !Array.isArray(entry) && Object.values(entry).every(isWellFormed)),
  )
}

function compileNode(selection: FieldSelection): Node {
  const steps: Step[] = []
  for (const entry of selection) {
    if (typeof entry === 'string') steps.push({ name: normaliseName(entry), below: null })
    else for (const [name, nested] of Object.entries(entry)) steps.push({ name: normaliseName(name), below: compileNode(nested) })
  }
  return { steps, projected: new WeakMap(), resolved: new WeakMap(), last: null }
}

function resolveAgainst(node: Node, names: readonly string[]): Resolved[] {
  let resolved = node.resolved.get(names)
  if (!resolved) {
    resolved = resolveSteps(node, names)
    node.resolved.set(names, resolved)
  }
  return resolved
}

/** Each step's key: the first of `keys` that reads as the step's name, as the literal projection finds it. */
function resolveSteps(node: Node, keys: readonly string[]): Resolved[] {
  const resolved: Resolved[] = []
  for (const step of node.steps) {
    const key = firstKeyNamed(keys, step.name)
    if (key !== undefined) resolved.push({ key, below: step.below })
  }
  return resolved
}

function projectValue(value: unknown, node: Node): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => projectValue(item, node))
  if (typeof value !== 'object' || value === null) return value
  const known = node.projected.get(value)
  if (known) return known
  const record = value as Json
  const keys = Object.keys(record)
  let resolved: Resolved[]
  if (node.last && sameKeys(node.last.keys, keys)) resolved = node.last.resolved
  else {
    resolved = resolveSteps(node, keys)
    node.last = { keys, resolved }
  }
  const projected: Json = {}
  for (const { key, below } of resolved) projected[key] = below ? projectValue(record[key], below) : record[key]
  node.projected.set(value, projected)
  return projected
}

function sameKeys(left: readonly string[], right: readonly string[]): boolean {
  if (left.length !== right.length) return false
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false
  return true
}

function firstKeyNamed(keys: readonly string[], name: string): string | undefined {
  for (const key of keys) if (normalisedKey(key) === name) return key
  return undefined
}

const normalisedKeys = new Map<string, string>()

/** Answered keys are a small, fixed set: each is normalised once. */
function normalisedKey(key: string): string {
  let normalised = normalisedKeys.get(key)
  if (normalised === undefined) {
    normalised = normaliseName(key)
    if (normalisedKeys.size > 10_000) normalisedKeys.clear()
    normalisedKeys.set(key, normalised)
  }
  return normalised
}

/** The selection applied entry by entry, whatever its entries are: the reference the compiled form matches. */
function projectLiterally(value: unknown, selection: FieldSelection): unknown {
  if (Array.isArray(value)) return value.map((item) => projectLiterally(item, selection))
  if (typeof value !== 'object' || value === null) return value
  const record = value as Json
  const find = (name: string) => Object.keys(record).find((key) => normaliseName(key) === normaliseName(name))
  const projected: Json = {}
  for (const entry of selection) {
    if (typeof entry === 'string') {
      const key = find(entry)
      if (key !== undefined) projected[key] = record[key]
      continue
    }
    for (const [name, nested] of Object.entries(entry)) {
      const key = find(name)
      if (key !== undefined) projected[key] = projectLiterally(record[key], nested)
    }
  }
  return projected
}
