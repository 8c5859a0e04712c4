import { describe, expect, it } from 'vitest'
import { eventSubscription } from '../../../renderer/src/api/eventSubscription'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { journalEntry } from '../activity/journalEntries'
import { createFakeLanyardApi } from '../support/fakeLanyardApi'

describe('eventSubscription', () => {
  it('subscribes once however often it is started, and stops for good', () => {
    const api = createFakeLanyardApi()
    installApi(api)
    const seen: string[] = []
    const subscription = eventSubscription('journal.appended', ({ entryId }) => seen.push(entryId))

    subscription.start()
    subscription.start()
    api.emit('journal.appended', { entryId: 'one', entry: journalEntry({ id: 'one' }) })
    subscription.stop()
    api.emit('journal.appended', { entryId: 'two', entry: journalEntry({ id: 'two' }) })
    subscription.start()
    api.emit('journal.appended', { entryId: 'three', entry: journalEntry({ id: 'three' }) })

    expect(seen).toEqual(['one', 'three'])
  })
})
