// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useUiStore } from '../../../renderer/src/stores/ui'
import type { JournalEntry } from '../../../shared/journal'
import type { FakeLanyardApi } from '../support/fakeLanyardApi'
import { freshStoresWithApi } from '../support/storeSetup'
import { fakeJournal, journalEntry } from './journalEntries'
import { mountActivityView } from './mountActivityView'

/** "Check now" on an entry whose outcome is not known (issue 11, defect 10). */

let api: FakeLanyardApi
let entries: JournalEntry[]

const unknownOutcome = {
  status: 'pending' as const,
  time: null,
  message: 'The connection was reset. Whether the change took effect is not known.',
  steps: [],
  reconciled: false,
  details: {},
}
const pendingDeprovision = () =>
  journalEntry({
    id: 'deprovision-ada',
    summary: 'Started to suspend Ada Lovelace; whether it took effect is not known yet',
    outcome: unknownOutcome,
    undo: { available: false, reason: 'Whether the deprovision took effect is not known yet.', undoneBy: null },
  })

beforeEach(() => {
  entries = [pendingDeprovision(), journalEntry({ id: 'applied-grace', target: { objectType: 'users', id: '00u2', name: 'Grace Hopper' } })]
  api = freshStoresWithApi({
    'profiles.list': () => ({ ok: true, value: [] }),
    ...fakeJournal(() => entries),
  })
})

afterEach(() => {
  document.body.innerHTML = ''
})

const checkButton = (wrapper: VueWrapper, name: string) => wrapper.find(`button[aria-label="Check now whether the change to ${name} took effect"]`)

describe('Check now from the Activity view', () => {
  it('is offered only where the outcome is not known, and shows what the check found', async () => {
    api.answer('journal.settle', () => {
      const settled = journalEntry({
        id: 'deprovision-ada',
        outcome: { ...unknownOutcome, status: 'applied', reconciled: true, message: 'Ada Lovelace is SUSPENDED (was ACTIVE): the deprovision took effect.' },
      })
      entries = [settled, entries[1]!]
      return { ok: true, value: settled }
    })
    const { wrapper } = await mountActivityView()
    expect(checkButton(wrapper, 'Grace Hopper').exists()).toBe(false)

    await checkButton(wrapper, 'Ada Lovelace').trigger('click')
    await flushPromises()

    expect(api.callsTo('journal.settle')).toEqual([{ entryId: 'deprovision-ada' }])
    expect(useUiStore().toasts.map((toast) => toast.message)).toContain(
      'Checked Ada Lovelace: Applied. Ada Lovelace is SUSPENDED (was ACTIVE): the deprovision took effect.',
    )
    expect(checkButton(wrapper, 'Ada Lovelace').exists()).toBe(false)
    expect(wrapper.find('button[aria-label="Undo deprovision of Ada Lovelace"]').exists()).toBe(true)
  })

  it('says "Could not tell" in words for an entry settled that way, and can check it again', async () => {
    entries = [
      journalEntry({
        id: 'create-grace',
        action: 'create',
        target: { objectType: 'users', id: '', name: 'Grace Hopper' },
        summary: 'Started to create user Grace Hopper; Lanyard could not tell whether it took effect',
        outcome: { ...unknownOutcome, status: 'undetermined', reconciled: true, message: 'Could not tell whether it took effect: another unfinished create could have made it.' },
        undo: null,
      }),
    ]
    const { wrapper } = await mountActivityView()
    expect(wrapper.text()).toContain('Could not tell')
    expect(checkButton(wrapper, 'Grace Hopper').exists()).toBe(true)
  })

  it('reports a check that could not run, and keeps the entry as it was', async () => {
    api.answer('journal.settle', () => ({ ok: false, error: { code: 'network', message: 'Okta could not be reached.' } }))
    const { wrapper } = await mountActivityView()
    await checkButton(wrapper, 'Ada Lovelace').trigger('click')
    await flushPromises()
    expect(useUiStore().toasts).toContainEqual(expect.objectContaining({ message: 'Could not check Ada Lovelace. Okta could not be reached.', kind: 'error' }))
    expect(checkButton(wrapper, 'Ada Lovelace').exists()).toBe(true)
  })
})
