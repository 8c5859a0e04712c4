import type { CognitoUserRecord } from './cognitoRecords'
import type { UserFilter } from './userFilter'

/** Searchable attributes whose values Cognito indexes for `=` and `^=` (cognito.md §3); the statuses are scanned. */
const indexedAttributes = new Set(['username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'sub'])

interface Entry {
  value: string
  user: CognitoUserRecord
}

/**
 * ListUsers' Filter on an indexed attribute answered from that attribute's values, sorted, as
 * Cognito does: a filter matching one user of 100,000 reads one, not the pool. Each attribute's
 * index is built on first use and dropped by `invalidate()` (any write of the pool).
 */
export class AttributeIndex {
  private readonly sorted = new Map<string, Entry[]>()

  constructor(private readonly users: () => readonly CognitoUserRecord[]) {}

  invalidate(): void {
    this.sorted.clear()
  }

  /** Every user the filter matches, in pool order; null when its attribute is not indexed. */
  matching(filter: UserFilter): CognitoUserRecord[] | null {
    if (!indexedAttributes.has(filter.attribute)) return null
    const entries = this.entriesOf(filter.attribute)
    const found: CognitoUserRecord[] = []
    for (let index = firstAtLeast(entries, filter.value); index < entries.length; index++) {
      const { value, user } = entries[index] as Entry
      if (filter.prefix ? !value.startsWith(filter.value) : value !== filter.value) break
      found.push(user)
    }
    return found.sort((left, right) => left.sequence - right.sequence)
  }

  private entriesOf(attribute: string): Entry[] {
    const existing = this.sorted.get(attribute)
    if (existing) return existing
    const entries: Entry[] = []
    for (const user of this.users()) {
      const value = attribute === 'username' ? user.username : user.attributes[attribute]
      if (value !== undefined) entries.push({ value, user })
    }
    // Code-unit order, where every value starting with a prefix sits together.
    entries.sort((left, right) => (left.value < right.value ? -1 : left.value > right.value ? 1 : 0))
    this.sorted.set(attribute, entries)
    return entries
  }
}

function firstAtLeast(entries: readonly Entry[], value: string): number {
  let low = 0
  let high = entries.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((entries[middle] as Entry).value < value) low = middle + 1
    else high = middle
  }
  return low
}
