// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useUiStore } from '../../../renderer/src/stores/ui'
import type { JournalEntry } from '../../../shared/journal'
import type { FakeLanyardApi } from '../support/fakeLanyardApi'
import { freshStoresWithApi } from '../support/storeSetup'
import { fakeJournal, journalEntry } from './journalEntries'
import { mountActivityView } from './mountActivityView'

let api: FakeLanyardApi
let entries: JournalEntry[]

beforeEach(() => {
  entries = [journalEntry({ id: 'deprovision-ada' })]
  api = freshStoresWithApi({
    'profiles.list': () => ({ ok: true, value: [] }),
    ...fakeJournal(() => entries),
  })
})

afterEach(() => {
  document.body.innerHTML = ''
})

function undoButton(wrapper: VueWrapper) {
  return wrapper.get('button[aria-label="Undo deprovision of Ada Lovelace"]')
}

describe('undoing a deprovision from the Activity view', () => {
  it('asks first, naming the status and groups it brings back, and does nothing on cancel', async () => {
    const { wrapper } = await mountActivityView()
    const ui = useUiStore()

    await undoButton(wrapper).trigger('click')

    expect(ui.confirmation?.title).toBe('Undo the deprovision of Ada Lovelace?')
    expect(ui.confirmation?.message).toContain('Suspended Ada Lovelace and kept her 2 groups on record')
    expect(ui.confirmation?.lines).toEqual([
      { label: 'Active', hint: 'active', before: 'No', after: 'Yes' },
      { label: 'Status', text: 'back to ACTIVE' },
      { label: 'Groups', text: 'any of Engineering, Sales missing by then is added back' },
    ])
    expect(ui.confirmation?.confirmLabel).toBe('Undo deprovision')
    ui.settleConfirmation(false)
    await flushPromises()
    expect(api.callsTo('journal.undo')).toHaveLength(0)
  })

  it('undoes after confirmation, says so, reports a match and shows the undo and the deprovision as they now stand', async () => {
    api.answer('journal.undo', () => {
      const undoEntry = journalEntry({ action: 'undoDeprovision', undoOf: 'deprovision-ada', undo: null })
      entries = [undoEntry, journalEntry({ id: 'deprovision-ada', undo: { available: false, reason: 'Already undone on 2 Mar 2026', undoneBy: undoEntry.id } })]
      return { ok: true, value: { entry: undoEntry, differences: [] } }
    })
    const { wrapper } = await mountActivityView()
    const ui = useUiStore()

    await undoButton(wrapper).trigger('click')
    ui.settleConfirmation(true)
    await flushPromises()

    expect(api.callsTo('journal.undo')).toEqual([{ entryId: 'deprovision-ada' }])
    expect(ui.toasts.map((toast) => toast.message)).toContain('The deprovision of Ada Lovelace was undone.')
    expect(wrapper.find('section[aria-label="Result of the undo"]').text()).toContain(
      'Ada Lovelace matches the state before the deprovision.',
    )
    expect(api.callsTo('journal.list')).toHaveLength(1)
    expect(wrapper.text()).toContain('Undo deprovision')
    expect(wrapper.text()).toContain('Already undone on 2 Mar 2026')
  })

  it('puts the focus on the result once the Undo button is gone with the entry it undid', async () => {
    api.answer('journal.undo', () => {
      const undoEntry = journalEntry({ action: 'undoDeprovision', undoOf: 'deprovision-ada', undo: null })
      entries = [undoEntry, journalEntry({ id: 'deprovision-ada', undo: { available: false, reason: 'Already undone', undoneBy: undoEntry.id } })]
      return { ok: true, value: { entry: undoEntry, differences: [] } }
    })
    const { wrapper } = await mountActivityView()
    const ui = useUiStore()

    ;(undoButton(wrapper).element as HTMLButtonElement).focus()
    await undoButton(wrapper).trigger('click')
    ui.settleConfirmation(true)
    await flushPromises()

    expect(wrapper.find('button[aria-label="Undo deprovision of Ada Lovelace"]').exists()).toBe(false)
    expect(document.activeElement).toBe(wrapper.find('section[aria-label="Result of the undo"]').element)
  })

  it('lists the differences found when the user was read back', async () => {
    api.answer('journal.undo', () => ({
      ok: true,
      value: { entry: journalEntry({ action: 'undoDeprovision' }), differences: ['Not back in group Sales'] },
    }))
    const { wrapper } = await mountActivityView()

    await undoButton(wrapper).trigger('click')
    useUiStore().settleConfirmation(true)
    await flushPromises()

    const report = wrapper.find('section[aria-label="Result of the undo"]')
    expect(report.text()).toContain('Ada Lovelace differs from the state before the deprovision')
    expect(report.findAll('li').map((item) => item.text())).toEqual(['Not back in group Sales'])
  })

  it('shows which steps failed when the undo did not complete', async () => {
    api.answer('journal.undo', () => ({
      ok: false,
      error: {
        code: 'partial_failure',
        message: 'Ada Lovelace was unsuspended but not put back in every group.',
        steps: [
          { name: 'Unsuspend user', status: 'applied' },
          { name: 'Add to Sales', status: 'failed', message: 'Group not found' },
        ],
      },
    }))
    const { wrapper } = await mountActivityView()

    await undoButton(wrapper).trigger('click')
    useUiStore().settleConfirmation(true)
    await flushPromises()

    const report = wrapper.find('section[aria-label="Result of the undo"]')
    expect(report.text()).toContain('not put back in every group')
    expect(report.text()).toContain('Add to Sales: failed — Group not found')
    expect(useUiStore().toasts.find((toast) => toast.kind === 'error')?.message).toContain('Undo for Ada Lovelace did not complete.')
  })

  it('shows why undo is not available instead of a button', async () => {
    entries = [journalEntry({ undo: { available: false, reason: 'Already undone on 2 Mar 2026', undoneBy: 'entry-9' } })]
    const { wrapper } = await mountActivityView()

    expect(wrapper.find('button[aria-label="Undo deprovision of Ada Lovelace"]').exists()).toBe(false)
    expect(wrapper.find('tbody > tr').text()).toContain('Already undone on 2 Mar 2026')
  })
})
