// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useActivityStore } from '../../../renderer/src/stores/activity'
import { useUiStore } from '../../../renderer/src/stores/ui'
import type { JournalEntry } from '../../../shared/journal'
import type { FakeLanyardApi } from '../support/fakeLanyardApi'
import { freshStoresWithApi } from '../support/storeSetup'
import { danaOffboarding, fakeJournalWithOperations, journalEntry, type OperationRecord } from './journalEntries'
import { mountActivityView } from './mountActivityView'

let api: FakeLanyardApi
let entries: JournalEntry[]
let operations: OperationRecord[]

function setUp(pageSize?: number): void {
  const dana = danaOffboarding()
  // Newest first, as main lists them: an unrelated change after the offboarding.
  entries = [journalEntry({ id: 'grace-update', time: '2026-11-21T09:00:00.000Z', action: 'update', summary: 'Changed the title of Grace' }), ...dana.entries]
  operations = [dana.operation]
  api = freshStoresWithApi({ 'profiles.list': () => ({ ok: true, value: [] }), ...fakeJournalWithOperations(() => entries, () => operations, pageSize) })
}

beforeEach(() => setUp())

afterEach(() => {
  document.body.innerHTML = ''
})

const operationToggle = (wrapper: VueWrapper, id = 'op-dana') => wrapper.get(`button[data-toggle-for="operation-${id}"]`)
const operationRow = (wrapper: VueWrapper, id = 'op-dana') => wrapper.get(`tr[data-operation-id="${id}"]`)
const childRows = (wrapper: VueWrapper) => wrapper.findAll('tr.activity-row--nested')
const bodyRows = (wrapper: VueWrapper) => wrapper.findAll('tbody > tr')

describe('an operation in the Activity view', () => {
  it('shows an offboarding as one row, with its accounts by outcome, time, actor and state, reading the operation once', async () => {
    const { wrapper } = await mountActivityView()

    expect(bodyRows(wrapper)).toHaveLength(2)
    const row = operationRow(wrapper)
    expect(row.text()).toContain('Offboarding of Dana Lee — 4 accounts: 3 done, 1 failed')
    expect(row.text()).toContain('helpdesk')
    expect(row.find('time').attributes('datetime')).toBe('2026-11-20T10:00:00.000Z')
    expect(row.text()).toContain('Partly done')
    expect(row.text()).toContain('4 profiles')
    expect(api.callsTo('journal.operation')).toEqual([{ operationId: 'op-dana' }])
  })

  it('opens to its accounts as today’s rows, each keeping its own Undo', async () => {
    const { wrapper } = await mountActivityView()

    expect(childRows(wrapper)).toHaveLength(0)
    await operationToggle(wrapper).trigger('click')

    expect(operationToggle(wrapper).attributes('aria-expanded')).toBe('true')
    expect(childRows(wrapper).map((child) => child.text().includes('Okta prod'))).toEqual([true, false, false, false])
    expect(wrapper.findAll('button[aria-label="Undo deprovision of Dana Lee"]')).toHaveLength(3)
    expect(childRows(wrapper)[3]!.text()).toContain('The deprovision failed, so there is nothing to undo.')
  })

  it('reads an operation once although its children span two pages, and keeps them under its one row', async () => {
    setUp(3)
    const { wrapper } = await mountActivityView()
    await useActivityStore().loadMore()
    await flushPromises()

    expect(api.callsTo('journal.list')).toHaveLength(2)
    expect(api.callsTo('journal.operation')).toHaveLength(1)
    expect(wrapper.findAll('tr.operation-row')).toHaveLength(1)
    await operationToggle(wrapper).trigger('click')
    expect(childRows(wrapper)).toHaveLength(4)
  })

  it('places a child announced later under its operation without reading the operation again', async () => {
    const { wrapper } = await mountActivityView()
    const late = journalEntry({ id: 'op-dana-extra', time: '2026-11-20T10:00:09.000Z', operationId: 'op-dana', target: { objectType: 'users', id: 'x', name: 'Dana Lee' } })

    api.emit('journal.appended', { entryId: late.id, entry: late })
    await flushPromises()

    expect(operationRow(wrapper).text()).toContain('5 accounts: 4 done, 1 failed')
    expect(wrapper.findAll('tr.operation-row')).toHaveLength(1)
    expect(api.callsTo('journal.operation')).toHaveLength(1)
  })

  it('keeps an account that matches a profile or outcome filter under its operation row, saying the others are hidden', async () => {
    const { wrapper, router } = await mountActivityView('/activity?outcome=failed')

    expect(api.callsTo('journal.list')).toEqual([{ outcome: 'failed' }])
    expect(operationRow(wrapper).text()).toContain('1 of 4 shown: the filters hide the others')
    await operationToggle(wrapper).trigger('click')
    expect(childRows(wrapper).map((child) => child.text().includes('GoTo prod'))).toEqual([true])

    // The row stays open across the change of filter.
    await router.push('/activity?profile=profile-coupa')
    await flushPromises()
    expect(childRows(wrapper).map((child) => child.text().includes('Coupa prod'))).toEqual([true])
  })

  it('opens with Enter and Space, and the arrows move between the table’s rows', async () => {
    const { wrapper } = await mountActivityView()
    const entryToggle = wrapper.get('button[data-toggle-for="entry-grace-update"]')
    ;(entryToggle.element as HTMLElement).focus()

    await entryToggle.trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement).toBe(operationToggle(wrapper).element)

    await operationToggle(wrapper).trigger('keydown', { key: 'Enter' })
    expect(childRows(wrapper)).toHaveLength(4)
    await operationToggle(wrapper).trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement).toBe(wrapper.get('button[data-toggle-for="entry-op-dana-okta"]').element)
    await wrapper.get('button[data-toggle-for="entry-op-dana-okta"]').trigger('keydown', { key: 'ArrowUp' })
    expect(document.activeElement).toBe(operationToggle(wrapper).element)

    await operationToggle(wrapper).trigger('keydown', { key: ' ' })
    expect(childRows(wrapper)).toHaveLength(0)
  })
})

