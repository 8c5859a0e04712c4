import { join } from 'node:path'
import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import type { Handlers, SandboxStatus } from '../../shared/contract'
import type { Logger } from '../logging/Logger'
import { removeStaleTemporaryFiles } from '../profiles/writeFileAtomically'
import { launchNodeSandbox, type SandboxLauncher } from '../sandbox/process/launchSandboxProcess'
import { SandboxProcessHost, type SandboxTenant } from '../sandbox/process/SandboxProcessHost'
import { sandboxConnectorIds } from '../sandbox/sandboxConnectorIds'
import type { SandboxOptions } from '../sandbox/types'
import { AppError } from '../errors/AppError'
import { readSettings, saveSettings, settingsFileName } from './appSettings'
import { createSandboxProfiles, followTenant, managedProfilesFileName, provisionalSandboxParameters, readManagedProfiles, type ManagedProfiles } from './sandboxProfiles'

/** `LANYARD_SANDBOX=off` turns the sandbox profiles off for a run (a locked-down workstation), whatever the setting says. */
export const sandboxSwitchVariable = 'LANYARD_SANDBOX'
/** How many people a fresh sandbox is seeded with. */
export const sandboxUsersVariable = 'LANYARD_SANDBOX_USERS'
/** Milliseconds each sandbox answer waits, to feel (and measure) a distant tenant. */
export const sandboxLatencyVariable = 'LANYARD_SANDBOX_LATENCY'
const defaultSandboxUsers = 500

export type SandboxProfileHandlers = Pick<Handlers, 'profiles.list' | 'profiles.get' | 'profiles.create' | 'profiles.update'>

/** The profile whose connector is about to be used, as the connector pool knows it. */
export interface ProfileInUse {
  id: string
  name: string
  connectorId: ConnectorId
}

export interface AppSandboxes {
  /** Makes (once) each tenant's Sandbox profile when sandbox profiles are on; starts no tenant and never throws. */
  ensureProfiles(handlers: SandboxProfileHandlers): Promise<void>
  /**
   * Before every use of a profile's connector. For one of Lanyard's Sandbox profiles: refuses when
   * sandbox profiles are off; otherwise starts its tenant the first time (once, however many uses
   * wait for it) and writes the tenant's address and new secrets to the profile before anything
   * reads them. Any other profile passes at once.
   */
  beforeUse(profile: ProfileInUse, handlers: SandboxProfileHandlers): Promise<void>
  status(): Promise<SandboxStatus>
  /** Saves the setting; off stops the running tenants, on makes the missing Sandbox profiles. */
  setEnabled(enabled: boolean, handlers: SandboxProfileHandlers): Promise<SandboxStatus>
  close(): Promise<void>
}

export type TenantStarter = (connectorId: ConnectorId, options: SandboxOptions) => Promise<SandboxTenant>

/**
 * The sandbox tenants a fresh install works against, each started only when its Sandbox profile
 * is first used (a search, a connection test, start-up reconciliation of one of its changes), so
 * start-up waits for none. They run in a process of their own (the sandbox process, started with
 * the first tenant), so their memory is not the app's; a crash of it stops its tenants, which the
 * next use starts again. Their data is kept in `<data folder>/sandbox`, so a deprovision is still
 * there after a restart. A tenant that fails to start fails only the use that needed it, with a
 * message; real profiles never depend on the simulators.
 */
