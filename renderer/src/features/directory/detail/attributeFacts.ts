import type { ObjectTypeDescriptor } from '../../../../../shared/catalogue'
import type { Attributes } from '../../../../../shared/directory'

/*
 * One place per fact in the panel (issue 15, the Coupa panel): a code in words where the descriptor
 * has them, and a value two of the target's fields hold (Coupa's default-user-cost-center and its
 * cost_center custom property) shown once.
 */

/** One attribute as the panel shows it. */
export interface ShownAttribute {
  path: string
  label: string
  /** "SCIM name.givenName · Okta profile.firstName" */
  hint: string
  /** One entry per value; a single-valued attribute has one, an empty one none. */
  values: string[]
  /** Why the value reads as it does (Coupa: an empty boolean custom property shown as false). */
  note?: string
  /** "Not provided by GoToMeeting": the target has no such attribute at all (descriptor `notProvided`). */
  notProvided?: string
}

/** The descriptor's words for a value ("Limited to their account groups (2)", "100,000.00 GBP"). */
export function inWords(objectType: ObjectTypeDescriptor, attribute: ShownAttribute, attributes: Attributes): ShownAttribute {
  const value = attributes[attribute.path]
  const words = objectType.describeValue && value !== undefined ? objectType.describeValue(attribute.path, value, attributes) : undefined
  return words === undefined ? attribute : { ...attribute, values: [words] }
}

/** "Cost centre" and "Cost center" are one label. */
function labelKey(label: string): string {
  return label.toLowerCase().replace(/centre/g, 'center').replace(/[^a-z0-9]/g, '')
}

/**
 * Drops a custom attribute that repeats a mapped one (same label, same values); the mapped one keeps
 * both native names in its hint, so the target's admin console can still be matched.
 */
export function oneFactOnce(shown: readonly ShownAttribute[], customPrefix: string | undefined): ShownAttribute[] {
  if (!customPrefix) return [...shown]
  const isCustom = (attribute: ShownAttribute) => attribute.path.startsWith(customPrefix)
  const sameFact = (left: ShownAttribute, right: ShownAttribute) =>
    labelKey(left.label) === labelKey(right.label) && left.values.length > 0 && left.values.join('\n') === right.values.join('\n')
  const kept: ShownAttribute[] = []
  const repeats = new Map<string, string[]>()
  for (const attribute of shown) {
    const twin = isCustom(attribute) ? shown.find((candidate) => !isCustom(candidate) && sameFact(candidate, attribute)) : undefined
    if (twin) repeats.set(twin.path, [...(repeats.get(twin.path) ?? []), attribute.path.slice(customPrefix.length)])
    else kept.push(attribute)
  }
  return kept.map((attribute) => {
    const also = repeats.get(attribute.path)
    return also ? { ...attribute, hint: `${attribute.hint} (also the custom property ${also.join(', ')})` } : attribute
  })
}
