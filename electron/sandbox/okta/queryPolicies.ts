import { evaluateExpression, type AttributeReader } from './evaluateExpression'
import { oktaErrors } from './oktaErrors'
import { comparisons, parseExpression, usesNot } from './searchExpression'

/**
 * Which attributes and operators each list parameter accepts (okta.md §3.4 and §4.3). Anything
 * outside them is Okta's 400 E0000031, as is a syntax error.
 */
export interface QueryPolicy {
  /** The operators an attribute accepts; undefined when the attribute is not searchable. */
  operatorsFor(attribute: string): readonly string[] | undefined
  allowNot: boolean
  caseSensitive: boolean
}

const ordered = ['eq', 'gt', 'ge', 'lt', 'le']
const userSearchOperators = ['eq', 'sw', 'gt', 'ge', 'lt', 'le', 'pr']
/** `co` only on these (okta.md §3.4); `ne` nowhere in users search. */
const userContainsAttributes = new Set(['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login'])
const userTopLevelSearchable = new Set(['id', 'status', 'created', 'activated', 'statusChanged', 'lastUpdated', 'type.id'])

export const userSearchPolicy: QueryPolicy = {
  operatorsFor: (attribute) => {
    if (userContainsAttributes.has(attribute)) return [...userSearchOperators, 'co']
    if (attribute.startsWith('profile.') || userTopLevelSearchable.has(attribute)) return userSearchOperators
    return undefined
  },
  allowNot: true,
  caseSensitive: false,
}

/** The users `filter`: a few attributes, `eq` only (dates also ordered), no `not`, case-sensitive. */
export const userFilterPolicy: QueryPolicy = {
  operatorsFor: (attribute) => {
    if (attribute === 'lastUpdated') return ordered
    if (['status', 'id', 'profile.login', 'profile.email', 'profile.firstName', 'profile.lastName'].includes(attribute)) return ['eq']
    return undefined
  },
  allowNot: false,
  caseSensitive: true,
}

const groupDates = new Set(['created', 'lastUpdated', 'lastMembershipUpdated'])

export const groupSearchPolicy: QueryPolicy = {
  operatorsFor: (attribute) => {
    if (attribute === 'profile.name' || attribute === 'profile.description') return ['eq', 'sw', 'co', 'pr']
    if (groupDates.has(attribute)) return [...ordered, 'pr']
    if (attribute.startsWith('profile.') || ['id', 'type', 'source.id'].includes(attribute)) return ['eq', 'sw', 'pr']
    return undefined
  },
  allowNot: true,
  caseSensitive: false,
}

export const groupFilterPolicy: QueryPolicy = {
  operatorsFor: (attribute) => {
    if (attribute === 'lastUpdated' || attribute === 'lastMembershipUpdated') return ordered
    if (attribute === 'id' || attribute === 'type') return ['eq']
    return undefined
  },
  allowNot: false,
  caseSensitive: true,
}

/** Parses and checks an expression; the predicate then tells whether a record matches. */
export function compileQuery<Record>(text: string, policy: QueryPolicy, reader: (record: Record) => AttributeReader): (record: Record) => boolean {
  const expression = parseExpression(text)
  if (!policy.allowNot && usesNot(expression)) throw oktaErrors.invalidSearch("The operator 'not' is not supported here.")
  for (const { attribute, operator } of comparisons(expression)) {
    const allowed = policy.operatorsFor(attribute)
    if (!allowed) throw oktaErrors.invalidSearch(`The attribute '${attribute}' cannot be searched.`)
    if (!allowed.includes(operator)) throw oktaErrors.invalidSearch(`The operator '${operator}' is not supported on '${attribute}'.`)
  }
  return (record) => evaluateExpression(expression, reader(record), policy.caseSensitive)
}
