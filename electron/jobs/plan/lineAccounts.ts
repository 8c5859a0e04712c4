import type { ConnectorDescriptor } from '../../../shared/catalogue/types'
import type { DirectoryObject } from '../../../shared/directory'
import type { PersonAccount } from '../../../shared/people'
import type { Connector } from '../../connectors/Connector'
import { isPlainEmail } from '../../connectors/emailBatches'
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

/** What a plan has sent so far (its lookups and reads), for the estimate: the run's requests come on top. */
export interface RequestTally {
  requests: number
}

/** One line's exact matches in one profile, or why it could not be looked up there. */
export type LineAnswer = { accounts: PersonAccount[]; failure: null } | { accounts: []; failure: unknown }

/**
 * The accounts of one profile each line names exactly: its id, email (or another address), username,
 * or full name. The target's own search finds candidates; Lanyard keeps only exact matches, so
 * "dana" never offboards Dana Lee and Dana Smith.
 *
 * Email lines go to the target's Connector.usersWithEmails: many to a request where its search takes
 * several emails at once (Okta, Coupa, GoTo); on Cognito, whose ListUsers `Filter` is one condition
 * with no "or" (cognito.md §3), one search an email or the pool listed once, whichever costs fewer
 * requests (cognitoEmailLookup.ts). Every other line is one search of its own. A name needs a search
 * of its own everywhere: targets find it by prefixes over several attributes, not by one equality.
 */
export class LineLookup {
  private readonly limiters = new Map<string, ConcurrencyLimiter>()

  constructor(private readonly connectors: ConnectorPool) {}

  async linesIn(profile: StoredProfile, lines: readonly string[], tally: RequestTally, signal?: AbortSignal): Promise<LineAnswer[]> {
    const wanted = lines.map(matchKey)
    const answers: LineAnswer[] = lines.map(() => ({ accounts: [], failure: null }))
    let target: { descriptor: ConnectorDescriptor; connector: Connector; usersType: string; ignoresCase: boolean }
    try {
      const { descriptor } = this.connectors.target(profile.id)
      const users = userTypeOf(descriptor)
      requireOperation(descriptor, users.id, 'list')
      target = { descriptor, connector: await this.connectors.connectorFor(profile.id), usersType: users.id, ignoresCase: users.searchHelp?.ignoresCase ?? true }
    } catch (error) {
      return lines.map(() => ({ accounts: [], failure: error }))
    }
    const { descriptor, connector } = target
    // The candidates by each name they go by: a batch's answer serves many lines, each read in one look.
    const exactly = (found: readonly DirectoryObject[], indexes: readonly number[]) => {
      const named = byName(found.map((user) => toPersonAccount(profile, descriptor, user)))
      for (const index of indexes) answers[index] = { accounts: named.get(wanted[index]!) ?? [], failure: null }
    }
    const failed = (error: unknown, indexes: readonly number[]) => indexes.forEach((index) => (answers[index] = { accounts: [], failure: error }))

    const asked = lines.flatMap((_, index) => (wanted[index] === '' ? [] : [index]))
    const findEmails = connector.usersWithEmails?.bind(connector)
    const batched = findEmails ? asked.filter((index) => isPlainEmail(lines[index]!)) : []
    const inBatch = new Set(batched)
    // Each search text once: "Dana@x" and "dana@x" are one Cognito search (sent in lower case there).
    const searches = new Map<string, number[]>()
    for (const index of asked.filter((index) => !inBatch.has(index))) {
      const text = searchText(lines[index]!, target.ignoresCase)
      searches.set(text, [...(searches.get(text) ?? []), index])
    }
    await Promise.all([
      !findEmails || batched.length === 0
        ? undefined
        : findEmails(batched.map((index) => lines[index]!), signal).then(
            (found) => {
              tally.requests += found.requests
              exactly(found.users, batched)
            },
            (error: unknown) => failed(error, batched),
          ),
      ...[...searches].map(async ([text, indexes]) => {
        const release = await this.limiter(profile.id).acquire(signal)
        try {
          tally.requests += 1
          exactly((await connector.list(target.usersType, { search: text, cursor: null, pageSize: searchPageSize }, signal)).items, indexes)
        } catch (error) {
          failed(error, indexes)
        } finally {
          release()
        }
      }),
    ])
    return answers
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

/** Each account under every name it goes by (id, emails, username, display and full name), case and accents aside. */
function byName(accounts: readonly PersonAccount[]): Map<string, PersonAccount[]> {
  const named = new Map<string, PersonAccount[]>()
  for (const account of accounts) {
    const fullName = [account.givenName, account.familyName].filter(Boolean).join(' ')
    const keys = new Set([account.userId, account.email, ...account.otherEmails, account.userName, account.displayName, fullName].map(matchKey))
    keys.delete('')
    for (const key of keys) named.set(key, [...(named.get(key) ?? []), account])
  }
  return named
}