describe('undoing an offboarding from the Activity view', () => {
  /** What main does on `journal.undoOperation`: three accounts back (Coupa with a difference), GoTo skipped, as a new operation. */
  function answerUndo(): void {
    api.answer('journal.undoOperation', ({ operationId }) => {
      const undoEntries = ['okta', 'cognito', 'coupa'].map((connector, index) =>
        journalEntry({ id: `undo-${connector}`, time: `2026-11-22T08:00:0${index}.000Z`, action: 'undoDeprovision', undoOf: `op-dana-${connector}`, undo: null, operationId: 'op-undo' }),
      )
      entries = [
        ...undoEntries.toReversed(),
        ...entries.map((entry) => (entry.operationId === operationId && entry.undo?.available ? { ...entry, undo: { available: false, reason: 'Already undone', undoneBy: 'op-undo' } } : entry)),
      ]
      const undoRecord: OperationRecord = {
        id: 'op-undo',
        time: '2026-11-22T08:00:00.000Z',
        actor: 'helpdesk',
        action: 'undo',
        title: 'Undo of Offboarding of Dana Lee',
        undoOf: operationId,
        undo: { available: false, reason: 'This is itself an undo.', undoneBy: null, undoable: 0 },
      }
      operations = [undoRecord, { ...operations[0]!, undo: { available: false, reason: 'Already undone on 22 Nov 2026 by helpdesk.', undoneBy: 'op-undo', undoable: 0 } }]
      const child = (entryId: string, result: 'undone' | 'skipped', message: string, differences: string[] = []) => ({
        entryId, summary: 'Deprovisioned Dana Lee', result, message, undoEntryId: result === 'undone' ? `undo-${entryId.slice(7)}` : null, differences,
      })
      return {
        ok: true,
        value: {
          operation: { ...undoRecord, entries: undoEntries },
          children: [
            child('op-dana-goto', 'skipped', 'The deprovision failed, so there is nothing to undo.'),
            child('op-dana-coupa', 'undone', 'Reactivated.', ['Still not in group Support']),
            child('op-dana-cognito', 'undone', 'Enabled.'),
            child('op-dana-okta', 'undone', 'Unsuspended.'),
          ],
        },
      }
    })
  }

  const undoOffboarding = (wrapper: VueWrapper) => wrapper.get('button[aria-label="Undo offboarding: Offboarding of Dana Lee"]')

  it('asks once, naming each account it brings back, and does nothing on cancel', async () => {
    const { wrapper } = await mountActivityView()
    const ui = useUiStore()

    await undoOffboarding(wrapper).trigger('click')

    expect(ui.confirmation?.title).toBe('Undo the offboarding of Dana Lee?')
    expect(ui.confirmation?.message).toContain('Brings back 3 accounts')
    expect(ui.confirmation?.lines).toEqual([
      { label: 'Dana Lee in Okta prod', text: 'back to ACTIVE; Support is added back if it is missing by then' },
      { label: 'Dana Lee in Cognito prod', text: 'back to ACTIVE; Support is added back if it is missing by then' },
      { label: 'Dana Lee in Coupa prod', text: 'back to ACTIVE; Support is added back if it is missing by then' },
    ])
    expect(ui.confirmation?.confirmLabel).toBe('Undo offboarding')
    ui.settleConfirmation(false)
    await flushPromises()
    expect(api.callsTo('journal.undoOperation')).toHaveLength(0)
  })

  it('undoes it, reports each account with its differences, and puts the focus on the report', async () => {
    answerUndo()
    const { wrapper } = await mountActivityView()
    const ui = useUiStore()

    await undoOffboarding(wrapper).trigger('click')
    ui.settleConfirmation(true)
    await flushPromises()

    expect(api.callsTo('journal.undoOperation')).toEqual([{ operationId: 'op-dana' }])
    const report = wrapper.get('section[aria-label="Result of the undo of Offboarding of Dana Lee"]')
    expect(document.activeElement).toBe(report.element)
    expect(report.text()).toContain('3 of 4 accounts back')
    const accounts = report.findAll('.operation-undo__account').map((item) => item.text())
    expect(accounts[0]).toMatch(/Skipped\s*Dana Lee in GoTo prod — The deprovision failed/)
    expect(accounts[1]).toMatch(/Undone\s*Dana Lee in Coupa prod — Reactivated\./)
    expect(report.get('ul[aria-label="Differences for Dana Lee in Coupa prod"]').text()).toBe('Still not in group Support')
    expect(ui.toasts.map((toast) => toast.message)).toContain('Offboarding of Dana Lee was undone for 3 of 4 accounts.')
  })

  it('shows the undo as its own row linked to the offboarding, which says it was undone by it', async () => {
    answerUndo()
    const { wrapper } = await mountActivityView()
    await undoOffboarding(wrapper).trigger('click')
    useUiStore().settleConfirmation(true)
    await flushPromises()

    const undoRow = operationRow(wrapper, 'op-undo')
    expect(undoRow.text()).toContain('Undo of Offboarding of Dana Lee — 3 accounts: 3 done')
    expect(undoRow.text()).toContain('Undoes Offboarding of Dana Lee')
    const undone = operationRow(wrapper)
    expect(undone.text()).toContain('Undone by Undo of Offboarding of Dana Lee')
    expect(wrapper.find('button[aria-label="Undo offboarding: Offboarding of Dana Lee"]').exists()).toBe(false)
    // Read once on the page, once again after its undo; the undo's own came with the answer.
    expect(api.callsTo('journal.operation')).toEqual([{ operationId: 'op-dana' }, { operationId: 'op-dana' }])

    await undoRow.get('button.operation-row__link').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(operationToggle(wrapper).element)
  })

  it('reads the operation again after one of its accounts is undone on its own, so its state follows', async () => {
    api.answer('journal.undo', ({ entryId }) => {
      const undoEntry = journalEntry({ id: 'undo-okta', action: 'undoDeprovision', undoOf: entryId, undo: null })
      entries = [undoEntry, ...entries.map((entry) => (entry.id === entryId ? { ...entry, undo: { available: false, reason: 'Already undone', undoneBy: undoEntry.id } } : entry))]
      operations = [{ ...operations[0]!, undo: { ...operations[0]!.undo, undoable: 2 } }]
      return { ok: true, value: { entry: undoEntry, differences: [] } }
    })
    const { wrapper } = await mountActivityView()
    await operationToggle(wrapper).trigger('click')

    await wrapper.findAll('button[aria-label="Undo deprovision of Dana Lee"]')[0]!.trigger('click')
    useUiStore().settleConfirmation(true)
    await flushPromises()

    expect(api.callsTo('journal.operation')).toEqual([{ operationId: 'op-dana' }, { operationId: 'op-dana' }])
    expect(wrapper.findAll('button[aria-label="Undo deprovision of Dana Lee"]')).toHaveLength(2)
    expect(childRows(wrapper)[0]!.text()).toContain('Already undone')
  })

  it('reaches an undone operation that is not in the list by filtering on it', async () => {
    const undoOnly = { ...danaOffboarding('op-undo').operation, action: 'undo' as const, title: 'Undo of Offboarding of Dana Lee', undoOf: 'op-dana' }
    operations = [...operations, undoOnly]
    entries = [journalEntry({ id: 'undo-okta', action: 'undoDeprovision', operationId: 'op-undo', undo: null }), ...entries]
    const { wrapper, router } = await mountActivityView('/activity?profile=profile-okta&action=undoDeprovision')

    await operationRow(wrapper, 'op-undo').get('button.operation-row__link').trigger('click')
    await flushPromises()

    expect(router.currentRoute.value.query).toEqual({ operation: 'op-dana' })
    expect(api.callsTo('journal.list').at(-1)).toEqual({ operationId: 'op-dana' })
    expect(wrapper.text()).toContain('Showing the changes of one operation only.')
    expect(document.activeElement).toBe(operationToggle(wrapper).element)
  })
})
