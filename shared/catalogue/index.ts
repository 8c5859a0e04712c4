import { cognito } from './cognito'
import { coupa } from './coupa'
import { gotomeeting } from './gotomeeting'
import { deepFreeze } from './deepFreeze'
import { okta } from './okta'
import type { ConnectorDescriptor, ConnectorId, ObjectTypeDescriptor } from './types'

export * from './types'
export { adapterCapabilities, capabilitiesOf, declaresOperation, membershipCapability } from './capabilities'
export type { AdapterCapability, ConnectorCapabilities, MembershipCapability, MembershipSide, ObjectTypeCapabilities } from './capabilities'
export { cognitoRegions } from './regions'
export { parseCustomProperties, customPropertyTypes } from './customProperties'
export type { CustomProperty, CustomPropertyType, CustomPropertiesParseResult } from './customProperties'
export { chosenValue, parameterApplies } from './parameterChoice'

const descriptorsById: Readonly<Record<ConnectorId, ConnectorDescriptor>> = deepFreeze({
  cognito,
  coupa,
  gotomeeting,
  okta,
})

/** Every connector, alphabetical by label (the order the "new profile" picker shows). */
export const connectors: readonly ConnectorDescriptor[] = Object.freeze(
  Object.values(descriptorsById).sort((left, right) => left.label.localeCompare(right.label)),
)

/** For ids read from outside the type system (a profile file, an import): check before `getDescriptor`. */
export function isConnectorId(value: string): value is ConnectorId {
  return Object.hasOwn(descriptorsById, value)
}

export function getDescriptor(id: ConnectorId): ConnectorDescriptor {
  return descriptorsById[id]
}

/** The object type with this route id (`users`, `groups`, `roles`…), or undefined if the target has none. */
export function findObjectType(descriptor: ConnectorDescriptor, id: string): ObjectTypeDescriptor | undefined {
  return descriptor.objectTypes.find((objectType) => objectType.id === id)
}
