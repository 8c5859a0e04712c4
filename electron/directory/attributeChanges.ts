import type { ObjectTypeDescriptor } from '../../shared/catalogue/types'
import type { AttributeValue, Attributes } from '../../shared/directory'
import type { AttributeChange } from '../../shared/journal'

/** What the journal shows instead of a write-only value (a Cognito password): it is never written down. */
export const notRecorded = '(not recorded)'

/**
 * Anything named like a password or secret is journaled as "(not recorded)" and masked in logs:
 * the journal must never hold a secret. (Cognito's IsPasswordPermanent is a flag, not a secret.)
 */
export function isSecret(path: string): boolean {
  return /(^|\.)password$|secret/i.test(path)
}

/**
 * Values the target never returns (a password, Cognito's DesiredDeliveryMediums): they cannot be
 * compared with what the target holds, so a change to one always counts, and reconciliation
 * cannot check it.
 */
export function isSensitive(objectType: ObjectTypeDescriptor, path: string): boolean {
  if (isSecret(path)) return true
  return objectType.mapping.some((row) => row.scim === path && row.access === 'writeOnly')
}

/** A create's attributes as changes from nothing. */
export function creationChanges(attributes: Attributes): AttributeChange[] {
  return Object.entries(attributes)
    .filter(([, value]) => value !== null && value !== '')
    .map(([attribute, value]) => ({ attribute, before: null, after: masked(attribute, value) }))
}

/**
 * The requested changes that really change something, against the object read just before, and
 * their before → after for the journal. A write-only attribute always counts as a change: its
 * current value cannot be read.
 */
export function effectiveChanges(
  objectType: ObjectTypeDescriptor,
  current: Attributes,
  requested: Attributes,
): { changes: Attributes; journal: AttributeChange[] } {
  const changes: Attributes = {}
  const journal: AttributeChange[] = []
  for (const [attribute, after] of Object.entries(requested)) {
    // An own value only: `constructor` must not find Object's, which no journal line can hold.
    const before = (Object.hasOwn(current, attribute) ? current[attribute] : null) ?? null
    const sensitive = isSensitive(objectType, attribute)
    if (!sensitive && sameValue(before, after)) continue
    changes[attribute] = after
    journal.push({
      attribute,
      before: sensitive ? notRecorded : before,
      after: masked(attribute, after),
    })
  }
  return { changes, journal }
}

function masked(attribute: string, value: AttributeValue): AttributeValue {
  return isSecret(attribute) && value !== null ? notRecorded : value
}

/** Equal for the journal: blank and null are the same; arrays compare item by item. */
export function sameValue(left: AttributeValue, right: AttributeValue): boolean {
  const blank = (value: AttributeValue) => value === null || value === ''
  if (blank(left) && blank(right)) return true
  return JSON.stringify(left) === JSON.stringify(right)
}
