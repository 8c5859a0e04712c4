// @vitest-environment happy-dom
import { flushPromises, type DOMWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { adaLovelace, button, confirmDialog, group, mountPanel, ok, openDialog, page } from './detailFixtures'

/*
 * Issue 15, "Group changes": memberships are seen at the top of the panel, not under the attributes;
 * the picker adds several at once with ONE confirmation, fully by keyboard (↓ / ↑ reach its results).
 */

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const groups = [group('00g3', 'Finance'), group('00g4', 'VPN Users'), group('00g5', 'London office'), group('00g7', 'Salesforce users', 'Okta manages this app group.')]

async function press(target: DOMWrapper<Element>, key: string, options: Record<string, unknown> = {}): Promise<void> {
  await target.trigger('keydown', { key, ...options })
  await flushPromises()
}

describe('the membership picker', () => {
  it('puts the memberships above the attributes', async () => {
    const { wrapper } = await mountPanel()
    const panel = wrapper.find('.object-panel').element
    const memberships = panel.querySelector('.memberships')
    const attributes = panel.querySelector('.attribute-list')
    expect(memberships && attributes && memberships.compareDocumentPosition(attributes) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('sends a newer search just before the one out would be sent again, when it waits out a retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const searches: string[] = []
    const { api, profile, wrapper } = await mountPanel({
      answers: { 'directory.list': (input) => (searches.push(input.search ?? ''), input.search === 'fin' ? new Promise(() => {}) : ok(page(groups))) },
    })
    await button(wrapper, 'Add to group…').trigger('click')
    await flushPromises()
    const search = wrapper.find('.picker input')
    await search.setValue('fin')
    await flushPromises()
    api.emit('retries.changed', { profileId: profile.id, waiting: 1, retry: { attempt: 1, of: 3, waitMs: 3_000, reason: 'server_busy' } })
    await search.setValue('fina')
    await vi.advanceTimersByTimeAsync(2_900)
    expect(searches.at(-1)).toBe('fin')
    await vi.advanceTimersByTimeAsync(100)
    expect(searches.at(-1)).toBe('fina')
    vi.useRealTimers()
  })

  it('adds several groups with one confirmation naming each, fully by keyboard', async () => {
    const { api, profile, wrapper, confirmation } = await mountPanel({
      answers: { 'directory.list': () => ok(page(groups)), 'directory.addMember': () => ok(null) },
    })
    await button(wrapper, 'Add to group…').trigger('click')
    await flushPromises()
    const search = wrapper.find('.picker input')
    expect(document.activeElement).toBe(search.element)

    await press(search, 'ArrowDown')
    expect(search.attributes('aria-activedescendant')).toBe(wrapper.find('.picker__choice[data-id="00g3"]').attributes('id'))
    await press(search, 'Enter')
    await press(search, 'ArrowDown')
    await press(search, 'Enter')
    await press(search, 'ArrowDown')
    await press(search, 'ArrowDown')
    // The app group cannot be ticked, so ↓ skips it and wraps to the first result.
    expect(search.attributes('aria-activedescendant')).toBe(wrapper.find('.picker__choice[data-id="00g3"]').attributes('id'))
    expect(wrapper.findAll('.picker__choice[aria-selected="true"]').map((choice) => choice.attributes('data-id'))).toEqual(['00g3', '00g4'])
    expect(wrapper.find('.picker__add').text()).toBe('Add to 2 groups…')

    await press(search, 'Enter', { ctrlKey: true })
    const dialog = openDialog(confirmation)
    expect(dialog.text()).toContain('Add Ada Lovelace to 2 groups')
    expect(dialog.text()).toContain('Finance')
    expect(dialog.text()).toContain('VPN Users')
    await confirmDialog(confirmation, 'Add to 2 groups')

    expect(api.callsTo('directory.addMember')).toEqual([
      { profileId: profile.id, groupType: 'groups', groupId: '00g3', userId: '00u1ada' },
      { profileId: profile.id, groupType: 'groups', groupId: '00g4', userId: '00u1ada' },
    ])
  })

  it('keeps what was ticked across searches, and unticks a chosen one from its chip', async () => {
    const { wrapper } = await mountPanel({
      answers: { 'directory.list': (input) => ok(page(groups.filter((candidate) => candidate.displayName.toLowerCase().includes((input.search ?? '').toLowerCase())))) },
    })
    await button(wrapper, 'Add to group…').trigger('click')
    await flushPromises()
    await wrapper.find('.picker__choice[data-id="00g3"]').trigger('click')
    await wrapper.find('.picker input').setValue('vpn')
    await flushPromises()
    await wrapper.find('.picker__choice[data-id="00g4"]').trigger('click')
    expect(wrapper.findAll('.picker__chip').map((chip) => chip.attributes('data-id'))).toEqual(['00g3', '00g4'])
    await wrapper.find('.picker__chip[data-id="00g3"]').trigger('click')
    expect(wrapper.findAll('.picker__chip').map((chip) => chip.attributes('data-id'))).toEqual(['00g4'])
  })

  it('searches at the first keystroke, with no fixed wait, and one search out at a time', async () => {
    let answer: (() => void) | undefined
    const { api, wrapper } = await mountPanel({
      answers: {
        'directory.list': (input) =>
          input.search === 'f'
            ? new Promise((resolve) => {
                answer = () => resolve(ok(page(groups)))
              })
            : ok(page(groups)),
      },
    })
    await button(wrapper, 'Add to group…').trigger('click')
    await flushPromises()
    const searched = () => api.callsTo('directory.list').map((input) => (input as { search: string }).search)
    await wrapper.find('.picker input').setValue('f')
    expect(searched()).toEqual(['', 'f'])
    await wrapper.find('.picker input').setValue('fi')
    await wrapper.find('.picker input').setValue('fin')
    expect(searched()).toEqual(['', 'f'])
    answer?.()
    await flushPromises()
    expect(searched()).toEqual(['', 'f', 'fin'])
  })

  it('adds several members to a group with one confirmation', async () => {
    const grace = adaLovelace({ id: '00u2grace', displayName: 'Grace Hopper' })
    const alan = adaLovelace({ id: '00u3alan', displayName: 'Alan Turing' })
    const { api, wrapper, confirmation } = await mountPanel({
      object: group('00g1', 'Engineering'),
      answers: { 'directory.list': () => ok(page([grace, alan])), 'directory.addMember': () => ok(null) },
    })
    await button(wrapper, 'Add member…').trigger('click')
    await flushPromises()
    await wrapper.find('.picker__choice[data-id="00u2grace"]').trigger('click')
    await wrapper.find('.picker__choice[data-id="00u3alan"]').trigger('click')
    await wrapper.find('.picker__add').trigger('click')
    await flushPromises()
    expect(openDialog(confirmation).text()).toContain('Add 2 users to Engineering')
    await confirmDialog(confirmation, 'Add 2 members')
    expect(api.callsTo('directory.addMember').map((input) => (input as { userId: string }).userId)).toEqual(['00u2grace', '00u3alan'])
  })
})
