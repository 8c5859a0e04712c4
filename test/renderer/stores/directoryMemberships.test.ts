import { beforeEach, describe, expect, it } from 'vitest'
import { useDirectoryChangesStore } from '../../../renderer/src/stores/directoryChanges'
import { useDirectoryMembershipsStore, type MembershipSource } from '../../../renderer/src/stores/directoryMemberships'
import type { DirectoryObject, DirectoryPage, ListRelatedInput } from '../../../shared/directory'
import type { Result } from '../../../shared/errors'
import type { FakeLanyardApi } from '../support/fakeLanyardApi'
import { flushPromises, freshStoresWithApi } from '../support/storeSetup'

let api: FakeLanyardApi

beforeEach(() => {
  api = freshStoresWithApi()
})

const profileId = '00000000-0000-4000-8000-000000000001'
const ada = { profileId, objectType: 'users', objectId: 'ada' }
const grace = { profileId, objectType: 'users', objectId: 'grace' }
const coupaSources: MembershipSource[] = [
  { key: 'groupsOf:roles', relation: 'groupsOf', relatedType: 'roles' },
  { key: 'groupsOf:account-groups', relation: 'groupsOf', relatedType: 'account-groups' },
]

function named(objectType: string, name: string): DirectoryObject {
  return { id: name, objectType, displayName: name, secondary: '', status: null, readOnlyReason: null, attributes: {} }
}

function answer(items: DirectoryObject[], nextCursor: string | null = null, total: number | null = null): Result<DirectoryPage> {
  return { ok: true, value: { items, nextCursor, total } }
}

/** Answers each read when the test says so, in any order. */
function heldAnswers() {
  const waiting: { input: ListRelatedInput; release: (result: Result<DirectoryPage>) => void }[] = []
  api.answer('directory.groupsOf', (input) => new Promise((release) => waiting.push({ input: input as ListRelatedInput, release })))
  return waiting
}

function names(key: string): string[] {
  return useDirectoryMembershipsStore()
    .list(key)
    .items.map((item) => item.displayName)
}

