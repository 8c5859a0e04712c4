import type { ConnectorId } from '../../../shared/catalogue/types'
import { maximumPeople } from '../people/generateDirectory'
import type { SandboxOptions } from '../types'
import { FaultInjector } from './FaultInjector'
import { createRandom } from './random'
import { SandboxStateFile } from './SandboxStateFile'

/** What every tenant starts from when the options do not say (types.ts documents them). */
export const tenantDefaults = { users: 200, seed: 'lanyard' }

/**
 * What every tenant's start shares: the options checked (before any saved state is loaded, so a
 * wrong value is never silently ignored), its state file when it keeps one, and its faults.
 */
export function tenantBasics<Data>(connectorId: ConnectorId, options: SandboxOptions) {
  const users = options.users ?? tenantDefaults.users
  if (!Number.isInteger(users) || users < 0 || users > maximumPeople) {
    throw new RangeError(`users is a whole number from 0 to ${maximumPeople}, not ${users}.`)
  }
  const seed = options.seed ?? tenantDefaults.seed
  const stateFile = options.stateDirectory ? new SandboxStateFile<Data>(options.stateDirectory, connectorId) : undefined
  const faults = new FaultInjector(createRandom(`faults:${seed}`), options.faultRate ?? 0, options.faultKinds)
  return { users, seed, stateFile, faults }
}
