// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { useDirectoryChangesStore } from '../../../../renderer/src/stores/directoryChanges'
import { useDirectoryListStore } from '../../../../renderer/src/stores/directoryList'
import type { DirectoryPage } from '../../../../shared/directory'
import type { Result } from '../../../../shared/errors'
import type { FakeLanyardApi } from '../../support/fakeLanyardApi'
import { freshStoresWithApi } from '../../support/storeSetup'
import { deferred, page, users, type Deferred } from './listFixtures'

const table = { profileId: '00000000-0000-4000-8000-000000000001', objectType: 'users' }
let api: FakeLanyardApi
let pending: Deferred<Result<DirectoryPage>>[]

beforeEach(() => {
  pending = []
  api = freshStoresWithApi({
    'directory.list': () => {
      const answer = deferred<Result<DirectoryPage>>()
      pending.push(answer)
      return answer.promise
    },
  })
})

function answer(index: number, result: Result<DirectoryPage>): Promise<void> {
  pending[index]?.resolve(result)
  return new Promise((resolve) => setTimeout(resolve, 0))
}

describe('the directory list store', () => {
  it('asks for the first page of 100 under one request key per table', async () => {
    const store = useDirectoryListStore()
    const loading = store.search(table, 'ada')
    await answer(0, page(users(3), 'next', null))
    await loading

    expect(api.callsTo('directory.list')).toEqual([
      { profileId: table.profileId, objectType: 'users', search: 'ada', cursor: null, pageSize: 100, requestKey: `${table.profileId}:users` },
    ])
    const state = store.table(table)
    expect(state.items.map((item) => item.id)).toEqual(['u0', 'u1', 'u2'])
    expect(state).toMatchObject({ nextCursor: 'next', total: null, loading: false, loaded: true, error: null, search: 'ada' })
  })

  it('ignores a late answer for an older search', async () => {
    const store = useDirectoryListStore()
    void store.search(table, 'a')
    void store.search(table, 'ad')
    await answer(1, page(users(1, 7)))
    await answer(0, page(users(5)))

    expect(store.table(table).items.map((item) => item.id)).toEqual(['u7'])
    expect(store.table(table).search).toBe('ad')
  })

  it('drops a cancelled answer silently: no error, the newer search still counts', async () => {
    const store = useDirectoryListStore()
    void store.search(table, 'a')
    void store.search(table, 'ad')
    await answer(0, { ok: false, error: { code: 'cancelled', message: 'Replaced by a newer search.' } })
    expect(store.table(table).error).toBeNull()
    expect(store.table(table).loading).toBe(true)

    await answer(1, page(users(2)))
    expect(store.table(table)).toMatchObject({ error: null, loading: false, loaded: true })
  })

  it('keeps a real failure as the table error, and retry asks again', async () => {
    const store = useDirectoryListStore()
    void store.search(table, '')
    await answer(0, { ok: false, error: { code: 'auth_failed', message: 'Okta refused the token.' } })
    expect(store.table(table).error?.code).toBe('auth_failed')

    void store.retry(table)
    await answer(1, page(users(2)))
    expect(store.table(table).error).toBeNull()
    expect(store.table(table).items).toHaveLength(2)
  })

  it('appends the next page from the cursor and stops at the end', async () => {
    const store = useDirectoryListStore()
    void store.search(table, '')
    await answer(0, page(users(100), 'page-2'))
    void store.loadMore(table)
    void store.loadMore(table) // a second scroll event while the page is on its way asks nothing more
    expect(store.table(table).loadingMore).toBe(true)
    await answer(1, page(users(50, 100), null))

    const calls = api.callsTo('directory.list') as { cursor?: string | null }[]
    expect(calls.map((call) => call.cursor)).toEqual([null, 'page-2'])
    expect(store.table(table).items).toHaveLength(150)
    await store.loadMore(table)
    expect(api.callsTo('directory.list')).toHaveLength(2)
  })

  it('re-reads changed rows in place and removes the ones the target no longer has', async () => {
    const store = useDirectoryListStore()
    void store.search(table, '')
    await answer(0, page(users(3), null, 3))
    const [first] = users(1)
    api.answer('directory.get', (input) =>
      input.objectId === 'u0' && first
        ? { ok: true, value: { ...first, status: { label: 'SUSPENDED', tone: 'warning', active: false } } }
        : { ok: false, error: { code: 'not_found', message: 'No such user.' } },
    )
    await store.refresh(table, ['u0', 'u2'])

    expect(api.callsTo('directory.get')).toEqual([
      { profileId: table.profileId, objectType: 'users', objectId: 'u0' },
      { profileId: table.profileId, objectType: 'users', objectId: 'u2' },
    ])
    const state = store.table(table)
    expect(state.items.map((item) => [item.id, item.status?.label])).toEqual([
      ['u0', 'SUSPENDED'],
      ['u1', 'ACTIVE'],
    ])
    expect(state.total).toBe(2)
  })

  it('reloads the list when a change names an object it does not hold (a new one)', async () => {
    const store = useDirectoryListStore()
    void store.search(table, 'ada')
    await answer(0, page(users(2)))
    void store.refresh(table, ['brand-new'])
    await answer(1, page(users(3)))

    expect((api.callsTo('directory.list') as { search?: string }[]).map((call) => call.search)).toEqual(['ada', 'ada'])
    expect(store.table(table).items).toHaveLength(3)
  })

  it('re-reads rows on directory.changed for its profile and object type only', async () => {
    const store = useDirectoryListStore()
    useDirectoryChangesStore().listen()
    void store.search(table, '')
    await answer(0, page(users(2)))
    api.answer('directory.get', (input) => ({ ok: true, value: { ...users(1)[0]!, id: input.objectId, displayName: 'Renamed' } }))

    api.emit('directory.changed', { profileId: table.profileId, objectType: 'groups', ids: ['u1'] })
    api.emit('directory.changed', { profileId: 'another', objectType: 'users', ids: ['u1'] })
    await answer(99, page([]))
    expect(api.callsTo('directory.get')).toHaveLength(0)

    api.emit('directory.changed', { profileId: table.profileId, objectType: 'users', ids: ['u1'] })
    await answer(99, page([]))
    expect(store.table(table).items.map((item) => item.displayName)).toEqual(['User 0', 'Renamed'])
  })

  it('cancels what a table still waits for when it is left, and ignores the answer', async () => {
    const store = useDirectoryListStore()
    api.answer('directory.cancel', () => ({ ok: true, value: null }))
    void store.search(table, 'slow')
    store.leave(table)
    await answer(0, page(users(4)))

    expect(api.callsTo('directory.cancel')).toEqual([{ requestKey: `${table.profileId}:users` }])
    expect(store.table(table)).toMatchObject({ loading: false, loaded: false, items: [] })
  })
})