export async function openAppSandboxes(options: {
  dataDirectory: string
  env: Readonly<Record<string, string | undefined>>
  logger: Logger
  /** Starts one tenant; by default in the sandbox process (tests count the starts, or run tenants in their own process). */
  startTenant?: TenantStarter
  /** How the sandbox process is started: Electron's utility process in the app; Node's fork by default (the preview). */
  launchSandbox?: SandboxLauncher
}): Promise<AppSandboxes> {
  const { env, logger, dataDirectory } = options
  const switchedOff = env[sandboxSwitchVariable]?.trim().toLowerCase() === 'off'
  if (switchedOff) logger.info('sandbox profiles are switched off', { variable: sandboxSwitchVariable })
  const stateDirectory = join(dataDirectory, 'sandbox')
  const tenantOptions: SandboxOptions = {
    stateDirectory,
    users: wholeNumber(env, sandboxUsersVariable, { max: 100_000, fallback: defaultSandboxUsers }, logger),
    latencyMs: wholeNumber(env, sandboxLatencyVariable, { max: 60_000, fallback: 0 }, logger),
  }
  // Before anything writes them: what a crash in the middle of saving either file left beside it.
  const onError = (error: unknown) => logger.warn('could not remove a temp file left by a crash', { error })
  for (const path of [join(dataDirectory, settingsFileName), join(stateDirectory, managedProfilesFileName)]) {
    await removeStaleTemporaryFiles(path, onError)
  }
  const settings = await readSettings(dataDirectory, logger)
  const host = options.startTenant ? undefined : new SandboxProcessHost(options.launchSandbox ?? (() => launchNodeSandbox()), logger)
  return new LazySandboxes({
    logger,
    dataDirectory,
    stateDirectory,
    tenantOptions,
    switchedOff,
    settingOn: settings.sandboxProfiles === 'on',
    startTenant: options.startTenant ?? host!.startTenant,
    closeHost: async () => host?.close(),
  })
}

class LazySandboxes implements AppSandboxes {
  private settingOn: boolean
  private record: Promise<ManagedProfiles> | undefined
  /** A tenant starting or running, per connector: every first use waits for the same start. */
  private readonly tenants = new Map<ConnectorId, Promise<SandboxTenant>>()
  /** Why a tenant stopped without being asked, until it starts again: said if the restart fails. */
  private readonly stoppedBecause = new Map<ConnectorId, string>()
  /** A profile pointed (or being pointed) at its running tenant. */
  private readonly followed = new Map<string, Promise<void>>()

  constructor(
    private readonly options: {
      logger: Logger
      dataDirectory: string
      /** Where the tenants keep their state, and the record of the profiles made for them. */
      stateDirectory: string
      tenantOptions: SandboxOptions
      switchedOff: boolean
      settingOn: boolean
      startTenant: TenantStarter
      /** Ends the sandbox process, once its tenants are stopped. */
      closeHost?: () => Promise<void>
    },
  ) {
    this.settingOn = options.settingOn
  }

  private get enabled(): boolean {
    return this.settingOn && !this.options.switchedOff
  }

  async ensureProfiles(handlers: SandboxProfileHandlers): Promise<void> {
    if (!this.enabled) return
    try {
      const made = await createSandboxProfiles({
        handlers,
        connectorIds: sandboxConnectorIds,
        parametersOf: provisionalSandboxParameters,
        stateDirectory: this.options.stateDirectory,
        logger: this.options.logger,
      })
      this.record = Promise.resolve(made.record)
    } catch (error) {
      this.options.logger.error('sandbox profiles could not be set up', { error: describe(error) })
    }
  }

  async beforeUse(profile: ProfileInUse, handlers: SandboxProfileHandlers): Promise<void> {
    const record = await this.managedProfiles()
    if (record[profile.connectorId] !== profile.id) return
    if (!this.enabled) throw this.offError(profile)
    let ready = this.followed.get(profile.id)
    if (!ready) {
      ready = this.tenantOf(profile.connectorId).then(async (tenant) => followTenant(handlers, await handlers['profiles.get']({ profileId: profile.id }), tenant))
      this.followed.set(profile.id, ready)
      // Not kept when it failed (a locked keychain): the next use tries again.
      ready.catch(() => {
        if (this.followed.get(profile.id) === ready) this.followed.delete(profile.id)
      })
    }
    await ready
  }

  async status(): Promise<SandboxStatus> {
    return {
      enabled: this.enabled,
      switchedOffBy: this.options.switchedOff ? sandboxSwitchVariable : null,
      profileIds: Object.values(await this.managedProfiles()).filter((id): id is string => id !== undefined),
    }
  }

