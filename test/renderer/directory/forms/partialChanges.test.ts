// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { LanyardError } from '../../../../shared/errors'
import type { CompleteChangeInput, JournalEntry } from '../../../../shared/journal'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { button, confirmDialog, mountPanel, ok, openDialog } from '../detail/detailFixtures'
import { fakeJournal } from '../../activity/journalEntries'
import { cognitoUser, completionEntry, mountCreatePanel, partialCreateEntry, type CreateSetup } from './formFixtures'

afterEach(() => {
  document.body.innerHTML = ''
})

const policy =
  'Password did not conform with policy: Password must have symbol characters.\n' +
  'The pool "Staff" asks for at least 12 characters, with upper case, lower case, numbers and symbols.'
const retyped = 'N3w-Passw0rd!2026'

/** Cognito's create that made the user, then failed at the password step and never reached the group. */
const partialFailure: LanyardError = {
  code: 'partial_failure',
  message: `Creating ada was done only in part. Done: "Create user ada". Not done: "Set the password", "Add to admins" ("Set the password" failed: ${policy}) The steps that were applied stay applied: finish or roll back the change from the Activity view.`,
  steps: partialCreateEntry().outcome.steps,
  details: { objectId: 'ada', objectName: 'ada', failedStep: 'Set the password', entryId: 'entry-partial-create' },
}

async function createStoppedPartWay(journal: () => JournalEntry[]): Promise<CreateSetup> {
  const setup = mountCreatePanel('cognito', {
    'directory.create': () => ({ ok: false, error: partialFailure }),
    ...fakeJournal(journal),
  })
  await setup.wrapper.find('#create-userName').setValue('ada')
  await setup.wrapper.find('#create-emails-0--value').setValue('ada@example.com')
  await setup.wrapper.find('#create-password').setValue('short')
  await setup.wrapper.find('form.create-panel__form').trigger('submit')
  await flushPromises()
  await confirmDialog(setup.confirmation, 'Create user')
  return setup
}

function dialogRows(setup: { confirmation: CreateSetup['confirmation'] }): string[][] {
  return openDialog(setup.confirmation)
    .findAll('tbody tr')
    .map((row) => row.findAll('th, td').map((cell) => cell.text()))
}

