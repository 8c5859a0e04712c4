import type { Handlers } from '../../shared/contract'
import type { DeprovisionService } from './DeprovisionService'
import type { DirectoryService } from './DirectoryService'

type DirectoryCall = Extract<keyof Handlers, `directory.${string}`>

/** `directory.*`: thin, input already validated by the contract wrapper. */
export function createDirectoryHandlers(directory: DirectoryService, deprovisions: DeprovisionService): Pick<Handlers, DirectoryCall> {
  return {
    'directory.testConnection': ({ id }) => directory.testConnection(id),
    'directory.list': (input) => directory.list(input),
    'directory.get': (input) => directory.get(input),
    'directory.create': (input) => directory.create(input),
    'directory.update': (input) => directory.update(input),
    'directory.delete': (input) => directory.delete(input),
    'directory.members': (input) => directory.members(input),
    'directory.groupsOf': (input) => directory.groupsOf(input),
    'directory.addMember': (input) => directory.addMember(input),
    'directory.removeMember': (input) => directory.removeMember(input),
    'directory.deprovision': (input) => deprovisions.deprovision(input),
    'directory.checkCreate': (input) => directory.checkCreate(input),
    'directory.cancel': async ({ requestKey }) => directory.cancel(requestKey),
  }
}
