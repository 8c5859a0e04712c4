import { AppError } from '../../electron/errors/AppError'
import type { SecretStore } from '../../electron/secrets/SecretStore'

/**
 * A keychain stand-in for service tests: a Map, plus a switch that makes every call fail the way
 * the real keychain does when it is locked. Lives under test/ only — the app never keeps secrets
 * in memory as a fallback.
 */
export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>()
  failing = false
  /** Refuses a change (set or delete) of just these entries, as a keychain may refuse partway through a batch. */
  refusesChange: (profileId: string, parameterKey: string) => boolean = () => false
  lookups = 0

  async get(profileId: string, parameterKey: string): Promise<string | null> {
    this.lookups++
    this.failIfLocked()
    return this.entries.get(`${profileId}/${parameterKey}`) ?? null
  }

  async set(profileId: string, parameterKey: string, value: string): Promise<void> {
    this.failIfLocked(this.refusesChange(profileId, parameterKey))
    this.entries.set(`${profileId}/${parameterKey}`, value)
  }

  async delete(profileId: string, parameterKey: string): Promise<void> {
    this.failIfLocked(this.refusesChange(profileId, parameterKey))
    this.entries.delete(`${profileId}/${parameterKey}`)
  }

  async isAvailable(): Promise<boolean> {
    return !this.failing
  }

  private failIfLocked(refused = false): void {
    if (this.failing || refused) {
      throw new AppError('keychain_unavailable', 'The OS keychain could not be used (locked for the test). Unlock it, then try again.')
    }
  }
}
