import { describe, expect, it } from 'vitest'
import type { DirectoryObject } from '../../../shared/directory'
import { usersAndGroups, type ObjectOperations } from '../../../electron/connectors/usersAndGroups'
import { expectAppError } from '../../support/expectAppError'

function operationsNamed(name: string, calls: string[]): ObjectOperations {
  const object = (id: string) => ({ id, objectType: name }) as DirectoryObject
  return {
    list: async () => (calls.push(`${name}.list`), { items: [], nextCursor: null, total: null }),
    get: async (id) => (calls.push(`${name}.get ${id}`), object(id)),
    create: async () => (calls.push(`${name}.create`), object('new')),
    update: async (id) => (calls.push(`${name}.update ${id}`), object(id)),
    delete: async (id) => void calls.push(`${name}.delete ${id}`),
  }
}

describe('the per-type methods of a target with users and groups', () => {
  it('sends each call to the operations of its object type', async () => {
    const calls: string[] = []
    const methods = usersAndGroups('Okta', { users: operationsNamed('users', calls), groups: operationsNamed('groups', calls) })
    await methods.get('users', 'u1')
    await methods.update('groups', 'g1', {})
    await methods.delete('users', 'u2')
    await methods.list('groups', { search: '', pageSize: 10 })
    await methods.create('users', {}, {})
    expect(calls).toEqual(['users.get u1', 'groups.update g1', 'users.delete u2', 'groups.list', 'users.create'])
  })

  it('refuses another object type, naming the target, without calling anything', async () => {
    const calls: string[] = []
    const methods = usersAndGroups('Cognito', { users: operationsNamed('users', calls), groups: operationsNamed('groups', calls) })
    const error = await expectAppError(methods.get('roles', 'r1'), 'unsupported')
    expect(error.message).toBe('Cognito profiles have users and groups, not "roles".')
    expect(calls).toEqual([])
  })
})
