// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../../../shared/journal'
import { adaLovelace, button, confirmDialog, deprovisionEntry, mountPanel, ok, suspendedAda } from './detailFixtures'

/*
 * Issue 15, "Unknown outcomes are settled now": after a lost answer the panel said both "It may
 * have been carried out anyway" and "Nothing else was changed; try again", and offered
 * Deprovision… again. Now it says "Checking…", offers no second deprovision, and Check now asks.
 */

afterEach(() => {
  document.body.innerHTML = ''
})

const lostMessage =
  'Deprovision of Ada Lovelace: "Suspend Ada Lovelace" got no clear answer. The connection to Okta was cut before it answered. ' +
  'Whether the change took effect is not known yet. Checking…: Lanyard reads it back from the target as soon as it answers, and shows the result.'
const pending: JournalEntry = deprovisionEntry({
  outcome: { status: 'pending', time: '2026-11-20T10:00:01.000Z', message: lostMessage, steps: [], reconciled: false, details: {} },
  undo: { available: false, reason: 'not known yet', undoneBy: null },
})

describe('a deprovision whose answer was lost, on the panel', () => {
  it('says "Checking…", offers no second deprovision, and Check now settles it', async () => {
    let unsettled: JournalEntry | null = null
    let user = adaLovelace()
    const { api, profile, wrapper, confirmation } = await mountPanel({
      answers: {
        // Each read a new object, as over IPC.
        'directory.get': () => ok(structuredClone(user)),
        'journal.unsettledFor': () => ok(unsettled),
        'directory.deprovision': () => {
          unsettled = pending
          return { ok: false, error: { code: 'network', message: lostMessage, details: { entryId: pending.id } } }
        },
      },
    })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()
    await confirmDialog(confirmation, 'Deprovision')
    await flushPromises()

    const notice = wrapper.find('.unsettled')
    expect(notice.text()).toContain('Checking…')
    expect(notice.text()).toContain('whether Okta carried it out is not known yet')
    expect(wrapper.text()).not.toMatch(/try again/i)
    expect(button(wrapper, 'Deprovision…').attributes('disabled')).toBeDefined()

    // Check now: Okta says the suspension happened; main reports the user changed.
    user = suspendedAda()
    api.answer('journal.settle', () => {
      unsettled = null
      return ok({ ...pending, outcome: { ...pending.outcome, status: 'applied', reconciled: true, message: 'Ada Lovelace is SUSPENDED (was ACTIVE): the deprovision took effect.' } })
    })
    await button(wrapper, 'Check now').trigger('click')
    await flushPromises()
    api.emit('directory.changed', { profileId: profile.id, objectType: 'users', ids: ['00u1ada'] })
    await flushPromises()

    expect(api.callsTo('journal.settle')).toEqual([{ entryId: pending.id }])
    expect(wrapper.find('.unsettled').text()).toBe('Checked with Okta: Ada Lovelace is SUSPENDED (was ACTIVE): the deprovision took effect.')
    expect(api.callsTo('directory.deprovision')).toHaveLength(1)
  })

  it('shows "Checking…" for a user opened with a deprovision still unsettled, and no Deprovision… to press', async () => {
    const { wrapper } = await mountPanel({ answers: { 'journal.unsettledFor': () => ok(pending) } })

    expect(wrapper.find('.unsettled').text()).toContain('Checking…')
    expect(button(wrapper, 'Deprovision…').attributes('disabled')).toBeDefined()
    expect(button(wrapper, 'Check now').exists()).toBe(true)
  })
})

describe('a deprovision still running', () => {
  it('says it is working, and that it waits for the rate limit while it does', async () => {
    let answer: (value: ReturnType<typeof ok<JournalEntry>>) => void = () => undefined
    const { api, profile, wrapper, confirmation } = await mountPanel({
      answers: { 'directory.deprovision': () => new Promise((resolve) => (answer = resolve)) },
    })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()
    await confirmDialog(confirmation, 'Deprovision')
    await flushPromises()
    api.emit('budget.changed', { profileId: profile.id, family: 'users', remaining: 0, limit: 600, resetsAt: '2026-11-20T10:01:00.000Z', queued: 1 })
    await flushPromises()

    const status = wrapper.find('.change-in-progress')
    expect(status.text()).toContain('Working on Ada Lovelace in Okta…')
    expect(status.text()).toContain("Waiting for Okta's rate limit")
    answer(ok(deprovisionEntry()))
    await flushPromises()
    expect(wrapper.find('.change-in-progress').exists()).toBe(false)
  })
})
