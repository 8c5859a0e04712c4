// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { installApi } from '../../../renderer/src/api/lanyardApi'
import { useUiStore } from '../../../renderer/src/stores/ui'
import type { JournalEntry, JournalFilter } from '../../../shared/journal'
import { createFakeLanyardApi, profileView, type FakeLanyardApi } from '../support/fakeLanyardApi'
import { journalEntry, onePage } from './journalEntries'
import { mountActivityView } from './mountActivityView'

let api: FakeLanyardApi
let pinia: Pinia
let entries: JournalEntry[]
const oktaProd = profileView({ id: 'profile-okta', name: 'Okta prod', environment: 'real' })

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  entries = []
  api = createFakeLanyardApi({
    'profiles.list': () => ({ ok: true, value: [oktaProd] }),
    'journal.list': () => onePage(entries),
  })
  installApi(api)
})

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

function button(wrapper: VueWrapper, name: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === name || candidate.attributes('aria-label') === name)
  if (!found) throw new Error(`no button "${name}"`)
  return found
}

function lastListFilter(): JournalFilter {
  return api.callsTo('journal.list').at(-1) as JournalFilter
}

describe('the Activity view', () => {
  it('shows each entry with its time, who, profile, readable action, linked target, summary and outcome', async () => {
    entries = [
      journalEntry({ id: 'newest', outcome: { ...journalEntry().outcome, status: 'partial', reconciled: true } }),
      journalEntry({
        id: 'older',
        action: 'addMember',
        profileId: 'gone-profile',
        profileName: 'Old sandbox',
        target: { objectType: 'users', id: '00u2bob', name: 'Bob Stone' },
        related: { objectType: 'groups', id: '00g1', name: 'Engineering' },
        summary: 'Added Bob Stone to Engineering',
        outcome: { ...journalEntry().outcome, status: 'pending', time: null },
        undo: null,
      }),
    ]
    const { wrapper } = await mountActivityView()
    const rows = wrapper.findAll('tbody > tr')

    expect(rows).toHaveLength(2)
    const [newest, older] = rows
    expect(newest?.find('time').attributes('title')).toBe('2026-03-02T09:15:00.000Z')
    expect(newest?.text()).toContain('jdoe')
    // The profile's journaled name, and under it the connector's label.
    expect(newest?.findAll('td').at(3)?.findAll('span').map((span) => span.text())).toEqual(['Okta prod', 'Okta'])
    expect(newest?.text()).toContain('Deprovision')
    expect(newest?.find('a').attributes('href')).toBe('/profiles/profile-okta/users/00u1ada')
    expect(newest?.find('a').attributes('title')).toBe('00u1ada')
    expect(newest?.text()).toContain('Partly applied')
    expect(newest?.text()).toContain('checked at the target')
    expect(older?.text()).toContain('Add to group')
    expect(older?.text()).toContain('Engineering')
    expect(older?.text()).toContain('Unfinished')
    expect(older?.find('a').exists()).toBe(false)
    expect(older?.text()).not.toContain('checked at the target')
  })

  it('opens an entry to show its changes before and after, its steps and the details for support', async () => {
    entries = [
      journalEntry({
        outcome: {
          status: 'failed',
          time: '2026-03-02T09:15:02.000Z',
          message: 'Okta refused the suspension.',
          steps: [{ name: 'Suspend user', status: 'failed', message: 'E0000001' }],
          reconciled: false,
          details: { requestId: 'req-42' },
        },
      }),
    ]
    const { wrapper } = await mountActivityView()

    const toggle = button(wrapper, 'Show details of Deprovision Ada Lovelace')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')

    expect(toggle.attributes('aria-expanded')).toBe('true')
    const details = wrapper.find('.entry-details')
    const changeRows = details.findAll('section[aria-label="Changes"] tbody tr').map((row) => row.text())
    expect(changeRows).toEqual(['ActiveYesNo'])
    expect(details.find('section[aria-label="Recorded for undo"]').text()).toBe(
      'Recorded for undo Status before: ACTIVE · groups: Engineering, Sales',
    )
    expect(details.text()).toContain('Okta refused the suspension.')
    expect(details.find('ul[aria-label="Steps"]').text()).toBe('Suspend user: failed — E0000001')
    expect(details.find('details summary').text()).toBe('Details for support')
    expect(details.find('details dl').text()).toContain('req-42')
  })

  it('sends the chosen profile, action and local days to journal.list, and clears them', async () => {
    const { wrapper, router } = await mountActivityView()

    await wrapper.find('select').setValue('profile-okta')
    await flushPromises()
    await wrapper.findAll('select')[1]?.setValue('undoDeprovision')
    await flushPromises()
    const [from, to] = wrapper.findAll('input[type="date"]')
    await from?.setValue('2026-03-01')
    await flushPromises()
    await to?.setValue('2026-03-02')
    await flushPromises()

    expect(lastListFilter()).toEqual({
      profileId: 'profile-okta',
      action: 'undoDeprovision',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 2, 2, 23, 59, 59, 999).toISOString(),
    })
    expect(router.currentRoute.value.query).toMatchObject({ profile: 'profile-okta', action: 'undoDeprovision' })

    await button(wrapper, 'Clear filters').trigger('click')
    await flushPromises()
    expect(lastListFilter()).toEqual({})
  })

  it('waits for a pause in typing before filtering on the user text', async () => {
    const { wrapper } = await mountActivityView()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const callsBefore = api.callsTo('journal.list').length
    const input = wrapper.find('input[placeholder="Name, id, ticket or reason"]')

    await input.setValue('ad')
    await input.setValue('ada ')
    await flushPromises()
    expect(api.callsTo('journal.list')).toHaveLength(callsBefore)

    vi.advanceTimersByTime(300)
    await flushPromises()
    expect(api.callsTo('journal.list')).toHaveLength(callsBefore + 1)
    expect(lastListFilter()).toEqual({ user: 'ada' })
  })

  it('opens a deep link with its user and profile already filtered', async () => {
    const { wrapper } = await mountActivityView('/activity?user=00u1ada&profile=profile-okta')

    expect(api.callsTo('journal.list')).toEqual([{ user: '00u1ada', profileId: 'profile-okta' }])
    expect((wrapper.find('input[placeholder="Name, id, ticket or reason"]').element as HTMLInputElement).value).toBe('00u1ada')
    expect((wrapper.find('select').element as HTMLSelectElement).value).toBe('profile-okta')
  })

  it('places an appended entry the filter takes without reading the journal again', async () => {
    await mountActivityView('/activity?action=deprovision')

    api.emit('journal.appended', { entryId: 'entry-new', entry: journalEntry({ id: 'entry-new', time: '2026-03-03T09:00:00.000Z', summary: 'Suspended Grace Hopper' }) })
    api.emit('journal.appended', { entryId: 'entry-edit', entry: journalEntry({ id: 'entry-edit', time: '2026-03-03T09:01:00.000Z', action: 'update', summary: 'Changed the title of Ada' }) })
    await flushPromises()

    expect(api.callsTo('journal.list')).toEqual([{ action: 'deprovision' }])
    expect(document.body.textContent).toContain('Suspended Grace Hopper')
    expect(document.body.textContent).not.toContain('Changed the title of Ada')
  })

  it('shows the first page at once and the next on Load more, reached by keyboard', async () => {
    const first = [journalEntry({ summary: 'Newest change' })]
    const second = [journalEntry({ summary: 'Older change' })]
    api.answer('journal.list', (input) => ({ ok: true, value: input.cursor === 'page-2' ? { entries: second, nextCursor: null } : { entries: first, nextCursor: 'page-2' } }))
    const { wrapper } = await mountActivityView('/activity?action=deprovision')
    expect(wrapper.findAll('tbody > tr')).toHaveLength(1)

    const loadMore = button(wrapper, 'Load more')
    expect(loadMore.element.tagName).toBe('BUTTON')
    await loadMore.trigger('click')
    await flushPromises()

    expect(api.callsTo('journal.list')).toEqual([{ action: 'deprovision' }, { action: 'deprovision', cursor: 'page-2' }])
    expect(wrapper.findAll('tbody > tr').map((row) => row.text())).toEqual([expect.stringContaining('Newest change'), expect.stringContaining('Older change')])
    expect(wrapper.findAll('button').some((candidate) => candidate.text() === 'Load more')).toBe(false)
  })

  it('explains an empty journal and an empty filtered result differently', async () => {
    const { wrapper, router } = await mountActivityView()
    expect(wrapper.text()).toContain('No activity yet')

    await router.replace('/activity?user=nobody')
    await flushPromises()
    expect(wrapper.text()).toContain('No entries match these filters')
  })

  it('shows a failed read with its message and reads again on request', async () => {
    api.answer('journal.list', () => ({ ok: false, error: { code: 'internal', message: 'The journal file could not be read.' } }))
    const { wrapper } = await mountActivityView()
    expect(wrapper.find('[role="alert"]').text()).toContain('The journal file could not be read.')

    api.answer('journal.list', () => onePage([journalEntry()]))
    await button(wrapper, 'Try again').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('tbody > tr')).toHaveLength(1)
  })
})

