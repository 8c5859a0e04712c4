import type { AdapterCapability } from '../../shared/catalogue/capabilities'
import { adapterCapabilities } from '../../shared/catalogue/capabilities'
import { AppError } from '../errors/AppError'
import type { CapabilityInterfaces, Connector } from './Connector'

/*
 * The capability interfaces of `Connector.ts` at run time: which methods make each one, the type
 * guards that narrow a connector to it, and which of its methods change the target.
 */

/** The required methods of each capability (optional ones, like `checkCreate`, travel with it). */
export const capabilityMethods = {
  createsObjects: ['create'],
  updatesObjects: ['update'],
  deletesObjects: ['delete'],
  readsMemberships: ['listMembers', 'listGroupsOf'],
  managesMemberships: ['addMember', 'removeMember'],
  deprovisions: ['readDeprovisionSnapshot', 'deprovisionTakes', 'deprovisionRefusal', 'ownAccount', 'deprovision', 'undoDeprovision'],
  runsAccountActions: ['runAccountAction'],
  managesLicences: ['readLicences', 'planLicenceChange', 'setLicences'],
} as const satisfies { [Name in AdapterCapability]: readonly (keyof CapabilityInterfaces[Name])[] }

/** Optional methods of a capability, present only with it. */
export const optionalCapabilityMethods = { createsObjects: ['checkCreate'], deprovisions: ['deprovisionWarnings', 'resendableSteps'] } as const satisfies {
  [Name in AdapterCapability]?: readonly (keyof CapabilityInterfaces[Name])[]
}

type CapabilityMethod = (typeof capabilityMethods)[AdapterCapability][number]

/** Every capability method that changes the target: a page read before one ran may be stale. */
export const changingMethods: ReadonlySet<string> = new Set<CapabilityMethod>(['create', 'update', 'delete', 'addMember', 'removeMember', 'deprovision', 'undoDeprovision', 'runAccountAction', 'setLicences'])

/** A connector with the capability `name`. */
export type With<Name extends AdapterCapability> = Connector & CapabilityInterfaces[Name]

/** The core's methods (`refuseUnsendable`, `attributeSchema` and `usersWithEmails` optional); every other method belongs to a capability. */
export const coreMethods = ['testConnection', 'list', 'get', 'refuseUnsendable', 'attributeSchema', 'usersWithEmails', 'close'] as const

const wordFor: Record<AdapterCapability, string> = {
  createsObjects: 'create anything',
  updatesObjects: 'change anything',
  deletesObjects: 'delete anything',
  readsMemberships: 'list memberships',
  managesMemberships: 'change memberships',
  deprovisions: 'deprovision anyone',
  runsAccountActions: 'run account actions',
  managesLicences: 'change licences',
}

export function hasCapability<Name extends AdapterCapability>(connector: Connector, name: Name): connector is With<Name> {
  const methods: readonly string[] = capabilityMethods[name]
  return methods.every((method) => typeof (connector as unknown as Record<string, unknown>)[method] === 'function')
}

/**
 * The connector as one with the capability, or `unsupported`. The directory refuses from the
 * descriptor first, and every adapter has exactly what its descriptor declares, so this is a guard
 * for the types and against a test's stand-in, not a refusal people meet.
 */
export function requireCapability<Name extends AdapterCapability>(connector: Connector, name: Name): With<Name> {
  if (hasCapability(connector, name)) return connector
  throw new AppError('unsupported', `${connector.descriptor.label} cannot ${wordFor[name]} from Lanyard.`, { details: { capability: name } })
}

/** The capabilities the connector implements completely. */
export function implementedCapabilities(connector: Connector): AdapterCapability[] {
  return adapterCapabilities.filter((name) => hasCapability(connector, name))
}

/** Every method a connector may have beyond `descriptor`: the core's and every capability's. */
export const connectorMethods: readonly string[] = [
  ...coreMethods,
  ...Object.values(capabilityMethods).flat(),
  ...Object.values(optionalCapabilityMethods).flat(),
]
