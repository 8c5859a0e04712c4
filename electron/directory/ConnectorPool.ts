import { withReadAhead } from '../connectors/withReadAhead'
import { getDescriptor, parameterApplies } from '../../shared/catalogue'
import type { ConnectorDescriptor, ConnectorId } from '../../shared/catalogue/types'
import type { Connector, ConnectorFactory, LazyConnectorFactory } from '../connectors/Connector'
import type { BudgetState } from '../http/RequestBudget'
import { RetryWaits, type RetryWaitsState } from '../http/retryWaits'
import type { Logger } from '../logging/Logger'
import type { StoredProfile } from '../profiles/profileFileSchema'
import type { ProfileRepository } from '../profiles/ProfileRepository'
import type { ProfileSecrets } from '../profiles/ProfileSecrets'
import { AppError } from '../errors/AppError'

/** Per connector id, its adapter: built at once (tests' fakes) or once its module is loaded (connectors/registry.ts). */
export type ConnectorFactories = Partial<Record<ConnectorId, ConnectorFactory | LazyConnectorFactory>>

export interface ConnectorPoolOptions {
  repository: ProfileRepository
  secrets: ProfileSecrets
  factories: ConnectorFactories
  logger: Logger
  /**
   * Runs before every use of a profile's connector, cached or not: a Sandbox profile's tenant
   * starts here on first use and may rewrite the profile (which forgets a connector built from
   * the old values), or refuses when sandbox profiles are off.
   */
  beforeUse?: (profile: StoredProfile) => Promise<void>
  /** Each profile's request budget as it changes (see createBudgetEvents). */
  onBudgetChanged?: (profileId: string, state: BudgetState) => void
  /** Each profile's requests waiting to be sent again, at every start and end of a wait. */
  onRetryWaits?: (profileId: string, state: RetryWaitsState) => void
}

/** A stored profile with its connector's descriptor: enough to refuse a call before connecting. */
export interface ProfileTarget {
  profile: StoredProfile
  descriptor: ConnectorDescriptor
}

/**
 * One connector per profile, built on first use from the stored values and the keychain's secrets
 * and kept for the next call (its HTTP client, rate-limit state and token refresh live there).
 *
 * Invariant: a cached connector was built from the profile as it is now. `forget` (on every
 * `profiles.changed`) drops and closes it, so a changed URL or token is used from the next call on.
 */
export class ConnectorPool {
  private readonly connectors = new Map<string, Promise<Connector>>()
  // One per profile for the pool's life, not per connector: the requests of a connector closed for a
  // changed profile end their waits after the new one's began, and the count must stay one count.
  private readonly retryWaits = new Map<string, RetryWaits>()

  constructor(private readonly options: ConnectorPoolOptions) {}

  target(profileId: string): ProfileTarget {
    const profile = this.options.repository.find(profileId)
    if (!profile) {
      throw new AppError('not_found', 'This profile no longer exists. Refresh the list; it may have been deleted.', {
        details: { profileId },
      })
    }
    return { profile, descriptor: getDescriptor(profile.connectorId) }
  }

  async connectorFor(profileId: string): Promise<Connector> {
    const { profile } = this.target(profileId)
    await this.options.beforeUse?.(profile)
    return this.cachedOrBuilt(profileId)
  }

  private cachedOrBuilt(profileId: string): Promise<Connector> {
    const cached = this.connectors.get(profileId)
    if (cached) return cached
    const building = this.build(this.target(profileId))
    this.connectors.set(profileId, building)
    // A failed build (token missing, keychain locked) is not kept: the next call tries again.
    building.catch(() => {
      if (this.connectors.get(profileId) === building) this.connectors.delete(profileId)
    })
    return building
  }

  forget(profileIds: readonly string[]): void {
    for (const profileId of profileIds) {
      const cached = this.connectors.get(profileId)
      if (!cached) continue
      this.connectors.delete(profileId)
      cached.then((connector) => connector.close()).catch(() => undefined)
    }
  }

  closeAll(): void {
    this.forget([...this.connectors.keys()])
  }

  private async build({ profile, descriptor }: ProfileTarget): Promise<Connector> {
    const factory = this.options.factories[profile.connectorId]
    if (!factory) {
      throw new AppError(
        'unsupported',
        `${descriptor.label} is not available in this version: the profile can be set up, but its users and groups cannot be reached yet.`,
        { details: { connectorId: profile.connectorId } },
      )
    }
    const secrets: Record<string, string> = {}
    for (const parameter of descriptor.parameters.filter((candidate) => candidate.secret)) {
      // `read` registers the value with the logger, so no log line can carry it.
      const value = await this.options.secrets.read(profile.id, parameter.key)
      if (value !== null) secrets[parameter.key] = value
      // Only the secrets of the sign-in method the profile uses are required (a Coupa OAuth profile has no API key).
      else if (parameter.required && parameterApplies(descriptor, parameter, profile.values)) {
        throw new AppError(
          'auth_failed',
          `The profile "${profile.name}" has no ${inSentence(parameter.label)} stored: open Edit profile and enter it.`,
          { details: { profileId: profile.id, parameter: parameter.key } },
        )
      }
    }
    this.options.logger.info('connector ready', { profileId: profile.id, connectorId: profile.connectorId })
    return withReadAhead(
      await factory({
        profileId: profile.id,
        profileName: profile.name,
        environment: profile.environment,
        values: { ...profile.values },
        secrets,
        logger: this.options.logger,
        onBudgetChanged: (state) => this.options.onBudgetChanged?.(profile.id, state),
        retryWaits: this.retryWaitsOf(profile.id),
      }),
    )
  }

  private retryWaitsOf(profileId: string): RetryWaits {
    let waits = this.retryWaits.get(profileId)
    if (!waits) {
      waits = new RetryWaits((state) => this.options.onRetryWaits?.(profileId, state))
      this.retryWaits.set(profileId, waits)
    }
    return waits
  }
}

/** "Token" → "token" inside a sentence, but "API key" keeps its acronym. */
function inSentence(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1)
}
