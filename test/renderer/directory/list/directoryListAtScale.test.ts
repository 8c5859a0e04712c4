// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { toRaw, watchEffect } from 'vue'
import { useDirectoryListStore } from '../../../../renderer/src/stores/directoryList'
import { useProfilesStore } from '../../../../renderer/src/stores/profiles'
import type { DirectoryObject } from '../../../../shared/directory'
import type { ProfileView } from '../../../../shared/profiles'
import { profileView, type FakeLanyardApi } from '../../support/fakeLanyardApi'
import { freshStoresWithApi } from '../../support/storeSetup'
import { endlessUsers, page, users } from './listFixtures'

async function withProfile(profile: ProfileView): Promise<FakeLanyardApi> {
  const api = freshStoresWithApi({ 'profiles.list': () => ({ ok: true, value: [profile] }), 'directory.list': endlessUsers() })
  await useProfilesStore().load()
  return api
}

function pageSizesAsked(api: FakeLanyardApi): number[] {
  return (api.callsTo('directory.list') as { pageSize: number }[]).map((call) => call.pageSize)
}

describe('a directory list store at 100,000 rows', () => {
  let api: FakeLanyardApi

  beforeEach(async () => {
    api = await withProfile(profileView({ connectorId: 'okta' }))
  })

  it("asks for a small first page, then the descriptor's largest page while scrolling (Okta 200)", async () => {
    const profile = useProfilesStore().items[0]!
    const store = useDirectoryListStore()
    const table = { profileId: profile.id, objectType: 'users' }
    await store.search(table, '')
    await store.loadMore(table)
    await store.loadMore(table)

    expect(pageSizesAsked(api)).toEqual([100, 200, 200])
    expect(store.table(table).items).toHaveLength(500)
  })

  it("asks Coupa for its 50-row pages times the pages the profile fetches at once, and Cognito for 60", async () => {
    for (const [profile, expected] of [
      [profileView({ connectorId: 'coupa', values: { url: 'https://acme.coupahost.com', concurrency: '2' } }), 100],
      [profileView({ connectorId: 'coupa', values: { url: 'https://acme.coupahost.com' } }), 200],
      [profileView({ connectorId: 'cognito', values: {} }), 60],
    ] as const) {
      const scoped = await withProfile(profile)
      const store = useDirectoryListStore()
      const table = { profileId: profile.id, objectType: 'users' }
      await store.search(table, '')
      await store.loadMore(table)
      expect(pageSizesAsked(scoped), profile.connectorId).toEqual([100, expected])
    }
  })

  it('appends page 50 with the same work as page 2: the same array, only the new rows read', async () => {
    const profile = useProfilesStore().items[0]!
    const store = useDirectoryListStore()
    const table = { profileId: profile.id, objectType: 'users' }
    // Every row counts the reads of its fields, so a page that looks at earlier rows shows up.
    let reads = 0
    const counted = (rows: DirectoryObject[]) =>
      rows.map((row) => new Proxy(row, { get: (target, key, receiver) => (reads++, Reflect.get(target, key, receiver)) }))
    // Pages of 200 whatever was asked, so only the appending differs between page 2 and page 50.
    api.answer('directory.list', (input) => {
      const from = input.cursor ? Number(input.cursor) : 0
      const count = input.cursor ? 200 : 100
      return page(counted(users(count, from)), String(from + count))
    })
    await store.search(table, '')
    const rows = toRaw(store.table(table).items)

    const readsPerPage: number[] = []
    for (let pageNumber = 2; pageNumber <= 50; pageNumber++) {
      reads = 0
      await store.loadMore(table)
      readsPerPage.push(reads)
    }

    expect(store.table(table).items).toHaveLength(100 + 49 * 200)
    expect(readsPerPage[0]).toBeGreaterThan(0)
    expect(readsPerPage[readsPerPage.length - 1]).toBe(readsPerPage[0])
    expect(toRaw(store.table(table).items)).toBe(rows)
  })

  it('keeps ids unique when a row comes again on a later page (an offset-paged target, a new object)', async () => {
    const profile = useProfilesStore().items[0]!
    const store = useDirectoryListStore()
    const table = { profileId: profile.id, objectType: 'users' }
    api.answer('directory.list', (input) => (input.cursor ? page(users(3, 99), null) : page(users(100), 'next')))
    await store.search(table, '')
    await store.loadMore(table)

    const ids = store.table(table).items.map((item) => item.id)
    expect(ids).toHaveLength(102)
    expect(new Set(ids).size).toBe(102)
    expect(ids.slice(-3)).toEqual(['u99', 'u100', 'u101'])
  })

  it('shows a row re-read by id after 10,000 rows, and drops a deleted one with the rest moving up', async () => {
    const profile = useProfilesStore().items[0]!
    const store = useDirectoryListStore()
    const table = { profileId: profile.id, objectType: 'users' }
    await store.search(table, '')
    while (store.table(table).items.length < 10_100) await store.loadMore(table)
    const seen: string[] = []
    // A reader of the table, as a view is: it must hear of the change although the array is the same one.
    const stop = watchEffect(() => seen.push(store.table(table).items[10_050]?.displayName ?? ''), { flush: 'sync' })
    api.answer('directory.get', (input) =>
      input.objectId === 'u10050'
        ? { ok: true, value: { ...users(1, 10_050)[0]!, displayName: 'Renamed' } }
        : { ok: false, error: { code: 'not_found', message: 'No such user.' } },
    )

    await store.refresh(table, ['u10050'])
    expect(seen).toEqual(['User 10050', 'Renamed'])
    await store.refresh(table, ['u5'])
    stop()

    const items = store.table(table).items
    expect(items).toHaveLength(10_099)
    expect(items[10_049]?.displayName).toBe('Renamed')
    expect(store.rowsOf(table).indexOf('u10050')).toBe(10_049)
    expect(store.rowsOf(table).indexOf('u5')).toBe(-1)
    expect(store.rowsOf(table).indexOf('u6')).toBe(5)
  })

  it("keeps of each row what the table shows, sorts and exports: not the object's attributes, and one status object per status", async () => {
    const profile = useProfilesStore().items[0]!
    const store = useDirectoryListStore()
    const table = { profileId: profile.id, objectType: 'users' }
    // Okta's rows carry ~20 profile fields: most of a row's memory, and the detail panel reads them by id.
    const withProfile = (rows: DirectoryObject[]) =>
      rows.map((row) => ({ ...row, status: { ...row.status! }, attributes: { email: row.secondary, firstName: 'Ada', lastName: row.displayName, department: 'Sales' } }))
    api.answer('directory.list', (input) => {
      const from = input.cursor ? Number(input.cursor) : 0
      const count = input.cursor ? 200 : 100
      return page(withProfile(users(count, from)), String(from + count))
    })
    await store.search(table, '')
    await store.loadMore(table)
    api.answer('directory.get', (input) => ({ ok: true, value: withProfile(users(1, Number(input.objectId.slice(1))))[0]! }))
    await store.refresh(table, ['u150'])

    const items = store.table(table).items
    expect(items).toHaveLength(300)
    expect(items.filter((item) => 'attributes' in item)).toEqual([])
    expect(items[150]).toEqual({ id: 'u150', objectType: 'users', displayName: 'User 150', secondary: 'user150@example.com', status: items[0]!.status, readOnlyReason: null })
    expect(new Set(items.map((item) => item.status)).size).toBe(1)
  })
})
