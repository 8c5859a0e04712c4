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

  it('reads again with the last filter on journal.appended, and no more once it stops listening', async () => {
    api.answer('journal.list', () => onePage([]))
    const store = useActivityStore()
    await store.load({ profileId: 'p1' })
    store.listen()
    store.listen()

    api.emit('journal.appended', { entryId: 'e1' })
    await flushPromises()
    store.stopListeningForChanges()
    api.emit('journal.appended', { entryId: 'e2' })
    await flushPromises()

    expect(api.callsTo('journal.list')).toEqual([{ profileId: 'p1' }, { profileId: 'p1' }])
  })
})
