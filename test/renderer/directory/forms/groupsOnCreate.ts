import type { ConnectorDescriptor } from '../../../../shared/catalogue/types'

/**
 * Cognito's users join groups as part of their create. The Cognito helper declares it in the
 * descriptor; until then (and whatever else changes there) the tests that need it say it
 * themselves, through `vi.mock` of the catalogue. This file imports nothing that imports the
 * catalogue: the mock's factory loads it while the catalogue itself is being loaded.
 */
export function withGroupsOnCreate(descriptor: ConnectorDescriptor): ConnectorDescriptor {
  if (descriptor.id !== 'cognito') return descriptor
  return {
    ...descriptor,
    objectTypes: descriptor.objectTypes.map((type) => (type.id === 'users' ? { ...type, joinsGroupsOnCreate: true } : type)),
  }
}