describe('a create that stopped part-way', () => {
  it('shows each step with what became of it and the password policy in full', async () => {
    const setup = await createStoppedPartWay(() => [partialCreateEntry()])

    expect(setup.wrapper.find('.error-details__message').text()).toContain(policy)
    expect(setup.wrapper.findAll('.step-list li').map((item) => item.text())).toEqual([
      'Create ada: done',
      'Set the password: failed — Password did not conform with policy: Password must have symbol characters',
      'Add to Admins: not attempted',
    ])
  })

  it('reads its journal entry and offers to finish or roll back, and not to create the user again', async () => {
    const setup = await createStoppedPartWay(() => [partialCreateEntry()])

    expect(setup.api.callsTo('journal.get')).toEqual([{ entryId: 'entry-partial-create' }])
    const section = setup.wrapper.find('section[aria-label="Finish or roll back"]')
    expect(button(section, 'Finish the remaining steps…').exists()).toBe(true)
    expect(button(section, 'Roll back the applied steps…').exists()).toBe(true)
    expect(button(setup.wrapper, 'Create user…').attributes('disabled')).toBeDefined()
    expect(setup.wrapper.find('[role="note"]').text()).toContain('exists in AWS Cognito already')

    await button(section, 'Open ada').trigger('click')
    expect(setup.wrapper.emitted('open')).toEqual([['ada']])
  })

  it('finishes after the steps left are confirmed and the password is typed again, then shows the outcome', async () => {
    let journal = [partialCreateEntry()]
    const setup = await createStoppedPartWay(() => journal)
    setup.api.answer('journal.complete', (input) => {
      journal = [partialCreateEntry({ completion: { available: false, reason: 'Already completed on 20 Nov 2026 by helpdesk.', completedBy: 'entry-finish', needsPassword: true } })]
      return ok(completionEntry(partialCreateEntry(), input.choice))
    })

    await button(setup.wrapper, 'Finish the remaining steps…').trigger('click')
    await flushPromises()
    expect(openDialog(setup.confirmation).find('.modal__title').text()).toBe('Finish the creation of ada?')
    expect(dialogRows(setup)).toEqual([
      ['To do', 'Set the password (failed)'],
      ['To do', 'Add to Admins (not attempted)'],
    ])
    expect(button(openDialog(setup.confirmation), 'Finish the remaining steps').attributes('disabled')).toBeDefined()
    await setup.confirmation.find('#confirmation-password').setValue(retyped)
    await confirmDialog(setup.confirmation, 'Finish the remaining steps')

    expect(setup.api.callsTo('journal.complete') as CompleteChangeInput[]).toEqual([
      { entryId: 'entry-partial-create', choice: 'finish', password: retyped },
    ])
    const outcome = setup.wrapper.find('section[aria-label="Result of finishing the creation of ada"]')
    expect(outcome.text()).toContain('Finished.')
    expect(outcome.findAll('.step-list li').map((item) => item.text())).toEqual(['Set the password: done', 'Add to admins: done'])
    expect(setup.wrapper.text()).toContain('Already completed on 20 Nov 2026 by helpdesk.')
    expect(setup.wrapper.findAll('button').some((candidate) => candidate.text() === 'Finish the remaining steps…')).toBe(false)
    expect(useUiStore().toasts.map((toast) => toast.message)).toContain('Finished the creation of ada.')
    // The password went out inside the one call, and stayed nowhere.
    expect(JSON.stringify(setup.api.calls.filter((call) => call.name !== 'journal.complete'))).not.toContain(retyped)
    expect(JSON.stringify(setup.pinia.state.value)).not.toContain(retyped)
    expect(setup.wrapper.html() + setup.confirmation.html()).not.toContain(retyped)
    // A value typed into a field is a property, not markup: every field of the page is empty of it.
    expect([...document.querySelectorAll('input')].map((input) => input.value)).not.toContain(retyped)
  })

  it('puts the focus on the result once the Finish button is gone with the state it offered', async () => {
    let journal = [partialCreateEntry()]
    const setup = await createStoppedPartWay(() => journal)
    setup.api.answer('journal.complete', (input) => {
      journal = [partialCreateEntry({ completion: { available: false, reason: 'Already completed.', completedBy: 'entry-finish', needsPassword: true } })]
      return ok(completionEntry(partialCreateEntry(), input.choice))
    })

    const finish = button(setup.wrapper, 'Finish the remaining steps…')
    ;(finish.element as HTMLButtonElement).focus()
    await finish.trigger('click')
    await flushPromises()
    await setup.confirmation.find('#confirmation-password').setValue(retyped)
    await confirmDialog(setup.confirmation, 'Finish the remaining steps')

    expect(document.activeElement).toBe(setup.wrapper.find('section[aria-label="Result of finishing the creation of ada"]').element)
  })

  it('sends nothing when the finish is cancelled', async () => {
    const setup = await createStoppedPartWay(() => [partialCreateEntry()])

    await button(setup.wrapper, 'Finish the remaining steps…').trigger('click')
    await flushPromises()
    await button(openDialog(setup.confirmation), 'Cancel').trigger('click')
    await flushPromises()

    expect(setup.api.callsTo('journal.complete')).toEqual([])
  })

  it('rolls back by deleting the user again, after saying so, and lets the form create anew', async () => {
    const setup = await createStoppedPartWay(() => [partialCreateEntry()])
    setup.api.answer('journal.complete', (input) => ok(completionEntry(partialCreateEntry(), input.choice)))

    await button(setup.wrapper, 'Roll back the applied steps…').trigger('click')
    await flushPromises()
    const dialog = openDialog(setup.confirmation)
    expect(dialog.find('.confirm__message').text()).toBe('Lanyard deletes ada from AWS Cognito again, which takes back every step that was applied.')
    expect(dialogRows(setup)).toEqual([['Taken back', 'Create ada (done)']])
    expect(dialog.find('#confirmation-password').exists()).toBe(false)
    expect(button(dialog, 'Roll back the applied steps').classes()).toContain('app-button--danger')
    await confirmDialog(setup.confirmation, 'Roll back the applied steps')

    expect(setup.api.callsTo('journal.complete')).toEqual([{ entryId: 'entry-partial-create', choice: 'rollback' }])
    expect(setup.wrapper.find('section[aria-label="Result of rolling back the creation of ada"]').text()).toContain(
      'Rolled back: ada was deleted again.',
    )
    expect(setup.wrapper.findAll('button').some((candidate) => candidate.text() === 'Open ada')).toBe(false)
    expect(button(setup.wrapper, 'Create user…').attributes('disabled')).toBeUndefined()
  })

  it('shows a finish that stopped part-way too, with its steps', async () => {
    const setup = await createStoppedPartWay(() => [partialCreateEntry()])
    setup.api.answer('journal.complete', () => ({
      ok: false,
      error: {
        code: 'partial_failure',
        message: 'Finishing the change to ada did not complete. "Add to admins" failed: the group no longer exists.',
        steps: [
          { name: 'Set the password', status: 'applied' },
          { name: 'Add to admins', status: 'failed', message: 'The group no longer exists.' },
        ],
        details: { entryId: 'entry-finish' },
      },
    }))

    await button(setup.wrapper, 'Finish the remaining steps…').trigger('click')
    await flushPromises()
    await setup.confirmation.find('#confirmation-password').setValue(retyped)
    await confirmDialog(setup.confirmation, 'Finish the remaining steps')

    const outcome = setup.wrapper.find('section[aria-label="Result of finishing the creation of ada"]')
    expect(outcome.find('.error-details').text()).toContain('"Add to admins" failed')
    expect(outcome.text()).toContain('Add to admins: failed — The group no longer exists.')
    expect(useUiStore().toasts.find((toast) => toast.kind === 'error')?.message).toContain('Finishing the creation of ada did not complete.')
  })
})

