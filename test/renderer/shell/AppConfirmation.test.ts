// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import AppConfirmation from '../../../renderer/src/shell/AppConfirmation.vue'
import { useUiStore } from '../../../renderer/src/stores/ui'

let wrapper: VueWrapper

beforeEach(() => {
  const pinia = createPinia()
  setActivePinia(pinia)
  wrapper = mount(AppConfirmation, { global: { plugins: [pinia] }, attachTo: document.body })
})

afterEach(() => {
  wrapper.unmount()
  document.body.innerHTML = ''
})

function button(text: string) {
  const found = wrapper.findAll('dialog button').find((candidate) => candidate.text() === text)
  if (!found) throw new Error(`No button "${text}"`)
  return found
}

describe('the app-wide confirmation dialog', () => {
  it('shows a request with change lines, before → after, and answers true on confirm', async () => {
    const ui = useUiStore()
    const answer = ui.confirm({
      title: 'Save changes to Ada Lovelace?',
      message: 'Lanyard will send these changes to Okta:',
      confirmLabel: 'Save changes',
      lines: [
        { label: 'Title', hint: 'title', before: 'Analyst', after: 'Engineer' },
        { label: 'Password', text: 'set' },
      ],
    })
    await flushPromises()

    expect(wrapper.find('.modal__title').text()).toBe('Save changes to Ada Lovelace?')
    expect(wrapper.find('.confirm__message').text()).toBe('Lanyard will send these changes to Okta:')
    expect(wrapper.find('.change__before').text()).toBe('Analyst')
    expect(wrapper.find('.change__after').text()).toBe('becomes Engineer')
    expect(wrapper.find('tr[title="title"]').exists()).toBe(true)
    expect(wrapper.findAll('tbody tr')[1]?.text()).toBe('Passwordset')
    expect(wrapper.find('.confirm__confirm').classes()).not.toContain('app-button--danger')

    await button('Save changes').trigger('click')
    await expect(answer).resolves.toBe(true)
    await flushPromises()
    expect(wrapper.find('.modal__content').exists()).toBe(false)
  })

  it('shows no table for a request without lines, and answers false on cancel', async () => {
    const ui = useUiStore()
    const answer = ui.confirm({ title: 'Delete profile?', message: 'It goes for good.', confirmLabel: 'Delete profile', danger: true })
    await flushPromises()

    expect(wrapper.find('table').exists()).toBe(false)
    expect(wrapper.find('.confirm__confirm').classes()).toContain('app-button--danger')
    await button('Cancel').trigger('click')
    await expect(answer).resolves.toBe(false)
  })

  it('keeps the confirm button locked until the typed name matches', async () => {
    const ui = useUiStore()
    const answer = ui.confirm({ title: 'Delete Ada Lovelace?', message: 'Irreversible.', confirmLabel: 'Delete user', danger: true, typeToConfirm: 'Ada Lovelace' })
    await flushPromises()

    expect(wrapper.find('.confirm__confirm').attributes('disabled')).toBeDefined()
    await wrapper.find('.confirm__type input').setValue('Ada Lovelace')
    expect(wrapper.find('.confirm__confirm').attributes('disabled')).toBeUndefined()
    await button('Delete user').trigger('click')
    await expect(answer).resolves.toBe(true)
  })
})

describe('what the confirmation adds to its lines', () => {
  it('shows each warning of the request above the lines, and can still be confirmed', async () => {
    const ui = useUiStore()
    const answer = ui.confirm({
      title: 'Create this user?',
      message: 'Lanyard will create the user in GoToMeeting with:',
      confirmLabel: 'Create user',
      warnings: ['ada@example.com belongs to a deleted account: creating re-activates it instead.'],
      lines: [{ label: 'Email', after: 'ada@example.com' }],
    })
    await flushPromises()

    const warnings = wrapper.find('.confirmation__warnings')
    expect(warnings.attributes('role')).toBe('alert')
    expect(warnings.findAll('li').map((item) => item.text())).toEqual([
      'ada@example.com belongs to a deleted account: creating re-activates it instead.',
    ])
    await button('Create user').trigger('click')
    await expect(answer).resolves.toBe(true)
  })

  it('asks for a password, keeps confirm locked until one is typed, and hands it to the caller only', async () => {
    const ui = useUiStore()
    const answer = ui.confirmWithPassword(
      { title: 'Finish the creation of ada?', message: 'Lanyard runs the steps that did not happen.', confirmLabel: 'Finish the remaining steps' },
      { label: 'Password', help: 'Typed again: Lanyard never keeps passwords.' },
    )
    await flushPromises()

    const input = wrapper.find('#confirmation-password')
    expect(input.attributes('type')).toBe('password')
    expect(wrapper.find('label[for="confirmation-password"]').text()).toBe('Password *')
    expect(wrapper.find('.confirm__confirm').attributes('disabled')).toBeDefined()
    await input.setValue('Tr0ub4dor&3')
    expect(JSON.stringify(ui.$state)).not.toContain('Tr0ub4dor&3')
    expect(wrapper.find('.confirm__confirm').attributes('disabled')).toBeUndefined()

    await button('Finish the remaining steps').trigger('click')
    await expect(answer).resolves.toBe('Tr0ub4dor&3')
    await flushPromises()
    expect(wrapper.find('#confirmation-password').exists()).toBe(false)
  })

  it('answers null when a password question is cancelled, and forgets what was typed', async () => {
    const ui = useUiStore()
    const answer = ui.confirmWithPassword(
      { title: 'Finish?', message: 'Runs the steps left.', confirmLabel: 'Finish the remaining steps' },
      { label: 'Password', help: 'Typed again.' },
    )
    await flushPromises()
    await wrapper.find('#confirmation-password').setValue('half-typed')

    await button('Cancel').trigger('click')
    await expect(answer).resolves.toBeNull()

    const again = ui.confirmWithPassword({ title: 'Finish?', message: 'Again.', confirmLabel: 'Finish' }, { label: 'Password', help: '' })
    await flushPromises()
    expect((wrapper.find('#confirmation-password').element as HTMLInputElement).value).toBe('')
    ui.settleConfirmation(false)
    await expect(again).resolves.toBeNull()
  })
})
