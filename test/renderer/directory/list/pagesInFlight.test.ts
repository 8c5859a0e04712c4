// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useDirectoryListStore } from '../../../../renderer/src/stores/directoryList'
import { useProfilesStore } from '../../../../renderer/src/stores/profiles'
import type { CallInput } from '../../../../shared/contract'
import type { DirectoryPage } from '../../../../shared/directory'
import type { Result } from '../../../../shared/errors'
import { profileView, type FakeLanyardApi } from '../../support/fakeLanyardApi'
import { freshStoresWithApi } from '../../support/storeSetup'
import { deferred, listCalls, mountAt, page, scrollTo, users, type Deferred, type MountedPage } from './listFixtures'

/**
 * What the list asks of main, counted: how many `directory.list` calls, how many at once, and whether
 * the next one left before the page before it was drawn (the rows held at the moment of asking).
 */

enableAutoUnmount(afterEach)

const rowHeight = 36
const profile = profileView({ connectorId: 'okta', name: 'Okta sandbox' })
const table = { profileId: profile.id, objectType: 'users' }

/** A target holding `count` users, paged by the size asked; the cursor is the next user's number. */
function usersUpTo(count: number) {
  return (input: CallInput<'directory.list'>): Result<DirectoryPage> => {
    const from = input.cursor ? Number(input.cursor) : 0
    const to = Math.min(count, from + (input.pageSize ?? 100))
    return page(users(to - from, from), to < count ? String(to) : null)
  }
}

interface Asked {
  cursor: string | null
  /** Rows the table held when this call left. */
  held: number
  /** Calls still unanswered when this one left. */
  alreadyOut: number
}

/** Answers like `target` and records each call; calls from number `holdFrom` on wait until the test lets each go. */
function counting(target: ReturnType<typeof usersUpTo>, rowsHeld: () => number, holdFrom = Infinity) {
  const asked: Asked[] = []
  const held: Deferred<void>[] = []
  let out = 0
  const answer = async (input: CallInput<'directory.list'>): Promise<Result<DirectoryPage>> => {
    asked.push({ cursor: input.cursor ?? null, held: rowsHeld(), alreadyOut: out })
    out++
    if (asked.length > holdFrom) {
      const gate = deferred<void>()
      held[asked.length - 1] = gate
      await gate.promise
    }
    out--
    return target(input)
  }
  return { asked, answer, release: (index: number) => held[index]!.resolve() }
}

describe('jumping to the end', () => {
  let api: FakeLanyardApi

  beforeEach(async () => {
    api = freshStoresWithApi({ 'profiles.list': () => ({ ok: true, value: [profile] }) })
    await useProfilesStore().load()
  })

  it('keeps one request in flight until the end: each page is asked the moment the one before arrives, before it is drawn', async () => {
    const store = useDirectoryListStore()
    const target = counting(usersUpTo(1_100), () => store.table(table).items.length)
    api.answer('directory.list', target.answer)
    await store.search(table, '')

    await store.loadToEnd(table)

    expect(target.asked.map((call) => call.cursor)).toEqual([null, '100', '300', '500', '700', '900'])
    // Asked while the page before was still undrawn: the rows held are those before it.
    expect(target.asked.map((call) => call.held)).toEqual([0, 100, 100, 300, 500, 700])
    expect(target.asked.every((call) => call.alreadyOut === 0)).toBe(true)
    expect(store.table(table).items).toHaveLength(1_100)
    expect(store.table(table).nextCursor).toBeNull()
    expect(store.table(table).loadingMore).toBe(false)
  })

  it('asks nothing more once stopped than the one page already on its way', async () => {
    const store = useDirectoryListStore()
    const target = counting(usersUpTo(20_000), () => store.table(table).items.length)
    api.answer('directory.list', (input) => {
      if (input.cursor === '500') store.stopLoadingToEnd(table)
      return target.answer(input)
    })
    await store.search(table, '')

    await store.loadToEnd(table)
    await flushPromises()

    expect(target.asked.map((call) => call.cursor)).toEqual([null, '100', '300', '500'])
    expect(store.table(table).items).toHaveLength(700)
    expect(store.table(table).loadingMore).toBe(false)
  })
})

describe('a viewer waiting at the end', () => {
  it('of a list a new search is replacing gets no page ahead later from it', async () => {
    const api = freshStoresWithApi({ 'profiles.list': () => ({ ok: true, value: [profile] }) })
    await useProfilesStore().load()
    const store = useDirectoryListStore()
    const target = counting(usersUpTo(20_000), () => store.table(table).items.length)
    api.answer('directory.list', target.answer)
    await store.search(table, '')
    const searching = store.search(table, 'user')
    await store.loadMore(table, { waiting: true })
    await searching

    await store.loadMore(table)
    await flushPromises()

    expect(target.asked.map((call) => call.cursor)).toEqual([null, null, '100'])
  })
})

describe('scrolling the table', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  async function openList(target: ReturnType<typeof counting>): Promise<MountedPage> {
    return mountAt(`/profiles/${profile.id}/users`, profile, { 'directory.list': target.answer })
  }

  function rowsIn(mounted: MountedPage): number {
    return mounted.wrapper.findAll('[role="row"][data-id]').length === 0
      ? 0
      : parseFloat((mounted.wrapper.find('.grid__spacer').element as HTMLElement).style.height) / rowHeight
  }

  it('sends 1 list request on opening, none for a screen of scrolling, and one page when the end comes near', async () => {
    let mounted: MountedPage | null = null
    const target = counting(usersUpTo(20_000), () => (mounted ? rowsIn(mounted) : 0))
    mounted = await openList(target)
    expect(listCalls(mounted.api)).toHaveLength(1)

    await scrollTo(mounted.wrapper, 13 * rowHeight)
    expect(listCalls(mounted.api)).toHaveLength(1)

    // 40 rows from the end of the first 100: the next page is asked, and only that one.
    await scrollTo(mounted.wrapper, 50 * rowHeight)
    await flushPromises()
    expect(target.asked.map((call) => call.cursor)).toEqual([null, '100'])
  })

  it('asks the page after next at once when the person waits at the last row: never two at a time, and not past what they reached', async () => {
    let mounted: MountedPage | null = null
    const target = counting(usersUpTo(20_000), () => (mounted ? rowsIn(mounted) : 0), 1)
    mounted = await openList(target)

    // Scrolled fast to the very end: the next page is asked and the person waits at the last row.
    await scrollTo(mounted.wrapper, 100 * rowHeight)
    expect(target.asked.map((call) => call.cursor)).toEqual([null, '100'])

    target.release(1)
    await flushPromises()
    // The page after it left as this one arrived, before it was drawn.
    expect(target.asked.map((call) => call.cursor)).toEqual([null, '100', '300'])
    expect(target.asked[2]).toMatchObject({ held: 100, alreadyOut: 0 })

    // The person stays where they were, 200 rows above the end now: nothing more is asked.
    target.release(2)
    await flushPromises()
    expect(target.asked.map((call) => call.cursor)).toEqual([null, '100', '300'])
    expect(rowsIn(mounted)).toBe(500)
  })
})