describe('verifying and exporting the journal', () => {
  it('says the journal is intact with the number of records checked', async () => {
    api.answer('journal.verify', () => ({ ok: true, value: { intact: true, records: 42, problem: null } }))
    const { wrapper } = await mountActivityView()

    await button(wrapper, 'Verify journal').trigger('click')
    await flushPromises()

    expect(wrapper.find('[role="status"].verification').text()).toBe('Journal intact — 42 records checked.')
  })

  it('warns with the first bad line and why when the chain is broken', async () => {
    api.answer('journal.verify', () => ({
      ok: true,
      value: { intact: false, records: 17, problem: { line: 12, reason: 'its hash does not match its content (tampered)' } },
    }))
    const { wrapper } = await mountActivityView()

    await button(wrapper, 'Verify journal').trigger('click')
    await flushPromises()

    const warning = wrapper.find('[role="alert"].verification').text()
    expect(warning).toContain('line 12: its hash does not match its content (tampered)')
    expect(warning).toContain('ask support')
  })

  it('exports CSV and JSON of what the filters show and saves the file', async () => {
    api.answer('journal.export', (input) => ({
      ok: true,
      value: { fileName: `journal.${input.format}`, content: input.format === 'csv' ? 'time,actor\n' : '[]' },
    }))
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined)
    const { wrapper } = await mountActivityView('/activity?user=ada')

    await button(wrapper, 'Export CSV').trigger('click')
    await flushPromises()
    await button(wrapper, 'Export JSON').trigger('click')
    await flushPromises()

    expect(api.callsTo('journal.export')).toEqual([
      { format: 'csv', filter: { user: 'ada' } },
      { format: 'json', filter: { user: 'ada' } },
    ])
    const savedTypes = created.mock.calls.map(([blob]) => (blob as Blob).type)
    expect(savedTypes).toEqual(['text/csv', 'application/json'])
    expect(useUiStore().toasts.map((toast) => toast.message)).toContain('Journal exported to journal.csv.')
  })
})
