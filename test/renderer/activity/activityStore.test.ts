import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { useActivityStore } from '../../../renderer/src/stores/activity'
import type { Result } from '../../../shared/errors'
import type { JournalEntry } from '../../../shared/journal'
import { createFakeLanyardApi, type FakeLanyardApi } from '../support/fakeLanyardApi'
import { journalEntry } from './journalEntries'

let api: FakeLanyardApi

beforeEach(() => {
  setActivePinia(createPinia())
  api = createFakeLanyardApi()
  installApi(api)
})

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the activity store', () => {
  it('keeps the newest filter’s answer when an older, slower one arrives after it', async () => {
    const pending = new Map<string, (result: Result<JournalEntry[]>) => void>()
    api.answer('journal.list', (input) => new Promise((resolve) => pending.set(input.user ?? '', resolve)))
    const store = useActivityStore()

    const older = store.load({ user: 'a' })
    const newer = store.load({ user: 'ada' })
    pending.get('ada')?.({ ok: true, value: [journalEntry({ summary: 'newer' })] })
    await newer
    pending.get('a')?.({ ok: true, value: [journalEntry({ summary: 'older' })] })
    await older

    expect(store.items.map((entry) => entry.summary)).toEqual(['newer'])
    expect(store.loading).toBe(false)
  })

  it('reads again with the last filter on journal.appended, and no more once it stops listening', async () => {
    api.answer('journal.list', () => ({ ok: true, value: [] }))
    const store = useActivityStore()
    await store.load({ profileId: 'p1' })
    store.listen()
    store.listen()

    api.emit('journal.appended', { entryId: 'e1' })
    await flush()
    store.stopListeningForChanges()
    api.emit('journal.appended', { entryId: 'e2' })
    await flush()

    expect(api.callsTo('journal.list')).toEqual([{ profileId: 'p1' }, { profileId: 'p1' }])
  })
})
