// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { adaLovelace, button, confirmDialog, deprovisionEntry, group, mountPanel, ok, openDialog, page, suspendedAda } from './detailFixtures'

afterEach(() => {
  document.body.innerHTML = ''
})

function confirmButton(dialog: ReturnType<typeof openDialog>) {
  return dialog.find('.confirm__confirm')
}

describe('deprovisioning from the detail panel', () => {
  it("says how the profile deprovisions and what is kept for undo before anything is sent", async () => {
    const { api, profile, wrapper, confirmation } = await mountPanel({
      answers: { 'directory.deprovision': () => ok(deprovisionEntry()) },
    })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()

    const dialog = openDialog(confirmation)
    expect(dialog.find('.confirm__message').text()).toBe(
      'Deprovision Ada Lovelace by suspending (reversible; keeps app assignments): ' +
        "they can't sign in; their groups (2) are recorded so undo can bring them back.",
    )
    // A sandbox profile asks for no typed name.
    expect(dialog.find('.confirm__type input').exists()).toBe(false)
    expect(api.callsTo('directory.deprovision')).toEqual([])

    await confirmDialog(confirmation, 'Deprovision')

    expect(api.callsTo('directory.deprovision')).toEqual([{ profileId: profile.id, userId: '00u1ada' }])
    // The user and their groups are read again once each, when main reports the change.
    expect(api.callsTo('directory.get')).toHaveLength(2)
    expect(api.callsTo('directory.groupsOf')).toHaveLength(2)
    expect(useUiStore().toasts.map((toast) => toast.message)).toContain('Suspended Ada Lovelace and kept her 2 groups on record')
  })

  it('shows what the target says first (a Coupa approver) in the confirmation, and a check that failed as a failed check', async () => {
    const approver = 'Dana Reyes approves requisitions up to 100,000.00 USD and is in the approval group Finance.'
    const { api, profile, wrapper, confirmation } = await mountPanel({ answers: { 'directory.checkDeprovision': () => ok({ warnings: [approver] }) } })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()
    expect(api.callsTo('directory.checkDeprovision')).toEqual([{ profileId: profile.id, userId: '00u1ada' }])
    expect(openDialog(confirmation).find('.confirmation__warnings').text()).toBe(approver)
    await button(openDialog(confirmation), 'Cancel').trigger('click')
    await flushPromises()

    api.answer('directory.checkDeprovision', async () => ({ ok: false, error: { code: 'network', message: 'Coupa did not answer.' } }))
    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()
    expect(openDialog(confirmation).find('.confirmation__warnings').text()).toBe(
      'Lanyard could not check what Ada Lovelace approves or holds before this deprovision: Coupa did not answer.',
    )
    expect(api.callsTo('directory.deprovision')).toEqual([])
  })

  it('counts only the groups undo can bring back, not built-in ones the target manages', async () => {
    const everyone = group('00g0', 'Everyone', 'Everyone is managed by Okta itself.')
    const { wrapper, confirmation } = await mountPanel({
      answers: { 'directory.groupsOf': () => ok(page([everyone, group('00g1', 'Engineering'), group('00g2', 'London office')])) },
    })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()

    expect(openDialog(confirmation).find('.confirm__message').text()).toContain("their groups (2 of the 3 shown; Everyone is not Lanyard's to change) are recorded")
  })

  it("uses the profile's own deprovision mode, as its option label words it", async () => {
    const { wrapper, confirmation } = await mountPanel({ profile: { values: { url: 'https://acme.okta.com', deprovisionMode: 'deactivate' } } })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()

    const dialog = openDialog(confirmation)
    expect(dialog.find('.confirm__message').text()).toMatch(
      /^Deprovision Ada Lovelace by deactivating \(harder; Okta removes app assignments\):/,
    )
    // Deactivating loses app assignments undo cannot bring back: the name must be typed, even on a sandbox.
    expect(dialog.find('.confirm__type input').exists()).toBe(true)
    expect(dialog.find('.confirm__confirm').attributes('disabled')).toBeDefined()
  })

  it("asks for the user's name to be typed on a real environment profile", async () => {
    const { api, wrapper, confirmation } = await mountPanel({
      profile: { environment: 'real' },
      answers: { 'directory.deprovision': () => ok(deprovisionEntry()) },
    })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()
    const dialog = openDialog(confirmation)
    expect(dialog.text()).toContain('Type Ada Lovelace to confirm')
    expect(confirmButton(dialog).attributes('disabled')).toBeDefined()

    await dialog.find('.confirm__type input').setValue('Ada')
    expect(confirmButton(dialog).attributes('disabled')).toBeDefined()
    await confirmButton(dialog).trigger('click')
    await flushPromises()
    expect(api.callsTo('directory.deprovision')).toEqual([])

    await dialog.find('.confirm__type input').setValue('Ada Lovelace')
    expect(confirmButton(dialog).attributes('disabled')).toBeUndefined()
    await confirmButton(dialog).trigger('click')
    await flushPromises()
    expect(api.callsTo('directory.deprovision')).toHaveLength(1)
  })

  it('shows exactly which steps happened when a deprovision partly fails', async () => {
    const { api, wrapper, confirmation } = await mountPanel({
      answers: {
        'directory.deprovision': () => ({
          ok: false,
          error: {
            code: 'partial_failure',
            message: 'Ada Lovelace was suspended, but signing her out failed. Try again or sign her out in Okta.',
            steps: [
              { name: 'Record groups', status: 'applied' },
              { name: 'Suspend', status: 'applied' },
              { name: 'Sign out sessions', status: 'failed', message: 'Okta answered 500' },
              { name: 'Record outcome', status: 'not_attempted' },
            ],
            details: { entryId: 'entry-9', requestId: 'req-77' },
          },
        }),
      },
    })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()
    await confirmDialog(confirmation, 'Deprovision')

    const alert = wrapper.find('.error-details')
    expect(alert.find('.error-details__message').text()).toContain('signing her out failed')
    expect(alert.findAll('.step-list li').map((step) => step.text())).toEqual([
      'Record groups: done',
      'Suspend: done',
      'Sign out sessions: failed — Okta answered 500',
      'Record outcome: not attempted',
    ])
    // Main reports what a partial change touched: the panel reads the user again, once, to show what is true now.
    expect(api.callsTo('directory.get')).toHaveLength(2)
  })

  it('offers no deprovision for a user who is already not active', async () => {
    const { wrapper } = await mountPanel({ object: suspendedAda() })

    expect(wrapper.findAll('button').some((candidate) => candidate.text() === 'Deprovision…')).toBe(false)
  })
})

