// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { DirectoryPage } from '../../../../shared/directory'
import type { Result } from '../../../../shared/errors'
import { button, group, mountPanel, ok, openDialog, page } from './detailFixtures'

/*
 * Issue 15, "Counts are right": the deprovision dialog said "their groups (0) are recorded" while
 * the memberships were still loading (then "kept 2 groups"), and counted 3 groups where the panel
 * showed 4. What the dialog counts is loaded before it opens, and it names what it leaves out.
 */

afterEach(() => {
  document.body.innerHTML = ''
})

const message = (confirmation: Parameters<typeof openDialog>[0]) => openDialog(confirmation).find('.confirm__message').text()

describe('what the deprovision dialog counts', () => {
  it('waits for memberships still loading instead of counting none', async () => {
    let answer: (result: Result<DirectoryPage>) => void = () => undefined
    // The panel is open but its groups are slow to come.
    const { wrapper, confirmation } = await mountPanel({ answers: { 'directory.groupsOf': () => new Promise((resolve) => (answer = resolve)) } })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()
    expect(confirmation.find('[role="dialog"]').exists()).toBe(false)

    answer(ok(page([group('00g1', 'Engineering'), group('00g2', 'London office')])))
    await flushPromises()
    expect(message(confirmation)).toContain('their groups (2) are recorded')
    expect(message(confirmation)).not.toContain('(0)')
  })

  it('reads the pages the panel has not shown yet, so the count is whole rather than "2+"', async () => {
    const { wrapper, confirmation, api } = await mountPanel({
      answers: {
        'directory.groupsOf': (input) =>
          ok(input.cursor === 'page-2' ? page([group('00g3', 'VPN Users')]) : page([group('00g1', 'Engineering'), group('00g2', 'London office')], 'page-2')),
      },
    })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()

    expect(message(confirmation)).toContain('their groups (3) are recorded')
    expect(api.callsTo('directory.groupsOf')).toEqual([expect.objectContaining({ cursor: null }), expect.objectContaining({ cursor: 'page-2' })])
  })

  it('counts the groups the panel shows, naming those it does not record', async () => {
    const everyone = group('00g0', 'Everyone', 'Everyone is managed by Okta itself.')
    const { wrapper, confirmation } = await mountPanel({
      answers: { 'directory.groupsOf': () => ok(page([everyone, group('00g1', 'Engineering'), group('00g2', 'London office'), group('00g3', 'VPN Users')])) },
    })
    expect(wrapper.findAll('.membership')).toHaveLength(4)

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()

    expect(message(confirmation)).toContain('their groups (3 of the 4 shown; Everyone is not Lanyard\'s to change) are recorded')
  })

  it('says a list that could not be read was not counted, never "(0)"', async () => {
    const { wrapper, confirmation } = await mountPanel({
      answers: { 'directory.groupsOf': () => ({ ok: false, error: { code: 'network', message: 'Okta did not answer within 30 s.' } }) },
    })

    await button(wrapper, 'Deprovision…').trigger('click')
    await flushPromises()

    expect(message(confirmation)).toContain('their groups (could not be read: Okta did not answer within 30 s.)')
    expect(message(confirmation)).not.toContain('(0)')
  })
})
