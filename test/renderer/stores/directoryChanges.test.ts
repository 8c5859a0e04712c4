import { beforeEach, describe, expect, it } from 'vitest'
import { useDirectoryChangesStore } from '../../../renderer/src/stores/directoryChanges'
import { useDirectoryListStore } from '../../../renderer/src/stores/directoryList'
import { useDirectoryMembershipsStore } from '../../../renderer/src/stores/directoryMemberships'
import { useDirectoryObjectStore } from '../../../renderer/src/stores/directoryObject'
import type { DirectoryObject } from '../../../shared/directory'
import type { FakeLanyardApi } from '../support/fakeLanyardApi'
import { flushPromises, freshStoresWithApi } from '../support/storeSetup'

const profileId = '00000000-0000-4000-8000-000000000001'
const table = { profileId, objectType: 'users' }
const ada = { profileId, objectType: 'users', objectId: 'ada' }

function user(id: string, displayName: string): DirectoryObject {
  return { id, objectType: 'users', displayName, secondary: '', status: null, readOnlyReason: null, attributes: {} }
}

let api: FakeLanyardApi
let names: Record<string, string>

beforeEach(async () => {
  names = { ada: 'Ada', grace: 'Grace' }
  api = freshStoresWithApi({
    'directory.list': () => ({ ok: true, value: { items: [user('ada', names.ada!), user('grace', names.grace!)], nextCursor: null, total: null } }),
    'directory.get': (input) => ({ ok: true, value: user(input.objectId, names[input.objectId]!) }),
    'directory.groupsOf': () => ({ ok: true, value: { items: [], nextCursor: null, total: null } }),
  })
  // What the detail panel and the table show: Ada open beside a table that holds her row.
  await useDirectoryListStore().search(table, '')
  await useDirectoryObjectStore().open(ada)
  await useDirectoryMembershipsStore().open(ada, [{ key: 'groupsOf:groups', relation: 'groupsOf', relatedType: 'groups' }])
  useDirectoryChangesStore().listen()
  api.calls.length = 0
})

describe('the one refresh path', () => {
  it('reads a changed object once and shows that read in both the panel and the table', async () => {
    names.ada = 'Ada Lovelace'

    api.emit('directory.changed', { profileId, objectType: 'users', ids: ['ada'] })
    await flushPromises()

    expect(api.callsTo('directory.get')).toEqual([ada])
    expect(useDirectoryObjectStore().current?.displayName).toBe('Ada Lovelace')
    expect(useDirectoryListStore().table(table).items.map((item) => item.displayName)).toEqual(['Ada Lovelace', 'Grace'])
    expect(api.callsTo('directory.groupsOf')).toHaveLength(1)
  })

  it('reads a row the panel does not show for the table alone, and nothing of the open user', async () => {
    api.emit('directory.changed', { profileId, objectType: 'users', ids: ['grace'] })
    await flushPromises()

    expect(api.callsTo('directory.get')).toEqual([{ profileId: profileId, objectType: 'users', objectId: 'grace' }])
    expect(api.callsTo('directory.groupsOf')).toEqual([])
  })

  it('reads nothing for another profile or another object type with the same id', async () => {
    api.emit('directory.changed', { profileId: '00000000-0000-4000-8000-000000000002', objectType: 'users', ids: ['ada'] })
    api.emit('directory.changed', { profileId, objectType: 'groups', ids: ['ada'] })
    await flushPromises()

    expect(api.calls).toEqual([])
  })

  it('reads nothing once it stops listening', async () => {
    useDirectoryChangesStore().stopListening()

    api.emit('directory.changed', { profileId, objectType: 'users', ids: ['ada'] })
    await flushPromises()

    expect(api.calls).toEqual([])
  })
})
