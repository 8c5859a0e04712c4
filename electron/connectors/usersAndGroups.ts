import type { Attributes, DirectoryObject, DirectoryPage } from '../../shared/directory'
import { AppError } from '../errors/AppError'
import type { ChangeOptions, Connector, CreateCarries, CreateOptions, CreatesObjects, DeletesObjects, ListQuery, UpdatesObjects } from './Connector'

/** One object type's operations, as an adapter implements them for its users or its groups. */
export interface ObjectOperations {
  list(query: ListQuery, signal?: AbortSignal): Promise<DirectoryPage>
  get(id: string, signal?: AbortSignal): Promise<DirectoryObject>
  create(attributes: Attributes, options: CreateOptions): Promise<DirectoryObject>
  update(id: string, changes: Attributes, options?: ChangeOptions): Promise<DirectoryObject>
  delete(id: string, signal?: AbortSignal): Promise<void>
  /** See `Connector.refuseUnsendable`. */
  refuseUnsendable?(attributes: Attributes, current: DirectoryObject | null, create: CreateCarries | null): void
}

type ObjectMethods = Required<Pick<Connector, 'list' | 'get' | 'refuseUnsendable'>> & Omit<CreatesObjects, 'checkCreate'> & UpdatesObjects & DeletesObjects

/**
 * The Connector's per-object-type methods of a target that has users and groups (Okta, Cognito,
 * GoToMeeting): each call goes to that type's operations, and any other type is refused.
 */
export function usersAndGroups(targetLabel: string, types: { users: ObjectOperations; groups: ObjectOperations }): ObjectMethods {
  function of(type: string): ObjectOperations {
    if (type === 'users' || type === 'groups') return types[type]
    throw new AppError('unsupported', `${targetLabel} profiles have users and groups, not "${type}".`)
  }
  return {
    list: async (type, query, signal) => of(type).list(query, signal),
    get: async (type, id, signal) => of(type).get(id, signal),
    create: async (type, attributes, options) => of(type).create(attributes, options),
    update: async (type, id, changes, options) => of(type).update(id, changes, options),
    delete: async (type, id, signal) => of(type).delete(id, signal),
    refuseUnsendable: (type, attributes, current, create) => of(type).refuseUnsendable?.(attributes, current, create),
  }
}
