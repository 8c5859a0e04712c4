import { randomUUID } from 'node:crypto'
import type { EventName, EventPayload } from '../../shared/contract'
import type { PeopleResults, PeopleSearchInput, PeopleSearchStarted } from '../../shared/people'
import type { ConnectorPool } from '../directory/ConnectorPool'
import { requireOperation, userTypeOf } from '../directory/operationRules'
import { RequestKeys } from '../directory/RequestKeys'
import type { Logger } from '../logging/Logger'
import type { StoredProfile } from '../profiles/profileFileSchema'
import { errorValue } from './perProfile'
import { toPersonAccount } from './personAccount'

/** One page of the target's own search: enough to find a person, and says `truncated` when more matched. */
export const peopleSearchPageSize = 25

export interface PeopleSearchOptions {
  connectors: ConnectorPool
  /** Every stored profile (the set is chosen from them by environment). */
  profiles: () => readonly StoredProfile[]
  /** Lanyard's own Sandbox profiles while sandbox profiles are off: not searched, as they would refuse. */
  switchedOff: () => Promise<readonly string[]>
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  logger: Logger
  /** A profile answered (settling then checks its changes whose outcome is not known). */
  answered?: (profileId: string) => void
}

/**
 * A person searched in every profile of a set at once. The call answers at once with the profiles
 * asked; each profile's answer is a `people.results` event as soon as it arrives, never waiting for
 * the slowest. A new search under the same key aborts the one still running in every profile, and
 * nothing of the old one is emitted after that.
 */
export class PeopleSearch {
  private readonly requests = new RequestKeys()

  constructor(private readonly options: PeopleSearchOptions) {}

  async search(input: PeopleSearchInput): Promise<PeopleSearchStarted> {
    const off = new Set(await this.options.switchedOff())
    const profiles = this.options.profiles().filter((profile) => profile.environment === input.profileSet && !off.has(profile.id))
    const searchId = randomUUID()
    // RequestKeys aborts the previous search under this key; the run ends with `cancelled` then, which nobody waits for.
    this.requests
      .run(input.searchKey, (signal) => Promise.all(profiles.map((profile) => this.searchProfile(searchId, profile, input.search, signal))))
      .catch(() => undefined)
    return { searchId, profiles: profiles.map((profile) => ({ profileId: profile.id, profileName: profile.name, connectorId: profile.connectorId })) }
  }

  cancel(searchKey: string): null {
    this.requests.cancel(searchKey)
    return null
  }

  private async searchProfile(searchId: string, profile: StoredProfile, search: string, signal: AbortSignal): Promise<void> {
    const descriptor = this.options.connectors.target(profile.id).descriptor
    const users = userTypeOf(descriptor)
    const searched = users.searchHint ?? 'users'
    let results: PeopleResults
    try {
      requireOperation(descriptor, users.id, 'list')
      const connector = await this.options.connectors.connectorFor(profile.id)
      const page = await connector.list(users.id, { search, cursor: null, pageSize: peopleSearchPageSize }, signal)
      const accounts = page.items.slice(0, peopleSearchPageSize).map((user) => toPersonAccount(profile, descriptor, user))
      results = { searchId, profileId: profile.id, status: 'found', accounts, truncated: page.nextCursor !== null, searched, error: null }
      this.options.answered?.(profile.id)
    } catch (error) {
      results = { searchId, profileId: profile.id, status: 'failed', accounts: [], truncated: false, searched, error: errorValue(error, this.options.logger, 'people search') }
    }
    // A superseded or cancelled search says nothing more, even when its target answered anyway.
    if (!signal.aborted) this.options.emit('people.results', results)
  }
}