  async setEnabled(enabled: boolean, handlers: SandboxProfileHandlers): Promise<SandboxStatus> {
    await saveSettings(this.options.dataDirectory, { sandboxProfiles: enabled ? 'on' : 'off' }, this.options.logger)
    this.settingOn = enabled
    this.options.logger.info(`sandbox profiles turned ${enabled ? 'on' : 'off'}`)
    if (enabled) await this.ensureProfiles(handlers)
    else await this.close()
    return this.status()
  }

  /** Stops every tenant started, and the sandbox process; a later use starts it again, with new secrets written to its profile. */
  async close(): Promise<void> {
    const starting = [...this.tenants.values()]
    this.tenants.clear()
    this.followed.clear()
    const running = await Promise.allSettled(starting)
    await Promise.all(running.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.close() : undefined)))
    await this.options.closeHost?.()
  }

  private managedProfiles(): Promise<ManagedProfiles> {
    this.record ??= readManagedProfiles(this.options.stateDirectory, this.options.logger)
    return this.record
  }

  private tenantOf(connectorId: ConnectorId): Promise<SandboxTenant> {
    let starting = this.tenants.get(connectorId)
    if (!starting) {
      starting = this.options.startTenant(connectorId, this.options.tenantOptions)
      this.tenants.set(connectorId, starting)
      starting.then(
        (tenant) => {
          this.stoppedBecause.delete(connectorId)
          this.options.logger.info('sandbox tenant started', { connectorId, url: tenant.url })
          void tenant.stopped?.then((reason) => this.tenantStopped(connectorId, starting!, reason))
        },
        (error: unknown) => {
          if (this.tenants.get(connectorId) === starting) this.tenants.delete(connectorId)
          this.options.logger.error('sandbox tenant could not start', { connectorId, error: describe(error) })
        },
      )
    }
    return starting.catch((error: unknown) => {
      const label = getDescriptor(connectorId).label
      const stopped = this.stoppedBecause.get(connectorId)
      const before = stopped ? `stopped (${stopped}) and ` : ''
      throw new AppError('network', `The ${label} sandbox tenant ${before}could not start on this computer (${describe(error)}). Try again; the log has the details.`, {
        cause: error,
        details: { connectorId },
      })
    })
  }

  /**
   * The sandbox process ended under a running tenant: forgotten, with its profile's pointing at it,
   * so the next use of its Sandbox profile starts it again (a new address and token written to the profile).
   */
  private tenantStopped(connectorId: ConnectorId, tenant: Promise<SandboxTenant>, reason: string): void {
    if (this.tenants.get(connectorId) !== tenant) return
    this.tenants.delete(connectorId)
    this.stoppedBecause.set(connectorId, reason)
    void this.managedProfiles().then((record) => {
      const profileId = record[connectorId]
      if (profileId !== undefined) this.followed.delete(profileId)
    })
    this.options.logger.error('sandbox tenant stopped; its next use starts it again', { connectorId, reason })
  }

  private offError(profile: ProfileInUse): AppError {
    const how = this.options.switchedOff
      ? `${sandboxSwitchVariable}=off is set for this run of Lanyard: start it without that variable to use it`
      : 'turn them on under Profiles to use it'
    return new AppError('unsupported', `"${profile.name}" is one of Lanyard's sandbox profiles, and sandbox profiles are off: ${how}.`, {
      details: { profileId: profile.id },
    })
  }
}

function wholeNumber(
  env: Readonly<Record<string, string | undefined>>,
  variable: string,
  limits: { max: number; fallback: number },
  logger: Logger,
): number {
  const raw = env[variable]?.trim()
  if (!raw) return limits.fallback
  const value = Number(raw)
  if (Number.isInteger(value) && value >= 0 && value <= limits.max) return value
  logger.warn(`ignoring ${variable}: not a whole number from 0 to ${limits.max}`, { value: raw })
  return limits.fallback
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
