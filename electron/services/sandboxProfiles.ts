import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ConnectorId } from '../../shared/catalogue/types'
import { getDescriptor } from '../../shared/catalogue'
import type { Handlers } from '../../shared/contract'
import type { ProfileView } from '../../shared/profiles'
import type { Logger } from '../logging/Logger'
import { writeFileAtomically } from '../profiles/writeFileAtomically'
import type { RunningSandbox } from '../sandbox/types'

/** Which profile Lanyard made for each sandbox tenant; kept beside the tenants' own state. */
export const managedProfilesFileName = 'sandbox-profiles.json'

type ManagedProfiles = Partial<Record<ConnectorId, string>>

/**
 * Gives every sandbox tenant one "Sandbox" profile, created once. On later starts the profile's
 * Target URL and secrets follow the tenant (its port may have changed, and its token is new at
 * every start), and nothing else of it is touched. A sandbox profile the person deleted stays
 * deleted: the record of having made it is what stops it coming back. Real profiles are never
 * read or changed here.
 */
export async function ensureSandboxProfiles(options: {
  handlers: Pick<Handlers, 'profiles.list' | 'profiles.create' | 'profiles.update'>
  tenants: readonly RunningSandbox[]
  stateDirectory: string
  logger: Logger
}): Promise<void> {
  const { handlers, tenants, stateDirectory, logger } = options
  const recordPath = join(stateDirectory, managedProfilesFileName)
  const managed = await readManagedProfiles(recordPath, logger)
  const profiles = await handlers['profiles.list']({})

  // One tenant at a time, each on its own: a tenant that fails leaves the others' profiles set up.
  for (const tenant of tenants) {
    try {
      const madeId = managed[tenant.connectorId]
      if (madeId === undefined) {
        const created = await handlers['profiles.create']({
          connectorId: tenant.connectorId,
          name: `${getDescriptor(tenant.connectorId).label} Sandbox`,
          environment: 'sandbox',
          ...parametersOf(tenant),
        })
        managed[tenant.connectorId] = created.id
        // Recorded at once: a profile made but not recorded would be made again at the next start.
        await writeFileAtomically(recordPath, `${JSON.stringify(managed, null, 2)}\n`)
        logger.info('sandbox profile created', { connectorId: tenant.connectorId, profileId: created.id })
        continue
      }
      const profile = profiles.find((candidate) => candidate.id === madeId)
      if (profile) await followTenant(handlers, profile, tenant)
    } catch (error) {
      logger.error('sandbox profile could not be set up', {
        connectorId: tenant.connectorId,
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }
}

async function followTenant(
  handlers: Pick<Handlers, 'profiles.update'>,
  profile: ProfileView,
  tenant: RunningSandbox,
): Promise<void> {
  const { values, secrets } = parametersOf(tenant)
  // The tenant's secrets are new at every start, so they are written every time.
  await handlers['profiles.update']({ id: profile.id, values: { ...profile.values, ...values }, secrets })
}

function parametersOf(tenant: RunningSandbox): { values: Record<string, string>; secrets: Record<string, string> } {
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
): { values: Record<string, string>; secrets: Record<string, string> } {
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

async function readManagedProfiles(path: string, logger: Logger): Promise<ManagedProfiles> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return {}
  }
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [ConnectorId, string] => typeof entry[1] === 'string'),
      ) as ManagedProfiles
    }
  } catch {
    // Fall through: an unreadable record only means the profiles may be made again.
  }
  logger.warn('the record of sandbox profiles could not be read; sandbox profiles may be created again', { path })
  return {}
}
