import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ConnectorId } from '../../shared/catalogue/types'
import { getDescriptor } from '../../shared/catalogue'
import type { Handlers } from '../../shared/contract'
import type { ProfileView } from '../../shared/profiles'
import { plainParameters } from '../../shared/profileValidation'
import type { Logger } from '../logging/Logger'
import { writeFileAtomically } from '../profiles/writeFileAtomically'
import type { RunningSandbox } from '../sandbox/types'
import { readJsonObject } from '../storage/readJsonObject'

/** Which profile Lanyard made for each sandbox tenant; kept beside the tenants' own state. */
export const managedProfilesFileName = 'sandbox-profiles.json'

export type ManagedProfiles = Partial<Record<ConnectorId, string>>

type SandboxParameters = { values: Record<string, string>; secrets: Record<string, string> }
/** Where a tenant answers and its credentials, whether it runs here or in the sandbox process. */
type TenantAddress = Pick<RunningSandbox, 'connectorId' | 'url' | 'credentials'>

/**
 * Gives every running sandbox tenant one "Sandbox" profile, created once, and has the others
 * follow their tenant (see `followTenant`). For a caller that starts the tenants first (the audit
 * rig); the app makes the profiles with `createSandboxProfiles` and starts a tenant on first use.
 */
export async function ensureSandboxProfiles(options: {
  handlers: Pick<Handlers, 'profiles.list' | 'profiles.create' | 'profiles.update'>
  tenants: readonly RunningSandbox[]
  stateDirectory: string
  logger: Logger
}): Promise<void> {
  const { handlers, tenants, logger } = options
  const tenantOf = (connectorId: ConnectorId) => tenants.find((tenant) => tenant.connectorId === connectorId)!
  const made = await createSandboxProfiles({
    ...options,
    connectorIds: tenants.map((tenant) => tenant.connectorId),
    parametersOf: (connectorId) => parametersOf(tenantOf(connectorId)),
  })
  const profiles = await handlers['profiles.list']({})
  for (const tenant of tenants) {
    const profile = profiles.find((candidate) => candidate.id === made.record[tenant.connectorId])
    if (!profile || made.now.has(tenant.connectorId)) continue
    try {
      await followTenant(handlers, profile, tenant)
    } catch (error) {
      logger.error('sandbox profile could not be set up', { connectorId: tenant.connectorId, error: describe(error) })
    }
  }
}

/**
 * Makes the "<Target> Sandbox" profile of each connector that has none yet, with `parametersOf`'s
 * values and secrets, and returns the record of which profile Lanyard made for which connector.
 * A sandbox profile the person deleted stays deleted: the record of having made it is what stops
 * it coming back. Real profiles are never read or changed here. Never throws for one connector: a
 * failure is logged and the others are still made.
 */
export async function createSandboxProfiles(options: {
  handlers: Pick<Handlers, 'profiles.create'>
  connectorIds: readonly ConnectorId[]
  parametersOf: (connectorId: ConnectorId) => SandboxParameters
  stateDirectory: string
  logger: Logger
}): Promise<{ record: ManagedProfiles; now: Set<ConnectorId> }> {
  const { handlers, stateDirectory, logger } = options
  const recordPath = join(stateDirectory, managedProfilesFileName)
  const record = await readManagedProfiles(stateDirectory, logger)
  const now = new Set<ConnectorId>()
  // One at a time, each on its own: one that fails leaves the others' profiles made.
  for (const connectorId of options.connectorIds) {
    if (record[connectorId] !== undefined) continue
    try {
      const created = await handlers['profiles.create']({
        connectorId,
        name: `${getDescriptor(connectorId).label} Sandbox`,
        environment: 'sandbox',
        ...options.parametersOf(connectorId),
      })
      record[connectorId] = created.id
      now.add(connectorId)
      // Recorded at once: a profile made but not recorded would be made again at the next start.
      await mkdir(stateDirectory, { recursive: true })
      await writeFileAtomically(recordPath, `${JSON.stringify(record, null, 2)}\n`)
      logger.info('sandbox profile created', { connectorId, profileId: created.id })
    } catch (error) {
      logger.error('sandbox profile could not be set up', { connectorId, error: describe(error) })
    }
  }
  return { record, now }
}

/**
 * What a Sandbox profile is made with before its tenant has ever run: values that pass the profile
 * checks and reach nothing (every address is this computer without a port, so no request can leave
 * it), and no secrets. The tenant's own values and secrets replace them when it first starts.
 */
export function provisionalSandboxParameters(connectorId: ConnectorId): SandboxParameters {
  const values: Record<string, string> = {}
  for (const parameter of plainParameters(getDescriptor(connectorId))) {
    if (parameter.kind === 'url') values[parameter.key] = provisionalAddress
    else if (parameter.required) values[parameter.key] = parameter.defaultValue ?? parameter.options?.[0]?.value ?? parameter.placeholder ?? 'sandbox'
  }
  return { values, secrets: {} }
}

const provisionalAddress = 'http://127.0.0.1'

/**
 * Points a Sandbox profile at its running tenant: its port may have changed, and its secrets are
 * new at every start (tenants never keep one on disk), so both are written, and nothing else of
 * the profile is touched. Also heals a token the keychain lost.
 */
export async function followTenant(handlers: Pick<Handlers, 'profiles.update'>, profile: ProfileView, tenant: TenantAddress): Promise<void> {
  const { values, secrets } = parametersOf(tenant)
  await handlers['profiles.update']({ profileId: profile.id, values: { ...profile.values, ...values }, secrets })
}

function parametersOf(tenant: TenantAddress): SandboxParameters {
  return sandboxParameters(tenant.connectorId, tenant.url, tenant.credentials)
}

/**
 * A tenant's URL and credentials split like the connector's parameters: plain values and secrets
 * (also how the benchmark builds a connector from `npm run sandbox`'s line).
 */
export function sandboxParameters(
  connectorId: ConnectorId,
  url: string,
  credentials: Readonly<Record<string, string>>,
): SandboxParameters {
  const values: Record<string, string> = { url }
  const secrets: Record<string, string> = {}
  for (const parameter of getDescriptor(connectorId).parameters) {
    const value = credentials[parameter.key]
    if (value === undefined) continue
    if (parameter.secret) secrets[parameter.key] = value
    else values[parameter.key] = value
  }
  return { values, secrets }
}

/** Which profile Lanyard made for each connector; an unreadable record counts as none (and is logged). */
export async function readManagedProfiles(stateDirectory: string, logger: Logger): Promise<ManagedProfiles> {
  const warning = 'the record of sandbox profiles could not be read; sandbox profiles may be created again'
  const record = await readJsonObject(join(stateDirectory, managedProfilesFileName), logger, warning)
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [ConnectorId, string] => typeof entry[1] === 'string')) as ManagedProfiles
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
