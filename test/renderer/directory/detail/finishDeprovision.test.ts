// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../../../shared/journal'
import { button, confirmDialog, deprovisionEntry, mountPanel, ok, openDialog, suspendedAda } from './detailFixtures'

/*
 * A deprovision made from this panel that stopped part-way (disabled, not signed out): deprovisioning
 * again would refuse "already disabled", so the panel offers "Finish deprovision" on the entry undo applies to.
 */

afterEach(() => {
  document.body.innerHTML = ''
})

const partial = (overrides: Partial<JournalEntry> = {}) =>
  deprovisionEntry({
    outcome: {
      status: 'partial',
      time: '2026-11-20T10:00:01.000Z',
      message: 'Deprovision of Ada Lovelace did not complete (1 of 2 steps applied, 1 failed, 0 not attempted).',
      steps: [
        { name: 'Suspend Ada Lovelace', status: 'applied' },
        { name: 'Sign Ada Lovelace out everywhere', status: 'failed', message: 'The target answered 500.' },
      ],
      reconciled: false,
      details: {},
    },
    completion: { available: true, reason: null, completedBy: null, needsPassword: false },
    ...overrides,
  })
const finishButton = 'Finish deprovision…'
const hasButton = (wrapper: Awaited<ReturnType<typeof mountPanel>>['wrapper'], text: string) => wrapper.findAll('button').some((candidate) => candidate.text() === text)

describe('finishing a partial deprovision from the detail panel', () => {
  it('is offered for a partial deprovision that can be finished, and not for a finished or whole one', async () => {
    const offered = await mountPanel({ object: suspendedAda(), profile: { id: '00000000-0000-4000-8000-000000000991' }, answers: { 'journal.undoableFor': () => ok(partial()) } })
    expect(hasButton(offered.wrapper, finishButton)).toBe(true)
    expect(hasButton(offered.wrapper, 'Undo deprovision…')).toBe(true)
    document.body.innerHTML = ''

    const whole = await mountPanel({ object: suspendedAda(), profile: { id: '00000000-0000-4000-8000-000000000992' }, answers: { 'journal.undoableFor': () => ok(deprovisionEntry()) } })
    expect(hasButton(whole.wrapper, finishButton)).toBe(false)
    document.body.innerHTML = ''

    const done = partial({ completion: { available: false, reason: 'Already finished.', completedBy: 'entry-9', needsPassword: false } })
    const finished = await mountPanel({ object: suspendedAda(), profile: { id: '00000000-0000-4000-8000-000000000993' }, answers: { 'journal.undoableFor': () => ok(done) } })
    expect(hasButton(finished.wrapper, finishButton)).toBe(false)
  })

  it('is offered right after a deprovision here stopped part-way, though the user is still active (GoTo kept the licences)', async () => {
    const { api, wrapper, confirmation } = await mountPanel({
      profile: { id: '00000000-0000-4000-8000-000000000995' },
      answers: {
        'directory.deprovision': () => ({
          ok: false,
          error: { code: 'partial_failure', message: 'Deprovision of Ada Lovelace did not complete.', steps: partial().outcome.steps, details: { entryId: 'entry-7' } },
        }),
        'journal.undoableFor': () => ok(partial()),
      },
    })
    expect(api.callsTo('journal.undoableFor')).toEqual([])
    expect(hasButton(wrapper, finishButton)).toBe(false)

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()
    await confirmDialog(confirmation, 'Deprovision')

    expect(api.callsTo('journal.undoableFor').length).toBeGreaterThan(0)
    expect(hasButton(wrapper, finishButton)).toBe(true)
    // Deprovisioning again would journal a second snapshot without what the first took away: Finish replaces it.
    expect(hasButton(wrapper, 'Deprovision…')).toBe(false)
  })

  it('says what it sends, finishes through one call and shows the result as a deprovision does', async () => {
    let newest: JournalEntry = partial()
    const finish = deprovisionEntry({ id: 'entry-9', completes: 'entry-7', summary: 'Finished deprovisioning Ada Lovelace', outcome: { status: 'applied', time: null, message: 'Sign Ada Lovelace out everywhere.', steps: [{ name: 'Sign Ada Lovelace out everywhere', status: 'applied' }], reconciled: false, details: {} } })
    const { api, wrapper, confirmation } = await mountPanel({
      object: suspendedAda(),
      profile: { id: '00000000-0000-4000-8000-000000000994' },
      answers: {
        'journal.undoableFor': () => ok(newest),
        'journal.finishDeprovision': () => {
          newest = finish
          return ok(finish)
        },
      },
    })

    await button(wrapper, finishButton).trigger('click')
    await flushPromises()
    expect(openDialog(confirmation).text()).toContain('Sign Ada Lovelace out everywhere (failed)')
    await confirmDialog(confirmation, 'Finish deprovision')

    expect(api.callsTo('journal.finishDeprovision')).toEqual([{ entryId: 'entry-7' }])
    expect(api.callsTo('directory.deprovision')).toEqual([])
    expect(hasButton(wrapper, finishButton)).toBe(false)
    expect(hasButton(wrapper, 'Undo deprovision…')).toBe(true)
  })
})
