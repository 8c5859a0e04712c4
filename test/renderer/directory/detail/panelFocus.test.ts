// @vitest-environment happy-dom
import { flushPromises, type DOMWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { adaLovelace, button, confirmDialog, deprovisionEntry, group, mountPanel, ok, page, suspendedAda } from './detailFixtures'

afterEach(() => {
  document.body.innerHTML = ''
})

/** Focuses the button, then presses it, as a keyboard user does. */
async function press(target: DOMWrapper<Element>): Promise<void> {
  ;(target.element as HTMLElement).focus()
  await target.trigger('click')
  await flushPromises()
}

function focused(): Element | null {
  return document.activeElement
}

describe('keyboard focus in the detail panel', () => {
  it('stays in the panel when the Deprovision button goes away with the deprovision', async () => {
    let reads = 0
    const { wrapper, confirmation } = await mountPanel({
      answers: {
        'directory.get': () => ok(++reads === 1 ? adaLovelace() : suspendedAda()),
        'directory.deprovision': () => ok(deprovisionEntry()),
      },
    })

    await press(button(wrapper, 'Deprovision…'))
    await confirmDialog(confirmation, 'Deprovision')

    expect(wrapper.findAll('button').some((candidate) => candidate.text() === 'Deprovision…')).toBe(false)
    expect(focused()).toBe(wrapper.find('.object-panel__title').element)
  })

  it('goes to the first field when editing starts, and back to Edit when it ends', async () => {
    const { wrapper } = await mountPanel()

    await press(button(wrapper, 'Edit'))
    const field = focused()
    expect(field?.closest('form.edit-form')).not.toBeNull()
    expect(field?.tagName).toBe('INPUT')
    expect((field as HTMLInputElement).disabled).toBe(false)

    await press(button(wrapper, 'Cancel'))
    expect(focused()).toBe(button(wrapper, 'Edit').element)
  })

  it('comes back to "Add to group…" after a group was picked and confirmed', async () => {
    const { wrapper, confirmation } = await mountPanel({
      answers: {
        'directory.list': () => ok(page([group('00g3', 'Finance')])),
        'directory.addMember': () => ok(null),
      },
    })

    await press(button(wrapper, 'Add to group…'))
    await press(wrapper.find('.picker__choice[data-id="00g3"]'))
    await press(wrapper.find('.picker__add'))
    await confirmDialog(confirmation, 'Add to group')

    expect(focused()).toBe(button(wrapper, 'Add to group…').element)
  })

  it('goes to the Groups heading once the removed group has left the list', async () => {
    let removed = false
    const { wrapper, confirmation } = await mountPanel({
      answers: {
        'directory.groupsOf': () => ok(page(removed ? [group('00g2', 'London office')] : [group('00g1', 'Engineering'), group('00g2', 'London office')])),
        'directory.removeMember': () => {
          removed = true
          return ok(null)
        },
      },
    })

    await press(wrapper.find('.membership[data-id="00g1"]').find('button'))
    await confirmDialog(confirmation, 'Remove from group')

    expect(wrapper.find('.membership[data-id="00g1"]').exists()).toBe(false)
    expect(focused()).toBe(wrapper.find('.memberships__title').element)
  })
})
