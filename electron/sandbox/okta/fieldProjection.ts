import { oktaErrors } from './oktaErrors'

/*
 * `fields` of List all users (the spec's `listUsers`): "a select set of user properties to query.
 * Any other properties will be filtered out of the returned users." Top-level properties are
 * comma-separated, a profile's inside `profile:(firstName, city)`, and `id` is always included.
 * The spec's example `fields=status,profile:(firstName,city)` answers `{id, status, profile:
 * {firstName, city}}`. A property the user does not have is left out, as any other.
 */

export interface FieldProjection {
  top: ReadonlySet<string>
  /** Sub-fields asked for per top-level property (`profile` → firstName, city). */
  nested: ReadonlyMap<string, ReadonlySet<string>>
}

/** Splits at commas outside parentheses. */
function topLevelParts(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (character === '(') depth++
    else if (character === ')') depth--
    else if (character === ',' && depth === 0) {
      parts.push(text.slice(start, index))
      start = index + 1
    }
    if (depth < 0 || depth > 1) throw malformed(text)
  }
  if (depth !== 0) throw malformed(text)
  parts.push(text.slice(start))
  return parts.map((part) => part.trim())
}

/**
 * The spec says nothing of a malformed `fields`: the tenant refuses it as a bad query, with Okta's
 * generic code for one, rather than guess at what was meant.
 */
function malformed(text: string) {
  return oktaErrors.invalidSearch(`The fields parameter '${text}' is malformed: list properties as status,profile:(firstName,city).`)
}

const propertyName = /^[A-Za-z_][A-Za-z0-9_]*$/

export function parseFieldProjection(text: string): FieldProjection {
  const top = new Set<string>(['id'])
  const nested = new Map<string, Set<string>>()
  for (const part of topLevelParts(text)) {
    if (part === '') throw malformed(text)
    const directive = /^([A-Za-z_][A-Za-z0-9_]*):\((.*)\)$/.exec(part)
    if (!directive) {
      if (!propertyName.test(part)) throw malformed(text)
      top.add(part)
      continue
    }
    const [, name = '', inner = ''] = directive
    const names = inner.split(',').map((sub) => sub.trim())
    if (names.some((sub) => !propertyName.test(sub))) throw malformed(text)
    nested.set(name, new Set([...(nested.get(name) ?? []), ...names]))
  }
  return { top, nested }
}

/** A rendered user with only the projection's properties. */
export function projected(rendered: Record<string, unknown>, projection: FieldProjection): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const name of projection.top) if (Object.hasOwn(rendered, name)) kept[name] = rendered[name]
  for (const [name, subs] of projection.nested) {
    const value = rendered[name]
    if (typeof value !== 'object' || value === null) continue
    const part: Record<string, unknown> = {}
    for (const sub of subs) if (Object.hasOwn(value, sub)) part[sub] = (value as Record<string, unknown>)[sub]
    kept[name] = part
  }
  return kept
}
