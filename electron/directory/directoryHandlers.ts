import type { ConnectorDescriptor } from '../../shared/catalogue/types'
import type { Handlers } from '../../shared/contract'
import type { DeprovisionService } from '../changes/DeprovisionService'
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
  /** The input, once the ids it names fit the target (else `invalid_input`, before anything is sent). */
  const fitting = <Input extends { profileId: string }>(input: Input, ids: NamedIds): Input => {
    refusePathLikeIds(descriptorOf(input.profileId), ids)
    return input
  }
  return {
    'directory.testConnection': ({ profileId }) => directory.testConnection(profileId),
    'directory.list': (input) => directory.list(input),
    'directory.get': async (input) => directory.get(fitting(input, { objectId: input.objectId })),
    'directory.create': async (input) => directory.create(fitting(input, { groups: input.groups })),
    'directory.update': async (input) => directory.update(fitting(input, { objectId: input.objectId })),
    'directory.delete': async (input) => directory.delete(fitting(input, { objectId: input.objectId })),
    'directory.members': async (input) => directory.members(fitting(input, { objectId: input.objectId })),
    'directory.groupsOf': async (input) => directory.groupsOf(fitting(input, { objectId: input.objectId })),
    'directory.addMember': async (input) => directory.addMember(fitting(input, { groupId: input.groupId, userId: input.userId })),
    'directory.removeMember': async (input) => directory.removeMember(fitting(input, { groupId: input.groupId, userId: input.userId })),
    'directory.deprovision': async (input) => deprovisions.deprovision(fitting(input, { userId: input.userId })),
    'directory.accountAction': async (input) => directory.accountAction(fitting(input, { objectId: input.objectId })),
    'directory.checkCreate': (input) => directory.checkCreate(input),
    'directory.attributeSchema': (input) => directory.attributeSchema(input),
    'directory.licences': async (input) => directory.licences(fitting(input, { objectId: input.objectId })),
    'directory.changeLicence': async (input) => directory.changeLicence(fitting(input, { objectId: input.objectId })),
    'directory.checkDeprovision': async (input) => directory.checkDeprovision(fitting(input, { userId: input.userId })),
    'directory.cancel': async ({ requestKey }) => directory.cancel(requestKey),
  }
}