describe('an update that stopped part-way', () => {
  const partialUpdate = partialCreateEntry({
    id: 'entry-partial-update',
    action: 'update',
    summary: 'Changed ada, part-way',
    changes: [
      { attribute: 'phoneNumbers[0].value', before: '+441234', after: '+449999' },
      { attribute: 'Extension.DesiredDeliveryMediums', before: null, after: 'EMAIL' },
    ],
    outcome: {
      status: 'partial',
      time: '2026-11-20T10:00:01.000Z',
      message: 'Changing ada did not complete.',
      steps: [
        { name: 'Set phone number', status: 'applied' },
        { name: 'Set delivery mediums', status: 'failed', message: 'Throttled.' },
      ],
      reconciled: false,
      details: {},
    },
    completion: { available: true, reason: null, completedBy: null, needsPassword: false },
  })

  async function editStoppedPartWay() {
    const setup = await mountPanel({
      object: cognitoUser('ada', { attributes: { ...cognitoUser('ada').attributes, 'phoneNumbers[0].value': '+441234' } }),
      profile: { connectorId: 'cognito', name: 'Cognito sandbox' },
      answers: {
        ...fakeJournal(() => [partialUpdate]),
        'directory.update': () => ({
          ok: false,
          error: { code: 'partial_failure', message: 'Changing ada did not complete.', steps: partialUpdate.outcome.steps, details: { entryId: 'entry-partial-update' } },
        }),
        'journal.complete': (input) => ok(completionEntry(partialUpdate, input.choice)),
      },
    })
    await button(setup.wrapper, 'Edit').trigger('click')
    await flushPromises()
    await setup.wrapper.find('#edit-phoneNumbers-0--value').setValue('+449999')
    await setup.wrapper.find('form.edit-form').trigger('submit')
    await flushPromises()
    await confirmDialog(setup.confirmation, 'Save changes')
    return setup
  }

  it('finishes without asking for a password when no password step is left', async () => {
    const setup = await editStoppedPartWay()

    expect(setup.api.callsTo('journal.get')).toContainEqual({ entryId: 'entry-partial-update' })
    await button(setup.wrapper, 'Finish the remaining steps…').trigger('click')
    await flushPromises()
    expect(openDialog(setup.confirmation).find('#confirmation-password').exists()).toBe(false)
    await confirmDialog(setup.confirmation, 'Finish the remaining steps')

    expect(setup.api.callsTo('journal.complete')).toEqual([{ entryId: 'entry-partial-update', choice: 'finish' }])
    expect(setup.wrapper.findAll('button').some((candidate) => candidate.text().startsWith('Open '))).toBe(false)
  })

  it('shows what a roll-back sets back, new → old, and what it cannot', async () => {
    const setup = await editStoppedPartWay()

    await button(setup.wrapper, 'Roll back the applied steps…').trigger('click')
    await flushPromises()

    expect(dialogRows(setup)).toEqual([
      ['Phone number', '+449999', '→', 'becomes +441234'],
      ['Desired delivery mediums', 'cannot be set back: AWS Cognito never returns the old value'],
    ])
    await confirmDialog(setup.confirmation, 'Roll back the applied steps')
    expect(setup.api.callsTo('journal.complete')).toEqual([{ entryId: 'entry-partial-update', choice: 'rollback' }])
  })
})