describe('the memberships store', () => {
  it('holds a list per group-like type, each read with its own related type and paged on its own', async () => {
    api.answer('directory.groupsOf', (input) => {
      if (input.relatedType === 'roles') return input.cursor ? answer([named('roles', 'Approver')]) : answer([named('roles', 'Buyer')], '50')
      return answer([named('account-groups', 'EMEA')])
    })
    const store = useDirectoryMembershipsStore()

    await store.open(ada, coupaSources)
    expect(names('groupsOf:roles')).toEqual(['Buyer'])
    expect(names('groupsOf:account-groups')).toEqual(['EMEA'])
    expect(store.countText('groupsOf:roles')).toBe('1+')
    expect(store.countText('groupsOf:account-groups')).toBe('1')

    await store.showMore('groupsOf:roles')

    expect(names('groupsOf:roles')).toEqual(['Buyer', 'Approver'])
    expect(store.countText('groupsOf:roles')).toBe('2')
    expect(api.callsTo('directory.groupsOf')).toEqual([
      expect.objectContaining({ objectId: 'ada', relatedType: 'roles', cursor: null }),
      expect.objectContaining({ objectId: 'ada', relatedType: 'account-groups', cursor: null }),
      expect.objectContaining({ objectId: 'ada', relatedType: 'roles', cursor: '50' }),
    ])
  })

  it("counts from the target's total when it gives one, never an invented one otherwise", async () => {
    api.answer('directory.members', () => answer([named('users', 'Ada')], '1', 120))
    const store = useDirectoryMembershipsStore()

    await store.open({ profileId: profileId, objectType: 'groups', objectId: 'g1' }, [{ key: 'members', relation: 'members' }])

    expect(store.countText('members')).toBe('120')
    expect(store.changeableCountText('members')).toBe('1+')
  })

  it("drops a slow answer for the previous user once another user's memberships are open", async () => {
    const waiting = heldAnswers()
    const store = useDirectoryMembershipsStore()

    void store.open(ada, coupaSources.slice(0, 1))
    void store.open(grace, coupaSources.slice(0, 1))
    const [forAda, forGrace] = waiting
    forGrace?.release(answer([named('roles', 'Grace role')]))
    await flushPromises()
    forAda?.release(answer([named('roles', 'Ada role')]))
    await flushPromises()

    expect(forAda?.input.objectId).toBe('ada')
    expect(names('groupsOf:roles')).toEqual(['Grace role'])
    expect(store.list('groupsOf:roles').loading).toBe(false)
  })

  it('keeps one section\'s late answer from overwriting a newer read of the same section only', async () => {
    const waiting = heldAnswers()
    const store = useDirectoryMembershipsStore()

    void store.open(ada, coupaSources)
    void store.reload((source) => source.key === 'groupsOf:roles')
    // Reads: roles (first), account groups, roles (again).
    waiting[2]?.release(answer([named('roles', 'Newer')]))
    await flushPromises()
    waiting[0]?.release(answer([named('roles', 'Older')]))
    waiting[1]?.release(answer([named('account-groups', 'EMEA')]))
    await flushPromises()

    expect(names('groupsOf:roles')).toEqual(['Newer'])
    expect(names('groupsOf:account-groups')).toEqual(['EMEA'])
  })

  it('re-reads every list when main reports the open user changed, and not for anyone else', async () => {
    api.answer('directory.groupsOf', () => answer([]))
    const store = useDirectoryMembershipsStore()
    await store.open(ada, coupaSources)
    const changes = useDirectoryChangesStore()
    changes.listen()

    api.emit('directory.changed', { profileId, objectType: 'users', ids: ['grace'] })
    api.emit('directory.changed', { profileId, objectType: 'roles', ids: ['ada'] })
    await flushPromises()
    expect(api.callsTo('directory.groupsOf')).toHaveLength(2)

    api.emit('directory.changed', { profileId, objectType: 'users', ids: ['ada'] })
    await flushPromises()
    expect(api.callsTo('directory.groupsOf')).toHaveLength(4)

    changes.stopListening()
    api.emit('directory.changed', { profileId, objectType: 'users', ids: ['ada'] })
    await flushPromises()
    expect(api.callsTo('directory.groupsOf')).toHaveLength(4)
  })

  it('reads nothing itself after a membership change: main reports it, and each list is read once', async () => {
    api.answer('directory.groupsOf', () => answer([]))
    api.answer('directory.addMember', () => ({ ok: true, value: null }))
    const store = useDirectoryMembershipsStore()
    await store.open(ada, coupaSources)
    useDirectoryChangesStore().listen()

    await store.add({ profileId: profileId, groupType: 'account-groups', groupId: 'a1', userId: 'ada' })
    await flushPromises()

    const reads = api.callsTo('directory.groupsOf') as ListRelatedInput[]
    expect(reads.slice(2).map((input) => input.relatedType)).toEqual(['roles', 'account-groups'])
  })

  it('reads nothing after a membership change main does not report', async () => {
    api = freshStoresWithApi({}, { emitsMainEvents: false })
    api.answer('directory.groupsOf', () => answer([]))
    api.answer('directory.removeMember', () => ({ ok: true, value: null }))
    const store = useDirectoryMembershipsStore()
    await store.open(ada, coupaSources)
    useDirectoryChangesStore().listen()

    await store.remove({ profileId: profileId, groupType: 'roles', groupId: 'r1', userId: 'ada' })
    await flushPromises()

    expect(api.callsTo('directory.groupsOf')).toHaveLength(2)
  })

  it('forgets every list, and ignores their answers, once closed', async () => {
    const waiting = heldAnswers()
    const store = useDirectoryMembershipsStore()

    void store.open(ada, coupaSources)
    store.close(grace)
    expect(Object.keys(store.lists)).toHaveLength(2)
    store.close(ada)
    waiting.forEach((read) => read.release(answer([named('roles', 'Late')])))
    await flushPromises()

    expect(store.lists).toEqual({})
    expect(names('groupsOf:roles')).toEqual([])
  })
})
