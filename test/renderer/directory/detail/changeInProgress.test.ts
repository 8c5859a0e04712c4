// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { getActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChangeProgress } from '../../../../shared/changeProgress'
import type { JournalEntry } from '../../../../shared/journal'
import ChangeInProgress from '../../../../renderer/src/features/directory/detail/ChangeInProgress.vue'
import type { FakeLanyardApi } from '../../support/fakeLanyardApi'
import { freshStoresWithApi } from '../../support/storeSetup'
import { spokenText } from '../../support/spokenText'

/*
 * Issue 15, "Work in progress is visible": while a deprovision, undo or edit runs, the panel shows
 * its steps as main reports them (`changes.progress`), which one runs now, the retry it waits for,
 * and Cancel (`directory.cancelChange`); once the change's outcome is journaled the list goes.
 */

let api: FakeLanyardApi

afterEach(() => {
  vi.useRealTimers()
})

beforeEach(() => {
  api = freshStoresWithApi({ 'directory.cancelChange': () => ({ ok: true, value: null }) })
})

const progress = (statuses: ChangeProgress['steps'][number]['status'][], retry: ChangeProgress['retry'] = null, objectId = '00u1'): ChangeProgress => ({
  entryId: 'entry-7',
  profileId: 'p1',
  objectId,
  steps: ['Suspend Ada Lovelace', 'Remove licences', 'Remove from Finance'].slice(0, statuses.length).map((name, index) => ({ name, status: statuses[index]! })),
  retry,
})

function mountPanelPart() {
  return mount(ChangeInProgress, {
    props: { profileId: 'p1', objectId: '00u1', targetLabel: 'Okta', what: 'Working on Ada Lovelace in Okta…' },
    global: { plugins: [getActivePinia()!] },
  })
}

const stepLines = (wrapper: ReturnType<typeof mountPanelPart>) => wrapper.findAll('[data-test="change-step"]').map((step) => step.text())

describe('the change in progress on the panel', () => {
  it('lists the steps with the one running now, and the rate-limit retry it waits for', async () => {
    const wrapper = mountPanelPart()
    expect(wrapper.find('[data-test="change-step"]').exists()).toBe(false)

    api.emit('changes.progress', progress(['applied', 'running', 'pending']))
    await flushPromises()
    expect(stepLines(wrapper)).toEqual(['Suspend Ada Lovelace: done', 'Remove licences: running now…', 'Remove from Finance: to do'])
    expect(wrapper.find('[aria-current="step"]').text()).toContain('Remove licences')

    api.emit('changes.progress', progress(['applied', 'running', 'pending'], { attempt: 2, of: 5, waitMs: 4000, reason: 'rate_limit' }))
    await flushPromises()
    expect(wrapper.find('[data-test="change-waiting"]').text()).toBe("Waiting for Okta's rate limit, retry 2 of 5 in 4 s.")

    // Another object's change is not this panel's.
    api.emit('changes.progress', { ...progress(['running']), entryId: 'entry-8', objectId: '00u2' })
    await flushPromises()
    expect(stepLines(wrapper)).toHaveLength(3)
  })

  it("counts the retry's seconds down while the change waits", async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const wrapper = mountPanelPart()
    api.emit('changes.progress', progress(['running'], { attempt: 1, of: 5, waitMs: 45_000, reason: 'rate_limit' }))
    await flushPromises()
    expect(wrapper.find('[data-test="change-waiting"]').text()).toBe("Waiting for Okta's rate limit, retry 1 of 5 in 45 s.")
    await vi.advanceTimersByTimeAsync(15_000)
    expect(wrapper.find('[data-test="change-waiting"]').text()).toBe("Waiting for Okta's rate limit, retry 1 of 5 in 30 s.")
    // The banner is a live region: what a screen reader hears does not change with each second.
    expect(spokenText(wrapper.find('[data-test="change-waiting"]').element)).toBe("Waiting for Okta's rate limit, retry 1 of 5.")
    vi.useRealTimers()
  })

  it('cancels through main by the entry it reported, and says it is cancelling until the outcome is journaled', async () => {
    const wrapper = mountPanelPart()
    api.emit('changes.progress', progress(['applied', 'running', 'pending']))
    await flushPromises()
    await wrapper.find('[data-test="cancel-change"]').trigger('click')
    await flushPromises()
    expect(api.callsTo('directory.cancelChange')).toEqual([{ entryId: 'entry-7' }])
    expect(wrapper.find('[data-test="cancel-change"]').text()).toBe('Cancelling…')
    expect(wrapper.find('[data-test="cancel-change"]').attributes('disabled')).toBeDefined()

    api.emit('journal.appended', { entryId: 'entry-7', entry: { id: 'entry-7' } as JournalEntry })
    await flushPromises()
    expect(wrapper.find('[data-test="change-step"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="cancel-change"]').exists()).toBe(false)
  })
})
