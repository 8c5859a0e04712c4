// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { isReactive, toRaw } from 'vue'
import { useDirectoryListStore } from '../../../../renderer/src/stores/directoryList'
import { useProfilesStore } from '../../../../renderer/src/stores/profiles'
import type { CallInput } from '../../../../shared/contract'
import type { DirectoryObject, DirectoryPage } from '../../../../shared/directory'
import type { Result } from '../../../../shared/errors'
import { profileView, type FakeLanyardApi } from '../../support/fakeLanyardApi'
import { freshStoresWithApi } from '../../support/storeSetup'
import { deferred, page, users } from './listFixtures'

/** A target holding `count` users, paged by the size asked, the cursor the next user's number; a total only when `withTotal`. */
function usersUpTo(count: number, withTotal = false) {
  return (input: CallInput<'directory.list'>): Result<DirectoryPage> => {
    const from = input.cursor ? Number(input.cursor) : 0
    const to = Math.min(count, from + (input.pageSize ?? 100))
    return page(users(to - from, from), to < count ? String(to) : null, withTotal ? count : null)
  }
}

let api: FakeLanyardApi
const profile = profileView({ connectorId: 'okta' })
const table = { profileId: profile.id, objectType: 'users' }

beforeEach(async () => {
  api = freshStoresWithApi({ 'profiles.list': () => ({ ok: true, value: [profile] }), 'directory.list': usersUpTo(20_000) })
  await useProfilesStore().load()
})

describe('jumping to the end of a long list', () => {
  it('loads 20,000 Okta users to the end in pages of 200, one after another, and knows the exact count there', async () => {
    const store = useDirectoryListStore()
    await store.search(table, '')
    expect(store.table(table).nextCursor).not.toBeNull()

    await store.loadToEnd(table)

    const sizes = (api.callsTo('directory.list') as { pageSize: number }[]).map((call) => call.pageSize)
    expect(sizes).toEqual([100, ...Array<number>(100).fill(200)])
    expect(store.table(table).items).toHaveLength(20_000)
    expect(store.table(table).nextCursor).toBeNull()
    expect(store.table(table).loadingToEnd).toBe(false)
  })

  it('waits for a page already on its way rather than asking for it twice', async () => {
    const store = useDirectoryListStore()
    api.answer('directory.list', usersUpTo(500))
    await store.search(table, '')
    const held = deferred<Result<DirectoryPage>>()
    api.answer('directory.list', (input) => (input.cursor === '100' ? held.promise : usersUpTo(500)(input)))
    const scrolled = store.loadMore(table)
    const jumped = store.loadToEnd(table)
    held.resolve(usersUpTo(500)({ ...table, search: '', cursor: '100', pageSize: 200, requestKey: 'k' }))
    await Promise.all([scrolled, jumped])

    expect((api.callsTo('directory.list') as { cursor: string | null }[]).map((call) => call.cursor)).toEqual([null, '100', '300'])
    expect(store.table(table).items).toHaveLength(500)
  })

  it('stops when asked, and when a new search replaces the list', async () => {
    const store = useDirectoryListStore()
    await store.search(table, '')
    let pages = 0
    api.answer('directory.list', (input) => {
      if (input.cursor && ++pages === 3) store.stopLoadingToEnd(table)
      return usersUpTo(20_000)(input)
    })
    await store.loadToEnd(table)
    expect(store.table(table).items).toHaveLength(100 + 3 * 200)
    expect(store.table(table).loadingToEnd).toBe(false)

    pages = 0
    api.answer('directory.list', (input) => {
      if (input.cursor && ++pages === 2) void store.search(table, 'ada')
      return usersUpTo(20_000)(input)
    })
    await store.loadToEnd(table)
    expect(store.table(table).search).toBe('ada')
    expect(store.table(table).loadingToEnd).toBe(false)
  })
})

describe('sorting the loaded rows', () => {
  function named(names: string[]): DirectoryObject[] {
    return names.map((name, index) => ({ ...users(1, index)[0]!, displayName: name }))
  }

  it('sorts by name ignoring accents and case, descending too, and back to the target’s order', async () => {
    const store = useDirectoryListStore()
    api.answer('directory.list', () => page(named(['émile', 'Zoë', 'adam', 'Björn', 'bo']), null))
    await store.search(table, '')
    const names = () => store.table(table).items.map((item) => item.displayName)

    store.sortRows(table, { column: 'name', direction: 'ascending' })
    expect(names()).toEqual(['adam', 'Björn', 'bo', 'émile', 'Zoë'])
    expect(store.rowsOf(table).indexOf('u4')).toBe(2)
    store.sortRows(table, { column: 'name', direction: 'descending' })
    expect(names()).toEqual(['Zoë', 'émile', 'bo', 'Björn', 'adam'])
    store.sortRows(table, null)
    expect(names()).toEqual(['émile', 'Zoë', 'adam', 'Björn', 'bo'])
    expect(store.rowsOf(table).indexOf('u4')).toBe(4)
  })

  it('keeps a page that arrives while sorted in order, in the same plain array, and finds rows by id', async () => {
    const store = useDirectoryListStore()
    await store.search(table, '')
    store.sortRows(table, { column: 'name', direction: 'descending' })
    const sorted = toRaw(store.table(table).items)
    await store.loadMore(table)

    const items = store.table(table).items
    expect(items).toHaveLength(300)
    expect(toRaw(items)).toBe(sorted)
    expect(isReactive(items[0])).toBe(false)
    const byName = [...items].map((item) => item.displayName)
    expect(byName).toEqual([...byName].sort((left, right) => right.localeCompare(left, undefined, { numeric: true, sensitivity: 'base' })))
    expect(items[0]!.displayName).toBe('User 299')
    expect(store.rowsOf(table).indexOf('u299')).toBe(0)
    expect(store.rowsOf(table).indexOf('u0')).toBe(299)
  })

  it('sorts by status, then name, and keeps the choice for the next search', async () => {
    const store = useDirectoryListStore()
    const rows = named(['Cy', 'Al', 'Bo'])
    rows[1] = { ...rows[1]!, status: { label: 'SUSPENDED', tone: 'warning', active: false } }
    api.answer('directory.list', () => page(rows, null))
    await store.search(table, '')
    store.sortRows(table, { column: 'status', direction: 'ascending' })
    expect(store.table(table).items.map((item) => item.displayName)).toEqual(['Bo', 'Cy', 'Al'])

    await store.search(table, 'x')
    expect(store.table(table).sort).toEqual({ column: 'status', direction: 'ascending' })
    expect(store.table(table).items.map((item) => item.displayName)).toEqual(['Bo', 'Cy', 'Al'])
  })
})
