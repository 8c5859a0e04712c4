// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { button, confirmDialog, deprovisionEntry, mountPanel, ok, openDialog } from './detailFixtures'

afterEach(() => {
  document.body.innerHTML = ''
})

const ownAccountRefusal = {
  ok: false as const,
  error: {
    code: 'conflict' as const,
    message: "Ada Lovelace is the user this profile's API token belongs to: deprovisioning them would lock Lanyard out of Okta, undo included. Nothing was changed.",
    details: { refusal: 'own_account' },
  },
}

describe('the ticket or reason of a deprovision', () => {
  it('is asked in the confirmation, optional, and sent trimmed', async () => {
    const { api, profile, wrapper, confirmation } = await mountPanel({ answers: { 'directory.deprovision': () => ok(deprovisionEntry()) } })
    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()
    const field = openDialog(confirmation).find('input[name="change-reason"]')
    expect(field.exists()).toBe(true)
    expect(openDialog(confirmation).find('label[for="confirmation-note"]').text()).toMatch(/Ticket or reason/)
    await field.setValue('  INC-4711 leaver ')
    await confirmDialog(confirmation, 'Deprovision')
    expect(api.callsTo('directory.deprovision')).toEqual([{ profileId: profile.id, userId: '00u1ada', reason: 'INC-4711 leaver' }])
  })
})

describe("the profile's own account", () => {
  it('shows why it was refused, and offers the override only behind a typed reason', async () => {
    let answers = 0
    const { api, profile, wrapper, confirmation } = await mountPanel({
      answers: { 'directory.deprovision': () => (answers++ === 0 ? ownAccountRefusal : ok(deprovisionEntry())) },
    })
    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()
    await confirmDialog(confirmation, 'Deprovision')

    expect(wrapper.text()).toContain('would lock Lanyard out of Okta')
    await button(wrapper, 'Deprovision anyway…').trigger('click')
    await flushPromises()
    const dialog = openDialog(confirmation)
    const confirm = dialog.find('.confirm__confirm')
    expect(confirm.attributes('disabled')).toBeDefined()
    await dialog.find('input[name="change-reason"]').setValue('   ')
    expect(confirm.attributes('disabled')).toBeDefined()
    await dialog.find('input[name="change-reason"]').setValue('Token moved to the new admin')
    expect(confirm.attributes('disabled')).toBeUndefined()
    await confirm.trigger('click')
    await flushPromises()

    expect(api.callsTo('directory.deprovision')).toEqual([
      { profileId: profile.id, userId: '00u1ada' },
      { profileId: profile.id, userId: '00u1ada', ownAccountOverride: 'Token moved to the new admin' },
    ])
  })
})