describe('undoing a deprovision from the detail panel', () => {
  it('offers undo when the journal says it applies, and shows the differences undo reports', async () => {
    const profileId = '00000000-0000-4000-8000-000000000999'
    const entry = deprovisionEntry({ profileId })
    const { api, profile, wrapper, confirmation } = await mountPanel({
      object: suspendedAda(),
      answers: {
        'journal.undoableFor': () => ok(entry),
        'journal.undo': () =>
          ok({
            entry: { ...entry, id: 'entry-8', action: 'undoDeprovision', summary: 'Brought back Ada Lovelace', undoOf: 'entry-7' },
            differences: ['Group London office no longer exists in Okta; it was not restored.'],
          }),
      },
      profile: { id: profileId },
    })

    expect(api.callsTo('journal.undoableFor')).toEqual([{ profileId: profile.id, userId: '00u1ada' }])
    await button(wrapper, 'Undo deprovision…').trigger('click')
    await flushPromises()
    const dialog = openDialog(confirmation)
    expect(dialog.text()).toContain('Suspended Ada Lovelace and kept her 2 groups on record')
    expect(dialog.find('.change__before').text()).toBe('No')
    expect(dialog.find('.change__after').text()).toContain('Yes')

    await confirmDialog(confirmation, 'Undo deprovision')

    expect(api.callsTo('journal.undo')).toEqual([{ entryId: 'entry-7' }])
    expect(wrapper.text()).toContain('Group London office no longer exists in Okta; it was not restored.')
    expect(api.callsTo('directory.get')).toHaveLength(2)
  })

  it('hides undo when the journal has no deprovision of this user that undo applies to', async () => {
    const profileId = '00000000-0000-4000-8000-000000000998'
    const { wrapper } = await mountPanel({
      object: suspendedAda(),
      profile: { id: profileId },
      answers: {
        'journal.undoableFor': () => ok(null),
      },
    })

    expect(wrapper.findAll('button').some((candidate) => candidate.text() === 'Undo deprovision…')).toBe(false)
  })

  it('does not look in the journal for an active user', async () => {
    const { api } = await mountPanel({ object: adaLovelace() })

    expect(api.callsTo('journal.undoableFor')).toEqual([])
  })
})

describe('deleting from the detail panel', () => {
  it('says delete is irreversible and not a deprovision, and needs the name typed', async () => {
    const { api, profile, wrapper, confirmation } = await mountPanel({ answers: { 'directory.delete': () => ok(null) } })

    await button(wrapper, 'Delete…').trigger('click')
    await flushPromises()
    const dialog = openDialog(confirmation)
    expect(dialog.find('.confirm__message').text()).toBe(
      'This is irreversible: it removes the user from Okta for good, not a deprovision. ' +
        'To block sign-in in a way undo can reverse, use Deprovision instead.',
    )
    expect(confirmButton(dialog).attributes('disabled')).toBeDefined()

    await dialog.find('input').setValue('Ada Lovelace')
    await confirmButton(dialog).trigger('click')
    await flushPromises()

    expect(api.callsTo('directory.delete')).toEqual([
      { profileId: profile.id, objectType: 'users', objectId: '00u1ada', confirmName: 'Ada Lovelace' },
    ])
    expect(wrapper.emitted('deleted')).toEqual([['00u1ada']])
  })
})
