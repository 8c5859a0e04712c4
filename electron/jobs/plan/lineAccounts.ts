import type { PersonAccount } from '../../../shared/people'
import { ConcurrencyLimiter } from '../../http/ConcurrencyLimiter'
import type { ConnectorPool } from '../../directory/ConnectorPool'
import { requireOperation, userTypeOf } from '../../directory/operationRules'
import type { StoredProfile } from '../../profiles/profileFileSchema'
import { toPersonAccount } from '../../people/personAccount'

/** Rows the target's search is asked for per line: an exact match is among the first few of a prefix search. */
const searchPageSize = 25

/** Lookups of one profile in flight at once: its request budget, not this, sets the pace. */
const lookupsInFlight = 4

/** Case and accents aside: "lefevre" is "Lefèvre", "BJORN KHAN" is "Björn Khan". */
export function matchKey(text: string | null | undefined): string {
  return (text ?? '').normalize('NFD').replace(/\p{Diacritic}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ')
}

/**
 * The accounts of one profile a line names exactly: its id, email (or another address), username,
 * or full name. The target's own search finds candidates (one request a line); Lanyard keeps only
 * exact matches, so "dana" never offboards Dana Lee and Dana Smith.
 */
export class LineLookup {
  private readonly limiters = new Map<string, ConcurrencyLimiter>()

  constructor(private readonly connectors: ConnectorPool) {}

  async accountsFor(profile: StoredProfile, line: string, signal?: AbortSignal): Promise<PersonAccount[]> {
    const { descriptor } = this.connectors.target(profile.id)
    const users = userTypeOf(descriptor)
    requireOperation(descriptor, users.id, 'list')
    const connector = await this.connectors.connectorFor(profile.id)
    const release = await this.limiter(profile.id).acquire(signal)
    try {
      const page = await connector.list(users.id, { search: searchText(line, users.searchHelp?.ignoresCase ?? true), cursor: null, pageSize: searchPageSize }, signal)
      const wanted = matchKey(line)
      return page.items.map((user) => toPersonAccount(profile, descriptor, user)).filter((account) => namedBy(account, wanted))
    } finally {
      release()
    }
  }

  private limiter(profileId: string): ConcurrencyLimiter {
    let limiter = this.limiters.get(profileId)
    if (!limiter) this.limiters.set(profileId, (limiter = new ConcurrencyLimiter(lookupsInFlight)))
    return limiter
  }
}

/**
 * What to ask the target: the line as written, but an email in lower case where the target's search
 * minds case (Cognito): HR's "Dana.Lee@Example.com" is the dana.lee@example.com every target stores.
 */
function searchText(line: string, ignoresCase: boolean): string {
  const text = line.trim()
  return !ignoresCase && text.includes('@') ? text.toLowerCase() : text
}

function namedBy(account: PersonAccount, wanted: string): boolean {
  const fullName = [account.givenName, account.familyName].filter(Boolean).join(' ')
  return [account.userId, account.email, ...account.otherEmails, account.userName, account.displayName, fullName].some((value) => value && matchKey(value) === wanted)
}
