// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { DirectoryObject } from '../../../../shared/directory'
import type { JournalEntry } from '../../../../shared/journal'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { adaLovelace, button, confirmDialog, deprovisionEntry, mountPanel, ok, openDialog } from './detailFixtures'

afterEach(() => {
  document.body.innerHTML = ''
})

function withStatus(label: string, active = true): DirectoryObject {
  return adaLovelace({ status: { label, tone: 'warning', active } })
}

function actionEntry(action: JournalEntry['action'], summary: string): JournalEntry {
  return deprovisionEntry({ action, summary, changes: [], recorded: null, undo: null })
}

function accountActionLabels(wrapper: { findAll(selector: string): { text(): string }[] }): string[] {
  return wrapper.findAll('.account-actions button').map((candidate) => candidate.text().trim())
}

describe("the user's everyday account actions on the panel", () => {
  it('offers only the actions the status allows', async () => {
    const active = await mountPanel()
    expect(accountActionLabels(active.wrapper)).toEqual(['Email a password reset link…', 'Set a temporary password…', 'Reset MFA factors…', 'Clear sessions…'])
    active.wrapper.unmount()

    const locked = await mountPanel({ object: withStatus('LOCKED_OUT') })
    expect(accountActionLabels(locked.wrapper)).toEqual(['Email a password reset link…', 'Unlock…', 'Reset MFA factors…', 'Clear sessions…'])
    locked.wrapper.unmount()

    const staged = await mountPanel({ object: withStatus('STAGED', false) })
    expect(accountActionLabels(staged.wrapper)).toEqual(['Activate…'])
    staged.wrapper.unmount()

    const suspended = await mountPanel({ object: withStatus('SUSPENDED', false) })
    expect(accountActionLabels(suspended.wrapper)).toEqual([])
  })

  it('confirms an unlock as status before → after, then sends it once', async () => {
    const { api, profile, wrapper, confirmation } = await mountPanel({
      object: withStatus('LOCKED_OUT'),
      answers: { 'directory.accountAction': () => ok({ entry: actionEntry('unlock', 'Unlocked Ada Lovelace'), oneTimePassword: null }) },
    })

    await button(wrapper, 'Unlock…').trigger('click')
    await flushPromises()
    const dialog = openDialog(confirmation)
    expect(dialog.find('.confirm__message').text()).toBe('Ada Lovelace can sign in again with their current password.')
    expect(dialog.find('.change__before').text()).toBe('LOCKED_OUT')
    expect(dialog.find('.change__after').text()).toBe('becomes ACTIVE')
    expect(api.callsTo('directory.accountAction')).toEqual([])

    await confirmDialog(confirmation, 'Unlock')

    expect(api.callsTo('directory.accountAction')).toEqual([{ profileId: profile.id, objectType: 'users', objectId: '00u1ada', action: 'unlock' }])
    expect(useUiStore().toasts.map((toast) => toast.message)).toContain('Unlocked Ada Lovelace')
  })

  it("shows main's refusal on the panel, in its words", async () => {
    const { wrapper, confirmation } = await mountPanel({
      object: withStatus('LOCKED_OUT'),
      answers: { 'directory.accountAction': () => ({ ok: false, error: { code: 'conflict', message: 'Okta unlocks only a user who is LOCKED_OUT; Ada Lovelace is ACTIVE.' } }) },
    })
    await button(wrapper, 'Unlock…').trigger('click')
    await flushPromises()
    await confirmDialog(confirmation, 'Unlock')
    expect(wrapper.text()).toContain('Okta unlocks only a user who is LOCKED_OUT; Ada Lovelace is ACTIVE.')
  })

  it('shows a temporary password once, outside every toast, and forgets it when closed', async () => {
    const temporary = 'Tmp7Qx9Lz2'
    const { wrapper, confirmation } = await mountPanel({
      answers: {
        'directory.accountAction': () => ok({ entry: actionEntry('temporaryPassword', 'Gave Ada Lovelace a temporary password (not recorded)'), oneTimePassword: temporary }),
      },
    })
    await button(wrapper, 'Set a temporary password…').trigger('click')
    await flushPromises()
    await confirmDialog(confirmation, 'Set a temporary password')

    expect(document.body.querySelector('output[aria-label="Temporary password"]')?.textContent).toBe(temporary)
    expect(JSON.stringify(useUiStore().toasts)).not.toContain(temporary)

    button(wrapper, 'Done, close').element.dispatchEvent(new Event('click'))
    await flushPromises()
    expect(document.body.innerHTML).not.toContain(temporary)
  })
})
