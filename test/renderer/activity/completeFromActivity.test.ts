// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { useUiStore } from '../../../renderer/src/stores/ui'
import type { JournalEntry } from '../../../shared/journal'
import { completionEntry, fakeJournal, onePage, partialCreateEntry } from './journalEntries'
import { mountActivityView } from './mountActivityView'
import { createFakeLanyardApi, profileView, type FakeLanyardApi } from '../support/fakeLanyardApi'

let api: FakeLanyardApi
let pinia: Pinia
let entries: JournalEntry[]
const cognito = profileView({ id: 'profile-cognito', connectorId: 'cognito', name: 'Cognito sandbox' })

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  entries = [partialCreateEntry()]
  api = createFakeLanyardApi({
    'profiles.list': () => ({ ok: true, value: [cognito] }),
    ...fakeJournal(() => entries),
  })
  installApi(api)
})

afterEach(() => {
  document.body.innerHTML = ''
})

const finishButton = 'button[aria-label="Finish the remaining steps of the creation of ada"]'
const rollbackButton = 'button[aria-label="Roll back the applied steps of the creation of ada"]'

describe('finishing or rolling back a partial change from the Activity view', () => {
  it('offers both on a partial create whose completion is available', async () => {
    const { wrapper } = await mountActivityView()

    expect(wrapper.find(finishButton).text()).toBe('Finish…')
    expect(wrapper.find(rollbackButton).text()).toBe('Roll back…')
    expect(wrapper.find('thead').text()).toContain('Actions')
  })

  it('asks for the password again when finishing needs it, then finishes, reports and shows both entries as they now stand', async () => {
    api.answer('journal.complete', (input) => {
      const done = completionEntry(partialCreateEntry(), input.choice)
      entries = [done, partialCreateEntry({ completion: { available: false, reason: 'Already completed on 20 Nov 2026 by helpdesk.', completedBy: done.id, needsPassword: true } })]
      return { ok: true, value: done }
    })
    const { wrapper } = await mountActivityView()
    const ui = useUiStore()

    await wrapper.find(finishButton).trigger('click')
    expect(ui.confirmation?.title).toBe('Finish the creation of ada?')
    expect(ui.confirmation?.password?.label).toBe('Password')
    ui.settleConfirmation(true, 'Typed-Again-1!')
    await flushPromises()

    expect(api.callsTo('journal.complete')).toEqual([{ entryId: 'entry-partial-create', choice: 'finish', password: 'Typed-Again-1!' }])
    const outcome = wrapper.find('section[aria-label="Result of finishing the creation of ada"]')
    expect(outcome.text()).toContain('Finished.')
    expect(outcome.findAll('.step-list li').map((item) => item.text())).toEqual(['Set the password: done', 'Add to admins: done'])
    expect(api.callsTo('journal.list')).toHaveLength(1)
    expect(wrapper.find(finishButton).exists()).toBe(false)
    expect(wrapper.text()).toContain('Already completed on 20 Nov 2026 by helpdesk.')
    expect(JSON.stringify(pinia.state.value)).not.toContain('Typed-Again-1!')
  })

  it('puts the focus on the result once the Finish button is gone with the entry it finished', async () => {
    api.answer('journal.complete', (input) => {
      const done = completionEntry(partialCreateEntry(), input.choice)
      entries = [done, partialCreateEntry({ completion: { available: false, reason: 'Already completed.', completedBy: done.id, needsPassword: false } })]
      return { ok: true, value: done }
    })
    const { wrapper } = await mountActivityView()
    const ui = useUiStore()

    ;(wrapper.find(finishButton).element as HTMLButtonElement).focus()
    await wrapper.find(finishButton).trigger('click')
    ui.settleConfirmation(true, 'Typed-Again-1!')
    await flushPromises()

    expect(wrapper.find(finishButton).exists()).toBe(false)
    expect(document.activeElement).toBe(wrapper.find('section[aria-label="Result of finishing the creation of ada"]').element)
  })

  it('rolls back without a password, and does nothing when the person cancels', async () => {
    api.answer('journal.complete', (input) => ({ ok: true, value: completionEntry(partialCreateEntry(), input.choice) }))
    const { wrapper } = await mountActivityView()
    const ui = useUiStore()

    await wrapper.find(rollbackButton).trigger('click')
    expect(ui.confirmation?.password).toBeUndefined()
    ui.settleConfirmation(false)
    await flushPromises()
    expect(api.callsTo('journal.complete')).toEqual([])

    await wrapper.find(rollbackButton).trigger('click')
    expect(ui.confirmation?.danger).toBe(true)
    ui.settleConfirmation(true)
    await flushPromises()
    expect(api.callsTo('journal.complete')).toEqual([{ entryId: 'entry-partial-create', choice: 'rollback' }])
    expect(wrapper.find('section[aria-label="Result of rolling back the creation of ada"]').text()).toContain('ada was deleted again')
  })

  it('says why a partial change can no longer be completed', async () => {
    entries = [partialCreateEntry({ completion: { available: false, reason: 'The profile "Cognito old" no longer exists, so Lanyard cannot reach the target.', completedBy: null, needsPassword: false } })]
    const { wrapper } = await mountActivityView()

    expect(wrapper.find(finishButton).exists()).toBe(false)
    expect(wrapper.find('tbody > tr').text()).toContain('The profile "Cognito old" no longer exists')
  })

  it('goes from a completion to the partial change it completes, and back', async () => {
    const done = completionEntry(partialCreateEntry(), 'finish')
    entries = [done, partialCreateEntry({ completion: { available: false, reason: 'Already completed on 20 Nov 2026 by helpdesk.', completedBy: done.id, needsPassword: false } })]
    const { wrapper } = await mountActivityView()

    const rows = () => wrapper.findAll('tbody > tr.activity-row')
    expect(rows()[0]?.text()).toContain('Completes a change that stopped part-way.')
    await rows()[0]?.findAll('button').find((candidate) => candidate.text() === 'Show the partial change')?.trigger('click')
    await flushPromises()

    expect(wrapper.find('#entry-details-entry-partial-create').exists()).toBe(true)
    expect(document.activeElement?.getAttribute('aria-controls')).toBe('entry-details-entry-partial-create')

    await rows()[1]?.findAll('button').find((candidate) => candidate.text() === 'Show what completed it')?.trigger('click')
    await flushPromises()
    expect(wrapper.find('#entry-details-entry-finish').text()).toContain('Finishes or rolls back journal entry entry-partial-create')
  })

  it('filters on the object when the other entry is not in the list, then opens it', async () => {
    const done = completionEntry(partialCreateEntry(), 'finish')
    entries = [done]
    api.answer('journal.list', (filter) => onePage(filter.user === 'ada' ? [done, partialCreateEntry()] : entries))
    const { wrapper, router } = await mountActivityView('/activity?action=update')

    await wrapper.findAll('button').find((candidate) => candidate.text() === 'Show the partial change')?.trigger('click')
    await flushPromises()

    expect(router.currentRoute.value.query).toEqual({ profile: 'profile-cognito', user: 'ada' })
    expect(wrapper.find('#entry-details-entry-partial-create').exists()).toBe(true)
  })
})
