// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FakeAnswers } from '../../support/fakeLanyardApi'
import { adaLovelace, button, confirmDialog, group, mountPanel, ok, openDialog, page } from './detailFixtures'

afterEach(() => {
  // A test that failed between faking and restoring the clock must not leave it faked.
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const appGroupReason = 'Okta manages this app group: change its members in the app.'

describe("a user's groups in the detail panel", () => {
  it("lists the user's groups, paged with Show more", async () => {
    const { api, profile, wrapper } = await mountPanel({
      answers: {
        'directory.groupsOf': (input) =>
          input.cursor ? ok(page([group('00g3', 'Finance')])) : ok(page([group('00g1', 'Engineering')], 'cursor-2')),
      },
    })

    expect(api.callsTo('directory.groupsOf')[0]).toMatchObject({ profileId: profile.id, objectType: 'users', objectId: '00u1ada' })
    expect(wrapper.findAll('.membership__name').map((name) => name.text())).toEqual(['Engineering'])
    expect(wrapper.find('.memberships__title').text()).toBe('Groups (1+)')

    await button(wrapper, 'Show more').trigger('click')
    await flushPromises()

    expect(api.callsTo('directory.groupsOf')[1]).toMatchObject({ cursor: 'cursor-2' })
    expect(wrapper.findAll('.membership__name').map((name) => name.text())).toEqual(['Engineering', 'Finance'])
    expect(wrapper.findAll('button').some((candidate) => candidate.text() === 'Show more')).toBe(false)
  })

  /**
   * Ada's panel with Engineering and London office; removes her from Engineering, and the read of
   * her groups after that change answers with `reread` (a promise the test settles, or at once).
   */
  async function removeFromEngineering(reread: () => ReturnType<NonNullable<FakeAnswers['directory.groupsOf']>>) {
    let reads = 0
    const mounted = await mountPanel({
      answers: {
        'directory.removeMember': () => ok(null),
        'directory.groupsOf': () => (++reads === 1 ? ok(page([group('00g1', 'Engineering'), group('00g2', 'London office')])) : reread()),
      },
    })
    await mounted.wrapper.find('.membership[data-id="00g1"]').find('button').trigger('click')
    await flushPromises()
    await confirmDialog(mounted.confirmation, 'Remove from group')
    return mounted.wrapper.find('.memberships')
  }

  it('says the shown groups are being read again after a change, and greys them until the answer comes', async () => {
    let release: (() => void) | undefined
    // The read after the change waits (a slow or retrying target).
    const section = await removeFromEngineering(() => new Promise((resolve) => (release = () => resolve(ok(page([group('00g2', 'London office')]))))))

    // Not "Loading groups…" under groups that are already there: these may be out of date.
    expect(section.find('[role="status"]').text()).toBe('Checking groups again…')
    expect(section.find('.memberships__list').classes()).toContain('memberships__list--stale')
    expect(section.find('.memberships__list').attributes('aria-busy')).toBe('true')

    release?.()
    await flushPromises()
    expect(section.findAll('.membership__name').map((name) => name.text())).toEqual(['London office'])
    expect(section.find('.memberships__list').classes()).not.toContain('memberships__list--stale')
    expect(section.find('[role="status"]').exists()).toBe(false)
  })

  it('keeps the old groups greyed and says so when reading them again after a change fails', async () => {
    const section = await removeFromEngineering(() => ({ ok: false, error: { code: 'network', message: 'Okta had a problem answering (HTTP 500). Try again in a moment.' } }))

    expect(section.find('[role="alert"]').text()).toContain('Okta had a problem answering (HTTP 500).')
    // Engineering was removed, but the list could not say so: these are from before the change.
    expect(section.findAll('.membership__name').map((name) => name.text())).toEqual(['Engineering', 'London office'])
    expect(section.find('.memberships__list').classes()).toContain('memberships__list--stale')
    expect(section.find('.memberships__list').attributes('aria-busy')).toBe('false')
    expect(section.find('.memberships__stale-note').text()).toBe('The groups shown are from before the change: reading them again failed.')
  })

  it('says more groups are loading while Show more reads the next page, and the retry it waits for', async () => {
    let release: (() => void) | undefined
    const { api, profile, wrapper } = await mountPanel({
      answers: {
        'directory.groupsOf': (input) =>
          input.cursor
            ? new Promise((resolve) => (release = () => resolve(ok(page([group('00g3', 'Finance')])))))
            : ok(page([group('00g1', 'Engineering')], 'cursor-2')),
      },
    })

    await button(wrapper, 'Show more').trigger('click')
    await flushPromises()
    expect(wrapper.find('.memberships [role="status"]').text()).toBe('Loading more groups…')
    // The groups shown are current: nothing greyed.
    expect(wrapper.find('.memberships__list').classes()).not.toContain('memberships__list--stale')
    // A page waiting out a 429 says so, rather than loading for a minute without a word.
    api.emit('retries.changed', { profileId: profile.id, waiting: 1, retry: { attempt: 1, of: 5, waitMs: 3_000, reason: 'rate_limit' } })
    await flushPromises()
    expect(wrapper.find('.memberships [role="status"]').text()).toBe("Loading more groups… · Waiting for Okta's rate limit, retry 1 of 5 in 3 s.")

    release?.()
    await flushPromises()
    expect(wrapper.findAll('.membership__name').map((name) => name.text())).toEqual(['Engineering', 'Finance'])
  })

  it('removes the user from a group only after confirming which membership goes', async () => {
    const { api, profile, wrapper, confirmation } = await mountPanel({ answers: { 'directory.removeMember': () => ok(null) } })

    await wrapper.find('.membership[data-id="00g1"]').find('button').trigger('click')
    await flushPromises()
    const dialog = openDialog(confirmation)
    expect(dialog.text()).toContain('Remove Ada Lovelace from Engineering.')
    expect(api.callsTo('directory.removeMember')).toEqual([])

    await confirmDialog(confirmation, 'Remove from group')

    expect(api.callsTo('directory.removeMember')).toEqual([{ profileId: profile.id, groupType: 'groups', groupId: '00g1', userId: '00u1ada' }])
    // The user and their groups are read again once each, when main reports the change.
    expect(api.callsTo('directory.groupsOf')).toHaveLength(2)
    expect(api.callsTo('directory.get')).toHaveLength(2)
  })

  it('sends nothing when the person cancels the confirmation', async () => {
    const { api, wrapper, confirmation } = await mountPanel({ answers: { 'directory.removeMember': () => ok(null) } })

    await wrapper.find('.membership[data-id="00g2"]').find('button').trigger('click')
    await flushPromises()
    await button(openDialog(confirmation), 'Cancel').trigger('click')
    await flushPromises()

    expect(api.callsTo('directory.removeMember')).toEqual([])
  })

  it('does not offer to remove the user from a group the target refuses to change', async () => {
    const { wrapper } = await mountPanel({
      answers: { 'directory.groupsOf': () => ok(page([group('00g7', 'Salesforce users', appGroupReason)])) },
    })

    const remove = wrapper.find('.membership[data-id="00g7"]').find('button')
    expect(remove.attributes('disabled')).toBeDefined()
    expect(remove.attributes('title')).toBe(appGroupReason)
  })

  it('searches groups as the person types and adds the user to the picked one after confirming', async () => {
    const { api, profile, wrapper, confirmation } = await mountPanel({
      answers: {
        'directory.list': (input) =>
          ok(page(input.search === 'fin' ? [group('00g3', 'Finance'), group('00g7', 'Salesforce users', appGroupReason)] : [])),
        'directory.addMember': () => ok(null),
      },
    })

    await button(wrapper, 'Add to group…').trigger('click')
    await flushPromises()
    // Search as you type at one round trip (searchAsYouType), no fixed wait.
    await wrapper.find('.picker input').setValue('fin')
    await flushPromises()

    expect(api.callsTo('directory.list').at(-1)).toMatchObject({ profileId: profile.id, objectType: 'groups', search: 'fin' })
    const refused = wrapper.find('.picker__choice[data-id="00g7"]')
    expect(refused.text()).toContain(appGroupReason)
    expect(refused.attributes('disabled')).toBeDefined()

    await wrapper.find('.picker__choice[data-id="00g3"]').trigger('click')

    await wrapper.find('.picker__add').trigger('click')
    await flushPromises()
    expect(openDialog(confirmation).text()).toContain('Add Ada Lovelace to Finance.')
    await confirmDialog(confirmation, 'Add to group')

    expect(api.callsTo('directory.addMember')).toEqual([{ profileId: profile.id, groupType: 'groups', groupId: '00g3', userId: '00u1ada' }])
  })

  it('keeps a refused group out of reach even if its button is clicked', async () => {
    const { api, wrapper } = await mountPanel({
      answers: {
        'directory.list': () => ok(page([group('00g7', 'Salesforce users', appGroupReason)])),
        'directory.addMember': () => ok(null),
      },
    })

    await button(wrapper, 'Add to group…').trigger('click')
    await flushPromises()
    const choice = wrapper.find('.picker__choice[data-id="00g7"]')
    ;(choice.element as HTMLButtonElement).disabled = false
    await choice.trigger('click')
    await flushPromises()

    expect(wrapper.findAll('dialog .modal__content')).toHaveLength(0)
    expect(api.callsTo('directory.addMember')).toEqual([])
  })

  it('shows why an add failed, with the target details folded away', async () => {
    const { wrapper, confirmation } = await mountPanel({
      answers: {
        'directory.list': () => ok(page([group('00g3', 'Finance')])),
        'directory.addMember': () => ({
          ok: false,
          error: { code: 'rate_limited', message: 'Okta asked Lanyard to slow down. Try again in a minute.', details: { requestId: 'req-42' } },
        }),
      },
    })

    await button(wrapper, 'Add to group…').trigger('click')
    await flushPromises()
    await wrapper.find('.picker__choice[data-id="00g3"]').trigger('click')
    await wrapper.find('.picker__add').trigger('click')
    await flushPromises()
    await confirmDialog(confirmation, 'Add to group')

    const alert = wrapper.find('.memberships [role="alert"]')
    expect(alert.text()).toContain('Okta asked Lanyard to slow down.')
    expect(alert.find('dd').text()).toBe('req-42')
  })
})

describe("a group's members in the detail panel", () => {
  it('lists members and searches users to add one', async () => {
    const grace = adaLovelace({ id: '00u2grace', displayName: 'Grace Hopper', secondary: 'grace.hopper@example.com' })
    const { api, profile, wrapper, confirmation } = await mountPanel({
      object: group('00g1', 'Engineering'),
      answers: { 'directory.list': () => ok(page([grace])), 'directory.addMember': () => ok(null) },
    })

    expect(wrapper.find('.memberships__title').text()).toBe('Members (1)')
    expect(wrapper.find('.membership__name').text()).toBe('Ada Lovelace')

    await button(wrapper, 'Add member…').trigger('click')
    await flushPromises()
    expect(api.callsTo('directory.list').at(-1)).toMatchObject({ objectType: 'users' })
    await wrapper.find('.picker__choice[data-id="00u2grace"]').trigger('click')
    await wrapper.find('.picker__add').trigger('click')
    await flushPromises()
    await confirmDialog(confirmation, 'Add to group')

    expect(api.callsTo('directory.addMember')).toEqual([{ profileId: profile.id, groupType: 'groups', groupId: '00g1', userId: '00u2grace' }])
  })
})
