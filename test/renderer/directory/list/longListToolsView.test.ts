// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallInput } from '../../../../shared/contract'
import type { DirectoryPage } from '../../../../shared/directory'
import type { Result } from '../../../../shared/errors'
import { profileView } from '../../support/fakeLanyardApi'
import { listCalls, mountAt, page, renderedNames, users } from './listFixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

function usersUpTo(count: number, withTotal = false) {
  return (input: CallInput<'directory.list'>): Result<DirectoryPage> => {
    const from = input.cursor ? Number(input.cursor) : 0
    const to = Math.min(count, from + (input.pageSize ?? 100))
    return page(users(to - from, from), to < count ? String(to) : null, withTotal ? count : null)
  }
}

const okta = profileView({ name: 'Okta sandbox' })
const oktaUsers = `/profiles/${okta.id}/users`

describe('a long list’s tools', () => {
  it('"Jump to end" loads every page and selects the last row; the count goes from "100+" to exact', async () => {
    const { wrapper, api } = await mountAt(oktaUsers, okta, { 'directory.list': usersUpTo(2_000) })
    expect(wrapper.find('.directory-list__count').text()).toBe('100+ users')

    await wrapper.find('button.directory-list__jump').trigger('click')
    await flushPromises()

    expect(listCalls(api)).toHaveLength(1 + 10)
    expect(wrapper.find('.directory-list__count').text()).toBe('2,000 users')
    expect(wrapper.find('[role="row"][aria-selected="true"]').attributes('data-id')).toBe('u1999')
    expect(wrapper.find('button.directory-list__jump').exists()).toBe(false)
  })

  it('End and Ctrl+End in the table jump to the end too', async () => {
    for (const ctrlKey of [false, true]) {
      const profile = profileView({ name: 'Okta sandbox' })
      const { wrapper, api } = await mountAt(`/profiles/${profile.id}/users`, profile, { 'directory.list': usersUpTo(700) })
      const grid = wrapper.find('[role="grid"]')
      grid.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', ctrlKey, bubbles: true, cancelable: true }))
      await flushPromises()
      expect(listCalls(api), `ctrl ${ctrlKey}`).toHaveLength(4)
      expect(wrapper.find('[role="row"][aria-selected="true"]').attributes('data-id')).toBe('u699')
      wrapper.unmount()
    }
  })

  it('shows the total GoToMeeting gives from the first page', async () => {
    const goTo = profileView({ connectorId: 'gotomeeting', name: 'GoTo sandbox', values: {}, secrets: { password: 'stored', clientSecret: 'stored' } })
    const { wrapper } = await mountAt(`/profiles/${goTo.id}/users`, goTo, { 'directory.list': usersUpTo(20_000, true) })
    expect(wrapper.find('.directory-list__count').text()).toBe('20,000 users')
  })

  it('sorts the loaded rows by a column header, says it sorts only the loaded rows, and marks the header for screen readers', async () => {
    const { wrapper } = await mountAt(oktaUsers, okta, { 'directory.list': usersUpTo(2_000) })
    const nameHeader = wrapper.findAll('[role="columnheader"]')[0]!
    expect(nameHeader.attributes('aria-sort')).toBe('none')

    await nameHeader.find('button').trigger('click')
    expect(nameHeader.attributes('aria-sort')).toBe('ascending')
    expect(renderedNames(wrapper).slice(0, 3)).toEqual(['User 0', 'User 1', 'User 2'])
    expect(wrapper.find('.directory-list__sort-note').text()).toBe('Sorted by Name (A to Z): the 100 loaded users, not all of Okta’s. Jump to end to sort them all.')

    await nameHeader.find('button').trigger('click')
    expect(nameHeader.attributes('aria-sort')).toBe('descending')
    expect(renderedNames(wrapper)[0]).toBe('User 99')

    await nameHeader.find('button').trigger('click')
    expect(nameHeader.attributes('aria-sort')).toBe('none')
    expect(wrapper.find('.directory-list__sort-note').exists()).toBe(false)
  })
})

describe('while jumping to the end', () => {
  it('says how far it has got, of the total where the target gives one, and offers Stop', async () => {
    const goTo = profileView({ connectorId: 'gotomeeting', name: 'GoTo sandbox', values: {}, secrets: { password: 'stored', clientSecret: 'stored' } })
    let release: () => void = () => undefined
    const answer = usersUpTo(5_000, true)
    const { wrapper } = await mountAt(`/profiles/${goTo.id}/users`, goTo, {
      'directory.list': (input) => (input.cursor ? new Promise((resolve) => (release = () => resolve(answer(input)))) : answer(input)),
    })
    await wrapper.find('button.directory-list__jump').trigger('click')
    release()
    await flushPromises()
    expect(wrapper.find('.list-status').text()).toBe('Loading to the end… 1,100 of 5,000 users')

    await wrapper.find('button.list-tools__stop').trigger('click')
    release()
    await flushPromises()
    expect(wrapper.find('button.list-tools__stop').exists()).toBe(false)
    expect(wrapper.find('button.directory-list__jump').exists()).toBe(true)
    expect(wrapper.find('.list-status').text()).toBe('')
  })
})

describe('a name cut short by a narrow column', () => {
  it('reads whole on hover', async () => {
    const { wrapper } = await mountAt(oktaUsers, okta, { 'directory.list': () => page([{ ...users(1)[0]!, displayName: 'Sandbox Administrator of the Northern Region' }]) })
    const cells = wrapper.find('[role="row"][data-id]').findAll('[role="gridcell"]')
    expect(cells.slice(0, 2).map((cell) => cell.attributes('title'))).toEqual(['Sandbox Administrator of the Northern Region', 'user0@example.com'])
  })
})
