import type { ConnectorId } from '../../shared/catalogue/types'
import type { StoredProfile } from './profileFileSchema'
import { comparableName, firstFreeName } from './profileRules'

/**
 * The profile names taken per connector, compared as `sameName` does (trimmed, any case), with
 * the free name of a series found without starting over: an import of thousands of entries
 * with one repeated name must cost the same per entry as an import of two.
 *
 * Invariant: a name once taken stays taken, so every number of a series below the last one
 * handed out is still taken, and the search for the next free name starts after it.
 */
export class TakenNames {
  private readonly taken = new Set<string>()
  private readonly nextNumber = new Map<string, number>()

  constructor(names: Iterable<{ connectorId: ConnectorId; name: string }> = []) {
    for (const { connectorId, name } of names) this.add(connectorId, name)
  }

  has(connectorId: ConnectorId, name: string): boolean {
    return this.taken.has(nameKey(connectorId, name))
  }

  add(connectorId: ConnectorId, name: string): void {
    this.taken.add(nameKey(connectorId, name))
  }

  /** The first free name of `base`'s series (see `freeName`); not yet taken: `add` it to keep it. */
  freeName(connectorId: ConnectorId, base: string, tag?: string): string {
    // Keyed by the exact base: its candidates are exactly the ones `freeName` would try.
    const seriesKey = `${connectorId}\u0000${tag ?? ''}\u0000${base}`
    const found = firstFreeName(base, (candidate) => this.has(connectorId, candidate), tag, this.nextNumber.get(seriesKey))
    this.nextNumber.set(seriesKey, found.number)
    return found.name
  }
}

/** One string per name as `sameName` compares them, so a Set can do the comparing. */
export function nameKey(connectorId: ConnectorId, name: string): string {
  return `${connectorId}\u0000${comparableName(name)}`
}

/** The first profile of each name (as `sameName` compares), by `nameKey`. */
export function profilesByName(profiles: readonly StoredProfile[]): Map<string, StoredProfile> {
  const byName = new Map<string, StoredProfile>()
  for (const profile of profiles) {
    const key = nameKey(profile.connectorId, profile.name)
    if (!byName.has(key)) byName.set(key, profile)
  }
  return byName
}
