import type { ConnectorDescriptor } from '../../shared/catalogue/types'
import type { Handlers } from '../../shared/contract'
import type { DeprovisionService } from './DeprovisionService'
import type { DirectoryService } from './DirectoryService'
import { refusePathLikeIds, type NamedIds } from './objectIdRules'

type DirectoryCall = Extract<keyof Handlers, `directory.${string}`>

/**
 * `directory.*`: thin, input already validated by the contract wrapper. What the contract cannot
 * check without the profile's connector — an id that reads as a path, for a target that puts ids in
 * its URL paths — is refused here, in one place for every call that names an object.
 */
export function createDirectoryHandlers(
  directory: DirectoryService,
  deprovisions: DeprovisionService,
  descriptorOf: (profileId: string) => ConnectorDescriptor,
): Pick<Handlers, DirectoryCall> {
  const idsFit = (profileId: string, ids: NamedIds) => refusePathLikeIds(descriptorOf(profileId), ids)
  return {
    'directory.testConnection': ({ id }) => directory.testConnection(id),
    'directory.list': (input) => directory.list(input),
    'directory.get': async (input) => {
      idsFit(input.id, { objectId: input.objectId })
      return directory.get(input)
    },
    'directory.create': async (input) => {
      idsFit(input.id, { groups: input.groups })
      return directory.create(input)
    },
    'directory.update': async (input) => {
      idsFit(input.id, { objectId: input.objectId })
      return directory.update(input)
    },
    'directory.delete': async (input) => {
      idsFit(input.id, { objectId: input.objectId })
      return directory.delete(input)
    },
    'directory.members': async (input) => {
      idsFit(input.id, { objectId: input.objectId })
      return directory.members(input)
    },
    'directory.groupsOf': async (input) => {
      idsFit(input.id, { objectId: input.objectId })
      return directory.groupsOf(input)
    },
    'directory.addMember': async (input) => {
      idsFit(input.id, { groupId: input.groupId, userId: input.userId })
      return directory.addMember(input)
    },
    'directory.removeMember': async (input) => {
      idsFit(input.id, { groupId: input.groupId, userId: input.userId })
      return directory.removeMember(input)
    },
    'directory.deprovision': async (input) => {
      idsFit(input.id, { userId: input.userId })
      return deprovisions.deprovision(input)
    },
    'directory.checkCreate': (input) => directory.checkCreate(input),
    'directory.cancel': async ({ requestKey }) => directory.cancel(requestKey),
  }
}
