/**
 * Where secret profile parameters (tokens, passwords, client secrets, API keys) live: the OS
 * keychain, one entry per (profile, parameter). The one real implementation is
 * `KeytarSecretStore`; the interface keeps a later move to Electron `safeStorage` one file wide.
 *
 * Invariant: an implementation never falls back to plaintext. When the keychain cannot be used,
 * every method except `isAvailable` throws `AppError('keychain_unavailable', …)`.
 */
export interface SecretStore {
  /** The stored value, or `null` when there is none. */
  get(profileId: string, parameterKey: string): Promise<string | null>
  /** Stores or replaces the value. */
  set(profileId: string, parameterKey: string, value: string): Promise<void>
  /** Removes the value; removing one that does not exist is not an error. */
  delete(profileId: string, parameterKey: string): Promise<void>
  /** A cheap probe for `app.info`: never throws. */
  isAvailable(): Promise<boolean>
}

/** The keychain account name of one secret: readable in the OS keychain manager. */
export function secretAccount(profileId: string, parameterKey: string): string {
  return `${profileId}/${parameterKey}`
}
