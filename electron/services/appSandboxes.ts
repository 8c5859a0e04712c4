import { join } from 'node:path'
import type { Handlers } from '../../shared/contract'
import type { Logger } from '../logging/Logger'
import { startSandboxes } from '../sandbox/startSandboxes'
import { ensureSandboxProfiles } from './sandboxProfiles'

/** `LANYARD_SANDBOX=off` starts the app without its sandbox tenants (a locked-down workstation). */
export const sandboxSwitchVariable = 'LANYARD_SANDBOX'
/** How many people a fresh sandbox is seeded with. */
export const sandboxUsersVariable = 'LANYARD_SANDBOX_USERS'
/** Milliseconds each sandbox answer waits, to feel (and measure) a distant tenant. */
export const sandboxLatencyVariable = 'LANYARD_SANDBOX_LATENCY'
const defaultSandboxUsers = 500

export interface AppSandboxes {
  /** Creates (once) or updates each tenant's Sandbox profile; never throws. */
  ensureProfiles(handlers: Pick<Handlers, 'profiles.list' | 'profiles.create' | 'profiles.update'>): Promise<void>
  close(): Promise<void>
}

const none: AppSandboxes = { ensureProfiles: async () => undefined, close: async () => undefined }

/**
 * The sandbox tenants a fresh install works against: started with the app (Electron or preview),
 * their data kept in `<data folder>/sandbox` so a deprovision is still there after a restart, and
 * one badged "Sandbox" profile each. A failure here is logged and the app starts without them:
 * real profiles must not depend on the simulators. Start them before the services, so the
 * journal's start-up reconciliation can already reach them.
 */
export async function startAppSandboxes(options: {
  dataDirectory: string
  env: Readonly<Record<string, string | undefined>>
  logger: Logger
}): Promise<AppSandboxes> {
  const { env, logger } = options
  if (env[sandboxSwitchVariable]?.trim().toLowerCase() === 'off') {
    logger.info('sandbox tenants are switched off', { variable: sandboxSwitchVariable })
    return none
  }
  const stateDirectory = join(options.dataDirectory, 'sandbox')
  try {
    const sandboxes = await startSandboxes({
      stateDirectory,
      users: wholeNumber(env, sandboxUsersVariable, { max: 100_000, fallback: defaultSandboxUsers }, logger),
      latencyMs: wholeNumber(env, sandboxLatencyVariable, { max: 60_000, fallback: 0 }, logger),
    })
    for (const tenant of sandboxes.tenants) {
      logger.info('sandbox tenant started', { connectorId: tenant.connectorId, url: tenant.url })
    }
    return {
      async ensureProfiles(handlers) {
        try {
          await ensureSandboxProfiles({ handlers, tenants: sandboxes.tenants, stateDirectory, logger })
        } catch (error) {
          logger.error('sandbox profiles could not be set up', { error: describe(error) })
        }
      },
      close: () => sandboxes.close(),
    }
  } catch (error) {
    logger.error('sandbox tenants could not start; the app runs without them', { error: describe(error) })
    return none
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
