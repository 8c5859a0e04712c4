// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { useUiStore } from '../../../renderer/src/stores/ui'
import type { JournalEntry } from '../../../shared/journal'
import { fakeJournal, journalEntry } from './journalEntries'
import { mountActivityView } from './mountActivityView'
import { createFakeLanyardApi, profileView, type FakeLanyardApi } from '../support/fakeLanyardApi'

/*
 * A deprovision made alone that stopped part-way (GoTo took the admin roles, not the licences) is
 * finished from its Activity row: "Finish deprovision" sends only the missing steps (journal.finishDeprovision).
 */

let api: FakeLanyardApi
let entries: JournalEntry[]
const goTo = profileView({ id: 'profile-goto', connectorId: 'gotomeeting', name: 'GoTo sandbox' })
const finishButton = 'button[aria-label="Finish deprovision: send the steps of the deprovision of Ada Lovelace that did not happen"]'

function partialDeprovision(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return journalEntry({
    id: 'entry-partial-deprovision',
    profileId: goTo.id,
    profileName: goTo.name,
    connectorId: 'gotomeeting',
    outcome: {
      status: 'partial',
      time: '2026-03-02T09:15:02.000Z',
      message: 'Deprovision of Ada Lovelace did not complete (1 of 2 steps applied, 1 failed, 0 not attempted).',
      steps: [
        { name: 'Take the admin roles of Ada Lovelace', status: 'applied' },
        { name: 'Take the licences of Ada Lovelace', status: 'failed', message: 'GoTo answered 500.' },
      ],
      reconciled: false,
      details: {},
    },
    completion: { available: true, reason: null, completedBy: null, needsPassword: false },
    ...overrides,
  })
}

function finishOf(partial: JournalEntry): JournalEntry {
  return journalEntry({
    id: 'entry-finish',
    profileId: partial.profileId,
    connectorId: partial.connectorId,
    completes: partial.id,
    outcome: { status: 'applied', time: '2026-03-02T09:20:00.000Z', message: 'Take the licences of Ada Lovelace.', steps: [{ name: 'Take the licences of Ada Lovelace', status: 'applied' }], reconciled: false, details: {} },
  })
}

beforeEach(() => {
  setActivePinia(createPinia())
  entries = [partialDeprovision()]
  api = createFakeLanyardApi({ 'profiles.list': () => ({ ok: true, value: [goTo] }), ...fakeJournal(() => entries) })
  installApi(api)
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('"Finish deprovision" on an Activity row', () => {
  it('shows on a partial deprovision that can be finished, and on no other entry', async () => {
    const finished = partialDeprovision({ id: 'entry-finished', completion: { available: false, reason: 'Already finished on 2026-03-02 09:20 UTC by jdoe.', completedBy: 'entry-x', needsPassword: false } })
    entries = [partialDeprovision(), journalEntry({ id: 'entry-applied' }), finished]
    const { wrapper } = await mountActivityView()

    expect(wrapper.findAll(finishButton)).toHaveLength(1)
    expect(wrapper.find(finishButton).text()).toBe('Finish deprovision…')
    // A deprovision has no roll-back: its undo is the way back, still on offer beside it.
    expect(wrapper.find('button[aria-label^="Roll back"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Already finished on 2026-03-02 09:20 UTC by jdoe.')
  })

  it('says what it will send, finishes through one call, shows the result and the entry as it now stands', async () => {
    api.answer('journal.finishDeprovision', ({ entryId }) => {
      const partial = partialDeprovision()
      const done = finishOf(partial)
      entries = [done, partialDeprovision({ completion: { available: false, reason: 'Already finished.', completedBy: done.id, needsPassword: false } })]
      expect(entryId).toBe(partial.id)
      return { ok: true, value: done }
    })
    const { wrapper } = await mountActivityView()
    const ui = useUiStore()

    await wrapper.find(finishButton).trigger('click')
    expect(ui.confirmation?.title).toBe('Finish the deprovision of Ada Lovelace?')
    expect(ui.confirmation?.lines?.map((line) => line.text)).toEqual(['Take the licences of Ada Lovelace (failed)'])
    ui.settleConfirmation(false)
    await flushPromises()
    expect(api.callsTo('journal.finishDeprovision')).toEqual([])

    await wrapper.find(finishButton).trigger('click')
    ui.settleConfirmation(true)
    await flushPromises()
    expect(api.callsTo('journal.finishDeprovision')).toEqual([{ entryId: 'entry-partial-deprovision' }])
    expect(api.callsTo('journal.complete')).toEqual([])
    const outcome = wrapper.find('section[aria-label="Result of finishing the deprovision of Ada Lovelace"]')
    expect(outcome.text()).toContain('Take the licences of Ada Lovelace.')
    expect(wrapper.find(finishButton).exists()).toBe(false)
    expect(wrapper.text()).toContain('Already finished.')
  })
})
