import type { Logger } from '../logging/Logger'
import { AppError } from '../errors/AppError'
import type { SecretStore } from '../secrets/SecretStore'

export type SecretStatus = 'stored' | 'missing'

/** What a batch of keychain changes achieved: the keys that failed and the first error. */
export interface SecretOutcome {
  failedKeys: string[]
  error: AppError | null
}

/**
 * The profile service's view of the keychain. It registers every secret value it reads or
 * writes with the logger (so no log line can carry one), and caches whether each secret is
 * stored, so listing profiles costs one keychain lookup per secret the first time only.
 *
 * Invariant: the cache only holds what the keychain itself answered; after a failed lookup the
 * secret shows as `missing` and is asked again next time.
 *
 * Invariant: an entry `awaitsRemoval` names (recorded in `profiles.json` for removal, which may be
 * refused or cut short by a crash) is never read: it shows as `missing` and reads as `null`, so it
 * is neither sent anywhere nor copied, even before the start-up repair has removed it.
 */
export class ProfileSecrets {
  private readonly statusCache = new Map<string, SecretStatus>()

  constructor(
    private readonly store: SecretStore,
    private readonly logger: Logger,
    private readonly awaitsRemoval: (profileId: string, key: string) => boolean,
  ) {}

  async status(profileId: string, keys: readonly string[]): Promise<Record<string, SecretStatus>> {
    const statuses: Record<string, SecretStatus> = {}
    for (const key of keys) statuses[key] = await this.statusOf(profileId, key)
    return statuses
  }

  read(profileId: string, key: string): Promise<string | null> {
    if (this.awaitsRemoval(profileId, key)) return Promise.resolve(null)
    return this.store.get(profileId, key).then((value) => {
      if (value !== null) this.logger.registerSecret(value)
      this.statusCache.set(cacheKey(profileId, key), value === null ? 'missing' : 'stored')
      return value
    })
  }

  /** Applies changes key by key: a string is stored, `null` removes. Never throws. */
  async apply(profileId: string, changes: Readonly<Record<string, string | null>>): Promise<SecretOutcome> {
    const outcome: SecretOutcome = { failedKeys: [], error: null }
    for (const [key, value] of Object.entries(changes)) {
      if (value !== null) this.logger.registerSecret(value)
      try {
        if (value === null) await this.store.delete(profileId, key)
        else await this.store.set(profileId, key, value)
        this.statusCache.set(cacheKey(profileId, key), value === null ? 'missing' : 'stored')
      } catch (error) {
        // The entry may or may not have changed: ask the keychain again next time.
        this.statusCache.delete(cacheKey(profileId, key))
        outcome.failedKeys.push(key)
        outcome.error ??= asKeychainError(error)
      }
    }
    return outcome
  }

  /** Copies each stored secret of one profile to another. Never throws. */
  async copy(fromProfileId: string, toProfileId: string, keys: readonly string[]): Promise<SecretOutcome> {
    const outcome: SecretOutcome = { failedKeys: [], error: null }
    for (const key of keys) {
      try {
        const value = await this.read(fromProfileId, key)
        if (value === null) continue
        const written = await this.apply(toProfileId, { [key]: value })
        if (written.error) throw written.error
      } catch (error) {
        outcome.failedKeys.push(key)
        outcome.error ??= asKeychainError(error)
      }
    }
    return outcome
  }

  removeAll(profileId: string, keys: readonly string[]): Promise<SecretOutcome> {
    return this.apply(profileId, Object.fromEntries(keys.map((key) => [key, null])))
  }

  private async statusOf(profileId: string, key: string): Promise<SecretStatus> {
    if (this.awaitsRemoval(profileId, key)) return 'missing'
    const cached = this.statusCache.get(cacheKey(profileId, key))
    if (cached) return cached
    try {
      return (await this.read(profileId, key)) === null ? 'missing' : 'stored'
    } catch (error) {
      this.logger.warn('keychain lookup failed; secret shown as missing', { profileId, key, error })
      return 'missing'
    }
  }
}

function cacheKey(profileId: string, key: string): string {
  return `${profileId}/${key}`
}

function asKeychainError(error: unknown): AppError {
  if (error instanceof AppError) return error
  return new AppError('keychain_unavailable', 'The OS keychain could not be used. Unlock it, then try again.', {
    cause: error,
  })
}
