import { AppError } from '../errors/AppError'
import { keychainAdvice } from './keychainAdvice'
import { secretAccount, type SecretStore } from './SecretStore'

type Keytar = typeof import('keytar')

export const defaultKeychainService = 'lanyard'
/** Tests set this so they never read or write a person's real Lanyard entries. */
export const keychainServiceVariable = 'LANYARD_KEYCHAIN_SERVICE'

export interface KeytarSecretStoreOptions {
  /** Keychain service name; defaults to `LANYARD_KEYCHAIN_SERVICE`, then `lanyard`. */
  service?: string
  /**
   * How long one keychain call may take. Generous, because the OS may be showing an unlock
   * prompt; without a limit a stuck Secret Service would hang the save forever.
   */
  timeoutMs?: number
  platform?: NodeJS.Platform
}

/**
 * The OS keychain through keytar (Keychain on macOS, Credential Manager on Windows, the Secret
 * Service — gnome-keyring, KWallet — on Linux). The only file that imports keytar.
 *
 * keytar is loaded on first use, not at start-up: a machine whose native keychain library is
 * missing still starts, lists its profiles and reports the keychain as unavailable.
 */
export class KeytarSecretStore implements SecretStore {
  readonly service: string
  private readonly timeoutMs: number
  private readonly platform: NodeJS.Platform
  private keytar: Promise<Keytar> | undefined

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? (process.env[keychainServiceVariable]?.trim() || defaultKeychainService)
    this.timeoutMs = options.timeoutMs ?? 30_000
    this.platform = options.platform ?? process.platform
  }

  get(profileId: string, parameterKey: string): Promise<string | null> {
    return this.use((keytar) => keytar.getPassword(this.service, secretAccount(profileId, parameterKey)))
  }

  async set(profileId: string, parameterKey: string, value: string): Promise<void> {
    await this.use((keytar) => keytar.setPassword(this.service, secretAccount(profileId, parameterKey), value))
  }

  async delete(profileId: string, parameterKey: string): Promise<void> {
    // keytar answers `false` for an entry that was not there: that is the goal reached, not an error.
    await this.use((keytar) => keytar.deletePassword(this.service, secretAccount(profileId, parameterKey)))
  }

  async isAvailable(): Promise<boolean> {
    try {
      await this.use((keytar) => keytar.getPassword(this.service, 'availability-probe'), 5_000)
      return true
    } catch {
      return false
    }
  }

  private async use<T>(operation: (keytar: Keytar) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the keychain did not answer within ${timeoutMs / 1000} s`)), timeoutMs)
    })
    try {
      return await Promise.race([this.loadKeytar().then(operation), timeout])
    } catch (error) {
      throw this.unavailable(error)
    } finally {
      clearTimeout(timer)
    }
  }

  private loadKeytar(): Promise<Keytar> {
    this.keytar ??= import('keytar').then((loaded: Keytar & { default?: Keytar }) => loaded.default ?? loaded)
    // A failed load is not cached: the library may be installed while Lanyard runs.
    this.keytar.catch(() => (this.keytar = undefined))
    return this.keytar
  }

  private unavailable(error: unknown): AppError {
    const reason = error instanceof Error ? error.message : String(error)
    return new AppError(
      'keychain_unavailable',
      `The OS keychain could not be used (${reason}). ${keychainAdvice(this.platform)}`,
      { details: { reason }, cause: error },
    )
  }
}
