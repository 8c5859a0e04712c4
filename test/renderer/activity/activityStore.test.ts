import { beforeEach, describe, expect, it } from 'vitest'
import { useActivityStore } from '../../../renderer/src/stores/activity'
import type { Result } from '../../../shared/errors'
import type { JournalPage } from '../../../shared/journal'
import type { FakeLanyardApi } from '../support/fakeLanyardApi'
import { flushPromises, freshStoresWithApi } from '../support/storeSetup'
import { journalEntry, onePage } from './journalEntries'

let api: FakeLanyardApi

beforeEach(() => {
  api = freshStoresWithApi()
})

describe('the activity store', () => {
  it('keeps the newest filter’s answer when an older, slower one arrives after it', async () => {
    const pending = new Map<string, (result: Result<JournalPage>) => void>()
    api.answer('journal.list', (input) => new Promise((resolve) => pending.set(input.user ?? '', resolve)))
    const store = useActivityStore()

    const older = store.load({ user: 'a' })
    const newer = store.load({ user: 'ada' })
    pending.get('ada')?.(onePage([journalEntry({ summary: 'newer' })]))
    await newer
    pending.get('a')?.(onePage([journalEntry({ summary: 'older' })]))
    await older

    expect(store.items.map((entry) => entry.summary)).toEqual(['newer'])
    expect(store.loading).toBe(false)
  })

  it('places each announced entry without reading the journal again: new ones by time, changed ones over their older selves', async () => {
    const older = journalEntry({ id: 'older', time: '2026-03-01T09:00:00.000Z' })
    api.answer('journal.list', () => onePage([older]))
    const store = useActivityStore()
    await store.load({ profileId: 'profile-okta' })
    store.listen()
    store.listen()

    api.emit('journal.appended', { entryId: 'newer', entry: journalEntry({ id: 'newer', time: '2026-03-02T09:00:00.000Z' }) })
    api.emit('journal.appended', { entryId: 'older', entry: { ...older, summary: 'Undone since' } })
    api.emit('journal.appended', { entryId: 'elsewhere', entry: journalEntry({ id: 'elsewhere', profileId: 'profile-other', time: '2026-03-03T09:00:00.000Z' }) })
    await flushPromises()
    store.stopListeningForChanges()
    api.emit('journal.appended', { entryId: 'late', entry: journalEntry({ id: 'late', time: '2026-03-04T09:00:00.000Z' }) })

    expect(store.items.map((entry) => [entry.id, entry.summary === 'Undone since'])).toEqual([['newer', false], ['older', true]])
    expect(api.callsTo('journal.list')).toEqual([{ profileId: 'profile-okta' }])
  })

  it('keeps an entry announced while the first page was on its way', async () => {
    let answer: (result: Result<JournalPage>) => void = () => undefined
    api.answer('journal.list', () => new Promise((resolve) => (answer = resolve)))
    const store = useActivityStore()
    store.listen()
    const loading = store.load({})
    api.emit('journal.appended', { entryId: 'new', entry: journalEntry({ id: 'new', time: '2026-03-02T09:00:00.000Z' }) })
    answer(onePage([journalEntry({ id: 'old', time: '2026-03-01T09:00:00.000Z' })]))
    await loading

    expect(store.items.map((entry) => entry.id)).toEqual(['new', 'old'])
  })

  it('adds the next page below, and leaves an entry older than every one shown to its page', async () => {
    api.answer('journal.list', (input) =>
      input.cursor === 'page-2'
        ? { ok: true, value: { entries: [journalEntry({ id: 'b', time: '2026-03-01T09:00:00.000Z' })], nextCursor: null } }
        : { ok: true, value: { entries: [journalEntry({ id: 'a', time: '2026-03-02T09:00:00.000Z' })], nextCursor: 'page-2' } },
    )
    const store = useActivityStore()
    store.listen()
    await store.load({ action: 'deprovision' })
    api.emit('journal.appended', { entryId: 'b', entry: journalEntry({ id: 'b', time: '2026-03-01T09:00:00.000Z' }) })
    expect(store.items.map((entry) => entry.id)).toEqual(['a'])

    await store.loadMore()
    await store.loadMore()

    expect(store.items.map((entry) => entry.id)).toEqual(['a', 'b'])
    expect(store.nextCursor).toBeNull()
    expect(api.callsTo('journal.list')).toEqual([{ action: 'deprovision' }, { action: 'deprovision', cursor: 'page-2' }])
  })

  it('drops a next page that arrives after the filter changed', async () => {
    let answerMore: (result: Result<JournalPage>) => void = () => undefined
    api.answer('journal.list', (input) =>
      input.cursor ? new Promise((resolve) => (answerMore = resolve)) : { ok: true, value: { entries: [journalEntry({ id: input.user ?? 'all' })], nextCursor: 'page-2' } },
    )
    const store = useActivityStore()
    await store.load({})
    const more = store.loadMore()
    await store.load({ user: 'grace' })
    answerMore(onePage([journalEntry({ id: 'stale' })]))
    await more

    expect(store.items.map((entry) => entry.id)).toEqual(['grace'])
    expect(store.loadingMore).toBe(false)
  })
})
